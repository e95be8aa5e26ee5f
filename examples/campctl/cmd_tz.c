/* campctl tz ZONE INSTANT...          UTC instants as local RFC 3339 times
 * campctl tz --list                   the compiled zone names (and tzdata version)
 * campctl schedule --tz ZONE --hours JSON --at INSTANT
 *                                     "open"/"closed", then "next-open: <UTC>" or "never"
 * --hours takes scheduleHours JSON inline, or @FILE to read it from a file. */
#include <stdlib.h>
#include <string.h>

#include "campctl.h"

/* An input refused (exit 1): one line on stderr, or the JSON error. */
static int refused(camp_status_t st, const char *fmt, const char *arg)
{
    char msg[400];
    campctl_err_t e;
    snprintf(msg, sizeof msg, fmt, arg);
    if (campctl_opt.json) {
        memset(&e, 0, sizeof e);
        e.status = st;
        e.message = msg;
        return campctl_error_json(&e, CAMPCTL_FAIL);
    }
    fputs("campctl: ", stderr);
    term_cstr(stderr, msg);
    fputc('\n', stderr);
    return CAMPCTL_FAIL;
}

/* Resolve a zone name, or say why not (exit status 1). */
static int find_zone(const char *name, camp_tz_t *tz)
{
    if (camp_tz_find(name, strlen(name), tz) != CAMP_OK) {
        return refused(CAMP_ERR_TZ_UNKNOWN,
                       "unknown time zone '%s' (names are case-sensitive "
                       "IANA names, e.g. America/New_York)",
                       name);
    }
    return CAMPCTL_OK;
}

static int parse_instant(const char *text, int64_t *out)
{
    camp_datetime_t dt;
    if (camp_datetime_parse(text, strlen(text), &dt) != CAMP_OK) {
        return refused(CAMP_ERR_DATE, "not an RFC 3339 date-time: '%s'", text);
    }
    if (dt.unix_seconds < CAMP_TZ_MIN_UTC || dt.unix_seconds >= CAMP_TZ_END_UTC) {
        return refused(CAMP_ERR_TIME_RANGE, "'%s' is outside 2000..2099", text);
    }
    *out = dt.unix_seconds;
    return CAMPCTL_OK;
}

int campctl_cmd_tz(int argc, char **argv)
{
    camp_tz_t tz;
    int i;
    int rc;

    if (argc == 2 && strcmp(argv[1], "--list") == 0) {
        size_t n;
        if (campctl_opt.json) {
            campctl_json_t j;
            cj_begin(&j, stdout);
            cj_cstr(&j, "tzdata", camp_tz_db_version());
            cj_open(&j, "zones", '[');
            for (n = 0; n < camp_tz_count(); n++) {
                cj_cstr(&j, NULL, camp_tz_name(n));
            }
            cj_close(&j, ']');
            cj_end(&j);
            return CAMPCTL_OK;
        }
        for (n = 0; n < camp_tz_count(); n++) {
            printf("%s\n", camp_tz_name(n));
        }
        fprintf(stderr, "%lu names, tzdata %s\n", (unsigned long)camp_tz_count(),
                camp_tz_db_version());
        return CAMPCTL_OK;
    }
    if (argc < 3) {
        campctl_command_usage("tz", stderr);
        return campctl_usage_error("tz needs a ZONE and at least one INSTANT (or --list)");
    }
    rc = find_zone(argv[1], &tz);
    if (rc != CAMPCTL_OK) {
        return rc;
    }
    for (i = 2; i < argc; i++) {
        int64_t t;
        int32_t off;
        char line[40];

        rc = parse_instant(argv[i], &t);
        if (rc != CAMPCTL_OK) {
            return rc;
        }
        if (camp_tz_offset_at(&tz, t, &off, NULL) != CAMP_OK || off % 60 != 0 ||
            camp_datetime_format(t, off / 60, false, line, sizeof line) == 0) {
            /* Table offsets are whole minutes (tzgen.py checks), so RFC 3339 can carry them. */
            return refused(CAMP_ERR_TIME_RANGE, "cannot convert '%s'", argv[i]);
        }
        if (campctl_opt.json) {
            campctl_json_t j;
            char utc[40];
            cj_begin(&j, stdout);
            cj_cstr(&j, "zone", argv[1]);
            if (camp_datetime_format(t, 0, true, utc, sizeof utc) != 0) {
                cj_cstr(&j, "utc", utc);
            }
            cj_cstr(&j, "local", line);
            cj_int(&j, "offset_s", off);
            cj_end(&j);
        } else {
            printf("%s\n", line);
        }
    }
    return CAMPCTL_OK;
}

