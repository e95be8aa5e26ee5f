/**
 * @file camp_validate.h
 * @brief Pure validators over (pointer, length): IDs, UUIDs, lengths in
 *        characters, RFC 3339 date-times with calendar checks, e-mail syntax.
 *
 * No state, no allocation, no locale. Inputs need not be NUL-terminated.
 * Time-zone names: camp_valid_tz_name() checks the IANA name syntax only, so
 * validating a document never links the zone table (about 14 KiB on
 * Cortex-M); membership in the table is decided where the table is linked
 * anyway, by the schedule module (camp_tz_valid_name(), camp_tz_find(): an
 * unknown name is CAMP_ERR_TZ_UNKNOWN when a window is computed).
 */
#ifndef CAMP_VALIDATE_H
#define CAMP_VALIDATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Largest counter the APIs document: 2^53 - 1 (JavaScript's safe integer). */
#define CAMP_MAX_SAFE_INT INT64_C(9007199254740991)

/**
 * @brief InboxApp ID: one or more of `[0-9a-z]` (length is not documented).
 * @param[in] s   the text (need not be NUL-terminated; NULL is invalid).
 * @param[in] len its length in bytes.
 * @return true when @p s is a valid ID.
 */
bool camp_valid_inbox_id(const char *s, size_t len);

/**
 * @brief InboxApp column ID: `custom_` followed by one or more of `[0-9a-z]`.
 * @param[in] s   the text (need not be NUL-terminated; NULL is invalid).
 * @param[in] len its length in bytes.
 * @return true when @p s is a valid column ID.
 */
bool camp_valid_column_id(const char *s, size_t len);

/** Longest time-zone name accepted (the Outbox API's documented limit). */
#define CAMP_TZ_NAME_MAX 64

/**
 * @brief IANA time-zone name syntax (tzdata's theory.html rules), without the
 *        zone table: 1..CAMP_TZ_NAME_MAX bytes of components separated by `/`,
 *        each 1..14 bytes of `[A-Za-z0-9._+-]`, not starting with `-`, never
 *        `.` or `..`. Accepts `America/New_York`, `UTC`, `Etc/GMT+5`; rejects
 *        `Eastern Standard Time`, `America//X`, `/UTC`. Every name of the
 *        compiled table passes; a well-formed name that no table has
 *        (`Mars/Olympus`) passes too: use camp_tz_valid_name() for membership.
 * @param[in] s   the text (need not be NUL-terminated; NULL is invalid).
 * @param[in] len its length in bytes.
 * @return true when @p s is a syntactically valid zone name.
 */
bool camp_valid_tz_name(const char *s, size_t len);

/**
 * @brief Canonical UUID: 8-4-4-4-12 hex digits (either case), 36 bytes.
 * @param[in] s   the text (need not be NUL-terminated; NULL is invalid).
 * @param[in] len its length in bytes.
 * @return true when @p s is a canonical UUID.
 */
bool camp_valid_uuid(const char *s, size_t len);

/**
 * @brief Count UTF-8 characters (code points) in @p s.
 * @param[in] s   the text (need not be NUL-terminated; NULL is invalid).
 * @param[in] len its length in bytes.
 * @return the count, or -1 when @p s is not well-formed UTF-8.
 */
long camp_utf8_chars(const char *s, size_t len);

/**
 * @brief Length check in characters (code points), not bytes.
 * @param[in] s   the text (need not be NUL-terminated; NULL is invalid).
 * @param[in] len its length in bytes.
 * @param[in] min fewest characters allowed.
 * @param[in] max most characters allowed.
 * @return true when @p s is valid UTF-8 with @p min..@p max characters.
 */
bool camp_valid_length_chars(const char *s, size_t len, size_t min, size_t max);

/**
 * @brief E-mail address syntax (addr-spec, dot-atom form): a local part of
 * 1..64 atext characters and single dots, `@`, a domain of 2+ labels
 * (letters, digits, inner hyphens, 1..63 each, 253 total); 1..255 bytes overall.
 * @param[in] s   the text (need not be NUL-terminated; NULL is invalid).
 * @param[in] len its length in bytes.
 * @return true when @p s is a valid address.
 */
bool camp_valid_email(const char *s, size_t len);

/** A parsed RFC 3339 date-time. */
typedef struct camp_datetime {
    int16_t year;           /**< 0000..9999 */
    uint8_t month;          /**< 1..12 */
    uint8_t day;            /**< 1..28/29/30/31 (checked against the month and leap years) */
    uint8_t hour;           /**< 0..23 */
    uint8_t minute;         /**< 0..59 */
    uint8_t second;         /**< 0..60 (60 only as a leap second at 23:59 UTC-adjusted) */
    uint32_t nanosecond;    /**< fraction, truncated to nanoseconds */
    int16_t offset_minutes; /**< offset from UTC, -1439..1439; 0 for `Z` */
    int64_t unix_seconds;   /**< the instant, seconds since 1970-01-01T00:00:00Z */
} camp_datetime_t;

/**
 * @brief Parse an RFC 3339 `date-time` (`2025-06-01T12:00:00.000Z`,
 * `2026-03-08T03:30:00-04:00`); `T`/`Z` are accepted in either case, as RFC 3339
 * allows. Calendar-checked: 2025-02-29 and Feb 30 fail.
 * @param[in] s   the text (need not be NUL-terminated; NULL is invalid).
 * @param[in] len its length in bytes.
 * @param[out] out the parsed fields and instant; may be NULL (validate only).
 * @return CAMP_OK or CAMP_ERR_DATE.
 */
CAMP_NODISCARD camp_status_t camp_datetime_parse(const char *s, size_t len, camp_datetime_t *out);

/**
 * @brief Days since 1970-01-01 of a proleptic Gregorian civil date (no libc).
 * @param[in] year  the year (any, proleptic Gregorian).
 * @param[in] month 1..12.
 * @param[in] day   1..31 (not checked against the month).
 * @return days since 1970-01-01, negative before it.
 */
int64_t camp_days_from_civil(int64_t year, unsigned month, unsigned day);

/**
 * @brief Civil date of a day count since 1970-01-01 (inverse of camp_days_from_civil()).
 * @param[in]  days  days since 1970-01-01, negative before it.
 * @param[out] year  the year.
 * @param[out] month 1..12.
 * @param[out] day   1..31.
 */
void camp_civil_from_days(int64_t days, int64_t *year, unsigned *month, unsigned *day);

/**
 * @brief Format @p unix_seconds shifted by @p offset_minutes as RFC 3339
 * (`2026-03-08T03:30:00-04:00`, or `...Z` when offset is 0 and @p use_z).
 * @param[in]  unix_seconds   the instant, seconds since 1970-01-01T00:00:00Z.
 * @param[in]  offset_minutes the UTC offset to show the local time in, -1439..1439.
 * @param[in]  use_z          write `Z` instead of `+00:00` for offset 0.
 * @param[out] out at least 26 bytes; NUL-terminated.
 * @param[in]  cap size of @p out.
 * @return characters written (without NUL), or 0 when @p cap is too small or the
 *         year is outside 0..9999.
 */
size_t camp_datetime_format(int64_t unix_seconds, int offset_minutes, bool use_z, char *out,
                            size_t cap);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_VALIDATE_H */
