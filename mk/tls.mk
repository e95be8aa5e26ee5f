# TLS port extras.
#   make tls-heap    measure the heap one HTTPS request needs (docs/tls.md)
#   make tls-test    only the TLS transport tests (tests/scripts/tls.sh)
# tests/scripts/tls.sh and tests/scripts/mockapi.sh also run in `make check`.
#
# MBEDTLS_PREFIX=DIR builds and links against an mbedTLS installed under DIR
# (DIR/include, DIR/lib: e.g. cmake --install of 3.6 LTS or 4.x) instead of
# the system's: its headers come before the system's (-isystem: searched
# before /usr/include, and warnings inside them are not ours), its libraries
# are searched first and found again at run time (rpath). 4.x names its crypto library tfpsacrypto.
# Use one BUILD directory per mbedTLS: objects are not rebuilt when only the
# prefix changes.
#   make BUILD=build-36 MBEDTLS_PREFIX=/opt/mbedtls-3.6 all tests check-unit

ifdef MBEDTLS_PREFIX
override CPPFLAGS := -isystem $(MBEDTLS_PREFIX)/include $(CPPFLAGS)
override HOST_CPPFLAGS := -isystem $(MBEDTLS_PREFIX)/include $(HOST_CPPFLAGS)
override LDFLAGS := -L$(MBEDTLS_PREFIX)/lib -Wl,-rpath,$(MBEDTLS_PREFIX)/lib $(LDFLAGS)
ifneq ($(wildcard $(MBEDTLS_PREFIX)/lib/libtfpsacrypto.*),)
LDLIBS_TLS := -lmbedtls -lmbedx509 -ltfpsacrypto
endif
# make install writes the same into camp-mbedtls.pc (Makefile: MBEDTLS_CFLAGS/MBEDTLS_LIBS),
# so programs built with pkg-config use this mbedTLS too.
MBEDTLS_CFLAGS := -I$(MBEDTLS_PREFIX)/include
MBEDTLS_LIBS := -L$(MBEDTLS_PREFIX)/lib -Wl,-rpath,$(MBEDTLS_PREFIX)/lib $(LDLIBS_TLS)
endif

TLS_HEAP_BIN := $(BUILD)/tools/tls_heap

$(TLS_HEAP_BIN): tools/tls_heap.c $(LIBMBEDTLS) $(LIBPOSIX) $(LIBCAMP)
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CPPFLAGS) $(HOST_CFLAGS) $(LDFLAGS) -o $@ tools/tls_heap.c $(LIBMBEDTLS) $(LIBPOSIX) $(LIBCAMP) $(LDLIBS_TLS) \
	    $(LDLIBS_POSIX)

.PHONY: tls-heap tls-test
tls-heap: $(TLS_HEAP_BIN)
	@BUILD=$(BUILD) sh tools/tls_heap.sh

tls-test: $(BUILD)/tests/test_tls
	@BUILD=$(BUILD) sh tests/scripts/tls.sh