/* scheduleHours: {"1": {"start": 540, "end": 1020}, ...}; keys "0" (Sunday) .. "6". */
static camp_status_t decode_hours(camp_json_doc_t *doc, camp_week_windows_t *w, camp_diag_t *diag)
{
    int n;
    int k;
    int key;

    memset(w, 0, sizeof *w);
    if (camp_json_kind(doc, 0) != CAMP_JSON_OBJECT) {
        return camp_json_diag(diag, doc, 0, CAMP_ERR_TYPE, "must be an object");
    }
    n = camp_json_size(doc, 0);
    for (k = 0, key = camp_json_first(doc, 0); k < n; k++, key = camp_json_next(doc, key + 1)) {
        const char *name;
        size_t len;
        int val = key + 1;
        int m;
        int64_t start;
        int64_t end;
        unsigned day;
        camp_status_t st;

        if (camp_json_get_string(doc, key, &name, &len) != CAMP_OK || len != 1u || name[0] < '0' ||
            name[0] > '6') {
            return camp_json_diag(diag, doc, val, CAMP_ERR_SCHEDULE,
                                  "day key must be \"0\"..\"6\"");
        }
        day = (unsigned)(name[0] - '0');
        if (w->day[day].has_window) {
            return camp_json_diag(diag, doc, val, CAMP_ERR_SCHEDULE, "duplicate day key");
        }
        if (camp_json_kind(doc, val) != CAMP_JSON_OBJECT) {
            return camp_json_diag(diag, doc, val, CAMP_ERR_TYPE, "must be an object");
        }
        m = camp_json_member(doc, val, "start");
        if (m < 0) {
            return camp_json_diag_member(diag, doc, val, "start", CAMP_ERR_REQUIRED,
                                         "required field missing");
        }
        st = camp_json_get_int(doc, m, 0, 1439, &start);
        if (st != CAMP_OK) {
            camp_json_diag(diag, doc, m, CAMP_ERR_RANGE, "must be an integer in 0..1439");
            camp_diag_set_limits(diag, 0, 1439);
            return CAMP_ERR_RANGE;
        }
        m = camp_json_member(doc, val, "end");
        if (m < 0) {
            return camp_json_diag_member(diag, doc, val, "end", CAMP_ERR_REQUIRED,
                                         "required field missing");
        }
        st = camp_json_get_int(doc, m, 1, 1440, &end);
        if (st != CAMP_OK) {
            camp_json_diag(diag, doc, m, CAMP_ERR_RANGE, "must be an integer in 1..1440");
            camp_diag_set_limits(diag, 1, 1440);
            return CAMP_ERR_RANGE;
        }
        if (start >= end) {
            camp_json_diag(diag, doc, m, CAMP_ERR_SCHEDULE, "end must be greater than start");
            camp_diag_set_limits(diag, start + 1, 1440);
            return CAMP_ERR_SCHEDULE;
        }
        w->day[day].has_window = true;
        w->day[day].start = (uint16_t)start;
        w->day[day].end = (uint16_t)end;
    }
    return CAMP_OK;
}

int campctl_cmd_schedule(int argc, char **argv)
{
    const char *zone = NULL;
    const char *hours = NULL;
    const char *at = NULL;
    char *data = NULL;
    size_t len = 0;
    camp_json_token_t *tokens = NULL;
    camp_json_doc_t doc;
    camp_diag_t diag;
    camp_week_windows_t w;
    camp_tz_t tz;
    int64_t t;
    int64_t next = 0;
    bool open = false;
    bool found = false;
    camp_status_t st;
    int i;
    int rc;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--tz") == 0 && i + 1 < argc) {
            zone = argv[++i];
        } else if (strcmp(argv[i], "--hours") == 0 && i + 1 < argc) {
            hours = argv[++i];
        } else if (strcmp(argv[i], "--at") == 0 && i + 1 < argc) {
            at = argv[++i];
        } else {
            zone = NULL;
            break;
        }
    }
    if (zone == NULL || hours == NULL || at == NULL) {
        campctl_command_usage("schedule", stderr);
        return campctl_usage_error("schedule needs --tz ZONE, --hours JSON|@FILE and --at INSTANT");
    }
    rc = find_zone(zone, &tz);
    if (rc == CAMPCTL_OK) {
        rc = parse_instant(at, &t);
    }
    if (rc != CAMPCTL_OK) {
        return rc;
    }
    if (hours[0] == '@') {
        rc = campctl_read_file(hours + 1, &data, &len);
        if (rc != CAMPCTL_OK) {
            return rc;
        }
    } else {
        len = strlen(hours);
        data = malloc(len + 1u);
        if (data == NULL) {
            return campctl_io_error("out of memory");
        }
        memcpy(data, hours, len + 1u);
    }
    camp_diag_clear(&diag);
    st = campctl_parse(&doc, data, len, &tokens, &diag);
    if (st == CAMP_OK) {
        st = decode_hours(&doc, &w, &diag);
    }
    if (st == CAMP_OK) {
        st = camp_schedule_is_open(&tz, &w, t, &open);
    }
    if (st == CAMP_OK) {
        st = camp_schedule_next_open(&tz, &w, t, &found, &next);
    }
    free(tokens);
    free(data);
    if (st != CAMP_OK) {
        if (diag.status == CAMP_OK) {
            camp_diag_set(&diag, st, "$", camp_status_str(st));
        }
        return campctl_refused_doc(NULL, &diag, stdout);
    }
    if (campctl_opt.json) {
        campctl_json_t j;
        char line[40];
        cj_begin(&j, stdout);
        cj_bool(&j, "open", open);
        if (found && camp_datetime_format(next, 0, true, line, sizeof line) != 0) {
            cj_cstr(&j, "next_open", line);
        } else {
            cj_null(&j, "next_open");
        }
        cj_end(&j);
        return CAMPCTL_OK;
    }
    printf("%s\n", open ? "open" : "closed");
    if (found) {
        char line[40];
        if (camp_datetime_format(next, 0, true, line, sizeof line) == 0) {
            return CAMPCTL_FAIL;
        }
        printf("next-open: %s\n", line);
    } else {
        printf("next-open: never\n");
    }
    return CAMPCTL_OK;
}
