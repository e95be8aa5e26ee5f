# Cross builds for Cortex-M and unit tests on qemu.
#
#   make target        the core (lib/**/*.c, zone table included) with arm-none-eabi-gcc and
#                      picolibc for Cortex-M0+, M3 and M4 at -Os and -O1, warnings as errors,
#                      into $(BUILD)/target/<cpu>-<opt>/ (libcamp.a, .su/.ci stack data, and
#                      libcamp-image.elf: the whole archive linked against picolibc alone)
#   make check-target  the OS-free unit tests (TARGET_TESTS below) built against the cmocka
#                      shim in tests/target/ and run on qemu-system-arm (mps2-an385 = M3,
#                      mps2-an386 = M4) with semihosting, the firmware programs (below) and
#                      what they link (tests/target/fw_links.sh: no Outbox, encoders,
#                      by-type entry points, struct walks or other InboxApp families in
#                      either), and the stack gate: one more
#                      failure when a public function's static worst-case stack on
#                      Cortex-M4 -Os exceeds STACK_BUDGET (see below); ends with
#                      "N passed, N failed"
#
# jsmn.h is copied from the installed Debian package into $(BUILD)/target/include: a cross
# build must never see -I/usr/include.

TARGET_DIR      := $(BUILD)/target
TARGET_CC       ?= arm-none-eabi-gcc
TARGET_AR       ?= arm-none-eabi-ar
TARGET_SIZE     ?= arm-none-eabi-size
TARGET_JSMN_SRC ?= /usr/include/jsmn.h
TARGET_INC      := $(TARGET_DIR)/include
TARGET_JSMN     := $(TARGET_INC)/jsmn.h

TARGET_CPUS     := cortex-m0plus cortex-m3 cortex-m4
TARGET_OPTS     := Os O1
TARGET_CONFIGS  := $(foreach c,$(TARGET_CPUS),$(foreach o,$(TARGET_OPTS),$(c)-$(o)))

TARGET_CPUFLAGS_cortex-m0plus := -mcpu=cortex-m0plus -mthumb -mfloat-abi=soft
TARGET_CPUFLAGS_cortex-m3     := -mcpu=cortex-m3 -mthumb -mfloat-abi=soft
TARGET_CPUFLAGS_cortex-m4     := -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16

# The library's own flags (CSTD, WARNINGS from the Makefile) plus what the size and stack
# reports need: one section per function and per-function stack usage and call graph.
TARGET_LIB_FLAGS := $(CPPFLAGS) -I$(TARGET_INC) $(CSTD) $(WARNINGS) --specs=picolibc.specs \
                    -ffunction-sections -fdata-sections -fstack-usage -fcallgraph-info=su \
                    $(TARGET_EXTRA_CFLAGS)
# For experiments only (e.g. -fno-short-enums); the default build uses the toolchain's ABI.
TARGET_EXTRA_CFLAGS ?=
# The firmware programs (below) link the library as a small target builds it: rule ids
# instead of English rule texts in diagnostics (CAMP_DIAG_TEXT 0, camp_config.h;
# docs/rules.md maps each id to its text), in an archive of their own per CPU.
FW_LIB_CFLAGS ?= -DCAMP_DIAG_TEXT=0

# Unit tests that need no OS (no sockets, no mbedTLS, no directory listing): they are the
# same sources as on the host, compiled against tests/target/cmocka.h. Fixture files are
# read through semihosting (picolibc's fopen), with SHARED handed over on qemu's command
# line. Every unit test is named in exactly one of the two lists below: check-target fails
# on a test that is in neither, so a new test is never left off the target silently.
TARGET_TESTS    ?= test_status test_status_rule_ids test_http_rule_ids test_model_rule_ids test_model_tables \
                   test_version \
                   test_json_check test_json_get test_json_path test_json_text test_json_write \
                   test_validate test_schedule \
                   test_inbox test_inbox_bounds test_inbox_feed test_inbox_patch test_inbox_reuse \
                   test_inbox_rules test_outbox test_outbox_codec test_webhook \
                   test_http test_http_edges test_client test_client_deadline test_client_errors \
                   test_client_feed
