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

#endif /* CAMP_TZ_INTERNAL_H */
