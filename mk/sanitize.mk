# The whole test suite again under sanitizers and under valgrind memcheck.
#
#   make check-asan       every unit test and test script, built with ASan + UBSan
#                         (-fno-sanitize-recover=all: any report fails the test),
#                         in $(BUILD)/asan
#   make check-valgrind   every unit test binary under valgrind memcheck (no errors,
#                         no leaks of any kind), in $(BUILD)/valgrind
# Both end with the runner's "N passed, N failed" line and are part of `make check`.

ASAN_SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
VALGRIND_CMD   := valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all \
                  --show-leak-kinds=all --track-origins=yes -q

.PHONY: check-asan check-valgrind

# LeakSanitizer is on (the default on x86-64 Linux); abort_on_error makes a
# report a failed test even where the test runner would swallow the exit code.
check-asan:
	@ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1" \
	UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
	$(MAKE) --no-print-directory BUILD=$(BUILD)/asan OPT="-O1 -g" \
	    SAN_FLAGS="$(ASAN_SAN_FLAGS)" RUN_PREFIX= check-unit

check-valgrind:
	@command -v valgrind >/dev/null 2>&1 || { echo "check-valgrind: valgrind not installed"; \
	    echo "0 passed, 1 failed"; exit 1; }
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/valgrind OPT="-O1 -g" SAN_FLAGS= \
	    RUN_PREFIX="$(VALGRIND_CMD)" check-unit

CHECK_EXTRA += check-asan check-valgrind
