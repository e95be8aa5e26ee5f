# libcamp — build, test, install.
#
#   make / make all     core archive, port archives, examples (build/)
#   make check          every test; ends with "N passed, N failed"
#   make demo           the end-to-end demo against the bundled mock API over TLS
#   make install PREFIX=/usr/local   (make uninstall PREFIX=... removes it again)
#   make lib CC=arm-none-eabi-gcc     cross build of the core (JSMN_INCLUDE_DIR=dir for jsmn.h)
#   WERROR=0                          warnings stay warnings (on by default: -Werror)
#   CAMP_CONFIG_FILE=my_config.h      build and install with your capacities (tests assume the defaults)
#   make docs                         API reference under build/docs (mk/docs.mk)
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
# One source of truth: the three numbers in include/camp/camp_version.h.
VERSION  := $(shell awk '/^[\#]define CAMP_VERSION_(MAJOR|MINOR|PATCH) / { v = v (v == "" ? "" : ".") $$3 } \
                END { print v }' include/camp/camp_version.h)

# Warnings are errors in the project's own builds; WERROR=0 turns that off for
# compilers and versions the project is not tested with.
WERROR   ?= 1
WERROR_FLAG := $(if $(filter 1 yes on,$(WERROR)),-Werror)

# Cross builds (make lib CC=arm-none-eabi-gcc): the archiver follows the compiler
# (arm-none-eabi-gcc -> arm-none-eabi-ar) unless AR is given.
ifeq ($(origin AR),default)
AR := $(if $(filter %gcc,$(notdir $(CC))),$(patsubst %gcc,%ar,$(CC)),ar)
endif
# A bare-metal gcc without newlib still needs a C library for <string.h>: use
# Debian's picolibc through its specs file when the compiler finds no libc itself.
ifneq ($(filter %-none-eabi-gcc,$(CC)),)
ifeq ($(origin CROSS_LIBC_FLAGS),undefined)
CROSS_LIBC_FLAGS := $(shell printf '\043include <string.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 || \
                      { f=$$($(CC) -print-file-name=picolibc.specs); [ -f "$$f" ] && echo --specs=picolibc.specs; })
endif
endif
CROSS_LIBC_FLAGS ?=

# jsmn.h (Debian libjsmn-dev) is copied into the build folder so that no build,
# native or cross, ever needs -I/usr/include. JSMN_INCLUDE_DIR=dir uses dir instead.
JSMN_HEADER      ?= /usr/include/jsmn.h
JSMN_INCLUDE_DIR ?=
JSMN_COPY        := $(if $(strip $(JSMN_INCLUDE_DIR)),,$(BUILD)/include/jsmn.h)
JSMN_DIR         := $(if $(strip $(JSMN_INCLUDE_DIR)),$(JSMN_INCLUDE_DIR),$(BUILD)/include)

# CAMP_CONFIG_FILE=path/my_config.h: the library, this build's programs and tests, and the
# installed camp.pc all use that configuration (capacities must match: camp_config.h).
CAMP_CONFIG_FILE ?=
CONFIG_CPPFLAGS  := $(if $(strip $(CAMP_CONFIG_FILE)),-DCAMP_CONFIG_FILE='"$(abspath $(CAMP_CONFIG_FILE))"')
# (pkg-config cannot pass a quoted file name: the installed copy is found by a plain macro.)
CONFIG_PC_CFLAGS := $(if $(strip $(CAMP_CONFIG_FILE)),-DCAMP_CONFIG_INSTALLED)

# Library flags: strict C99, every warning (an error unless WERROR=0).
CSTD      := -std=c99
WARNINGS  := -Wall -Wextra $(WERROR_FLAG) -pedantic -Wconversion -Wsign-conversion -Wshadow \
             -Wcast-qual -Wstrict-prototypes -Wmissing-prototypes -Wundef
OPT       ?= -O2 -g
SAN_FLAGS ?=
EXTRA_CFLAGS ?=
# CAMP_LIBRARY_BUILD: the library's own objects define the configuration guard
# symbol once (lib/status/version.c) instead of referencing it (camp_config.h).
CPPFLAGS  := -Iinclude -Ilib -I$(JSMN_DIR) -DCAMP_LIBRARY_BUILD $(CONFIG_CPPFLAGS)
CFLAGS    := $(CSTD) $(WARNINGS) $(OPT) $(CROSS_LIBC_FLAGS) $(SAN_FLAGS) $(EXTRA_CFLAGS)

# Tests, examples and ports use POSIX APIs and cmocka; same warnings, fewer pedantic rules.
# They are programs: they reference the configuration guard like any user's program.
HOST_CPPFLAGS := -Iinclude -Ilib $(CONFIG_CPPFLAGS) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                 -Itests/support -Iport
HOST_CFLAGS   := -std=c99 -Wall -Wextra $(WERROR_FLAG) -Wshadow -Wconversion -Wno-sign-conversion \
                 $(OPT) $(SAN_FLAGS) $(EXTRA_CFLAGS)
LDLIBS_TLS    := -lmbedtls -lmbedx509 -lmbedcrypto
# The POSIX port resolves host names in a thread (bounded by the request deadline).
LDLIBS_POSIX  := -pthread
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

$(LIB_OBJS): | $(JSMN_COPY)

$(BUILD)/include/jsmn.h:
	@test -f $(JSMN_HEADER) || { echo "jsmn.h not found at $(JSMN_HEADER):" \
	    "apt-get install libjsmn-dev, or make JSMN_INCLUDE_DIR=dir"; exit 1; }
	@mkdir -p $(dir $@)
	cp $(JSMN_HEADER) $@

$(LIBCAMP): $(LIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && $(AR) rcs $@ $^

$(LIBPOSIX): $(POSIX_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && $(AR) rcs $@ $^

$(LIBMBEDTLS): $(MBEDTLS_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && $(AR) rcs $@ $^

example_objs = $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard examples/$(1)/*.c))
.SECONDEXPANSION:
$(BUILD)/bin/%: $$(call example_objs,$$*) $(ALL_LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CFLAGS) $(LDFLAGS) -o $@ $(filter %.o,$^) $(ALL_LIBS) $(LDLIBS_TLS) $(LDLIBS_POSIX)

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(SUPPORT_OBJS) $(ALL_LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CFLAGS) $(LDFLAGS) -o $@ $< $(SUPPORT_OBJS) $(ALL_LIBS) -lcmocka $(LDLIBS_TLS) \
	    $(LDLIBS_POSIX)

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
# make install [PREFIX=/usr/local] [DESTDIR=...]: the core archive, its headers and
# camp.pc always; the POSIX port (camp-posix.pc) where the compiler has sockets; the
# mbedTLS port (camp-mbedtls.pc) and the programs only when mbedTLS is found, or as
# WITH_POSIX=0/1 and WITH_MBEDTLS=0/1 say. make uninstall removes what install wrote.
LIBDIR        ?= $(PREFIX)/lib
INCLUDEDIR    ?= $(PREFIX)/include
BINDIR        ?= $(PREFIX)/bin
MANDIR        ?= $(PREFIX)/share/man
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
PKGCONFIGDIR  ?= $(LIBDIR)/pkgconfig
# has_header: 1 when $(CC) finds the header (evaluated once, only for install goals).
has_header = $(if $(shell printf '\043include <$(1)>\n' | $(CC) $(2) -E -x c - >/dev/null 2>&1 && echo y),1,0)
ifneq ($(filter install install-% uninstall,$(MAKECMDGOALS)),)
ifeq ($(origin WITH_POSIX),undefined)
WITH_POSIX := $(if $(POSIX_SRCS),$(call has_header,sys/socket.h),0)
endif
ifeq ($(origin WITH_MBEDTLS),undefined)
WITH_MBEDTLS := $(if $(MBEDTLS_SRCS),$(call has_header,mbedtls/ssl.h,$(MBEDTLS_CFLAGS)),0)
endif
endif
WITH_POSIX   ?= 1
WITH_MBEDTLS ?= 1
# Where mbedTLS lives when not in the compiler's default paths (written into camp-mbedtls.pc).
MBEDTLS_CFLAGS ?=
MBEDTLS_LIBS   ?= $(LDLIBS_TLS)
# Installed program names cannot collide with other packages: campctl, camp-<example>.
prog_name      = $(if $(filter campctl,$(1)),campctl,camp-$(1))
INSTALL_PROGS := $(foreach e,$(EXAMPLES),$(call prog_name,$(e)))
MAN_PAGES     := $(wildcard docs/man/*.1)
COMPLETIONS   := $(wildcard tools/completion/*.bash)
PC_SED = sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' \
             -e 's|@VERSION@|$(VERSION)|g' -e 's|@MBEDTLS_CFLAGS@|$(MBEDTLS_CFLAGS)|g' \
             -e 's|@MBEDTLS_LIBS@|$(MBEDTLS_LIBS)|g' -e 's|@CONFIG_CFLAGS@|$(CONFIG_PC_CFLAGS)|g'

.PHONY: install-core install-posix install-mbedtls install-programs uninstall
install: install-core $(if $(filter 1,$(WITH_POSIX)),install-posix) \
         $(if $(filter 1,$(WITH_MBEDTLS)),install-mbedtls install-programs)
	@echo "installed libcamp $(VERSION) into $(DESTDIR)$(PREFIX)" \
	    "(POSIX port: $(WITH_POSIX), mbedTLS port and programs: $(WITH_MBEDTLS))"

install-core: $(LIBCAMP)
	install -d $(DESTDIR)$(INCLUDEDIR)/camp $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR)
	install -m 644 include/camp/*.h $(DESTDIR)$(INCLUDEDIR)/camp/
	install -m 644 $(LIBCAMP) $(DESTDIR)$(LIBDIR)/
	$(if $(strip $(CAMP_CONFIG_FILE)),install -d $(DESTDIR)$(INCLUDEDIR)/camp/config && \
	    install -m 644 $(CAMP_CONFIG_FILE) $(DESTDIR)$(INCLUDEDIR)/camp/config/camp_user_config.h)
	$(PC_SED) tools/camp.pc.in >$(DESTDIR)$(PKGCONFIGDIR)/camp.pc

# Port headers under camp/port/ so "mbedtls/camp_mbedtls_tls.h" never mixes with mbedTLS's own.
install-posix: $(LIBPOSIX) install-core
	install -d $(DESTDIR)$(INCLUDEDIR)/camp/port/posix
	install -m 644 port/posix/*.h $(DESTDIR)$(INCLUDEDIR)/camp/port/posix/
	install -m 644 $(LIBPOSIX) $(DESTDIR)$(LIBDIR)/
	$(PC_SED) tools/camp-posix.pc.in >$(DESTDIR)$(PKGCONFIGDIR)/camp-posix.pc

install-mbedtls: $(LIBMBEDTLS) install-posix
	install -d $(DESTDIR)$(INCLUDEDIR)/camp/port/mbedtls
	install -m 644 port/mbedtls/*.h $(DESTDIR)$(INCLUDEDIR)/camp/port/mbedtls/
	install -m 644 $(LIBMBEDTLS) $(DESTDIR)$(LIBDIR)/
	$(PC_SED) tools/camp-mbedtls.pc.in >$(DESTDIR)$(PKGCONFIGDIR)/camp-mbedtls.pc

install-programs: $(EXAMPLE_BINS)
	install -d $(DESTDIR)$(BINDIR)
	$(foreach e,$(EXAMPLES),install -m 755 $(BUILD)/bin/$(e) $(DESTDIR)$(BINDIR)/$(call prog_name,$(e)) &&) true
	$(if $(MAN_PAGES),install -d $(DESTDIR)$(MANDIR)/man1 && install -m 644 $(MAN_PAGES) $(DESTDIR)$(MANDIR)/man1/)
	$(foreach c,$(COMPLETIONS),install -d $(DESTDIR)$(COMPLETIONDIR) && \
	    install -m 644 $(c) $(DESTDIR)$(COMPLETIONDIR)/$(basename $(notdir $(c))) &&) true

uninstall:
	rm -rf $(DESTDIR)$(INCLUDEDIR)/camp
	rm -f $(addprefix $(DESTDIR)$(LIBDIR)/,libcamp.a libcamp_posix.a libcamp_mbedtls.a)
	rm -f $(addprefix $(DESTDIR)$(PKGCONFIGDIR)/,camp.pc camp-posix.pc camp-mbedtls.pc)
	rm -f $(addprefix $(DESTDIR)$(BINDIR)/,$(INSTALL_PROGS))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN_PAGES)))
	rm -f $(addprefix $(DESTDIR)$(COMPLETIONDIR)/,$(basename $(notdir $(COMPLETIONS))))
	rm -rf $(DESTDIR)$(LIBDIR)/cmake/camp
	@echo "uninstalled libcamp from $(DESTDIR)$(PREFIX)"

clean:
	rm -rf build

print-%:
	@echo '$($*)'

-include mk/*.mk
-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
