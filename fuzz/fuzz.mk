# fuzz/fuzz.mk - fuzz targets, campaigns, regressions and coverage;
# included by the top Makefile after tests/tests.mk.
#
#   make fuzz            every target under libFuzzer and AFL++ for
#                        FUZZ_SECONDS each (default 60), then minimise
#                        fuzz/corpus/; fails on any crash, leak or hang
#   make fuzz-regress    replay fuzz/corpus and fuzz/regressions (part of
#                        `make test`)
#   make fuzz-pending    replay the regressions still marked PENDING
#   make fuzz-build      build every target in every flavour
#   make coverage        line and branch coverage of runtime/ and mews.c
#
# Targets: parser_mews, parser_full, compiler, and parser_general,
# parser_websocket, parser_endpoint, parser_full2 for the other
# packages. Flavours, each in
# build/fuzz/FLAVOUR/TARGET:
#   lf      libFuzzer + ASan + UBSan (clang)
#   afl     AFL++ (afl-clang-fast -fsanitize=fuzzer, i.e. libAFLDriver)
#   cmplog  AFL++ CMPLOG build, for afl-fuzz -c
#   replay  plain binary with fuzz/replay_main.c ($(CC)), for gdb/valgrind

FUZZ_SECONDS ?= 60
FZ           := $(BUILD)/fuzz
FUZZ_TARGETS := parser_mews parser_full compiler parser_general \
                parser_websocket parser_endpoint parser_full2
FUZZ_PKGS    := clang llvm libclang-rt-14-dev afl++ python3 $(TEST_PKGS)

fuzz_WARN := -Wall -Wextra -Wno-unused-parameter -Wno-unused-function \
             -Wno-unused-variable

# flavour -> compiler, flags, extra sources
fuzz_lf_CC      := clang
fuzz_lf_CF      := -g -O1 -fno-omit-frame-pointer \
                   -fsanitize=fuzzer,address,undefined \
                   -fno-sanitize-recover=undefined
fuzz_afl_CC     := AFL_QUIET=1 afl-clang-fast
fuzz_afl_CF     := -g -O2 -fsanitize=fuzzer
fuzz_cmplog_CC  := AFL_QUIET=1 AFL_LLVM_CMPLOG=1 afl-clang-fast
fuzz_cmplog_CF  := -g -O2 -fsanitize=fuzzer
fuzz_replay_CC  := $(CC)
fuzz_replay_CF  := -g -O1
fuzz_replay_SRC := fuzz/replay_main.c
FUZZ_FLAVOURS   := lf afl cmplog replay

# target -> sources, include flags
fuzz_parser_mews_SRC := fuzz/parser_mews.c fuzz/reference/mews_ref.c \
	fuzz/alloc_trap.c $(MEWS).c $(RT_SRC)
fuzz_parser_mews_DEP := fuzz/parser_oracles.h fuzz/alloc_trap.h \
	fuzz/reference/mews_ref.h $(MEWS).h $(RT_DEPS)
fuzz_parser_mews_INC := -Ifuzz -Iruntime -I$(BUILD)/generated
fuzz_parser_full_SRC := fuzz/parser_full.c fuzz/alloc_trap.c $(FULL).c $(RT_SRC)
fuzz_parser_full_DEP := fuzz/parser_oracles.h fuzz/alloc_trap.h $(FULL).h \
	$(RT_DEPS)
fuzz_parser_full_INC := -Ifuzz -Iruntime -I$(BUILD)/generated-full
# the other packages: $(1) name, $(2) generated package path
define fuzz_package
fuzz_parser_$(1)_SRC := fuzz/parser_$(1).c fuzz/alloc_trap.c $(2).c $$(RT_SRC)
fuzz_parser_$(1)_DEP := fuzz/parser_oracles.h fuzz/alloc_trap.h $(2).h \
	$$(RT_DEPS)
fuzz_parser_$(1)_INC := -Ifuzz -Iruntime -I$(dir $(2))
endef
$(eval $(call fuzz_package,general,$(BUILD)/generated/general))
$(eval $(call fuzz_package,websocket,$(BUILD)/generated/websocket))
$(eval $(call fuzz_package,endpoint,$(BUILD)/generated/endpoint))
$(eval $(call fuzz_package,full2,$(FULL2)))
fuzz_compiler_SRC    := fuzz/compiler.c $(filter-out gen/main.c,$(GEN_SRC)) \
	$(BUILD)/gen/lexer.c $(BUILD)/gen/grammar.c
