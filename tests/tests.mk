# tests/tests.mk - the test suite, included by the top Makefile.
#
# Every C test is built three times: "plain" with $(CC) -O2, "san" with
# clang under AddressSanitizer and UndefinedBehaviorSanitizer, and "o0"
# with clang -O0, where stray stack bytes reaching the output (struct
# padding, say) make whole and chunked runs differ (gcc -O0 happens to
# leave the same bytes in both). Each manifest of cases runs through all
# three.

T        := $(BUILD)/test
TEST_CF  := -std=c99 -Wall -Wextra -Werror -g -D_POSIX_C_SOURCE=200809L
SAN_CF   := -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
RT_DEPS  := $(RT_SRC) runtime/hookrt.h runtime/internal.h
FULL     := $(BUILD)/generated-full/full
FULL2    := $(BUILD)/generated-full2/full2
DIRECT   := $(BUILD)/generated-direct/direct
GENDIR   := $(BUILD)/generated

# flavour -> compiler and flags
plain_CC := $(CC)
plain_CF := $(TEST_CF) -O2
san_CC   := clang
san_CF   := $(TEST_CF) -O1 $(SAN_CF)
o0_CC    := clang
o0_CF    := $(TEST_CF) -O0

# runner for a package: $(1) flavour, $(2) name, $(3) package sources,
# $(4) include dir, $(5) header, $(6) root type, $(7) root record,
# $(8) extra flags
define runner
$(T)/$(1)/runner-$(2): tests/cases/runner.c $(3) $(RT_DEPS) | test-deps
	@mkdir -p $$(@D)
	$$($(1)_CC) $$($(1)_CF) -Iruntime -I$(4) -DPKG_HEADER='"$(5)"' \
		-DROOT_TYPE=$(6) -DROOT_RECORD=$(7) $(8) \
		tests/cases/runner.c $(filter %.c,$(3)) $(RT_SRC) -lcmocka -o $$@
endef

define unit
$(T)/$(1)/$(2): tests/unit/$(2).c $(3) $(RT_DEPS) | test-deps
	@mkdir -p $$(@D)
	$$($(1)_CC) $$($(1)_CF) -Iruntime -Itests/prototype \
		$$< $(filter %.c,$(3)) $(RT_SRC) -lcmocka -o $$@
endef

FLAVOURS := plain san o0
PROTO    := tests/prototype/proto.c tests/prototype/proto.h
PROTO2   := tests/prototype/proto2.c tests/prototype/proto2.h
$(foreach f,$(FLAVOURS),\
  $(eval $(call runner,$(f),proto,$(PROTO),tests/prototype,proto.h,proto_hook,proto_hook_record,-DROOT_PARSE=proto_parse))\
  $(eval $(call runner,$(f),proto2,$(PROTO2),tests/prototype,proto2.h,p2_root,p2_root_record,-DSTREAMED_ARRAYS))\
  $(eval $(call runner,$(f),mews,$(MEWS).c $(MEWS).h,$(BUILD)/generated,mews.h,mews_webhook,mews_webhook_record,-DROOT_PARSE=mews_parse))\
  $(eval $(call runner,$(f),full,$(FULL).c $(FULL).h,$(BUILD)/generated-full,full.h,full_event,full_event_record,-DROOT_PARSE=full_parse))\
  $(eval $(call runner,$(f),direct,$(DIRECT).c $(DIRECT).h,$(BUILD)/generated-direct,direct.h,direct_top,direct_top_record,-DROOT_PARSE=direct_parse))\
  $(eval $(call runner,$(f),full2,$(FULL2).c $(FULL2).h,$(BUILD)/generated-full2,full2.h,full2_envelope,full2_envelope_record,-DSTREAMED_ARRAYS -DROOT_PARSE=full2_parse))\
  $(eval $(call runner,$(f),general,$(GENDIR)/general.c $(GENDIR)/general.h,$(GENDIR),general.h,general_webhook,general_webhook_record,-DSTREAMED_ARRAYS -DROOT_PARSE=general_parse))\
  $(eval $(call runner,$(f),websocket,$(GENDIR)/websocket.c $(GENDIR)/websocket.h,$(GENDIR),websocket.h,websocket_message,websocket_message_record,-DSTREAMED_ARRAYS -DROOT_PARSE=websocket_parse))\
  $(eval $(call runner,$(f),endpoint,$(GENDIR)/endpoint.c $(GENDIR)/endpoint.h,$(GENDIR),endpoint.h,endpoint_endpoint,endpoint_endpoint_record,-DSTREAMED_ARRAYS -DROOT_PARSE=endpoint_parse))\
  $(eval $(call unit,$(f),test_values,))\
  $(eval $(call unit,$(f),test_errors,))\
  $(eval $(call unit,$(f),test_scan,))\
  $(eval $(call unit,$(f),test_stream,$(PROTO)))\
  $(eval $(call unit,$(f),test_arrays,$(PROTO2))))

