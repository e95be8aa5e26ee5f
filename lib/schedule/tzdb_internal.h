/* Private: layout of the generated zone table (lib/schedule/tzdb_table.c,
 * written by tools/tzgen.py) and helpers shared by the schedule sources.
 * Everything is const data addressed by 16-bit offsets: no pointers, so the
 * table needs no relocations and lives entirely in .rodata. */
#ifndef CAMP_TZDB_INTERNAL_H
#define CAMP_TZDB_INTERNAL_H

#include <stdint.h>

#include "camp/camp_config.h"
#include "camp/camp_schedule.h"

/** One distinct (rule, carried transitions) pair; several names may share it. */
typedef struct camp_tzdb_zone {
    uint16_t rule_off;    /**< offset of the NUL-terminated rule in camp_tzdb_rules */
    uint16_t trans_first; /**< first carried transition (camp_tzdb_trans_*) */
    uint16_t trans_count; /**< carried transitions; 0 = the rule alone is exact */
} camp_tzdb_zone_t;

/** Bit of camp_tzdb_trans_type[] set for a DST type; the rest indexes camp_tzdb_offsets. */
#define CAMP_TZDB_TYPE_DST 0x80u

extern const char camp_tzdb_version[];
extern const uint16_t camp_tzdb_count;      /* names in the table */
extern const char camp_tzdb_names[];        /* sorted, NUL-terminated */
extern const uint16_t camp_tzdb_name_off[]; /* camp_tzdb_count + 1 entries */
extern const uint16_t camp_tzdb_zone_of[];  /* camp_tzdb_count entries */
extern const char camp_tzdb_rules[];
extern const uint16_t camp_tzdb_zone_count;
extern const camp_tzdb_zone_t camp_tzdb_zones[];
extern const uint32_t camp_tzdb_trans_time[];
extern const uint8_t camp_tzdb_trans_type[];
extern const int32_t camp_tzdb_offsets[];

/** Longest rule text the parser reads (the table's longest is ~45 bytes). */
#define CAMP_TZ_RULE_MAX 128

#endif /* CAMP_TZDB_INTERNAL_H */
