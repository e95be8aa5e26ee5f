# check-clang: the library, ports, examples and tests also build warning-free
# (-Werror) with clang, and the cmocka suite passes with clang's code.
.PHONY: check-clang
check-clang:
	@command -v clang >/dev/null 2>&1 || { echo "check-clang: clang not installed"; \
	    echo "0 passed, 1 failed"; exit 1; }
	@mkdir -p $(BUILD)
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/clang CC=clang all tests >$(BUILD)/clang-build.log 2>&1 \
	    || { tail -n 30 $(BUILD)/clang-build.log; echo "0 passed, 1 failed"; exit 1; }
	@echo "ok - clang builds lib/, port/, examples/ and tests/ with -Werror"
	@BUILD=$(BUILD)/clang SHARED=$(SHARED) sh tools/run-tests.sh \
	    $(patsubst $(BUILD)/tests/%,$(BUILD)/clang/tests/%,$(UNIT_BINS))

CHECK_EXTRA += check-clang
