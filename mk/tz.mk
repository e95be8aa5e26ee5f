# Time-zone table: regenerate lib/schedule/tzdb_table.c from the
# host's tzdata, stamped with its version (tzdata.zi "# version" and, on
# Debian, the tzdata package version from dpkg-query).
#
#   make tz                                   full table (committed)
#   make tz TZ_ZONES="Europe/Berlin America/New_York" TZ_OUT=my_tzdb.inc
#                                             reduced table for firmware; build with
#                                             -DCAMP_TZ_FULL_TABLE=0 -DCAMP_TZ_TABLE_FILE='"my_tzdb.inc"'
#   make tz TZ_SINCE=2026                     first year whose TZif transitions must be reproduced
#   make tz-subset-check                      proves the reduced-table build works (part of make check)

TZ_DIR   ?= /usr/share/zoneinfo
TZ_ZONES ?=
TZ_SINCE ?= 2026
TZ_OUT   ?= $(if $(strip $(TZ_ZONES)),$(BUILD)/tzdb_subset.inc,lib/schedule/tzdb_table.c)

.PHONY: tz tz-subset-check
tz:
	python3 tools/tzgen.py --zoneinfo $(TZ_DIR) --since $(TZ_SINCE) --out $(TZ_OUT) \
	    $(if $(strip $(TZ_ZONES)),--zones "$(TZ_ZONES)",--guard)

# Build a reduced table (two zones), compile the lookup against it and check
# that exactly those names are known.
TZ_SUBSET_DIR := $(BUILD)/tz-subset
tz-subset-check: $(LIBCAMP)
	@mkdir -p $(TZ_SUBSET_DIR)
	@python3 tools/tzgen.py --zoneinfo $(TZ_DIR) --since $(TZ_SINCE) \
	    --zones "Europe/Berlin America/New_York" --out $(TZ_SUBSET_DIR)/subset.inc 2>/dev/null
	@$(CC) $(CPPFLAGS) -I$(TZ_SUBSET_DIR) -DCAMP_TZ_FULL_TABLE=0 \
	    -DCAMP_TZ_TABLE_FILE='"subset.inc"' $(CFLAGS) \
	    -o $(TZ_SUBSET_DIR)/probe tests/scripts/tz_subset_probe.c \
	    lib/schedule/tzdb_table.c lib/schedule/tz_lookup.c lib/schedule/tz_rule.c \
	    lib/schedule/tz_engine.c $(LIBCAMP)
	@if $(TZ_SUBSET_DIR)/probe; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; exit 1; fi

CHECK_EXTRA += tz-subset-check
