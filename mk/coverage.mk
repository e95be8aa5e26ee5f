# Line and branch coverage of the core (lib/) by the whole test suite (unit tests,
# test scripts and the fuzz corpus replay), measured with gcov and gcovr.
#
#   make coverage   builds into $(BUILD)/coverage with --coverage at -O0, runs
#                   check-unit there, prints the per-file table and the totals;
#                   fails under COVERAGE_MIN_LINES % of lines or
#                   COVERAGE_MIN_BRANCHES % of branches.
#                   HTML report: $(BUILD)/coverage/html/index.html
# Not part of `make check` (it rebuilds everything once more); run it on demand.

COVERAGE_DIR          := $(BUILD)/coverage
COVERAGE_MIN_LINES    ?= 95
COVERAGE_MIN_BRANCHES ?= 90
GCOVR_FLAGS := -r . --object-directory $(COVERAGE_DIR)/obj --filter 'lib/' \
               --exclude-unreachable-branches

.PHONY: coverage

coverage:
	@command -v gcovr >/dev/null 2>&1 || { echo "coverage: gcovr missing: apt-get install gcovr"; exit 1; }
	@mkdir -p $(COVERAGE_DIR)
	@find $(COVERAGE_DIR) -name '*.gcda' -delete
	@$(MAKE) --no-print-directory BUILD=$(COVERAGE_DIR) OPT="-O0 -g" SAN_FLAGS="--coverage" \
	    RUN_PREFIX= check-unit >$(COVERAGE_DIR)/tests.log 2>&1; \
	    rc=$$?; tail -n 1 $(COVERAGE_DIR)/tests.log; \
	    [ $$rc -eq 0 ] || echo "coverage: some tests failed (see $(COVERAGE_DIR)/tests.log)"
	@mkdir -p $(COVERAGE_DIR)/html
	@gcovr $(GCOVR_FLAGS) --txt --html-details $(COVERAGE_DIR)/html/index.html \
	    --print-summary --fail-under-line $(COVERAGE_MIN_LINES) \
	    --fail-under-branch $(COVERAGE_MIN_BRANCHES) $(COVERAGE_DIR)/obj/lib
