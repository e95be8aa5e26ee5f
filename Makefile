# libcamp — build, test, install.
#
#   make / make all     core archive, port archives, examples (build/)
#   make check          every test; ends with "N passed, N failed"
#   make demo           the end-to-end demo against the bundled mock API over TLS
#   make install PREFIX=/usr/local
#   make clean
#
# Sources are discovered, so adding a module needs no Makefile edit:
#   lib/**/*.c               -> build/lib/libcamp.a        (the core: no OS, no malloc)
#   port/posix/*.c           -> build/lib/libcamp_posix.a
#   port/mbedtls/*.c         -> build/lib/libcamp_mbedtls.a
#   examples/NAME/*.c        -> build/bin/NAME
#   tests/unit/test_*.c      -> build/tests/test_*  (cmocka, linked with tests/support/*.c)
#   tests/scripts/*.sh       -> run by `make check` (print "N passed, N failed")
#   mk/*.mk                  -> extra targets (tz, fuzz, target, size, bench, demo, ...)

BUILD    ?= build
CC       ?= cc
PREFIX   ?= /usr/local
SHARED   ?= $(abspath ../shared)
VERSION  := 0.1.0

# Library flags: strict C99, every warning an error.
CSTD      := -std=c99
WARNINGS  := -Wall -Wextra -Werror -pedantic -Wconversion -Wsign-conversion -Wshadow \
             -Wcast-qual -Wstrict-prototypes -Wmissing-prototypes -Wundef
OPT       ?= -O2 -g
SAN_FLAGS ?=
EXTRA_CFLAGS ?=
CPPFLAGS  := -Iinclude -Ilib -DCAMP_VERSION_STRING='"$(VERSION)"'
CFLAGS    := $(CSTD) $(WARNINGS) $(OPT) $(SAN_FLAGS) $(EXTRA_CFLAGS)

# Tests, examples and ports use POSIX APIs and cmocka; same warnings, fewer pedantic rules.
HOST_CPPFLAGS := $(CPPFLAGS) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Itests/support -Iport
HOST_CFLAGS   := -std=c99 -Wall -Wextra -Werror -Wshadow -Wconversion -Wno-sign-conversion \
                 $(OPT) $(SAN_FLAGS) $(EXTRA_CFLAGS)
LDLIBS_TLS    := -lmbedtls -lmbedx509 -lmbedcrypto
LDFLAGS       ?=

LIB_SRCS      := $(sort $(shell find lib -name '*.c'))
POSIX_SRCS    := $(sort $(wildcard port/posix/*.c))
MBEDTLS_SRCS  := $(sort $(wildcard port/mbedtls/*.c))
SUPPORT_SRCS  := $(sort $(wildcard tests/support/*.c))
UNIT_SRCS     := $(sort $(wildcard tests/unit/test_*.c))
EXAMPLES      := $(sort $(notdir $(patsubst %/,%,$(dir $(wildcard examples/*/*.c)))))

LIB_OBJS      := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
POSIX_OBJS    := $(POSIX_SRCS:%.c=$(BUILD)/obj/%.o)
MBEDTLS_OBJS  := $(MBEDTLS_SRCS:%.c=$(BUILD)/obj/%.o)
SUPPORT_OBJS  := $(SUPPORT_SRCS:%.c=$(BUILD)/obj/%.o)

LIBCAMP       := $(BUILD)/lib/libcamp.a
LIBPOSIX      := $(BUILD)/lib/libcamp_posix.a
LIBMBEDTLS    := $(BUILD)/lib/libcamp_mbedtls.a
PORT_LIBS     := $(if $(MBEDTLS_SRCS),$(LIBMBEDTLS)) $(if $(POSIX_SRCS),$(LIBPOSIX))
ALL_LIBS      := $(PORT_LIBS) $(LIBCAMP)

UNIT_BINS     := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
EXAMPLE_BINS  := $(EXAMPLES:%=$(BUILD)/bin/%)

# Extra check steps contributed by mk/*.mk (each a phony target printing its own result line).
CHECK_EXTRA   :=

.PHONY: all lib ports examples tests check check-unit deps clean install print-%
# Objects reached through pattern chains are kept, not deleted as intermediates.
.SECONDARY:
all: lib ports examples

lib: $(LIBCAMP)
ports: $(PORT_LIBS)
examples: $(EXAMPLE_BINS)
tests: $(UNIT_BINS)

$(BUILD)/obj/lib/%.o: lib/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

# Ports talk to the OS: POSIX feature macros, still warnings-as-errors.
$(BUILD)/obj/port/%.o: port/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/obj/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CPPFLAGS) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/obj/examples/%.o: examples/%.c
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CPPFLAGS) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(LIBCAMP): $(LIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(LIBPOSIX): $(POSIX_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(LIBMBEDTLS): $(MBEDTLS_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

example_objs = $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard examples/$(1)/*.c))
.SECONDEXPANSION:
$(BUILD)/bin/%: $$(call example_objs,$$*) $(ALL_LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CFLAGS) $(LDFLAGS) -o $@ $(filter %.o,$^) $(ALL_LIBS) $(LDLIBS_TLS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(SUPPORT_OBJS) $(ALL_LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CFLAGS) $(LDFLAGS) -o $@ $< $(SUPPORT_OBJS) $(ALL_LIBS) -lcmocka $(LDLIBS_TLS)

# --- dependencies -------------------------------------------------------------
# Installs missing Debian packages when root, otherwise prints the command and stops.
deps:
	@sh tools/deps.sh

# --- tests --------------------------------------------------------------------
# check-unit: the cmocka binaries and tests/scripts/*.sh under one runner that
# prints each runner's own closing lines and a final "N passed, N failed".
check-unit: all tests
	@BUILD=$(BUILD) SHARED=$(SHARED) sh tools/run-tests.sh $(UNIT_BINS) $(sort $(wildcard tests/scripts/*.sh))

check: deps
	@$(MAKE) --no-print-directory all tests
	@BUILD=$(BUILD) SHARED=$(SHARED) CHECK_EXTRA="$(CHECK_EXTRA)" sh tools/check-all.sh

# --- install ------------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/include/camp $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/bin
	install -m 644 include/camp/*.h $(DESTDIR)$(PREFIX)/include/camp/
	# port headers under camp/port/ so "mbedtls/camp_mbedtls_tls.h" never mixes with mbedTLS's own
	install -d $(DESTDIR)$(PREFIX)/include/camp/port/posix $(DESTDIR)$(PREFIX)/include/camp/port/mbedtls
	install -m 644 port/posix/*.h $(DESTDIR)$(PREFIX)/include/camp/port/posix/
	install -m 644 port/mbedtls/*.h $(DESTDIR)$(PREFIX)/include/camp/port/mbedtls/
	install -m 644 $(ALL_LIBS) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(EXAMPLE_BINS) $(DESTDIR)$(PREFIX)/bin/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' tools/camp.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/camp.pc

clean:
	rm -rf build

print-%:
	@echo '$($*)'

-include mk/*.mk
-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
