/* campctl webhook-verify --header H [--secret-file F] [--now UNIX]
 *                        [--tolerance SECONDS] [--print] FILE
 *
 * Verifies the X-Inbox-Signature header H against the raw bytes of FILE ("-" =
 * stdin) before any JSON decoding. Exit 0 when valid, 1 when not (one line saying
 * why), 2 on usage or I/O errors. The secret comes from --secret-file F or the
 * environment variable CAMP_WEBHOOK_SECRET, never from the command line (where
 * `ps` would show it; main.c refuses --secret), and is never printed, not even
 * in errors. With --print, a valid body is then decoded like
 * `campctl validate --type inbox-webhook --print`. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "campctl.h"
#include "mbedtls/camp_mbedtls_crypto.h"

static int usage(const char *what)
{
    campctl_command_usage("webhook-verify", stderr);
    return campctl_usage_error("webhook-verify: %s", what);
}

/* Decimal integer, whole string, optional leading '-'. */
static int parse_i64(const char *s, int64_t *out)
{
    char *end;
    long long v;
    if (s == NULL || s[0] == '\0' || (s[0] != '-' && (s[0] < '0' || s[0] > '9'))) {
        return -1;
    }
    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno != 0 || *end != '\0') {
        return -1;
    }
    *out = (int64_t)v;
    return 0;
}

/* The secret from --secret-file (read whole, trailing CR/LF dropped) or from
 * CAMP_WEBHOOK_SECRET; refused when empty or longer than CAMPCTL_SECRET_MAX. */
static int read_secret(const char *path, char **secret, size_t *len)
{
    if (path != NULL) {
        int rc = campctl_read_file_max(path, CAMPCTL_SECRET_MAX, "secret file", secret, len);
        if (rc != CAMPCTL_OK) {
            return rc;
        }
        while (*len > 0 && ((*secret)[*len - 1] == '\n' || (*secret)[*len - 1] == '\r')) {
            (*secret)[--*len] = '\0';
        }
    } else {
        const char *env = getenv("CAMP_WEBHOOK_SECRET");
        if (env == NULL) {
            return usage("no secret: use --secret-file F or set CAMP_WEBHOOK_SECRET");
        }
        *len = strlen(env);
        *secret = malloc(*len + 1u);
        if (*secret == NULL) {
            return campctl_io_error("out of memory");
        }
        memcpy(*secret, env, *len + 1u);
    }
    if (*len > CAMPCTL_SECRET_MAX) {
        memset(*secret, 0, *len);
        free(*secret);
        *secret = NULL;
        return campctl_io_error("the webhook secret is longer than %u bytes (refused, not cut)",
                                CAMPCTL_SECRET_MAX);
    }
    if (*len == 0) {
        free(*secret);
        *secret = NULL;
        return campctl_usage_error("the webhook secret is empty");
    }
    return CAMPCTL_OK;
}

/* One line saying why the delivery is refused. Never mentions the secret. */
static void why(camp_status_t st, const char *header, int64_t now, uint32_t tol, char *line,
                size_t cap)
{
    camp_webhook_sig_t sig;
    camp_status_t pst = camp_webhook_parse_signature(header, strlen(header), &sig);

    switch (st) {
    case CAMP_ERR_SIG_MISSING:
        snprintf(line, cap, "%s",
                 header[0] == '\0' ? "missing signature header" : "missing v1 signature in header");
        break;
    case CAMP_ERR_SIG_TIMESTAMP:
        snprintf(line, cap, "missing or malformed t (must be unix seconds, digits only)");
        break;
    case CAMP_ERR_SIG_FORMAT:
        if (pst == CAMP_ERR_SIG_FORMAT) {
            snprintf(line, cap, "malformed header (expected t=<unix seconds>,v1=<hex>)");
        } else {
            snprintf(line, cap, "bad hex (v1 must be 64 lowercase hex digits)");
        }
        break;
    case CAMP_ERR_SIG_STALE:
        snprintf(line, cap,
                 "stale timestamp: t=%" PRId64 " is outside now=%" PRId64 " +/- %" PRIu32 " s",
                 sig.timestamp, now, tol);
        break;
    case CAMP_ERR_SIG_MISMATCH:
        snprintf(line, cap, "signature mismatch (body, timestamp or secret differ)");
        break;
    case CAMP_ERR_CRYPTO: snprintf(line, cap, "HMAC computation failed"); break;
    default: snprintf(line, cap, "%s", camp_status_str(st)); break;
    }
}

