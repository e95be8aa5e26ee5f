# Function size and complexity of the core and the ports (pmccabe, Debian package).
#
#   make complexity-check   (part of make check) every function of lib/ and port/ has a modified McCabe
#                           complexity of at most COMPLEXITY_MAX (a switch counts once)
#                           and at most COMPLEXITY_LINES lines; lists each offender as
#                           file:line: function (complexity, lines), then "N passed,
#                           N failed" with one test per function; exits 1 on offenders
#
# A function over a limit is split, not excused. Only where splitting would hurt
# reading does it go on COMPLEXITY_EXCEPTIONS as file:function, with the reason on a
# comment line above it; an exception that no longer matches a function fails too, so
# the list never outlives the code.

COMPLEXITY_MAX   ?= 15
COMPLEXITY_LINES ?= 80
COMPLEXITY_SRCS  := $(sort $(shell find lib port -name '*.[ch]' 2>/dev/null))
# file:function entries, each with its reason above it:
COMPLEXITY_EXCEPTIONS :=

.PHONY: complexity-check

complexity-check:
	@command -v pmccabe >/dev/null 2>&1 || \
	    { echo "complexity-check: pmccabe missing (sh tools/deps.sh)"; echo "0 passed, 1 failed"; exit 1; }
	@mkdir -p $(BUILD)/analysis
	@pmccabe $(COMPLEXITY_SRCS) >$(BUILD)/analysis/pmccabe.txt || \
	    { echo "complexity-check: pmccabe failed"; echo "0 passed, 1 failed"; exit 1; }
	@echo "== pmccabe: modified complexity <= $(COMPLEXITY_MAX), <= $(COMPLEXITY_LINES) lines," \
	    "$(words $(COMPLEXITY_SRCS)) files of lib/ and port/"
	@awk -F'\t' -v max=$(COMPLEXITY_MAX) -v lines=$(COMPLEXITY_LINES) -v exc="$(COMPLEXITY_EXCEPTIONS)" ' \
	    BEGIN { n = split(exc, e, " "); for (i = 1; i <= n; i++) { ok[e[i]] = 1; seen[e[i]] = 0 } } \
	    { split($$6, loc, /[():] */); file = loc[1]; line = loc[2]; fn = loc[4]; \
	      key = file ":" fn; over = ($$1 + 0 > max) || ($$5 + 0 > lines); \
	      if (!over) { p++; next } \
	      if (key in ok) { p++; seen[key] = 1; \
	          printf "%s:%s: %s: complexity %d, %d lines (listed exception)\n", file, line, fn, $$1, $$5; next } \
	      f++; printf "%s:%s: %s: complexity %d%s, %d lines%s\n", file, line, fn, $$1, \
	          ($$1 + 0 > max ? " > " max : ""), $$5, ($$5 + 0 > lines ? " > " lines : "") } \
	    END { for (k in seen) if (!seen[k]) { f++; printf "%s: listed exception matches no function over a limit\n", k } \
	          printf "%d passed, %d failed\n", p, f; exit f > 0 }' $(BUILD)/analysis/pmccabe.txt

CHECK_EXTRA += complexity-check
