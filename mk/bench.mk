# Benchmarks: `make bench`
#
# Instruction counts under callgrind (deterministic) and heap allocations of libcamp's full
# decode + validate vs jsmn tokenizing alone vs cJSON parse + delete, one case per document
# type. Writes $(BUILD)/bench.tsv and docs/bench.md. cJSON (Debian libcjson-dev) is used by
# the benchmark only. The library is built for the benchmark in its own folder with the
# default flags of `make` (-O2).

BENCH_DIR   = $(BUILD)/bench
BENCH_BIN   = $(BENCH_DIR)/bench
BENCH_LIB   = $(BENCH_DIR)/lib/libcamp.a
# Decoders are benchmarked as soon as the library defines them; until then the fixture is
# measured with the JSON core only (bench.md says which).
BENCH_SYMS  = $(shell nm -g --defined-only $(BENCH_LIB) 2>/dev/null)
BENCH_HAVE  = $(if $(filter camp_outbox_campaign_decode,$(BENCH_SYMS)),-DBENCH_HAVE_OUTBOX) \
              $(if $(filter camp_inbox_decode,$(BENCH_SYMS)),-DBENCH_HAVE_INBOX)
BENCH_CFLAGS = -std=gnu11 -O2 -g -Wall -Wextra -Werror -Iinclude -Itools/bench
# Immediate binding: every PLT slot (memcmp, memchr, cJSON's calls) is resolved before main,
# so the dynamic linker's lazy lookups are never counted inside a measured call.
BENCH_LDFLAGS = -Wl,-z,now

.PHONY: bench bench-lib

bench-lib:
	@$(MAKE) --no-print-directory BUILD=$(BENCH_DIR) lib

$(BENCH_BIN): tools/bench/bench.c tools/bench/bench_inbox.inc $(BENCH_LIB) $(wildcard include/camp/*.h) mk/bench.mk
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_CFLAGS) $(BENCH_HAVE) -o $@ tools/bench/bench.c $(BENCH_LIB) -lcjson \
	    -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free $(BENCH_LDFLAGS)

bench: bench-lib
	@command -v valgrind >/dev/null || { echo "bench: valgrind missing (sh tools/deps.sh)"; exit 1; }
	@test -f /usr/include/cjson/cJSON.h || { echo "bench: libcjson-dev missing (sh tools/deps.sh)"; exit 1; }
	@$(MAKE) --no-print-directory $(BENCH_BIN)
	@mkdir -p docs
	python3 tools/bench/bench.py --bin $(BENCH_BIN) --shared $(SHARED) --cc $(CC) \
	    --tsv $(BUILD)/bench.tsv --md docs/bench.md
	@echo "bench: wrote $(BUILD)/bench.tsv and docs/bench.md"
