/* Private helpers shared by the schedule sources. */
#ifndef CAMP_TZ_INTERNAL_H
#define CAMP_TZ_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp/camp_schedule.h"

/**
 * Offset and DST flag at @p t (in range, not checked), and the next instant
 * after @p t where they may change (at most CAMP_TZ_END_UTC). The offset is
 * constant on [t, *next).
 */
void camp_tz_segment(const camp_tz_t *tz, int64_t t, int32_t *offset, bool *is_dst, int64_t *next);

/**
 * Day number since 1970-01-01 of instant @p t, and in *sec its second of the
 * day: CAMP_DAYS_OF (floor division) for the instants of the schedule, an
 * instant in range moved by an int32 offset (|t| < 2^37 is required). In 32
 * bits, so the schedule does not link the 64-bit camp_floor_div*().
 */
int32_t camp_tz_days_of(int64_t t, uint32_t *sec);

/** Day of the week (0 = Sunday .. 6) of day number @p days since 1970-01-01
 *  (|days| < 2^21, as camp_tz_days_of() gives). */
uint32_t camp_tz_weekday(int32_t days);

#endif /* CAMP_TZ_INTERNAL_H */
