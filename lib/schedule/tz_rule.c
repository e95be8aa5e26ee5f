/* POSIX TZ rule parser: `std offset [dst [offset] ,start[/time],end[/time]]`.
 * The same grammar is mirrored in tools/tzgen.py (class Rule), which refuses
 * to emit a table whose footers this parser would reject. */
#include <string.h>

#include "camp/camp_schedule.h"
#include "status/status_internal.h"
#include "schedule/tzdb_internal.h"

typedef struct tz_parser {
    const char *s;
    size_t len;
    size_t pos;
    const char *err; /* first failure's rule text */
    size_t err_pos;
} tz_parser_t;

#define TZ_NAME_MIN 3u
#define TZ_NAME_MAX 16u
/* POSIX allows offsets of 0..24 hours; rule times may be -167..167 hours
 * (POSIX.1-2024 / RFC 8536 extension used by tzdata, e.g. `M3.4.4/50`). */
#define TZ_OFFSET_MAX_HOURS 24u
#define TZ_TIME_MAX_HOURS 167u

/* Every caller returns at once on a failure, up to camp_tz_parse(), so
 * the first failure is the only one: no test of an earlier one. */
static bool tz_fail(tz_parser_t *p, const char *why)
{
    p->err = why;
    p->err_pos = p->pos;
    return false;
}

static int tz_peek(const tz_parser_t *p)
{
    return p->pos < p->len ? (int)(unsigned char)p->s[p->pos] : -1;
}

/* Takes the next byte when it is c: one call where each optional
 * punctuation mark would test and step on its own. */
static bool tz_accept(tz_parser_t *p, int c)
{
    if (tz_peek(p) != c) {
        return false;
    }
    p->pos++;
    return true;
}

/* Not inlined: in tz_date() it would add to the frame on the deepest path. */
CAMP_NOINLINE static bool tz_expect(tz_parser_t *p, int c, const char *why)
{
    return tz_accept(p, c) || tz_fail(p, why);
}

