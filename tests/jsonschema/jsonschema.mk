# tests/jsonschema/jsonschema.mk - ajv (JSON Schema draft 2020-12, with
# ajv-formats) and the generated C parsers must give the same verdict on
# every test case and on generated corpora; see tests/jsonschema/README.md.
#
# Needs node and npm; ajv and ajv-formats are installed with `npm ci` from
# tests/jsonschema/package-lock.json into build/jsonschema/node_modules
# when missing. Without node or npm, or when npm cannot install them (no
# registry access), the suite is skipped with one line.

JSTEST      := $(BUILD)/jsonschema
JSTEST_PKGS := full full2
JSTEST_ROOT_full  := full_event
JSTEST_ROOT_full2 := full2_envelope
JSTEST_CHECKS := $(JSTEST_PKGS:%=$(JSTEST)/bin/%-check)

.PHONY: test-jsonschema
test: test-jsonschema

# full.hookc and full2.hookc get check tools of their own, built as the
# top Makefile builds those of schema/*.hookc.
$(JSTEST)/generated/%.c $(JSTEST)/generated/%.h: tests/schemas/%.hookc $(HOOKC)
	@mkdir -p $(@D)
	$(HOOKC) -o $(@D) $<

$(JSTEST)/bin/%-check: tools/check.c $(JSTEST)/generated/%.c \
		$(JSTEST)/generated/%.h $(LIB)
	@mkdir -p $(@D)
	$(CC) $(STRICT) -D_POSIX_C_SOURCE=200809L $(CFLAGS) -Iruntime \
		-I$(JSTEST)/generated -DTOOL='"$*-check"' -DPKG_HEADER='"$*.h"' \
		-DROOT_TYPE=$(JSTEST_ROOT_$*) -DROOT_RECORD=$(JSTEST_ROOT_$*)_record \
		$< $(JSTEST)/generated/$*.c $(LIB) -o $@

.SECONDARY: $(JSTEST_PKGS:%=$(JSTEST)/generated/%.c) \
	$(JSTEST_PKGS:%=$(JSTEST)/generated/%.h)

test-jsonschema: $(HOOKC) $(CHECKS) $(JSTEST_CHECKS)
	@echo "== JSON Schema export against ajv"
	@if ! command -v node >/dev/null 2>&1 || \
	    ! command -v npm >/dev/null 2>&1; then \
		echo "jsonschema: skipped, node or npm not installed (tools/need-packages.sh nodejs npm)"; \
		exit 0; \
	fi; \
	set -e; mkdir -p $(JSTEST); \
	if [ ! -f $(JSTEST)/node_modules/ajv/package.json ] || \
	   [ ! -f $(JSTEST)/node_modules/ajv-formats/package.json ] || \
	   ! cmp -s tests/jsonschema/package-lock.json $(JSTEST)/package-lock.json; then \
		cp tests/jsonschema/package.json tests/jsonschema/package-lock.json $(JSTEST)/; \
		if ! (cd $(JSTEST) && npm ci --no-audit --no-fund --loglevel=error \
		      >npm.log 2>&1); then \
			rm -f $(JSTEST)/package-lock.json; \
			echo "jsonschema: skipped, npm could not install ajv (no registry access? see $(JSTEST)/npm.log)"; \
			exit 0; \
		fi; \
	fi; \
	HOOKC=$(abspath $(HOOKC)) BIN=$(abspath $(BUILD)/bin) \
	JSTEST_BIN=$(abspath $(JSTEST)/bin) WORK=$(abspath $(JSTEST)) \
	NODE_MODULES=$(abspath $(JSTEST)/node_modules) \
		node tests/jsonschema/agree.mjs
