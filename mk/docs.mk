# API reference (Doxyfile): make docs -> $(BUILD)/docs/html/index.html
#
# Doxygen reads include/camp/*.h and the port headers with WARN_IF_UNDOCUMENTED,
# WARN_NO_PARAMDOC and WARN_AS_ERROR: any undocumented declaration or parameter, or a
# broken reference, fails the target. The warnings are in $(BUILD)/docs/warnings.log.
DOCS_DIR := $(BUILD)/docs

.PHONY: docs check-docs
docs:
	@command -v doxygen >/dev/null 2>&1 || { echo "docs: doxygen missing (sh tools/deps.sh)"; exit 1; }
	@rm -rf $(DOCS_DIR) && mkdir -p $(DOCS_DIR)
	@CAMP_VERSION=$(VERSION) CAMP_DOCS_DIR=$(DOCS_DIR) doxygen Doxyfile; rc=$$?; \
	    n=$$(grep -c ': warning: ' $(DOCS_DIR)/warnings.log 2>/dev/null); \
	    if [ $$rc -ne 0 ] || [ "$${n:-0}" -ne 0 ]; then \
	        cat $(DOCS_DIR)/warnings.log; echo "docs: $${n:-?} warning(s), see $(DOCS_DIR)/warnings.log"; exit 1; \
	    fi; echo "docs: $(DOCS_DIR)/html/index.html (0 warnings)"

# make check step: 1 passed when the reference builds without a warning.
check-docs:
	@if $(MAKE) --no-print-directory docs; then echo "1 passed, 0 failed"; \
	else echo "0 passed, 1 failed"; exit 1; fi

# In `make check`: every public header documents each declaration, parameter and status,
# so a new undocumented one fails the check instead of piling up.
CHECK_EXTRA += check-docs

# Diagnostic rule ids (CAMP_RULE in lib/): docs/rules.md maps each id to its text for the
# small-target builds (CAMP_DIAG_TEXT 0) that carry ids only. check-rules fails on a
# malformed id, an id standing for two texts, or a table that is out of date.
.PHONY: rules-doc check-rules
rules-doc:
	python3 tools/rule_ids.py --write

check-rules:
	@python3 tools/rule_ids.py --check

CHECK_EXTRA += check-rules
