# Static analysis of the core (lib/) and the ports (port/).
#
#   make analyze           all of the below; "N passed, N failed" (one per tool and file set)
#   make analyze-gcc       gcc -fanalyzer on every lib/ and port/ file, findings are errors
#   make analyze-scan      clang scan-build --status-bugs over a fresh build of lib and ports
#   make analyze-cppcheck  cppcheck --enable=warning,style,performance,portability
#                          --error-exitcode=1, inline suppressions honoured
#                          (`// cppcheck-suppress ID ; reason` on the line above)
#   make analyze-recursion no recursion in lib/: the call graph gcc writes with
#                          -fcallgraph-info, over all of lib/, has no cycle (direct
#                          or indirect); calls through function pointers are not
#                          in that graph (the ports are the only ones in lib/)
#   make analyze-misra     cppcheck's MISRA C 2012 addon: findings in
#                          $(BUILD)/analysis/misra.txt, a count per rule in
#                          $(BUILD)/analysis/misra-counts.tsv; fails when any rule's
#                          count is above docs/misra-baseline.tsv (and names the rule),
#                          or when a file could not be analysed
#   make misra-baseline    rerun the addon and write its counts to docs/misra-baseline.tsv
#                          (commit it with docs/misra.md, which records every deviation)
#
# A finding is either fixed or suppressed in place with its reason; nothing is
# suppressed globally except cppcheck's missingIncludeSystem (system headers are
# not analysed) and unmatchedSuppression (suppressions kept for other versions).

ANALYSIS_DIR   := $(BUILD)/analysis
ANALYZE_SRCS   := $(LIB_SRCS) $(POSIX_SRCS) $(MBEDTLS_SRCS)
CPPCHECK_FLAGS := --std=c99 --enable=warning,style,performance,portability --inline-suppr \
                  --error-exitcode=1 --quiet -j2 --suppress=missingIncludeSystem \
                  --suppress=unmatchedSuppression -Iinclude -Ilib -Iport \
                  -D__GNUC__ -DCAMP_VERSION_STRING='"0"' -DMBEDTLS_VERSION_NUMBER=$(MBEDTLS_VERSION_NUMBER) \
                  -DMBEDTLS_MD_C -DMBEDTLS_SHA256_C
# System headers are not analysed, so tell cppcheck which mbedTLS the ports build against.
MBEDTLS_VERSION_NUMBER := $(or $(shell sed -n 's/^\#define MBEDTLS_VERSION_NUMBER *\(0x[0-9A-Fa-f]*\).*/\1/p' \
                            /usr/include/mbedtls/build_info.h /usr/include/mbedtls/version.h 2>/dev/null | head -n 1),0x021C0000)

.PHONY: analyze analyze-gcc analyze-scan analyze-cppcheck analyze-misra analyze-recursion misra-run \
        misra-baseline

analyze:
	@p=0; f=0; \
	for step in analyze-gcc analyze-scan analyze-cppcheck analyze-recursion analyze-misra; do \
	    if $(MAKE) --no-print-directory $$step; then p=$$((p + 1)); \
	    else f=$$((f + 1)); echo "!!! $$step has findings"; fi; \
	done; \
	echo "$$p passed, $$f failed"; [ $$f -eq 0 ]

