#!/bin/sh
# Makes sure the Debian packages a build step needs are installed.
# Usage: need-packages.sh PACKAGE...
# As root, installs what is missing with apt-get; otherwise names the
# missing packages in one line and fails.
missing=""
for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
            grep -q 'install ok installed'; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "hookc: installing Debian packages:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q $missing >/dev/null 2>&1; then
        apt-get update -q >/dev/null 2>&1
        apt-get install -y -q $missing >/dev/null || {
            echo "hookc: could not install:$missing" >&2
            exit 1
        }
    fi
    exit 0
fi
echo "hookc: missing Debian packages:$missing (install with: sudo apt-get install$missing)" >&2
exit 1