# Host only, and why: glibc's zone data (test_schedule_glibc), sockets (test_posix), TLS
# (test_tls), a directory listing of the fixtures (test_http_fixtures).
TARGET_TESTS_EXCLUDE ?= test_schedule_glibc test_posix test_tls test_http_fixtures
TARGET_TESTS_ALL := $(basename $(notdir $(wildcard tests/unit/test_*.c)))
TARGET_TESTS_UNLISTED := $(filter-out $(TARGET_TESTS) $(TARGET_TESTS_EXCLUDE),$(TARGET_TESTS_ALL))
# A listed target test that includes an OS header cannot build there: named by check-target.
TARGET_TESTS_OS := $(filter $(TARGET_TESTS),$(basename $(notdir $(shell grep -l -E \
                     '<(dirent|pthread|poll|netdb|unistd)\.h>|<sys/|<arpa/|<netinet/|<mbedtls/|camp_mbedtls_(tls|net)|cJSON' \
                     tests/unit/test_*.c 2>/dev/null))))
TARGET_TESTS_RUN := $(filter $(TARGET_TESTS_ALL),$(filter-out $(TARGET_TESTS_EXCLUDE) $(TARGET_TESTS_OS),$(TARGET_TESTS)))
# tests/support files the target tests link with (the fake transport, a small HMAC fake,
# fixture loading); those needing the OS or mbedTLS stay off this list.
TARGET_SUPPORT  ?= $(filter-out $(TARGET_SUPPORT_EXCLUDE),$(wildcard tests/support/*.c))
TARGET_SUPPORT_EXCLUDE ?= $(shell grep -l -E 'mbedtls|<sys/socket|<netdb|<dirent|<pthread|<poll' \
                            tests/support/*.c 2>/dev/null)
# Target-only tests (the stack probe) live in tests/target/test_*.c.
TARGET_OWN_TESTS := $(sort $(wildcard tests/target/test_*.c))
# Static worst-case stack allowed for any public call on Cortex-M4 -Os (bytes): check-target
# fails when tools/stack_report.py finds a public function above it (DESIGN's budget, 512 B,
# for every public call). STACK_EXCEPT (name=bytes ...) can hold a call to a figure of its own
# while it is being brought under the budget; none is today.
STACK_BUDGET    ?= 512
STACK_EXCEPT    ?=
STACK_BUDGET_CFG := cortex-m4-Os

# Which builds run the unit tests under qemu (M0+: the only board, microbit, has 16 KiB of RAM,
# too little for the unit tests; the firmware programs below do run there).
TARGET_RUN_CONFIGS ?= cortex-m3-Os cortex-m4-Os cortex-m4-O1

TARGET_TEST_CFLAGS := -std=c99 -Wall -Wextra -Werror -Wshadow -Wconversion -Wno-sign-conversion \
                      -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                      -Itests/target -Iinclude -Ilib -Itests/support -Itests/target/fake_port -Iport \
                      -I$(TARGET_INC) \
                      -DCAMP_TARGET_BUILD=1 \
                      --specs=picolibc.specs -ffunction-sections -fdata-sections \
                      $(TARGET_EXTRA_CFLAGS)
TARGET_LDFLAGS     := --specs=picolibc.specs --oslib=semihost --crt0=semihost \
                      -Ttests/target/mps2.ld -Wl,--gc-sections
# The shim runtime, stack painting, and a small HMAC-SHA256 standing in for the mbedTLS
# crypto port (tests/target/fake_port/mbedtls/camp_mbedtls_crypto.h) in the webhook tests.
TARGET_SHIM_SRCS   := tests/target/cmocka_shim.c tests/target/stack_paint.c tests/target/hmac_sha256.c

# Objects depend on the flags they were built with: a changed TARGET_EXTRA_CFLAGS (or
# Makefile flags) rebuilds them. Only evaluated when a target/size/check goal, or a file
# of the cross builds (e.g. one test's .elf), is asked for.
TARGET_FLAGS_SIG   := $(TARGET_LIB_FLAGS) | $(TARGET_TEST_CFLAGS) | $(TARGET_LDFLAGS) | $(FW_LIB_CFLAGS)
TARGET_FLAGS_STAMP := $(TARGET_DIR)/flags.stamp
ifneq ($(filter target% check% size% %-target $(TARGET_DIR)/%,$(MAKECMDGOALS)),)
$(shell mkdir -p $(TARGET_DIR))
ifneq ($(strip $(file <$(TARGET_FLAGS_STAMP))),$(strip $(TARGET_FLAGS_SIG)))
$(file >$(TARGET_FLAGS_STAMP),$(TARGET_FLAGS_SIG))
endif
endif

.PHONY: target check-target target-tests target-deps target-build target-test-elfs

target-deps:
	@command -v $(TARGET_CC) >/dev/null || { echo "target: $(TARGET_CC) missing (sh tools/deps.sh)"; exit 1; }
	@test -f $(TARGET_JSMN_SRC) || { echo "target: $(TARGET_JSMN_SRC) missing (libjsmn-dev)"; exit 1; }

$(TARGET_JSMN): $(TARGET_JSMN_SRC)
	@mkdir -p $(dir $@)
	cp $< $@

# $(1) = cpu, $(2) = opt
define TARGET_CONFIG_RULES
TARGET_OBJS_$(1)-$(2) := $$(LIB_SRCS:%.c=$(TARGET_DIR)/$(1)-$(2)/obj/%.o)

$(TARGET_DIR)/$(1)-$(2)/obj/lib/%.o: lib/%.c $(TARGET_JSMN) $(TARGET_FLAGS_STAMP)
	@mkdir -p $$(dir $$@)
	$(TARGET_CC) $(TARGET_LIB_FLAGS) $(TARGET_CPUFLAGS_$(1)) -$(2) -MMD -MP -c $$< -o $$@

$(TARGET_DIR)/$(1)-$(2)/libcamp.a: $$(TARGET_OBJS_$(1)-$(2))
	@mkdir -p $$(dir $$@)
	@echo "AR $$@"; rm -f $$@ && $(TARGET_AR) rcs $$@ $$^

# The whole archive linked with picolibc and nothing else: proves the core needs no OS
# (any undefined symbol fails the link) and gives the stack report the libc routines.
$(TARGET_DIR)/$(1)-$(2)/libcamp-image.elf: $(TARGET_DIR)/$(1)-$(2)/libcamp.a tests/target/image_main.c
	$(TARGET_CC) $(TARGET_CPUFLAGS_$(1)) -$(2) --specs=picolibc.specs -Ttests/target/mps2.ld \
	    -Wl,--no-gc-sections -o $$@ tests/target/image_main.c -Wl,--whole-archive $$< -Wl,--no-whole-archive

# Static worst-case stack of every public function (and the header the stack probe uses).
$(TARGET_DIR)/$(1)-$(2)/stack_bounds.h: $(TARGET_DIR)/$(1)-$(2)/libcamp-image.elf tools/stack_report.py \
        tools/c_text.py
	python3 tools/stack_report.py $(TARGET_DIR)/$(1)-$(2) --quiet \
	    --json $(TARGET_DIR)/$(1)-$(2)/stack.json --header $$@

$(TARGET_DIR)/$(1)-$(2)/tests/obj/target/test_stack.o: $(TARGET_DIR)/$(1)-$(2)/stack_bounds.h

$(TARGET_DIR)/$(1)-$(2)/tests/obj/%.o: tests/%.c $(TARGET_JSMN) $(TARGET_FLAGS_STAMP)
	@mkdir -p $$(dir $$@)
	$(TARGET_CC) $(TARGET_TEST_CFLAGS) -I$(TARGET_DIR)/$(1)-$(2) $(TARGET_CPUFLAGS_$(1)) -$(2) \
	    -MMD -MP -c $$< -o $$@

$(TARGET_DIR)/$(1)-$(2)/tests/%.elf: $(TARGET_DIR)/$(1)-$(2)/tests/obj/unit/%.o \
        $$(TARGET_SHIM_SRCS:tests/%.c=$(TARGET_DIR)/$(1)-$(2)/tests/obj/%.o) \
        $$(TARGET_SUPPORT:tests/%.c=$(TARGET_DIR)/$(1)-$(2)/tests/obj/%.o) \
        $(TARGET_DIR)/$(1)-$(2)/libcamp.a tests/target/mps2.ld
	$(TARGET_CC) $(TARGET_CPUFLAGS_$(1)) -$(2) $(TARGET_LDFLAGS) -o $$@ $$(filter %.o %.a,$$^)

$(TARGET_DIR)/$(1)-$(2)/tests/target-%.elf: $(TARGET_DIR)/$(1)-$(2)/tests/obj/target/%.o \
        $$(TARGET_SHIM_SRCS:tests/%.c=$(TARGET_DIR)/$(1)-$(2)/tests/obj/%.o) \
        $$(TARGET_SUPPORT:tests/%.c=$(TARGET_DIR)/$(1)-$(2)/tests/obj/%.o) \
        $(TARGET_DIR)/$(1)-$(2)/libcamp.a tests/target/mps2.ld
	$(TARGET_CC) $(TARGET_CPUFLAGS_$(1)) -$(2) $(TARGET_LDFLAGS) -o $$@ $$(filter %.o %.a,$$^)
endef
$(foreach c,$(TARGET_CPUS),$(foreach o,$(TARGET_OPTS),$(eval $(call TARGET_CONFIG_RULES,$(c),$(o)))))

TARGET_LIBS   := $(TARGET_CONFIGS:%=$(TARGET_DIR)/%/libcamp.a)
TARGET_IMAGES := $(TARGET_CONFIGS:%=$(TARGET_DIR)/%/libcamp-image.elf)
TARGET_STACKS := $(TARGET_CONFIGS:%=$(TARGET_DIR)/%/stack_bounds.h)
# Unit test images (tests/unit/NAME.c -> NAME.elf) and target-only ones (target-NAME.elf).
TARGET_UNIT_NAMES := $(TARGET_TESTS_RUN)
TARGET_OWN_NAMES  := $(basename $(notdir $(TARGET_OWN_TESTS)))
TARGET_TEST_ELFS  := $(foreach cfg,$(TARGET_RUN_CONFIGS),\
                       $(TARGET_UNIT_NAMES:%=$(TARGET_DIR)/$(cfg)/tests/%.elf) \
                       $(TARGET_OWN_NAMES:%=$(TARGET_DIR)/$(cfg)/tests/target-%.elf))

target-build: $(TARGET_LIBS) $(TARGET_IMAGES) $(TARGET_STACKS)

target: target-deps
	@$(MAKE) --no-print-directory target-build
	@for c in $(TARGET_CONFIGS); do \
	    printf '%-16s ' "$$c"; $(TARGET_SIZE) -t $(TARGET_DIR)/$$c/libcamp.a | tail -n 1 | \
	        awk '{printf "text %s  data %s  bss %s\n", $$1, $$2, $$3}'; done

target-tests: target-deps
	@$(MAKE) --no-print-directory target-test-elfs

target-test-elfs: $(TARGET_TEST_ELFS)

check-target: target-deps
	@$(MAKE) --no-print-directory target target-tests || { echo "0 passed, 1 failed"; exit 1; }
	@python3 tools/stack_report.py $(TARGET_DIR)/$(STACK_BUDGET_CFG) --quiet \
	    --budget $(STACK_BUDGET) $(STACK_EXCEPT:%=--except %) >$(TARGET_DIR)/stack-budget.log 2>&1; \
	    echo $$? >$(TARGET_DIR)/stack-budget.rc; cat $(TARGET_DIR)/stack-budget.log
	@echo "target tests: $(TARGET_UNIT_NAMES) $(TARGET_OWN_NAMES:%=target-%) firmware: $(FW_PROGRAMS)"
	@echo "host only: $(sort $(filter-out $(TARGET_TESTS_RUN),$(basename $(notdir $(wildcard tests/unit/test_*.c)))))"
	@if [ -n "$(strip $(TARGET_TESTS_UNLISTED) $(TARGET_TESTS_OS))" ]; then \
	    echo "FAIL - unit tests in neither TARGET_TESTS nor TARGET_TESTS_EXCLUDE (mk/target.mk):" \
	        "$(TARGET_TESTS_UNLISTED); listed for the target but needing the OS: $(TARGET_TESTS_OS)"; \
	    fi
	@sh tests/target/fw_links.sh $(FW_ELFS) >$(TARGET_DIR)/fw-links.log 2>&1; \
	    cat $(TARGET_DIR)/fw-links.log
	@if [ "$$(cat $(TARGET_DIR)/stack-budget.rc)" = 0 ]; then sb=0; else sb=1; fi; \
	    if [ -n "$(strip $(TARGET_TESTS_UNLISTED) $(TARGET_TESTS_OS))" ]; then ls=1; else ls=0; fi; \
	    fp=$$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$$/\1/p' $(TARGET_DIR)/fw-links.log); \
	    ff=$$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$$/\2/p' $(TARGET_DIR)/fw-links.log); \
	    EXTRA_PASSED=$$((2 - sb - ls + $${fp:-0})) EXTRA_FAILED=$$((sb + ls + $${ff:-1})) \
	    SHARED=$(SHARED) sh tests/target/run-qemu.sh $(TARGET_TEST_ELFS) $(FW_ELFS)

CHECK_EXTRA += check-target

-include $(shell find $(TARGET_DIR) -name '*.d' 2>/dev/null)

# --- Firmware programs ------------------------------------------------------------
# Two real programs per CPU, linked the way firmware is (-Os, one section per function and
# object, --gc-sections, picolibc) so their size is what the library adds to an image:
#   reporter-core  camp_client_inbox_get_campaign() over a canned in-memory transport (no TLS),
#                  then "is the window open now / when does it next open" with a 4-zone table
#   decode-only    camp_inbox_campaign_parse() of the same campaign from a buffer
# Sources in tests/firmware/; the campaign is fixtures/inboxapp-campaign-get-response.json,
# compiled in. picolibc's minimal crt0 (the semihosting one would add a fault handler with
# printf); the programs print and exit through semihosting themselves. `make target` builds them, `make check-target` runs them on qemu (M3 on
# mps2-an385, M4 on mps2-an386, M0+ on microbit, a Cortex-M0: same ARMv6-M instruction set),
# $(BUILD)/firmware.tsv lists program, text (flash: code + rodata), data, bss per CPU.
FW_PROGRAMS   := reporter-core decode-only
FW_DIR        := $(TARGET_DIR)/firmware
FW_TZ_ZONES   ?= America/New_York Europe/Berlin Asia/Tokyo UTC
FW_FIXTURE    := $(SHARED)/fixtures/inboxapp-campaign-get-response.json
FW_TSV        := $(BUILD)/firmware.tsv
FW_LDSCRIPT_cortex-m0plus := tests/target/microbit.ld
FW_LDSCRIPT_cortex-m3     := tests/target/mps2.ld
FW_LDSCRIPT_cortex-m4     := tests/target/mps2.ld
FW_CFLAGS     := $(filter-out -Itests/target/fake_port,$(TARGET_TEST_CFLAGS)) -I$(FW_DIR) \
                 -Itests/firmware -fstack-usage
FW_LDFLAGS     = --specs=picolibc.specs --crt0=minimal -Wl,--gc-sections
FW_OBJS_reporter-core := reporter_core.o fw_main.o stack_paint.o tzdb4.o
FW_OBJS_decode-only   := decode_only.o fw_main.o stack_paint.o
FW_ELFS       := $(foreach c,$(TARGET_CPUS),$(FW_PROGRAMS:%=$(FW_DIR)/$(c)/%.elf))

# The campaign as a C string (every byte outside printable ASCII, and " \ ?, as octal).
$(FW_DIR)/fw_fixture.h: $(FW_FIXTURE) mk/target.mk
	@mkdir -p $(dir $@)
	python3 -c 'import sys; b = open(sys.argv[1], "rb").read(); \
	    e = "".join(chr(x) if 32 <= x < 127 and chr(x) not in "\"\\?" else "\\%03o" % x for x in b); \
	    print("/* generated from %s by mk/target.mk */" % sys.argv[1].split("/")[-1]); \
	    print("static const char fw_campaign[] = \"%s\";" % e)' $< >$@

$(FW_DIR)/tz4.inc: tools/tzgen.py
	@mkdir -p $(dir $@)
	python3 tools/tzgen.py --zoneinfo $(TZ_DIR) --since $(TZ_SINCE) --zones "$(FW_TZ_ZONES)" \
	    --out $@ 2>/dev/null

# $(1) = cpu
define FW_RULES
$(FW_DIR)/$(1)/%.o: tests/firmware/%.c $(FW_DIR)/fw_fixture.h $(TARGET_JSMN) $(TARGET_FLAGS_STAMP)
	@mkdir -p $$(dir $$@)
	$(TARGET_CC) $(FW_CFLAGS) $(TARGET_CPUFLAGS_$(1)) -Os -MMD -MP -c $$< -o $$@

$(FW_DIR)/$(1)/stack_paint.o: tests/target/stack_paint.c $(TARGET_FLAGS_STAMP)
	@mkdir -p $$(dir $$@)
	$(TARGET_CC) $(FW_CFLAGS) $(TARGET_CPUFLAGS_$(1)) -Os -MMD -MP -c $$< -o $$@

# The 4-zone table replaces the archive's full one (its symbols are found here first).
$(FW_DIR)/$(1)/tzdb4.o: lib/schedule/tzdb_table.c $(FW_DIR)/tz4.inc $(TARGET_FLAGS_STAMP)
	@mkdir -p $$(dir $$@)
	$(TARGET_CC) $(TARGET_LIB_FLAGS) -I$(FW_DIR) -DCAMP_TZ_FULL_TABLE=0 \
	    -DCAMP_TZ_TABLE_FILE='"tz4.inc"' $(TARGET_CPUFLAGS_$(1)) -Os -c $$< -o $$@

$(FW_DIR)/$(1)/lib/%.o: lib/%.c $(TARGET_JSMN) $(TARGET_FLAGS_STAMP)
	@mkdir -p $$(dir $$@)
	$(TARGET_CC) $(TARGET_LIB_FLAGS) $(FW_LIB_CFLAGS) $(TARGET_CPUFLAGS_$(1)) -Os -MMD -MP -c $$< -o $$@

$(FW_DIR)/$(1)/libcamp.a: $$(LIB_SRCS:lib/%.c=$(FW_DIR)/$(1)/lib/%.o)
	@echo "AR $$@"; rm -f $$@ && $(TARGET_AR) rcs $$@ $$^

$(FW_DIR)/$(1)/%.elf: $$$$(addprefix $(FW_DIR)/$(1)/,$$$$(FW_OBJS_$$$$*)) \
        $(FW_DIR)/$(1)/libcamp.a $(FW_LDSCRIPT_$(1))
	$(TARGET_CC) $(TARGET_CPUFLAGS_$(1)) -Os $(FW_LDFLAGS) -T$(FW_LDSCRIPT_$(1)) \
	    -Wl,-Map=$$(@:.elf=.map) -o $$@ $$(filter %.o %.a,$$^)
endef
$(foreach c,$(TARGET_CPUS),$(eval $(call FW_RULES,$(c))))

# program (cpu/name), then the Berkeley figures of arm-none-eabi-size without the stack and
# heap reservations of the linker script (picolibc.ld puts them in their own sections).
$(FW_TSV): $(FW_ELFS) tools/size_report.py
	python3 tools/size_report.py --firmware-tsv $@ --firmware-elfs $(FW_ELFS)

# (here, not on the target-build line above: FW_TSV is only defined in this section)
target-build: $(FW_TSV)

target-firmware: target-deps
	@$(MAKE) --no-print-directory $(FW_TSV)
	@column -t -s "$$(printf '\t')" $(FW_TSV)

.PHONY: target-firmware
