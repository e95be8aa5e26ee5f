/* campctl's JSON writer, status names, exit codes and failure reports.
 * The --json keys are listed in docs/campctl.md. */
#include <stdarg.h>
#include <string.h>

#include "campctl.h"

/* ---- JSON writer ---------------------------------------------------------------------- */

static void cj_key(campctl_json_t *j, const char *key)
{
    if (!j->first[j->depth]) {
        fputc(',', j->out);
    }
    j->first[j->depth] = false;
    if (key != NULL) {
        term_json_string(j->out, key, strlen(key));
        fputc(':', j->out);
    }
}

void cj_begin(campctl_json_t *j, FILE *out)
{
    j->out = out;
    j->depth = 0;
    j->first[0] = true;
    fputc('{', out);
}

void cj_open(campctl_json_t *j, const char *key, char brace)
{
    cj_key(j, key);
    fputc(brace, j->out);
    if (j->depth + 1u < CAMPCTL_JSON_DEPTH) {
        j->depth++;
        j->first[j->depth] = true;
    }
}

void cj_close(campctl_json_t *j, char brace)
{
    fputc(brace, j->out);
    if (j->depth > 0) {
        j->depth--;
    }
}

void cj_end(campctl_json_t *j)
{
    /* close whatever is still open: objects only at this point */
    while (j->depth > 0) {
        cj_close(j, '}');
    }
    fputs("}\n", j->out);
    fflush(j->out);
}

void cj_str(campctl_json_t *j, const char *key, const char *s, size_t n)
{
    cj_key(j, key);
    if (s == NULL) {
        fputs("null", j->out);
    } else {
        term_json_string(j->out, s, n);
    }
}

void cj_cstr(campctl_json_t *j, const char *key, const char *s)
{
    cj_str(j, key, s, s != NULL ? strlen(s) : 0);
}

void cj_int(campctl_json_t *j, const char *key, long long v)
{
    cj_key(j, key);
    fprintf(j->out, "%lld", v);
}

void cj_bool(campctl_json_t *j, const char *key, bool v)
{
    cj_key(j, key);
    fputs(v ? "true" : "false", j->out);
}

void cj_null(campctl_json_t *j, const char *key)
{
    cj_key(j, key);
    fputs("null", j->out);
}

void cj_raw(campctl_json_t *j, const char *key, const char *json, size_t n)
{
    cj_key(j, key);
    fwrite(json, 1, n, j->out);
}

/* ---- status names and exit codes --------------------------------------------------------- */

typedef struct status_name {
    camp_status_t st;
    const char *name;
} status_name_t;

#define N(x)                                                                                       \
    {                                                                                              \
        x, #x                                                                                      \
    }
