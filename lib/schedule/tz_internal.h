/* Private helpers shared by the schedule sources. */
#ifndef CAMP_TZ_INTERNAL_H
#define CAMP_TZ_INTERNAL_H

#include <stdint.h>
#include <stdbool.h>

#include "camp/camp_schedule.h"

/**
 * Offset and DST flag at @p t (in range, not checked), and the next instant
 * after @p t where they may change (at most CAMP_TZ_END_UTC). The offset is
 * constant on [t, *next).
 */
void camp_tz_segment(const camp_tz_t *tz, int64_t t, int32_t *offset, bool *is_dst, int64_t *next);

/** Day of the week (0 = Sunday .. 6) of day number @p days since 1970-01-01. */
uint32_t camp_tz_weekday(int64_t days);

#endif /* CAMP_TZ_INTERNAL_H */