static int print_event(char *body, size_t len, const char *path)
{
    const campctl_doc_type_t *type = campctl_find_type("inbox-webhook");
    camp_json_token_t *tokens = NULL;
    camp_json_doc_t doc;
    camp_diag_t diag;
    camp_status_t st;
    int rc;

    if (type == NULL) {
        return campctl_usage_error("type inbox-webhook not available in this build");
    }
    camp_diag_clear(&diag);
    st = campctl_parse(&doc, body, len, &tokens, &diag);
    if (st != CAMP_OK) {
        rc = campctl_refused_doc(campctl_opt.json ? path : NULL, &diag, stdout);
    } else {
        rc = campctl_check_document(type, &doc, true, path, "valid");
    }
    free(tokens);
    return rc;
}

int campctl_cmd_webhook_verify(int argc, char **argv)
{
    const char *secret_file = NULL, *header = NULL, *path = NULL;
    const char *now_arg = NULL, *tol_arg = NULL;
    char *secret = NULL, *body = NULL;
    size_t secret_len = 0, body_len = 0;
    int print = 0, i, rc;
    int64_t now, tol = CAMP_WEBHOOK_TOLERANCE_S;
    camp_crypto_t crypto;
    camp_webhook_verifier_t v;
    camp_status_t st;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (strcmp(a, "--secret-file") == 0 && has_value) {
            secret_file = argv[++i];
        } else if (strcmp(a, "--header") == 0 && has_value) {
            header = argv[++i];
        } else if (strcmp(a, "--now") == 0 && has_value) {
            now_arg = argv[++i];
        } else if (strcmp(a, "--tolerance") == 0 && has_value) {
            tol_arg = argv[++i];
        } else if (strcmp(a, "--print") == 0) {
            print = 1;
        } else if (path == NULL && (a[0] != '-' || strcmp(a, "-") == 0)) {
            path = a;
        } else {
            /* Name the position only: an unexpected argument could be a secret. */
            char what[64];
            snprintf(what, sizeof what, "unexpected argument #%d", i);
            return usage(what);
        }
    }
    if (header == NULL || path == NULL) {
        return usage("needs --header H and one FILE");
    }
    if (now_arg != NULL) {
        if (parse_i64(now_arg, &now) != 0) {
            return campctl_usage_error("--now must be an integer (unix seconds)");
        }
    } else {
        now = (int64_t)time(NULL);
    }
    if (tol_arg != NULL &&
        (parse_i64(tol_arg, &tol) != 0 || tol < 0 || tol > (int64_t)UINT32_MAX)) {
        return campctl_usage_error("--tolerance must be an integer in 0..4294967295");
    }
    rc = read_secret(secret_file, &secret, &secret_len);
    if (rc != CAMPCTL_OK) {
        return rc;
    }
    rc = campctl_read_file(path, &body, &body_len);
    if (rc != CAMPCTL_OK) {
        memset(secret, 0, secret_len);
        free(secret);
        return rc;
    }

    crypto = camp_mbedtls_crypto();
    camp_webhook_verifier_init(&v, &crypto, secret, secret_len);
    v.tolerance_s = (uint32_t)tol;
    st = camp_webhook_verify(&v, header, strlen(header), body, body_len, now);
    memset(secret, 0, secret_len);
    free(secret);
    if (st != CAMP_OK) {
        char line[200];
        why(st, header, now, v.tolerance_s, line, sizeof line);
        if (campctl_opt.json) {
            campctl_err_t e;
            memset(&e, 0, sizeof e);
            e.status = st;
            e.message = line;
            e.file = path;
            rc = campctl_error_json(&e, CAMPCTL_FAIL);
        } else {
            printf("invalid: %s\n", line);
            rc = CAMPCTL_FAIL;
        }
    } else if (print) {
        rc = print_event(body, body_len, path); /* only after the raw bytes verified */
    } else if (campctl_opt.json) {
        campctl_json_t j;
        cj_begin(&j, stdout);
        cj_bool(&j, "valid", true);
        cj_end(&j);
        rc = CAMPCTL_OK;
    } else {
        puts("valid");
        rc = CAMPCTL_OK;
    }
    free(body);
    return rc;
}
