/* Private: layout of the generated zone table (lib/schedule/tzdb_table.c,
 * written by tools/tzgen.py) and helpers shared by the schedule sources.
 * Everything is const data addressed by 16-bit offsets: no pointers, so the
 * table needs no relocations and lives entirely in .rodata. */
#ifndef CAMP_TZDB_INTERNAL_H
#define CAMP_TZDB_INTERNAL_H

#include <stdint.h>

#include "camp/camp_config.h"
#include "camp/camp_schedule.h"

/** A zone that carries transitions: one distinct (rule, carried transitions)
 *  pair, which several names may share. Four bytes: tzgen.py refuses a zone
 *  with more carried transitions than a byte counts. */
typedef struct camp_tzdb_zone {
    uint16_t trans_first; /**< first carried transition (camp_tzdb_trans_*) */
    uint8_t rule;         /**< index of its rule in camp_tzdb_rule_set */
    uint8_t trans_count;  /**< carried transitions; 0 = the rule alone is exact */
} camp_tzdb_zone_t;

/**
 * One distinct POSIX rule, read by tzgen.py: exactly what camp_tz_parse() gives
 * for its text, the standard offset in whole minutes (tzgen refuses a rule that
 * needs seconds there). camp_tz_find() fills a camp_tz_t from it, so a firmware
 * that looks zones up does not link the rule parser.
 */
typedef struct camp_tzdb_rule {
    uint16_t text_off; /**< offset of the NUL-terminated rule text in camp_tzdb_rules */
    int16_t std_min;   /**< standard offset, minutes east of UTC */
    uint16_t dst;      /**< 0: no DST part; else 1 + its index in camp_tzdb_dst_set */
} camp_tzdb_rule_t;

/** The DST part of rules (shared: the US rules differ only in their standard
 *  offset), its dates as camp_tz_parse() fills them: camp_tz_find() copies them
 *  whole, with no unpacking code. */
typedef struct camp_tzdb_dst {
    int32_t save;         /**< DST offset minus standard offset, seconds */
    camp_tz_date_t start; /**< change to DST */
    camp_tz_date_t end;   /**< change back */
} camp_tzdb_dst_t;

/** Bit of camp_tzdb_zone_of[] set for a name that carries transitions: the rest
 *  indexes camp_tzdb_zones; without it the byte is the name's rule (the rule
 *  alone is exact). tzgen.py refuses more than 128 of either. */
#define CAMP_TZDB_CARRIED 0x80u

/** Bit of camp_tzdb_trans_type[] set for a DST type; the rest indexes camp_tzdb_offsets. */
#define CAMP_TZDB_TYPE_DST 0x80u

extern const char camp_tzdb_version[];
extern const uint16_t camp_tzdb_count;              /* names in the table */
extern const char camp_tzdb_names[];                /* sorted, NUL-terminated */
extern const uint16_t camp_tzdb_name_off[];         /* camp_tzdb_count entries */
extern const uint8_t camp_tzdb_zone_of[];           /* camp_tzdb_count entries, see above */
extern const char camp_tzdb_rules[];                /* rule texts, NUL-terminated */
extern const camp_tzdb_rule_t camp_tzdb_rule_set[]; /* the same rules, read */
extern const camp_tzdb_dst_t camp_tzdb_dst_set[];   /* their distinct DST parts */
extern const camp_tzdb_zone_t camp_tzdb_zones[];
extern const uint32_t camp_tzdb_trans_time[];
extern const uint8_t camp_tzdb_trans_type[];
extern const int32_t camp_tzdb_offsets[];

/** Longest rule text the parser reads (the table's longest is ~45 bytes). */
#define CAMP_TZ_RULE_MAX 128

#endif /* CAMP_TZDB_INTERNAL_H */
