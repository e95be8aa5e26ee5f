# Fuzzing: one libFuzzer target per untrusted input (fuzz/fuzz_*.c).
#
#   make fuzz [FUZZ_SECONDS=N] [FUZZ_JOBS=2] [FUZZ_TARGETS="fuzz_json_check ..."]
#       builds every target with clang -fsanitize=fuzzer,address,undefined into
#       $(BUILD)/fuzz/ and runs each for N seconds (FUZZ_JOBS at a time), starting
#       from fuzz/corpus/<target>/ and fuzz/regressions/<target>/ with the
#       dictionary named in the target. Fails on any crash, leak, timeout or
#       violated invariant; the input is left in $(BUILD)/fuzz/artifacts/.
#   make fuzz-build       only build the libFuzzer binaries
#   make fuzz-afl         build the same targets with AFL++ (afl-clang-fast, ASan +
#                         UBSan) into $(BUILD)/fuzz-afl/ and run each once over its corpus;
#                         FUZZ_AFL_SECONDS=N also runs afl-fuzz N seconds per target
#   make fuzz-replay      build the plain replay drivers ($(BUILD)/fuzz-replay/) with $(CC);
#                         tests/scripts/fuzz_regressions.sh replays the corpus and
#                         every saved crash with them in `make check`
#   make fuzz-seed        refresh fuzz/corpus/ from the fixtures (tools/fuzz_seed.sh)
#   make fuzz-merge       after a long `make fuzz`: keep a minimal covering set of what
#                         the fuzzers found as fuzz/corpus/<target>/min-* (fuzz/merge.sh)

FUZZ_BUILD   ?= $(BUILD)/fuzz
FUZZ_AFL_BUILD ?= $(BUILD)/fuzz-afl
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 10
FUZZ_JOBS    ?= 2
FUZZ_AFL_SECONDS ?= 0
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SRCS    := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_NAMES   := $(notdir $(basename $(FUZZ_SRCS)))
FUZZ_TARGETS ?= $(FUZZ_NAMES)
FUZZ_HDRS    := $(wildcard fuzz/*.h)
FUZZ_CORE    := $(FUZZ_BUILD)/core
FUZZ_LIBS    := $(FUZZ_CORE)/lib/libcamp.a
# Harness flags: the host test flags (warnings as errors) at -O1 for speed.
FUZZ_CFLAGS  := -std=c99 -Wall -Wextra -Werror -Wshadow -Wconversion -Wno-sign-conversion -O1 -g
FUZZ_BINS    := $(FUZZ_NAMES:%=$(FUZZ_BUILD)/%)
FUZZ_AFL_BINS := $(FUZZ_NAMES:%=$(FUZZ_AFL_BUILD)/%)
FUZZ_REPLAY_BINS := $(FUZZ_NAMES:%=$(BUILD)/fuzz-replay/%)

.PHONY: fuzz fuzz-build fuzz-core fuzz-link fuzz-afl fuzz-afl-core fuzz-afl-link fuzz-replay fuzz-seed \
        fuzz-merge

# --- libFuzzer ------------------------------------------------------------------
# The core is built by the main Makefile rules in its own build directory, with
# coverage instrumentation for libFuzzer and the sanitizers.
fuzz-core:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_CORE) CC=$(FUZZ_CC) OPT="-O1 -g" \
	    SAN_FLAGS="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" EXTRA_CFLAGS= lib

fuzz-build: fuzz-core
	@$(MAKE) --no-print-directory fuzz-link

fuzz-link: $(FUZZ_BINS)

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_HDRS) $(FUZZ_LIBS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(HOST_CPPFLAGS) -Ifuzz $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer \
	    -o $@ $< $(FUZZ_LIBS)

fuzz: fuzz-build
	@sh fuzz/run.sh "$(FUZZ_BUILD)" "$(FUZZ_SECONDS)" "$(FUZZ_JOBS)" $(FUZZ_TARGETS)

# --- AFL++ ----------------------------------------------------------------------
# afl-clang-fast turns -fsanitize=fuzzer into AFL++'s libFuzzer-compatible driver.
fuzz-afl-core:
	@command -v afl-clang-fast >/dev/null 2>&1 || sh tools/deps.sh afl++ || { \
	    echo "fuzz-afl: afl-clang-fast not found: install the Debian package afl++" \
	         "(apt-get install -y afl++)"; exit 1; }
	@AFL_USE_ASAN=1 AFL_USE_UBSAN=1 AFL_QUIET=1 $(MAKE) --no-print-directory \
	    BUILD=$(FUZZ_AFL_BUILD)/core CC=afl-clang-fast OPT="-O1 -g" \
	    SAN_FLAGS="-fno-omit-frame-pointer" EXTRA_CFLAGS= lib

$(FUZZ_AFL_BUILD)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_HDRS) $(FUZZ_AFL_BUILD)/core/lib/libcamp.a
	@mkdir -p $(dir $@)
	AFL_USE_ASAN=1 AFL_USE_UBSAN=1 AFL_QUIET=1 afl-clang-fast $(HOST_CPPFLAGS) -Ifuzz \
	    $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_AFL_BUILD)/core/lib/libcamp.a

fuzz-afl-link: $(FUZZ_AFL_BINS)

fuzz-afl: fuzz-afl-core
	@$(MAKE) --no-print-directory fuzz-afl-link
	@sh fuzz/run-afl.sh "$(FUZZ_AFL_BUILD)" "$(FUZZ_AFL_SECONDS)" $(FUZZ_NAMES)

# --- plain replay (gcc, part of make check) ---------------------------------------
$(BUILD)/fuzz-replay/fuzz_%: fuzz/fuzz_%.c fuzz/replay_main.c $(FUZZ_HDRS) $(LIBCAMP)
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CPPFLAGS) -Ifuzz $(HOST_CFLAGS) $(LDFLAGS) -o $@ $< fuzz/replay_main.c $(LIBCAMP)

fuzz-replay: $(FUZZ_REPLAY_BINS)

# check-unit runs tests/scripts/fuzz_regressions.sh, which needs the replay drivers.
check-unit: fuzz-replay

fuzz-seed:
	@sh tools/fuzz_seed.sh

fuzz-merge: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/logs
	@sh fuzz/merge.sh "$(FUZZ_BUILD)" $(FUZZ_TARGETS)
