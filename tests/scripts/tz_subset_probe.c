/* Built by `make tz-subset-check` against a reduced zone table holding only
 * Europe/Berlin and America/New_York (CAMP_TZ_FULL_TABLE=0): those resolve
 * and convert, everything else is unknown. Exit 0 when all holds. */
#include <string.h>

#include "camp/camp_schedule.h"

static int known(const char *name)
{
    return camp_tz_valid_name(name, strlen(name)) ? 1 : 0;
}

int main(void);

int main(void)
{
    camp_tz_t tz;
    int32_t off = 0;
    int fails = 0;

    fails += camp_tz_count() == 2u ? 0 : 1;
    fails += known("Europe/Berlin") == 1 ? 0 : 1;
    fails += known("America/New_York") == 1 ? 0 : 1;
    fails += known("Asia/Tokyo") == 0 ? 0 : 1;
    fails += known("US/Eastern") == 0 ? 0 : 1;
    fails += camp_tz_find("Asia/Tokyo", 10, &tz) == CAMP_ERR_TZ_UNKNOWN ? 0 : 1;
    if (camp_tz_find("America/New_York", 16, &tz) != CAMP_OK ||
        camp_tz_offset_at(&tz, INT64_C(1783425600), &off, NULL) != CAMP_OK || off != -14400) {
        fails++; /* 2026-07-07T12:00:00Z is EDT */
    }
    return fails == 0 ? 0 : 1;
}