static const status_name_t names[] = {
    N(CAMP_OK),
    N(CAMP_ERR_ARG),
    N(CAMP_ERR_BUFFER_TOO_SMALL),
    N(CAMP_ERR_CAPACITY),
    N(CAMP_ERR_INTERNAL),
    N(CAMP_ERR_UNSUPPORTED),
    N(CAMP_ERR_STATE),
    N(CAMP_ERR_JSON_SYNTAX),
    N(CAMP_ERR_JSON_DEPTH),
    N(CAMP_ERR_JSON_UTF8),
    N(CAMP_ERR_JSON_TOKENS),
    N(CAMP_ERR_JSON_TYPE),
    N(CAMP_ERR_JSON_RANGE),
    N(CAMP_ERR_JSON_NOT_FOUND),
    N(CAMP_ERR_JSON_NUL),
    N(CAMP_ERR_JSON_TOO_LARGE),
    N(CAMP_ERR_REQUIRED),
    N(CAMP_ERR_TYPE),
    N(CAMP_ERR_RANGE),
    N(CAMP_ERR_PATTERN),
    N(CAMP_ERR_LENGTH),
    N(CAMP_ERR_ENUM),
    N(CAMP_ERR_DATE),
    N(CAMP_ERR_TIMEZONE),
    N(CAMP_ERR_REFERENCE),
    N(CAMP_ERR_SCHEDULE),
    N(CAMP_ERR_INVALID),
    N(CAMP_ERR_TZ_UNKNOWN),
    N(CAMP_ERR_TZ_RULE),
    N(CAMP_ERR_TIME_RANGE),
    N(CAMP_ERR_SIG_MISSING),
    N(CAMP_ERR_SIG_TIMESTAMP),
    N(CAMP_ERR_SIG_FORMAT),
    N(CAMP_ERR_SIG_STALE),
    N(CAMP_ERR_SIG_MISMATCH),
    N(CAMP_ERR_CRYPTO),
    N(CAMP_ERR_NET),
    N(CAMP_ERR_NET_CLOSED),
    N(CAMP_ERR_TIMEOUT),
    N(CAMP_ERR_TLS),
    N(CAMP_ERR_TLS_VERIFY),
    N(CAMP_ERR_DNS),
    N(CAMP_ERR_NET_TRUNCATED),
    N(CAMP_ERR_PROXY),
    N(CAMP_ERR_HTTP_PROTOCOL),
    N(CAMP_ERR_HTTP_TOO_LARGE),
    N(CAMP_ERR_HTTP_HEADER),
    N(CAMP_ERR_HTTP_ENCODING),
    N(CAMP_ERR_HTTP_REDIRECT),
    N(CAMP_ERR_API_BAD_REQUEST),
    N(CAMP_ERR_API_UNAUTHORIZED),
    N(CAMP_ERR_API_FORBIDDEN),
    N(CAMP_ERR_API_NOT_FOUND),
    N(CAMP_ERR_API_CONFLICT),
    N(CAMP_ERR_API_UNPROCESSABLE),
    N(CAMP_ERR_API_RATE_LIMITED),
    N(CAMP_ERR_API_SERVER),
    N(CAMP_ERR_API_OTHER),
};
#undef N

const char *campctl_status_name(camp_status_t st, char *buf, size_t cap)
{
    size_t i;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (names[i].st == st) {
            return names[i].name;
        }
    }
    snprintf(buf, cap, "CAMP_STATUS_%d", (int)st);
    return buf;
}

int campctl_exit_code(camp_status_t st, int http_status)
{
    int s = (int)st;
    if (st == CAMP_OK) {
        return CAMPCTL_OK;
    }
    /* An API status: the HTTP status decides (new API statuses map by range too). */
    if (s >= 600 && s <= 699) {
        if (http_status == 401 || http_status == 403 || st == CAMP_ERR_API_UNAUTHORIZED ||
            st == CAMP_ERR_API_FORBIDDEN) {
            return CAMPCTL_AUTH;
        }
        if (http_status == 404 || st == CAMP_ERR_API_NOT_FOUND) {
            return CAMPCTL_NOT_FOUND;
        }
        if (http_status == 429 || st == CAMP_ERR_API_RATE_LIMITED) {
            return CAMPCTL_RATE_LIMITED;
        }
        if (http_status >= 400 && http_status <= 499) {
            return CAMPCTL_FAIL;
        }
        return CAMPCTL_SERVER; /* 5xx, or a status outside 4xx */
    }
    if (st == CAMP_ERR_TLS || st == CAMP_ERR_TLS_VERIFY) {
        return CAMPCTL_TLS;
    }
    if (s >= 500 && s <= 509) {
        return CAMPCTL_NETWORK; /* transport: refused, reset, DNS, timeout, cut */
    }
    if (s >= 510 && s <= 599) {
        return CAMPCTL_SERVER; /* HTTP layer: malformed, too large, redirect */
    }
    if (http_status != 0) {
        return CAMPCTL_SERVER; /* a response arrived but breaks a documented rule */
    }
    return CAMPCTL_FAIL; /* refused before anything was sent (bad ID, bad body) */
}

/* ---- failures ----------------------------------------------------------------------------- */

static void put_api_str(campctl_json_t *j, const char *key, camp_str_t s)
{
    if (s.ptr != NULL) {
        cj_str(j, key, s.ptr, s.len);
    }
}