static bool tz_is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool tz_is_alpha(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* A name's characters: letters, and in the quoted form digits and signs too. */
static bool tz_is_name_char(int c, bool quoted)
{
    return tz_is_alpha(c) || (quoted && (tz_is_digit(c) || c == '+' || c == '-'));
}

/* `std` or `dst`: 3..16 letters, or <3..16 of [A-Za-z0-9+-]>. One scan serves
 * both forms (tz_peek() gives -1 at the end, which no class holds). */
static bool tz_name(tz_parser_t *p)
{
    size_t start = p->pos;
    bool quoted = tz_accept(p, '<');
    size_t begin = p->pos;
    size_t n;

    while (p->pos - begin <= TZ_NAME_MAX && tz_is_name_char(tz_peek(p), quoted)) {
        p->pos++;
    }
    n = p->pos - begin;
    if (n < TZ_NAME_MIN || n > TZ_NAME_MAX) {
        p->pos = start;
        return tz_fail(p, quoted ? CAMP_RULE(T02, "zone abbreviation must have 3..16 characters")
                                 : CAMP_RULE(T03,
                                             "zone abbreviation must be 3..16 letters or <3..16 of "
                                             "[A-Za-z0-9+-]>"));
    }
    return !quoted ||
           tz_expect(p, '>', CAMP_RULE(T01, "quoted zone abbreviation must be <[A-Za-z0-9+-]...>"));
}

/* 1..3 decimal digits in lo..hi. */
static bool tz_num(tz_parser_t *p, unsigned lo, unsigned hi, const char *why, unsigned *out)
{
    size_t begin = p->pos;
    unsigned v = 0;
    int c = tz_peek(p);

    /* up to 4 digits, each byte read once: a 4th fails below as too many */
    while (p->pos - begin < 4u && tz_is_digit(c)) {
        v = v * 10u + (unsigned)(c - '0');
        p->pos++;
        c = tz_peek(p);
    }
    if (p->pos == begin || p->pos - begin > 3u || v < lo || v > hi) {
        p->pos = begin;
        return tz_fail(p, why);
    }
    *out = v;
    return true;
}

/* [+-]hh[:mm[:ss]] -> seconds (sign applied). A missing field counts as 0, and
 * once one is missing the next cannot follow (no ':' was taken). */
static bool tz_hms(tz_parser_t *p, unsigned max_hours, const char *why, int32_t *out)
{
    unsigned t = 0;
    unsigned i;
    bool neg = tz_accept(p, '-');

    if (!neg) {
        (void)tz_accept(p, '+');
    }
    if (!tz_num(p, 0, max_hours, why, &t)) {
        return false;
    }
    for (i = 0; i < 2u; i++) {
        unsigned v = 0;
        if (tz_accept(p, ':')) {
            if (!tz_num(p, 0, 59,
                        (i == 0u) ? CAMP_RULE(T04, "minutes must be 00..59")
                                  : CAMP_RULE(T05, "seconds must be 00..59"),
                        &v)) {
                return false;
            }
        }
        t = t * 60u + v;
    }
    *out = neg ? -(int32_t)t : (int32_t)t;
    return true;
}

/* The fields of Mm.w.d in order: range, rule, and the rule of the '.' before
 * each (none before the month). One loop instead of three open-coded steps. */
typedef struct tz_mwd_field {
    uint8_t lo;
    uint8_t hi;
    const char *why;
    const char *dot;
} tz_mwd_field_t;

/* *d is zeroed by tz_rule(); only the fields of the form read are set. */
static bool tz_date(tz_parser_t *p, camp_tz_date_t *d)
{
    static const tz_mwd_field_t k_mwd[3] = {
        {1, 12, CAMP_RULE(T07, "month of Mm.w.d must be 1..12"), NULL},
        {1, 5, CAMP_RULE(T09, "week of Mm.w.d must be 1..5"),
         CAMP_RULE(T08, "Mm.w.d needs '.' after the month")},
        {0, 6, CAMP_RULE(T11, "weekday of Mm.w.d must be 0..6"),
         CAMP_RULE(T10, "Mm.w.d needs '.' after the week")},
    };
    unsigned v[3];
    int c = tz_peek(p);

    if (c == 'M') {
        unsigned i;
        p->pos++;
        for (i = 0; i < 3u; i++) {
            if ((i > 0u && !tz_expect(p, '.', k_mwd[i].dot)) ||
                !tz_num(p, k_mwd[i].lo, k_mwd[i].hi, k_mwd[i].why, &v[i])) {
                return false;
            }
        }
        d->month = (uint8_t)v[0];
        d->week = (uint8_t)v[1];
        d->wday = (uint8_t)v[2];
        d->kind = (uint8_t)CAMP_TZ_DATE_MWD;
    } else if (c == 'J' || tz_is_digit(c)) {
        /* Jn counts 1..365, n counts 0..365 */
        bool julian1 = tz_accept(p, 'J');
        if (!tz_num(p, julian1 ? 1u : 0u, 365,
                    julian1 ? CAMP_RULE(T06, "Julian day Jn must be 1..365")
                            : CAMP_RULE(T12, "zero-based day n must be 0..365"),
                    &v[0])) {
            return false;
        }
        d->kind = (uint8_t)(julian1 ? CAMP_TZ_DATE_JULIAN1 : CAMP_TZ_DATE_JULIAN0);
        d->day = (uint16_t)v[0];
    } else {
        return tz_fail(p, CAMP_RULE(T13, "date must be Jn, n or Mm.w.d"));
    }
    d->time = 7200; /* POSIX default 02:00:00 */
    if (tz_accept(p, '/')) {
        return tz_hms(p, TZ_TIME_MAX_HOURS,
                      CAMP_RULE(T14, "transition time must be [+-]hh[:mm[:ss]], hh 0..167"),
                      &d->time);
    }
    return true;
}

static bool tz_rule(tz_parser_t *p, camp_tz_rule_t *r)
{
    int32_t off;

    memset(r, 0, sizeof *r);
    if (!tz_name(p) || !tz_hms(p, TZ_OFFSET_MAX_HOURS,
                               CAMP_RULE(T15, "offset must be [+-]hh[:mm[:ss]], hh 0..24"), &off)) {
        return false;
    }
    r->std_offset = -off; /* POSIX counts west of UTC positive */
    r->dst_offset = r->std_offset;
    if (p->pos == p->len) {
        return true;
    }
    if (!tz_name(p)) {
        return false;
    }
    r->has_dst = true;
    r->dst_offset = r->std_offset + 3600;
    if (p->pos < p->len && tz_peek(p) != ',') {
        if (!tz_hms(p, TZ_OFFSET_MAX_HOURS,
                    CAMP_RULE(T16, "DST offset must be [+-]hh[:mm[:ss]], hh 0..24"), &off)) {
            return false;
        }
        r->dst_offset = -off;
    }
    /* Policy: no implicit default dates (see camp_tz_parse() doc). */
    if (!tz_expect(p, ',', CAMP_RULE(T17, "DST needs ,start,end transition dates")) ||
        !tz_date(p, &r->start) ||
        !tz_expect(p, ',', CAMP_RULE(T18, "expected ',' between the start and end dates")) ||
        !tz_date(p, &r->end)) {
        return false;
    }
    if (p->pos != p->len) {
        return tz_fail(p, CAMP_RULE(T19, "unexpected characters after the rule"));
    }
    return true;
}

camp_status_t camp_tz_parse(const char *rule, size_t len, camp_tz_t *out, camp_diag_t *diag)
{
    tz_parser_t p = {NULL, 0u, 0u, NULL, 0u};
    camp_tz_rule_t r;

    if (rule == NULL || out == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$",
                             CAMP_RULE(T20, "rule and output must not be NULL"));
    }
    if (len > CAMP_TZ_RULE_MAX) {
        camp_diag_set(diag, CAMP_ERR_TZ_RULE, "$",
                      CAMP_RULE(T21, "rule must be at most 128 bytes"));
        camp_diag_set_limits(diag, 1, CAMP_TZ_RULE_MAX);
        return CAMP_ERR_TZ_RULE;
    }
    p.s = rule;
    p.len = len;
    if (!tz_rule(&p, &r)) {
        camp_diag_set(diag, CAMP_ERR_TZ_RULE, "$", p.err);
        if (diag != NULL) {
            diag->offset = p.err_pos;
        }
        return CAMP_ERR_TZ_RULE;
    }
    memset(out, 0, sizeof *out);
    out->rule = r;
    out->rule_text = rule;
    out->rule_len = len;
    return CAMP_OK;
}