$(FULL).c $(FULL).h: tests/schemas/full.hookc $(HOOKC)
	@mkdir -p $(@D)
	$(HOOKC) -o $(@D) tests/schemas/full.hookc

$(FULL2).c $(FULL2).h: tests/schemas/full2.hookc $(HOOKC)
	@mkdir -p $(@D)
	$(HOOKC) -o $(@D) tests/schemas/full2.hookc

$(DIRECT).c $(DIRECT).h: tests/schemas/direct.hookc $(HOOKC)
	@mkdir -p $(@D)
	$(HOOKC) -o $(@D) tests/schemas/direct.hookc

UNIT_TESTS := test_values test_errors test_scan test_stream test_arrays
TEST_BINS  := $(foreach f,$(FLAVOURS),$(addprefix $(T)/$(f)/,$(UNIT_TESTS) \
	runner-proto runner-proto2 runner-mews runner-full runner-full2 \
	runner-direct \
	runner-general runner-websocket runner-endpoint))

MANIFESTS := proto:tests/prototype/proto.cases \
	proto2:tests/prototype/proto2.cases mews:tests/seed/seed.cases \
	mews:tests/cases/mews.cases full:tests/cases/full.cases \
	general:tests/cases/general.cases \
	websocket:tests/cases/websocket.cases \
	endpoint:tests/cases/endpoint.cases full2:tests/cases/full2.cases \
	direct:tests/cases/direct.cases

.PHONY: test test-unit test-cases test-tools test-schemas test-heap \
	test-install conformance

test: test-deps all
	@$(MAKE) --no-print-directory test-unit test-cases test-schemas \
		test-tools test-heap test-install conformance
	@echo "make test: all suites passed"

# cmocka prints two lines per test; `make test V=1` shows them
RUN_TEST := $(if $(filter 1,$(V)),,sh tests/quiet.sh)

test-unit: $(TEST_BINS)
	@set -e; for f in $(FLAVOURS); do \
		echo "== unit tests ($$f)"; \
		for t in $(UNIT_TESTS); do \
			$(RUN_TEST) $(T)/$$f/$$t; \
		done; \
	done

test-cases: $(TEST_BINS)
	@set -e; for f in $(FLAVOURS); do for m in $(MANIFESTS); do \
		echo "== cases $${m#*:} ($$f)"; \
		$(RUN_TEST) $(T)/$$f/runner-$${m%%:*} $${m#*:}; \
	done; done

test-schemas: $(HOOKC)
	@echo "== schema compiler"
	@HOOKC=$(abspath $(HOOKC)) RUNTIME=$(abspath runtime) \
		sh tests/schemas/run.sh

test-tools: $(CHECKS)
	@echo "== mews-check"
	@CHECK=$(abspath $(CHECK)) sh tests/tools/run.sh
	@echo "== general-check, websocket-check, endpoint-check"
	@BIN=$(abspath $(BUILD)/bin) sh tests/tools/run_abi2.sh

test-install: $(HOOKC) $(LIB)
	@echo "== make install, then a receiver built against it"
	@sh tests/install/run.sh

# Nothing in the runtime or generated code may reach the heap.
test-heap: $(LIB) $(GENERATED_OBJ)
	@echo "== no heap allocator in the runtime or generated code"
	@if nm -u $(LIB) $(GENERATED_OBJ) | \
		grep -wE 'malloc|calloc|realloc|free|aligned_alloc|posix_memalign|strdup|strndup'; \
	then echo "heap allocator referenced"; exit 1; \
	else echo "1 passed, 0 failed"; fi

# Public conformance corpora from $(DATA), through the generated Mews
# parser, whole and chunked, under every flavour. Skipped, with one line,
# where the corpora are absent.
$(foreach f,$(FLAVOURS),$(eval \
$(T)/$(f)/conformance: tests/conformance/conformance.c $(MEWS).c $(MEWS).h \
		$(RT_DEPS) | test-deps ; \
	@mkdir -p $$(@D) && $$($(f)_CC) $$($(f)_CF) -Iruntime -I$(BUILD)/generated \
		tests/conformance/conformance.c $(MEWS).c $(RT_SRC) -o $$@))

conformance: $(foreach f,$(FLAVOURS),$(T)/$(f)/conformance \
		$(T)/$(f)/runner-mews)
	@for f in $(FLAVOURS); do \
		echo "== parser-bug classes at their edges ($$f)"; \
		out=$$($(T)/$$f/runner-mews tests/conformance/edges.cases 2>&1) \
			|| { echo "$$out"; exit 1; }; \
		echo "$$out" | grep -E 'PASSED|FAILED'; \
	done
	@if [ ! -d "$(DATA)/jsontestsuite" ]; then \
		echo "conformance: skipped, no corpora in $(DATA) (set DATA=...)"; \
	else for f in $(FLAVOURS); do \
		echo "== conformance corpora ($$f)"; \
		$(T)/$$f/conformance $(DATA) tests/conformance/i_verdicts.tsv \
			|| exit 1; \
	done; fi

include tests/jsonschema/jsonschema.mk