# -fanalyzer needs a real compile; objects go nowhere. Ports get their POSIX macros.
analyze-gcc:
	@echo "== gcc -fanalyzer: $(words $(ANALYZE_SRCS)) files"; bad=0; \
	for src in $(ANALYZE_SRCS); do \
	    case $$src in port/*) extra="-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE";; *) extra="";; esac; \
	    gcc $(CPPFLAGS) $$extra $(CSTD) $(WARNINGS) -O1 -fanalyzer -c $$src -o /dev/null || bad=$$((bad + 1)); \
	done; \
	if [ $$bad -eq 0 ]; then echo "gcc -fanalyzer: clean"; else echo "gcc -fanalyzer: $$bad file(s) with findings"; fi; \
	[ $$bad -eq 0 ]

# A fresh build directory so that scan-build sees every compile.
analyze-scan:
	@command -v scan-build >/dev/null 2>&1 || { echo "scan-build missing: apt-get install clang-tools"; exit 1; }
	@rm -rf $(ANALYSIS_DIR)/scan-obj $(ANALYSIS_DIR)/scan-build
	@echo "== scan-build --status-bugs"
	@scan-build --status-bugs -o $(ANALYSIS_DIR)/scan-build --use-cc=clang \
	    $(MAKE) --no-print-directory -s BUILD=$(ANALYSIS_DIR)/scan-obj lib ports \
	    && echo "scan-build: clean"

analyze-cppcheck:
	@command -v cppcheck >/dev/null 2>&1 || { echo "cppcheck missing: apt-get install cppcheck"; exit 1; }
	@echo "== cppcheck $$(cppcheck --version)"
	@cppcheck $(CPPCHECK_FLAGS) --template='{file}:{line}: {severity}: {message} [{id}]' \
	    lib $(wildcard port) && echo "cppcheck: clean"

# The addon's counts per rule, compared with the committed baseline (docs/misra.md says
# why each remaining class of finding is a deliberate deviation). The counts depend on
# the cppcheck version: the baseline names the one it was made with (Debian 12: 2.10).
MISRA_BASELINE := docs/misra-baseline.tsv
MISRA_COUNTS   := $(ANALYSIS_DIR)/misra-counts.tsv

misra-run:
	@command -v cppcheck >/dev/null 2>&1 || { echo "cppcheck missing: apt-get install cppcheck"; exit 1; }
	@mkdir -p $(ANALYSIS_DIR)/misra
	@cppcheck --std=c99 --addon=misra --quiet -j1 -Iinclude -Ilib -Iport \
	    -D__GNUC__ -DCAMP_VERSION_STRING='"0"' -DMBEDTLS_VERSION_NUMBER=$(MBEDTLS_VERSION_NUMBER) \
	    -DMBEDTLS_MD_C -DMBEDTLS_SHA256_C \
	    --suppress=missingIncludeSystem --cppcheck-build-dir=$(ANALYSIS_DIR)/misra \
	    --template='{file}:{line}: {id}: {message}' lib $(wildcard port) \
	    >$(ANALYSIS_DIR)/misra.txt 2>&1 || true
	@{ echo "# MISRA C 2012 findings per rule: cppcheck $$(cppcheck --version | sed 's/^Cppcheck //')" \
	    "misra addon over lib/ and port/ (make misra-baseline rewrites this file)"; \
	  grep -o 'misra-c2012-[0-9.]*' $(ANALYSIS_DIR)/misra.txt | sed 's/^misra-c2012-//' \
	    | sort -t. -k1,1n -k2,2n | uniq -c | awk '{ printf "%s\t%s\n", $$2, $$1 }'; } >$(MISRA_COUNTS)

# Lines that are not MISRA findings (a #error, a syntax error, an addon crash) mean a
# file went unanalysed: that fails too, since its findings would be missing from the count.
analyze-misra: misra-run
	@n=$$(grep -c 'misra-c2012' $(ANALYSIS_DIR)/misra.txt); \
	echo "== MISRA C 2012: $$n findings in $(ANALYSIS_DIR)/misra.txt, per rule against $(MISRA_BASELINE)"; \
	bad=0; \
	if grep -v 'misra-c2012' $(ANALYSIS_DIR)/misra.txt | grep -q .; then \
	    echo "not analysed (fix the flags in mk/analysis.mk):"; grep -v 'misra-c2012' $(ANALYSIS_DIR)/misra.txt; bad=1; fi; \
	[ -f $(MISRA_BASELINE) ] || { echo "$(MISRA_BASELINE) missing: make misra-baseline"; exit 1; }; \
	if ! sed -n 1p $(MISRA_BASELINE) | grep -q "cppcheck $$(cppcheck --version | sed 's/^Cppcheck //') "; then \
	    echo "note: the baseline was made with another cppcheck ($$(sed -n 1p $(MISRA_BASELINE)))"; fi; \
	awk -F'\t' 'FNR == 1 && /^#/ { next } \
	    NR == FNR { base[$$1] = $$2; next } \
	    { now[$$1] = $$2 } \
	    END { up = 0; down = 0; \
	          for (r in now) if (now[r] + 0 > base[r] + 0) { up++; \
	              printf "misra-c2012-%s: %d findings, baseline %d (+%d): fix them or record the deviation" \
	                  " (grep misra-c2012-%s %s)\n", \
	                  r, now[r], base[r] + 0, now[r] - base[r], r, findings } \
	          for (r in base) if (now[r] + 0 < base[r] + 0) down++; \
	          if (down) printf "%d rule(s) below the baseline: make misra-baseline locks the gain in\n", down; \
	          exit up > 0 }' findings=$(ANALYSIS_DIR)/misra.txt $(MISRA_BASELINE) $(MISRA_COUNTS) || bad=1; \
	if [ $$bad -eq 0 ]; then echo "misra: no rule above its baseline"; fi; [ $$bad -eq 0 ]

misra-baseline: misra-run
	@cp $(MISRA_COUNTS) $(MISRA_BASELINE)
	@echo "misra-baseline: $$(grep -vc '^#' $(MISRA_BASELINE)) rules," \
	    "$$(awk -F'\t' '!/^#/ { s += $$2 } END { print s + 0 }' $(MISRA_BASELINE)) findings written to $(MISRA_BASELINE)"

# Edges "caller callee" from every lib/ file (static functions are named file:func
# by gcc, so equal static names in two files stay apart); tsort finds cycles.
analyze-recursion:
	@rm -rf $(ANALYSIS_DIR)/cg && mkdir -p $(ANALYSIS_DIR)/cg
	@echo "== call graph of lib/ (gcc -fcallgraph-info): no recursion"
	@for src in $(LIB_SRCS); do \
	    o=$(ANALYSIS_DIR)/cg/$$(echo $$src | tr / _).o; \
	    gcc $(CPPFLAGS) $(CSTD) -O0 -fcallgraph-info -c $$src -o $$o || exit 1; \
	done
	@cat $(ANALYSIS_DIR)/cg/*.ci | sed -n 's/^edge: { sourcename: "\([^"]*\)" targetname: "\([^"]*\)".*/\1 \2/p' \
	    | sort -u >$(ANALYSIS_DIR)/cg/edges.txt
	@n=$$(wc -l <$(ANALYSIS_DIR)/cg/edges.txt); \
	self=$$(awk '$$1 == $$2' $(ANALYSIS_DIR)/cg/edges.txt); \
	if [ -n "$$self" ]; then echo "direct recursion:"; echo "$$self"; exit 1; fi; \
	if ! tsort $(ANALYSIS_DIR)/cg/edges.txt >/dev/null 2>$(ANALYSIS_DIR)/cg/loops.txt; then \
	    echo "indirect recursion (call cycle):"; cat $(ANALYSIS_DIR)/cg/loops.txt; exit 1; fi; \
	echo "recursion: none in $$n call edges"

# Zero findings from every analyser (and no MISRA rule above its baseline) is part of `make check`.
CHECK_EXTRA += analyze
