/**
 * @file camp_schedule.h
 * @brief IANA time zones without an OS: zone table, POSIX TZ rules, UTC <->
 *        local time, and sending-window decisions ("open now?", "next opening").
 *
 * ## The zone table
 * `tools/tzgen.py` (`make tz`) compiles the host's tzdata into
 * `lib/schedule/tzdb_table.c`, stamped with the tzdata version
 * (camp_tz_db_version()). It holds every canonical zone and every
 * backward-compatible link name of `tzdata.zi` (not `Factory`, `posixrules`,
 * `localtime`, nor the `posix/` and `right/` copies), each mapped to the POSIX
 * TZ rule of its TZif footer. Where a zone's TZif file lists transitions from
 * 2026-01-01 on that its rule cannot express (the generator checks every zone;
 * for tzdata 2026f e.g. Africa/Casablanca, Asia/Gaza, America/Havana), the
 * table also carries those transitions and the engine uses them before falling
 * back to the rule. All of it is `const` (no `.data`/`.bss`, no relocations)
 * in its own object file, reported by `make size` as module `tzdb`.
 *
 * Names are matched exactly and case-sensitively (`America/New_York`, not
 * `america/new_york`), canonical and link names alike.
 *
 * ### A reduced table for firmware
 * `make tz TZ_ZONES="Europe/Berlin America/New_York" TZ_OUT=my_tzdb.inc`
 * writes a table with only those names (TZ_OUT defaults to
 * `$(BUILD)/tzdb_subset.inc`; the committed full table is not touched). Build
 * libcamp with `-DCAMP_TZ_FULL_TABLE=0 -DCAMP_TZ_TABLE_FILE='"my_tzdb.inc"'`
 * (or define both in your CAMP_CONFIG_FILE), with the file's directory on the
 * include path: lib/schedule/tzdb_table.c then compiles that file instead of
 * the full table. Every other name is unknown (camp_tz_valid_name() false,
 * CAMP_ERR_TZ_UNKNOWN). `make tz-subset-check` (part of `make check`) proves
 * the reduced build works.
 *
 * ## Range and accuracy
 * Instants from 2000-01-01T00:00:00Z up to 2099-12-31T23:59:59Z
 * (CAMP_TZ_MIN_UTC .. CAMP_TZ_END_UTC - 1); others give CAMP_ERR_TIME_RANGE.
 * The table describes the rules in force from 2026 on: an instant before
 * 2026 is computed with those rules too (no historical offsets are carried;
 * this library schedules future sends).
 *
 * No libc time functions, no floating point, no recursion, no allocation;
 * every loop is bounded.
 */
#ifndef CAMP_SCHEDULE_H
#define CAMP_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "camp_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** First supported instant: 2000-01-01T00:00:00Z, seconds since 1970. */
#define CAMP_TZ_MIN_UTC INT64_C(946684800)
/** End of the supported range (exclusive): 2100-01-01T00:00:00Z. */
#define CAMP_TZ_END_UTC INT64_C(4102444800)

/* ------------------------------------------------------------ zone names */

/**
 * @brief Whether @p name is a zone name in the compiled IANA table: exact,
 * case-sensitive match (canonical or link name). Binary search.
 * @param[in] name the name (not NUL-terminated).
 * @param[in] len  its length in bytes.
 * @return true when the table has the name; NULL or an empty name is false.
 */
bool camp_tz_valid_name(const char *name, size_t len);

/**
 * @brief Number of names in the compiled table (zones and links).
 * @return the count.
 */
size_t camp_tz_count(void);

/**
 * @brief The @p index-th name of the table, in bytewise sorted order.
 * @param[in] index 0 .. camp_tz_count() - 1.
 * @return a static NUL-terminated string, or NULL when @p index >= camp_tz_count().
 */
const char *camp_tz_name(size_t index);

/**
 * @brief tzdata version the table was generated from.
 * @return a static string such as "2026f".
 */
const char *camp_tz_db_version(void);

/* ------------------------------------------------------------ rules */

