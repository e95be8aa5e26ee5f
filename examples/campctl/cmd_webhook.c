/* campctl webhook-verify --secret S | --secret-file F --header H [--now UNIX]
 *                        [--tolerance SECONDS] [--print] FILE
 *
 * Verifies the X-Inbox-Signature header H against the raw bytes of FILE ("-" =
 * stdin) before any JSON decoding. Exit 0 when valid, 1 when not (one line saying
 * why), 2 on usage or I/O errors. The secret is never printed, not even in errors.
 * With --print, a valid body is then decoded like
 * `campctl validate --type inbox-webhook --print`. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "campctl.h"
#include "mbedtls/camp_mbedtls_crypto.h"

static void usage(void)
{
    fputs("usage: campctl webhook-verify (--secret S | --secret-file F) --header H\n"
          "                              [--now UNIX] [--tolerance SECONDS] [--print] FILE\n",
          stderr);
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

/* Reads the secret from a file, without its trailing newline. */
static int read_secret_file(const char *path, char **secret, size_t *len)
{
    int rc = campctl_read_file(path, secret, len);
    if (rc != CAMPCTL_OK) {
        return rc;
    }
    while (*len > 0 && ((*secret)[*len - 1] == '\n' || (*secret)[*len - 1] == '\r')) {
        (*secret)[--*len] = '\0';
    }
    return CAMPCTL_OK;
}

/* One line saying why the delivery is refused. Never mentions the secret. */
static void print_why(camp_status_t st, const char *header, int64_t now, uint32_t tol)
{
    camp_webhook_sig_t sig;
    camp_status_t pst = camp_webhook_parse_signature(header, strlen(header), &sig);

    switch (st) {
    case CAMP_ERR_SIG_MISSING:
        printf("invalid: %s\n", header[0] == '\0' ? "missing signature header"
                                                   : "missing v1 signature in header");
        break;
    case CAMP_ERR_SIG_TIMESTAMP:
        printf("invalid: missing or malformed t (must be unix seconds, digits only)\n");
        break;
    case CAMP_ERR_SIG_FORMAT:
        if (pst == CAMP_ERR_SIG_FORMAT) {
            printf("invalid: malformed header (expected t=<unix seconds>,v1=<hex>)\n");
        } else {
            printf("invalid: bad hex (v1 must be 64 lowercase hex digits)\n");
        }
        break;
    case CAMP_ERR_SIG_STALE:
        printf("invalid: stale timestamp: t=%" PRId64 " is outside now=%" PRId64
               " +/- %" PRIu32 " s\n",
               sig.timestamp, now, tol);
        break;
    case CAMP_ERR_SIG_MISMATCH:
        printf("invalid: signature mismatch (body, timestamp or secret differ)\n");
        break;
    case CAMP_ERR_CRYPTO:
        printf("invalid: HMAC computation failed\n");
        break;
    default:
        printf("invalid: %s\n", camp_status_str(st));
        break;
    }
}

static int print_event(char *body, size_t len)
{
    const campctl_doc_type_t *type = campctl_find_type("inbox-webhook");
    camp_json_token_t *tokens = NULL;
    camp_json_doc_t doc;
    camp_diag_t diag;
    camp_status_t st;

    if (type == NULL) {
        fputs("campctl: type inbox-webhook not available in this build\n", stderr);
        return CAMPCTL_USAGE;
    }
    camp_diag_clear(&diag);
    st = campctl_parse(&doc, body, len, &tokens, &diag);
    if (st == CAMP_OK) {
        st = type->check(&doc, &diag, stdout);
    }
    free(tokens);
    if (st != CAMP_OK) {
        campctl_print_diag(&diag);
        return CAMPCTL_FAIL;
    }
    return CAMPCTL_OK;
}

int campctl_cmd_webhook_verify(int argc, char **argv)
{
    const char *secret_arg = NULL, *secret_file = NULL, *header = NULL, *path = NULL;
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
        if (strcmp(a, "--secret") == 0 && has_value) {
            secret_arg = argv[++i];
        } else if (strcmp(a, "--secret-file") == 0 && has_value) {
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
            /* Name the option only: an unexpected argument could be the secret. */
            fprintf(stderr, "campctl: unexpected argument #%d\n", i);
            usage();
            return CAMPCTL_USAGE;
        }
    }
    if (header == NULL || path == NULL || (secret_arg == NULL) == (secret_file == NULL)) {
        usage();
        return CAMPCTL_USAGE;
    }
    if (now_arg != NULL) {
        if (parse_i64(now_arg, &now) != 0) {
            fputs("campctl: --now must be an integer (unix seconds)\n", stderr);
            return CAMPCTL_USAGE;
        }
    } else {
        now = (int64_t)time(NULL);
    }
    if (tol_arg != NULL && (parse_i64(tol_arg, &tol) != 0 || tol < 0 || tol > (int64_t)UINT32_MAX)) {
        fputs("campctl: --tolerance must be an integer in 0..4294967295\n", stderr);
        return CAMPCTL_USAGE;
    }
    if (secret_file != NULL) {
        rc = read_secret_file(secret_file, &secret, &secret_len);
        if (rc != CAMPCTL_OK) {
            return rc;
        }
    } else {
        secret_len = strlen(secret_arg);
    }
    if (secret_len == 0) {
        fputs("campctl: the secret is empty\n", stderr);
        free(secret);
        return CAMPCTL_USAGE;
    }
    rc = campctl_read_file(path, &body, &body_len);
    if (rc != CAMPCTL_OK) {
        free(secret);
        return rc;
    }

    crypto = camp_mbedtls_crypto();
    camp_webhook_verifier_init(&v, &crypto, secret != NULL ? secret : secret_arg, secret_len);
    v.tolerance_s = (uint32_t)tol;
    st = camp_webhook_verify(&v, header, strlen(header), body, body_len, now);
    if (secret != NULL) {
        memset(secret, 0, secret_len);
        free(secret);
    }
    if (st != CAMP_OK) {
        print_why(st, header, now, v.tolerance_s);
        rc = CAMPCTL_FAIL;
    } else if (print) {
        rc = print_event(body, body_len); /* only after the raw bytes verified */
    } else {
        puts("valid");
        rc = CAMPCTL_OK;
    }
    free(body);
    return rc;
}
