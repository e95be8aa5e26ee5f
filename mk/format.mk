# Source formatting with clang-format (the house style is .clang-format at the top).
#
#   make format         rewrite every C file of lib/ include/ port/ examples/ tests/ fuzz/
#                       and tools/*.c in place
#   make format-check   change nothing; list each file that differs with the number of
#                       its lines clang-format would change, then "N passed, N failed"
#                       (one per file); exits 1 when any file differs. Part of make check.
#
# Generated files are left as their generator writes them (FORMAT_EXCLUDE). A table
# that reads better hand-aligned is fenced with "/* clang-format off */" ... "on".
# Debian 12 ships clang-format 14; other versions may break lines differently, so the
# versioned binary is preferred when it is installed.

CLANG_FORMAT   ?= $(or $(shell command -v clang-format-14 2>/dev/null),clang-format)
FORMAT_EXCLUDE := lib/schedule/tzdb_table.c
FORMAT_SRCS    := $(filter-out $(FORMAT_EXCLUDE),$(sort \
                    $(shell find lib include port examples tests fuzz -name '*.[ch]' 2>/dev/null) \
                    $(wildcard tools/*.c)))

.PHONY: format format-check

format:
	@command -v $(CLANG_FORMAT) >/dev/null 2>&1 || \
	    { echo "format: $(CLANG_FORMAT) missing (sh tools/deps.sh)"; exit 1; }
	@$(CLANG_FORMAT) --style=file -i $(FORMAT_SRCS)
	@echo "format: $(words $(FORMAT_SRCS)) files formatted with $$($(CLANG_FORMAT) --version)"

# A file passes when clang-format leaves every line as it is.
format-check:
	@command -v $(CLANG_FORMAT) >/dev/null 2>&1 || \
	    { echo "format-check: $(CLANG_FORMAT) missing (sh tools/deps.sh)"; echo "0 passed, 1 failed"; exit 1; }
	@echo "== format-check: $$($(CLANG_FORMAT) --version), $(words $(FORMAT_SRCS)) files"; \
	p=0; f=0; lines=0; \
	for src in $(FORMAT_SRCS); do \
	    n=$$($(CLANG_FORMAT) --style=file "$$src" | diff "$$src" - | grep -c '^<'); \
	    if [ "$$n" -eq 0 ]; then p=$$((p + 1)); \
	    else f=$$((f + 1)); lines=$$((lines + n)); echo "$$src: $$n line(s) differ"; fi; \
	done; \
	[ $$f -eq 0 ] || echo "format-check: $$lines line(s) in $$f file(s) differ (make format rewrites them)"; \
	echo "$$p passed, $$f failed"; [ $$f -eq 0 ]

CHECK_EXTRA += format-check
