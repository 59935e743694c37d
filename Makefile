# hookc - schema compiler for zero-allocation streaming JSON parsers.
#
#   make          build the compiler, the runtime and mews-check
#   make demo     regenerate the Mews parser and check the seed messages
#   make test     the whole test suite (gcc, clang, ASan and UBSan)
#   make install  PREFIX=/usr/local DESTDIR=
#   make clean

CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
DATA    ?= ../shared/data
BUILD   := build

# The runtime and generated code hold to the strictest flags.
STRICT  := -std=c99 -Wall -Wextra -Wpedantic -Werror
CFLAGS  ?= -O2 -g
# The compiler also compiles re2c and lemon output, which is not ours.
GEN_CFLAGS := -std=c99 -Wall -Wextra -D_POSIX_C_SOURCE=200809L

VERSION := $(shell sed -n 's/^\#define HOOKRT_VERSION "\(.*\)"/\1/p' runtime/hookrt.h)

BUILD_PKGS := re2c lemon
TEST_PKGS  := $(BUILD_PKGS) libcmocka-dev clang pkg-config

RT_SRC  := $(wildcard runtime/*.c)
RT_OBJ  := $(RT_SRC:%.c=$(BUILD)/obj/%.o)
LIB     := $(BUILD)/lib/libhookrt.a

GEN_SRC := $(wildcard gen/*.c)
GEN_OBJ := $(GEN_SRC:%.c=$(BUILD)/obj/%.o) \
           $(BUILD)/obj/gen/lexer.o $(BUILD)/obj/gen/grammar.o
HOOKC   := $(BUILD)/bin/hookc

MEWS    := $(BUILD)/generated/mews
CHECK   := $(BUILD)/bin/mews-check

# Every schema in schema/ becomes a package and a NAME-check tool, built
# from tools/check.c; ROOT_NAME is the package's message type.
SCHEMAS        := mews general websocket endpoint
ROOT_mews      := mews_webhook
ROOT_general   := general_webhook
ROOT_websocket := websocket_message
ROOT_endpoint  := endpoint_endpoint
CHECKS         := $(SCHEMAS:%=$(BUILD)/bin/%-check)
GENERATED_OBJ  := $(SCHEMAS:%=$(BUILD)/obj/generated/%.o)


.PHONY: all demo test install uninstall clean deps test-deps
.DELETE_ON_ERROR:

all: $(HOOKC) $(LIB) $(CHECKS)

deps:
	@tools/need-packages.sh $(BUILD_PKGS)

test-deps:
	@tools/need-packages.sh $(TEST_PKGS)

# --- runtime -------------------------------------------------------------

$(BUILD)/obj/runtime/%.o: runtime/%.c runtime/hookrt.h
	@mkdir -p $(@D)
	$(CC) $(STRICT) $(CFLAGS) -c $< -o $@

$(LIB): $(RT_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

# --- compiler ------------------------------------------------------------

$(BUILD)/gen/lexer.c: gen/lexer.re | deps
	@mkdir -p $(@D)
	re2c -W --no-generation-date -o $@ $<

# lemon leaves grammar.h alone when it would not change: touch both
$(BUILD)/gen/grammar.c $(BUILD)/gen/grammar.h &: gen/grammar.y | deps
	@mkdir -p $(@D)
	cp gen/grammar.y $(BUILD)/gen/grammar.y
	cd $(BUILD)/gen && lemon -q grammar.y && touch grammar.c grammar.h

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c $(BUILD)/gen/grammar.h $(wildcard gen/*.h)
	@mkdir -p $(@D)
	$(CC) $(GEN_CFLAGS) -Wno-unused-parameter -Wno-unused-variable \
		$(CFLAGS) -Igen -I$(BUILD)/gen -Iruntime -c $< -o $@

$(BUILD)/obj/gen/%.o: gen/%.c $(BUILD)/gen/grammar.h $(wildcard gen/*.h) runtime/hookrt.h
	@mkdir -p $(@D)
	$(CC) $(GEN_CFLAGS) $(CFLAGS) -Igen -I$(BUILD)/gen -Iruntime \
		-DHOOKC_VERSION='"$(VERSION)"' -c $< -o $@

$(HOOKC): $(GEN_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $^ -o $@

# --- generated parsers and their check tools -----------------------------

# Regenerated whenever the schema or the compiler changes.
$(BUILD)/generated/%.c $(BUILD)/generated/%.h: schema/%.hookc $(HOOKC)
	@mkdir -p $(@D)
	$(HOOKC) -o $(@D) $<

$(BUILD)/obj/generated/%.o: $(BUILD)/generated/%.c $(BUILD)/generated/%.h \
		runtime/hookrt.h
	@mkdir -p $(@D)
	$(CC) $(STRICT) $(CFLAGS) -Iruntime -c $< -o $@

$(BUILD)/bin/%-check: tools/check.c $(BUILD)/obj/generated/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(STRICT) -D_POSIX_C_SOURCE=200809L $(CFLAGS) -Iruntime \
		-I$(BUILD)/generated -DTOOL='"$*-check"' -DPKG_HEADER='"$*.h"' \
		-DROOT_TYPE=$(ROOT_$*) -DROOT_RECORD=$(ROOT_$*)_record \
		$< $(BUILD)/obj/generated/$*.o $(LIB) -o $@

.SECONDARY: $(SCHEMAS:%=$(BUILD)/generated/%.c) \
	$(SCHEMAS:%=$(BUILD)/generated/%.h) $(GENERATED_OBJ)

# The Mews parser is regenerated every time (the rule above would skip it
# while it is up to date), then rebuilt into the checker.
demo: $(HOOKC)
	@mkdir -p $(dir $(MEWS))
	$(HOOKC) -o $(dir $(MEWS)) schema/mews.hookc
	@$(MAKE) --no-print-directory $(CHECK)
	$(CHECK) tests/seed/*.json

# --- tests ---------------------------------------------------------------

include tests/tests.mk
include fuzz/fuzz.mk
include bench/bench.mk

# --- install -------------------------------------------------------------

install: $(HOOKC) $(LIB)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
		$(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 755 $(HOOKC) $(DESTDIR)$(PREFIX)/bin/hookc
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libhookrt.a
	install -m 644 runtime/hookrt.h $(DESTDIR)$(PREFIX)/include/hookrt.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
		runtime/hookrt.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/hookrt.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/hookc $(DESTDIR)$(PREFIX)/lib/libhookrt.a \
		$(DESTDIR)$(PREFIX)/include/hookrt.h \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig/hookrt.pc

clean:
	rm -rf $(BUILD)
