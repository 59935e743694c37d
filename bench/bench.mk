# bench/bench.mk - the benchmark, included by the top Makefile.
#
#   make bench        100,000-message corpus, 7 timed rounds, the table
#   make bench-smoke  200 messages, 1 round: keeps it building and working
#
# Every parser - hookc's generated code and runtime (built by the top
# Makefile with CFLAGS, -O2 -g by default), the peers and the harness - is
# compiled with plain -O2 for a generic x86-64: no -march. The peer
# libraries are Debian's builds. One informational row adds a simdjson
# build with -march=haswell (its AVX2 On-Demand kernels).

BENCH_PKGS  := libsimdjson-dev libcjson-dev libjson-c-dev libjansson-dev \
               libyajl-dev libjsmn-dev
BB          := $(BUILD)/bench
BENCH_OPT   := -O2
BENCH_CF    := -std=c11 -Wall -Wextra $(BENCH_OPT) -D_POSIX_C_SOURCE=200809L
BENCH_CXXF  := -std=c++17 -Wall $(BENCH_OPT)
BENCH_HSW   := -march=haswell
BENCH_SEED  ?= 20240601
BENCH_N     ?= 100000
BENCH_RUNS  ?= 7
BENCH_LIBS  := -lsimdjson -lcjson -ljson-c -lyajl
# jansson and json-c both define json_object_get, json_object_iter_next...:
# jansson is linked statically into its peer, its symbols made local. The
# archive is looked for when that link runs: on a fresh machine it only
# exists once bench-deps has installed libjansson-dev.
JANSSON_A    = $$(ls /usr/lib/*/libjansson.a /usr/lib/libjansson.a 2>/dev/null | head -n 1)

BENCH_C_SRC := bench/bench.c bench/validate.c bench/peers_cjson.c \
               bench/peers_jsonc.c bench/peers_jansson.c bench/peers_yajl.c \
               bench/peers_jsmn.c
BENCH_OBJ   := $(filter-out $(BB)/peers_jansson.o,$(BENCH_C_SRC:bench/%.c=$(BB)/%.o)) \
               $(BB)/peers_jansson_local.o $(BB)/peers_simdjson.o \
               $(BB)/peers_simdjson_hsw.o

.PHONY: bench bench-smoke bench-deps

bench-deps:
	@tools/need-packages.sh $(BENCH_PKGS)

$(BB)/gen_corpus: bench/gen_corpus.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CF) $< -o $@

$(BB)/%.o: bench/%.c bench/validate.h bench/peers.h $(MEWS).h runtime/hookrt.h runtime/internal.h | bench-deps
	@mkdir -p $(@D)
	$(CC) $(BENCH_CF) -Iruntime -I$(MEWS:%/mews=%) -c $< -o $@

$(BB)/peers_simdjson.o: bench/peers_simdjson.cc bench/validate.h bench/peers.h | bench-deps
	@mkdir -p $(@D)
	$(CXX) $(BENCH_CXXF) -DPEER_FN=peer_simdjson -DPEER_SKIP=peer_simdjson_skip -c $< -o $@

$(BB)/peers_simdjson_hsw.o: bench/peers_simdjson.cc bench/validate.h bench/peers.h | bench-deps
	@mkdir -p $(@D)
	$(CXX) $(BENCH_CXXF) $(BENCH_HSW) -DPEER_FN=peer_simdjson_hsw -c $< -o $@

$(BB)/peers_jansson_local.o: $(BB)/peers_jansson.o
	@a=$(JANSSON_A); test -n "$$a" || { echo "bench: libjansson.a not found (Debian package libjansson-dev)" >&2; exit 1; }; \
	echo "$(LD) -r $< $$a -o $@"; $(LD) -r $< "$$a" -o $@
	objcopy --keep-global-symbol=peer_jansson $@

# -rdynamic: the counting malloc in bench.c must bind every library's calls
$(BB)/bench: $(BENCH_OBJ) $(BUILD)/obj/generated/mews.o $(LIB)
	$(CXX) $(BENCH_OPT) -rdynamic $^ $(BENCH_LIBS) -o $@

$(BB)/corpus.ndjson $(BB)/big.json &: $(BB)/gen_corpus
	$(BB)/gen_corpus $(BENCH_SEED) $(BENCH_N) $(BB)/corpus.ndjson $(BB)/big.json

$(BB)/smoke.ndjson $(BB)/smoke-big.json &: $(BB)/gen_corpus
	$(BB)/gen_corpus 7 200 $(BB)/smoke.ndjson $(BB)/smoke-big.json

bench: $(BB)/bench $(BB)/corpus.ndjson $(BB)/big.json
	$(BB)/bench $(BB)/corpus.ndjson $(BB)/big.json $(BENCH_RUNS)

# Fails only when the program fails or a parser disagrees with hookc.
bench-smoke: $(BB)/bench $(BB)/smoke.ndjson $(BB)/smoke-big.json
	@echo "== bench smoke"
	@out=$$($(BB)/bench $(BB)/smoke.ndjson $(BB)/smoke-big.json 1) \
		|| { echo "$$out"; exit 1; }; \
	echo "$$out" | grep -E 'accepts|agrees'; \
	echo "$$out" | grep -q 'PASS  every parser agrees' || { echo "$$out"; exit 1; }

test: bench-smoke