/** How a POSIX TZ rule names the day of a transition. */
typedef enum camp_tz_date_kind {
    CAMP_TZ_DATE_JULIAN1 = 0, /**< `Jn`: day 1..365, February 29 never counted */
    CAMP_TZ_DATE_JULIAN0 = 1, /**< `n`: days after 1 January, 0..365, February 29 counted
                                   (tzcode: 365 in a common year is 1 January of the next) */
    CAMP_TZ_DATE_MWD = 2      /**< `Mm.w.d`: weekday d (0 Sunday) of week w (5 = last) of month m */
} camp_tz_date_kind_t;

/** One transition date of a POSIX TZ rule. */
typedef struct camp_tz_date {
    int32_t time; /**< local time of day of the change, seconds; -167 h .. +167 h (default 02:00) */
    uint16_t day; /**< JULIAN1: 1..365; JULIAN0: 0..365 */
    uint8_t kind; /**< a camp_tz_date_kind_t */
    uint8_t month; /**< MWD: 1..12 */
    uint8_t week;  /**< MWD: 1..5 */
    uint8_t wday;  /**< MWD: 0 (Sunday)..6 */
} camp_tz_date_t;

/**
 * @brief A parsed POSIX TZ rule such as `EST5EDT,M3.2.0,M11.1.0` or
 * `<+1030>-10:30<+11>-11,M10.1.0,M4.1.0`.
 *
 * Offsets here are seconds EAST of UTC (New York standard time is -18000),
 * the opposite sign of the rule text.
 */
typedef struct camp_tz_rule {
    int32_t std_offset;   /**< standard time offset, seconds east of UTC */
    int32_t dst_offset;   /**< DST offset (std + 1 h when the rule omits it); == std without DST */
    bool has_dst;         /**< the rule has a DST part and two transition dates */
    camp_tz_date_t start; /**< change to DST (in standard local time) */
    camp_tz_date_t end;   /**< change back (in DST local time) */
} camp_tz_rule_t;

/**
 * @brief A resolved zone: its rule, and the transitions the table carries for it.
 * Filled by camp_tz_find() or camp_tz_parse(); plain data, copy freely.
 * The trans_* members are private to the library.
 */
typedef struct camp_tz {
    camp_tz_rule_t rule; /**< the POSIX rule (the zone's TZif footer) */
    const char *name;    /**< table name (static), or NULL for camp_tz_parse() */
    const char *
        rule_text; /**< the rule string (static for table zones, the caller's for parse; not NUL-terminated for parse) */
    size_t rule_len;      /**< length of rule_text */
    uint16_t trans_first; /**< private: first carried transition */
    uint16_t trans_count; /**< private: carried transitions (0 = rule only) */
} camp_tz_t;

/**
 * @brief Look a zone up by exact, case-sensitive name.
 * @param[in]  name not necessarily NUL-terminated.
 * @param[in]  len  bytes of @p name.
 * @param[out] out  the zone (unchanged on failure). Its rule is what
 *                  camp_tz_parse() gives for out->rule_text: tzgen.py read the
 *                  table's rules when it wrote them, so this call does not link
 *                  the rule parser.
 * @return CAMP_OK; CAMP_ERR_ARG when @p name or @p out is NULL;
 *         CAMP_ERR_TZ_UNKNOWN when the name is not in the table.
 */
CAMP_NODISCARD camp_status_t camp_tz_find(const char *name, size_t len, camp_tz_t *out);