int campctl_error_json(const campctl_err_t *e, int exit_code)
{
    campctl_json_t j;
    char buf[32];
    if (!campctl_opt.json) {
        return exit_code;
    }
    cj_begin(&j, stdout);
    cj_open(&j, "error", '{');
    if (e->status != CAMP_OK) {
        cj_cstr(&j, "status", campctl_status_name(e->status, buf, sizeof buf));
        cj_int(&j, "code", (long long)e->status);
        cj_cstr(&j, "text", camp_status_str(e->status));
    } else {
        cj_cstr(&j, "status", e->kind != NULL ? e->kind : "usage");
    }
    cj_int(&j, "exit", exit_code);
    if (e->message != NULL) {
        cj_cstr(&j, "message", e->message);
    }
    if (e->file != NULL) {
        cj_cstr(&j, "file", e->file);
    }
    if (e->result != NULL) {
        const camp_client_result_t *r = e->result;
        if (r->http_status != 0) {
            cj_int(&j, "http_status", r->http_status);
        }
        put_api_str(&j, "api_code", r->error_code);
        put_api_str(&j, "api_message", r->error_message);
        put_api_str(&j, "request_id", r->request_id);
        if (r->retry_after_ms >= 0 && r->http_status != 0) {
            cj_int(&j, "retry_after_s", (long long)((r->retry_after_ms + 999) / 1000));
        }
        if (r->location != NULL) {
            cj_cstr(&j, "location", r->location);
        }
        if (r->attempts > 1u) {
            cj_int(&j, "attempts", (long long)r->attempts);
        }
    }
    if (e->diag != NULL && e->diag->status != CAMP_OK) {
        const camp_diag_t *d = e->diag;
        cj_cstr(&j, "path", d->path);
        if (d->rule != NULL) {
            cj_cstr(&j, "rule", d->rule);
        }
        if (d->offset != CAMP_DIAG_NO_OFFSET) {
            cj_int(&j, "offset", (long long)d->offset);
        }
        if (d->has_limit) {
            cj_int(&j, "limit_min", (long long)d->limit_min);
            cj_int(&j, "limit_max", (long long)d->limit_max);
        }
        if (d->needed != 0) {
            cj_int(&j, "needed", (long long)d->needed);
        }
    }
    if (e->detail != NULL && e->detail[0] != '\0') {
        cj_cstr(&j, "detail", e->detail);
    }
    cj_end(&j);
    return exit_code;
}

static int local_error(const char *kind, const char *fmt, va_list ap)
{
    char msg[600];
    campctl_err_t e;
    vsnprintf(msg, sizeof msg, fmt, ap);
    fputs("campctl: ", stderr);
    term_cstr(stderr, msg);
    fputc('\n', stderr);
    memset(&e, 0, sizeof e);
    e.kind = kind;
    e.message = msg;
    return campctl_error_json(&e, CAMPCTL_USAGE);
}

int campctl_usage_error(const char *fmt, ...)
{
    va_list ap;
    int rc;
    va_start(ap, fmt);
    rc = local_error("usage", fmt, ap);
    va_end(ap);
    return rc;
}

int campctl_io_error(const char *fmt, ...)
{
    va_list ap;
    int rc;
    va_start(ap, fmt);
    rc = local_error("io", fmt, ap);
    va_end(ap);
    return rc;
}

int campctl_refused_doc(const char *file, const camp_diag_t *diag, FILE *text_out)
{
    campctl_err_t e;
    int rc = diag->status == CAMP_ERR_ARG ? CAMPCTL_USAGE : CAMPCTL_FAIL;
    if (campctl_opt.json) {
        memset(&e, 0, sizeof e);
        e.status = diag->status;
        e.file = file;
        e.diag = diag;
        return campctl_error_json(&e, rc);
    }
    if (file != NULL) {
        fputs("campctl: ", text_out);
        term_cstr(text_out, file);
        fputs(": ", text_out);
    }
    campctl_print_diag(text_out, diag);
    return rc;
}