fuzz_compiler_DEP    := $(wildcard gen/*.h) $(BUILD)/gen/grammar.h \
	runtime/hookrt.h
fuzz_compiler_INC    := -Igen -I$(BUILD)/gen -Iruntime \
	-DHOOKC_VERSION='"$(VERSION)"' -D_POSIX_C_SOURCE=200809L

# $(1) flavour, $(2) target
define fuzz_binary
$(FZ)/$(1)/$(2): $$(fuzz_$(2)_SRC) $$(fuzz_$(2)_DEP) $$(fuzz_$(1)_SRC) \
		fuzz/fuzz.mk | $(if $(filter replay,$(1)),test-deps,fuzz-deps)
	@mkdir -p $$(@D)
	$$(fuzz_$(1)_CC) $$(fuzz_$(1)_CF) $(fuzz_WARN) $$(fuzz_$(2)_INC) \
		$$(fuzz_$(2)_SRC) $$(fuzz_$(1)_SRC) -o $$@
endef
$(foreach f,$(FUZZ_FLAVOURS),$(foreach t,$(FUZZ_TARGETS),\
	$(eval $(call fuzz_binary,$(f),$(t)))))

FUZZ_BINS   := $(foreach f,$(FUZZ_FLAVOURS),$(addprefix $(FZ)/$(f)/,$(FUZZ_TARGETS)))
REPLAY_BINS := $(addprefix $(FZ)/replay/,$(FUZZ_TARGETS))

# Dictionaries: generated from the schemas; the compiler's is by hand.
$(FZ)/dict/parser_mews.dict: schema/mews.hookc $(HOOKC)
	@mkdir -p $(@D)
	$(HOOKC) --emit dict -o $(FZ)/dict $<
	mv $(FZ)/dict/mews.dict $@
$(FZ)/dict/parser_full.dict: tests/schemas/full.hookc $(HOOKC)
	@mkdir -p $(@D)
	$(HOOKC) --emit dict -o $(FZ)/dict $<
	mv $(FZ)/dict/full.dict $@
$(FZ)/dict/parser_full2.dict: tests/schemas/full2.hookc $(HOOKC)
	@mkdir -p $(@D)
	$(HOOKC) --emit dict -o $(FZ)/dict $<
	mv $(FZ)/dict/full2.dict $@
$(FZ)/dict/parser_%.dict: schema/%.hookc $(HOOKC)
	@mkdir -p $(@D)
	$(HOOKC) --emit dict -o $(FZ)/dict $<
	mv $(FZ)/dict/$*.dict $@
$(FZ)/dict/compiler.dict: fuzz/compiler.dict
	@mkdir -p $(@D)
	cp $< $@
FUZZ_DICTS := $(FUZZ_TARGETS:%=$(FZ)/dict/%.dict)

# Seeds, from the repository's messages and schemas and from $(DATA).
$(FZ)/seeds/.stamp: fuzz/make_seeds.py | fuzz-deps
	rm -rf $(FZ)/seeds
	@mkdir -p $(FZ)/seeds
	@if [ -d "$(DATA)/blns" ]; then python3 fuzz/make_seeds.py $(FZ)/seeds $(DATA); \
	else echo "fuzz: no corpora in $(DATA): seeding from fuzz/corpus only"; fi
	@touch $@

.PHONY: fuzz fuzz-build fuzz-regress fuzz-pending fuzz-deps coverage

fuzz-deps:
	@tools/need-packages.sh $(FUZZ_PKGS)

fuzz-build: $(FUZZ_BINS) $(FUZZ_DICTS)

fuzz: $(FUZZ_BINS) $(FUZZ_DICTS) $(FZ)/seeds/.stamp
	@FZ=$(FZ) SECONDS_EACH=$(FUZZ_SECONDS) TARGETS="$(FUZZ_TARGETS)" \
		sh fuzz/campaign.sh

fuzz-regress: $(REPLAY_BINS)
	@FZ=$(FZ) TARGETS="$(FUZZ_TARGETS)" sh fuzz/regress.sh

fuzz-pending: $(REPLAY_BINS)
	@FZ=$(FZ) TARGETS="$(FUZZ_TARGETS)" sh fuzz/regress.sh --pending

test: fuzz-regress

# --- coverage --------------------------------------------------------------
#
# The suite's own unit tests and case runners are built by tests/tests.mk
# itself, as an extra flavour "cov" (clang with source-based coverage),
# through a sub-make; the fuzz corpora are replayed with coverage builds
# of the replay binaries; unit tests named tests/unit/test_coverage_*.c
# are added here.

COV       := $(BUILD)/coverage
COV_CF    := $(TEST_CF) -O0 -fprofile-instr-generate -fcoverage-mapping
COV_UNITS := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_coverage_*.c))

$(COV_UNITS:%=$(COV)/%): $(COV)/%: tests/unit/%.c $(MEWS).c $(MEWS).h \
		$(RT_DEPS) | fuzz-deps
	@mkdir -p $(@D)
	clang $(COV_CF) -Iruntime -I$(BUILD)/generated $< $(MEWS).c $(RT_SRC) \
		-lcmocka -o $@

define cov_fuzz
$(COV)/fuzz-$(1): $$(fuzz_$(1)_SRC) $$(fuzz_$(1)_DEP) fuzz/replay_main.c | fuzz-deps
	@mkdir -p $$(@D)
	clang -g -O0 -fprofile-instr-generate -fcoverage-mapping $(fuzz_WARN) \
		$$(fuzz_$(1)_INC) $$(fuzz_$(1)_SRC) fuzz/replay_main.c -o $$@
endef
$(foreach t,parser_mews parser_full,$(eval $(call cov_fuzz,$(t))))

coverage: $(COV_UNITS:%=$(COV)/%) $(COV)/fuzz-parser_mews \
		$(COV)/fuzz-parser_full $(MEWS).c $(FULL).c | fuzz-deps
	@rm -rf $(COV)/profiles && mkdir -p $(COV)/profiles
	@echo "== unit and case tests under coverage"
	@LLVM_PROFILE_FILE=$(abspath $(COV))/profiles/%p-%m.profraw \
		$(MAKE) --no-print-directory FLAVOURS=cov T=$(COV)/t cov_CC=clang \
		"cov_CF=$(COV_CF)" test-unit test-cases $(COV)/t/cov/conformance \
		>$(COV)/tests.log 2>&1 || { tail -30 $(COV)/tests.log; exit 1; }
	@COV=$(COV) DATA=$(DATA) UNITS="$(COV_UNITS)" \
		REPORT_FILES="$(RT_SRC) $(MEWS).c" sh fuzz/coverage.sh