/**
 * @brief Parse a POSIX TZ rule string (as in the TZ variable, without a leading ':').
 *
 * Grammar: `std offset [dst [offset] ,start[/time],end[/time]]`.
 * - names: 3..16 letters, or `<`3..16 of [A-Za-z0-9+-]`>` (`<+0545>`, `<-03>`);
 * - offset: `[+-]hh[:mm[:ss]]`, hh 0..24, west of UTC positive (POSIX);
 *   the DST offset defaults to one hour east of the standard offset;
 * - dates: `Jn` (1..365), `n` (0..365), `Mm.w.d`; time `[+-]hh[:mm[:ss]]`
 *   with hh 0..167 (negative and beyond 24 h allowed, as in `M3.5.0/-2`,
 *   `J60/25`), default `02:00:00`.
 * Policy: a DST name without dates (`EST5EDT`) is rejected rather than given
 * a default rule, because a guessed rule would be silently wrong.
 *
 * @param[in]  rule text, not necessarily NUL-terminated; must stay valid while
 *                  @p out is used only if you read out->rule_text.
 * @param[in]  len  bytes of @p rule (at most 128).
 * @param[out] out  the zone; name NULL, no carried transitions.
 * @param[out] diag may be NULL; on failure path `$`, offset = byte position, rule text.
 * @return CAMP_OK; CAMP_ERR_ARG (NULL @p rule / @p out); CAMP_ERR_TZ_RULE (malformed).
 */
CAMP_NODISCARD camp_status_t camp_tz_parse(const char *rule, size_t len, camp_tz_t *out,
                                           camp_diag_t *diag);

/* ------------------------------------------------------------ conversions */

/**
 * @brief UTC offset in effect at an instant.
 * @param[in]  tz     a zone from camp_tz_find() / camp_tz_parse().
 * @param[in]  utc    seconds since 1970-01-01T00:00:00Z, in [CAMP_TZ_MIN_UTC, CAMP_TZ_END_UTC).
 * @param[out] offset seconds east of UTC (-18000 for New York in winter).
 * @param[out] is_dst may be NULL; true in the rule's DST part (the TZif isdst flag).
 * @return CAMP_OK; CAMP_ERR_ARG (NULL @p tz / @p offset); CAMP_ERR_TIME_RANGE.
 */
CAMP_NODISCARD camp_status_t camp_tz_offset_at(const camp_tz_t *tz, int64_t utc, int32_t *offset,
                                               bool *is_dst);

/** A local civil time with its offset. */
typedef struct camp_tz_local {
    int32_t year;   /**< e.g. 2026 */
    uint8_t month;  /**< 1..12 */
    uint8_t day;    /**< 1..31 */
    uint8_t hour;   /**< 0..23 */
    uint8_t minute; /**< 0..59 */
    uint8_t second; /**< 0..59 */
    uint8_t wday;   /**< 0 Sunday .. 6 Saturday */
    uint16_t yday;  /**< 0..365, days since 1 January */
    int32_t offset; /**< seconds east of UTC */
    bool is_dst;    /**< DST in effect */
} camp_tz_local_t;

/**
 * @brief Convert an instant to local civil time in @p tz.
 * @param[in]  tz  the zone.
 * @param[in]  utc seconds since 1970 (UTC), in range.
 * @param[out] out the local time.
 * @return CAMP_OK; CAMP_ERR_ARG; CAMP_ERR_TIME_RANGE.
 */
CAMP_NODISCARD camp_status_t camp_tz_to_local(const camp_tz_t *tz, int64_t utc,
                                              camp_tz_local_t *out);

/**
 * @brief Convert a local civil time in @p tz to an instant.
 *
 * At a DST change a local time can exist twice (clocks go back: @p count 2,
 * @p earlier and @p later differ) or not at all (clocks go forward: @p count 0;
 * both outputs then hold the instant computed with the offset in force before
 * the gap, which reads as the local time shifted forward by the gap, e.g.
 * 02:30 on New York's spring-forward day gives 07:30Z = 03:30 EDT).
 *
 * @param[in]  tz      the zone.
 * @param[in]  local   year, month, day, hour, minute, second are read (the
 *                     other members are ignored); calendar-checked.
 * @param[out] earlier the first matching instant.
 * @param[out] later   may be NULL; the second match (== @p earlier when @p count < 2).
 * @param[out] count   may be NULL; 0, 1 or 2 matching instants.
 * @return CAMP_OK; CAMP_ERR_ARG (NULL pointer, or fields outside the
 *         calendar); CAMP_ERR_TIME_RANGE (result outside the range).
 */
CAMP_NODISCARD camp_status_t camp_tz_to_utc(const camp_tz_t *tz, const camp_tz_local_t *local,
                                            int64_t *earlier, int64_t *later, unsigned *count);

