#!/bin/sh
# make install into a scratch DESTDIR, then build a receiver as a user
# would: hookc from the installed bin/, the runtime through pkg-config.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=/opt/hookc
dest="$tmp/root"
pass=0
failed=0
check() { # STATUS DESCRIPTION
    if [ "$1" -eq 0 ]; then pass=$((pass + 1)); else
        failed=$((failed + 1)); echo "FAIL: $2"; fi
}

make --no-print-directory install DESTDIR="$dest" PREFIX="$prefix" \
    >"$tmp/log" 2>&1
check $? "make install"
for f in bin/hookc lib/libhookrt.a include/hookrt.h lib/pkgconfig/hookrt.pc; do
    test -f "$dest$prefix/$f"
    check $? "installed $f"
done

# the .pc names the real prefix; point pkg-config at the staged copy
sed "s|^prefix=.*|prefix=$dest$prefix|" "$dest$prefix/lib/pkgconfig/hookrt.pc" \
    >"$tmp/hookrt.pc"
export PKG_CONFIG_PATH="$tmp"
grep -q "^Version: $(sed -n 's/^#define HOOKRT_VERSION "\(.*\)"/\1/p' runtime/hookrt.h)$" \
    "$tmp/hookrt.pc"
check $? "pkg-config file carries the runtime version"

mkdir "$tmp/gen"
"$dest$prefix/bin/hookc" -o "$tmp/gen" schema/mews.hookc
check $? "installed hookc generates the parser"
cc -std=c99 -Wall -Wextra -Wpedantic -Werror -I"$tmp/gen" \
    $(pkg-config --cflags hookrt) tests/install/receiver.c "$tmp/gen/mews.c" \
    $(pkg-config --libs hookrt) -o "$tmp/receiver" 2>"$tmp/cc.log"
check $? "receiver builds against the installed runtime: $(cat "$tmp/cc.log")"
out=$("$tmp/receiver")
check $? "receiver runs"
[ "$out" = "IntegrationEnabled T" ]
check $? "receiver output: $out"

# the README's streaming example, exactly as printed there
sed -n '/^## Using the generated parser/,/^## /p' README.md |
    sed -n '/^```c$/,/^```$/p' | sed '1d;$d' >"$tmp/readme.c"
test -s "$tmp/readme.c"
check $? "README has its C example"
cc -std=c99 -Wall -Wextra -Wpedantic -Werror -I"$tmp/gen" \
    $(pkg-config --cflags hookrt) "$tmp/readme.c" "$tmp/gen/mews.c" \
    $(pkg-config --libs hookrt) -o "$tmp/readme" 2>"$tmp/cc.log"
check $? "README example builds: $(cat "$tmp/cc.log")"
out=$("$tmp/readme" <tests/seed/IntegrationCreated.json)
check $? "README example acknowledges a Created webhook"
case $out in
*"token of "*"IntegrationCreated") true ;;
*) false ;;
esac
check $? "README example output: $out"
printf '{"Action":"IntegrationCreated","Data":{}' | "$tmp/readme" \
    >/dev/null 2>"$tmp/err"
test $? -eq 1 && grep -q '^1:[0-9]*: ' "$tmp/err"
check $? "README example refuses a truncated body with its position: $(cat "$tmp/err")"

make --no-print-directory uninstall DESTDIR="$dest" PREFIX="$prefix" \
    >/dev/null 2>&1
test ! -e "$dest$prefix/bin/hookc"
check $? "make uninstall"

echo "install: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
