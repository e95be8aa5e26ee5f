# TLS port extras (owner: tls helper).
#   make tls-heap    measure the heap one HTTPS request needs (docs/tls.md)
#   make tls-test    only the TLS transport tests (tests/scripts/tls.sh)
# tests/scripts/tls.sh and tests/scripts/mockapi.sh also run in `make check`.

TLS_HEAP_BIN := $(BUILD)/tools/tls_heap

$(TLS_HEAP_BIN): tools/tls_heap.c $(LIBMBEDTLS) $(LIBPOSIX)
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CPPFLAGS) $(HOST_CFLAGS) -o $@ tools/tls_heap.c $(LIBMBEDTLS) $(LIBPOSIX) $(LDLIBS_TLS)

.PHONY: tls-heap tls-test
tls-heap: $(TLS_HEAP_BIN)
	@BUILD=$(BUILD) sh tools/tls_heap.sh

tls-test: $(BUILD)/tests/test_tls
	@BUILD=$(BUILD) sh tests/scripts/tls.sh