/* ------------------------------------------------------------ sending windows */

/** Minutes in a day: the largest allowed window end. */
#define CAMP_MINUTES_PER_DAY 1440u

/** One day's sending window, in minutes after local midnight. */
typedef struct camp_day_window {
    bool has_window; /**< false: no sending on this day */
    uint16_t start;  /**< first open minute, 0..1439 */
    uint16_t end;    /**< first closed minute, start+1..1440 */
} camp_day_window_t;

/**
 * @brief A campaign's weekly sending windows (InboxApp `scheduleHours`):
 * day[0] Sunday .. day[6] Saturday, in the campaign's time zone.
 * Independent of JSON: the inbox decoder or the caller fills it.
 */
typedef struct camp_week_windows {
    camp_day_window_t day[7]; /**< index = local weekday, 0 Sunday */
} camp_week_windows_t;

/**
 * @brief Check a week's windows: each day with a window needs start < end <= 1440.
 * @param[in]  w    the windows.
 * @param[out] diag may be NULL; path like `$.day[3].end`, the rule, limits.
 * @return CAMP_OK; CAMP_ERR_ARG (NULL); CAMP_ERR_SCHEDULE.
 */
CAMP_NODISCARD camp_status_t camp_week_windows_check(const camp_week_windows_t *w,
                                                     camp_diag_t *diag);

/**
 * @brief Is the sending window open at an instant?
 *
 * Open iff the local weekday (in @p tz) has a window and
 * start <= local minute of day < end (seconds are ignored: 17:00:59 is in
 * minute 1020). At DST changes this rule alone decides, so:
 * - local minutes skipped when clocks go forward never occur, so they are
 *   never open; a window that starts inside the gap opens at the first local
 *   minute after it (e.g. start 02:30 opens at 03:00 on New York's
 *   spring-forward day, if end is later);
 * - local minutes repeated when clocks go back are open both times.
 *
 * @param[in]  tz   the zone.
 * @param[in]  w    the windows (checked: see camp_week_windows_check()).
 * @param[in]  utc  the instant, in range.
 * @param[out] open the answer.
 * @return CAMP_OK; CAMP_ERR_ARG; CAMP_ERR_SCHEDULE (bad window); CAMP_ERR_TIME_RANGE.
 */
CAMP_NODISCARD camp_status_t camp_schedule_is_open(const camp_tz_t *tz,
                                                   const camp_week_windows_t *w, int64_t utc,
                                                   bool *open);

/** How far camp_schedule_next_open() looks ahead: 8 days, in seconds. */
#define CAMP_SCHEDULE_HORIZON_S INT64_C(691200)

/**
 * @brief The next time the window opens: the first instant at or after @p utc
 * that is open (by camp_schedule_is_open()'s rule), at most
 * CAMP_SCHEDULE_HORIZON_S ahead. If @p utc itself is open, that is @p utc.
 * Otherwise it is the start of a local minute, or the instant of an offset
 * change that lands inside a local minute: possible only with offsets that
 * have seconds (`EST4:59:59EDT1,J6,J6` jumps from 01:59:59 to 05:59:59, and
 * 05:59:59 is already in minute 359, so a window starting at 03:00..05:59
 * opens at the jump, one second before 06:00:00 local).
 *
 * @param[in]  tz    the zone.
 * @param[in]  w     the windows (checked: see camp_week_windows_check()).
 * @param[in]  utc   where to start, in range.
 * @param[out] found false ("never") when nothing opens within 8 days — an
 *                   empty week, or the search would leave the supported range.
 * @param[out] next  the instant when @p found (unchanged otherwise).
 * @return CAMP_OK; CAMP_ERR_ARG; CAMP_ERR_SCHEDULE; CAMP_ERR_TIME_RANGE (@p utc out of range).
 */
CAMP_NODISCARD camp_status_t camp_schedule_next_open(const camp_tz_t *tz,
                                                     const camp_week_windows_t *w, int64_t utc,
                                                     bool *found, int64_t *next);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_SCHEDULE_H */
