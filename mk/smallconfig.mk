# check-small-config: the library and the core's unit tests built with a small
# user configuration (tests/config/camp_small_config.h, passed as CAMP_CONFIG_FILE
# to both, as an application would), then run. Proves that no code depends on the
# default capacities and that every capacity limit holds at other numbers.
# The port tests (sockets, TLS) are left out: they test the ports, not capacities.
# Built at -Os, as a small target builds it: the code kept for size rather than
# speed (CAMP_ENGINE_FAST_PATHS 0: the general token readers, the InboxApp key
# pools apart) then runs the whole host suite too, not only the tests run on qemu.
SMALL_CONFIG_BUILD := $(BUILD)/small-config
SMALL_CONFIG_FILE  := $(abspath tests/config/camp_small_config.h)
SMALL_CONFIG_TESTS := $(filter-out %/test_tls %/test_posix,\
                        $(patsubst $(BUILD)/tests/%,$(SMALL_CONFIG_BUILD)/tests/%,$(UNIT_BINS)))

.PHONY: check-small-config
check-small-config:
	@mkdir -p $(BUILD)
	@$(MAKE) --no-print-directory BUILD=$(SMALL_CONFIG_BUILD) \
	    EXTRA_CFLAGS='$(EXTRA_CFLAGS) -Os -DCAMP_CONFIG_FILE=\"$(SMALL_CONFIG_FILE)\"' \
	    lib ports $(SMALL_CONFIG_TESTS) >$(BUILD)/small-config-build.log 2>&1 \
	    || { tail -n 30 $(BUILD)/small-config-build.log; echo "0 passed, 1 failed"; exit 1; }
	@echo "ok - lib/ and the unit tests build with $(notdir $(SMALL_CONFIG_FILE))"
	@BUILD=$(SMALL_CONFIG_BUILD) SHARED=$(SHARED) sh tools/run-tests.sh $(SMALL_CONFIG_TESTS)

CHECK_EXTRA += check-small-config
