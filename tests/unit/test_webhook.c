/* Unit tests for webhook signatures: every case of the shared vectors file (read at
 * test time with the libcamp JSON core, so new vectors are covered), header parsing
 * edge cases, tolerance arithmetic, constant-time hex handling, the mbedTLS port. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_json.h"
#include "camp/camp_webhook.h"
#include "mbedtls/camp_mbedtls_crypto.h"

#include "fixture.h"

#define SECRET "ibt_wh_5f2c9a1e7d3b4c6a8e0f1a2b"
#define BODY "{\"id\":\"evt\",\"seq\":1}"
#define T0 INT64_C(1737018900)

static camp_crypto_t g_crypto;
static camp_webhook_verifier_t g_v;

static int setup(void **state)
{
    (void)state;
    g_crypto = camp_mbedtls_crypto();
    camp_webhook_verifier_init(&g_v, &g_crypto, SECRET, strlen(SECRET));
    return 0;
}

static camp_status_t verify(const char *header, const char *body, int64_t now)
{
    return camp_webhook_verify(&g_v, header, header != NULL ? strlen(header) : 0u, body,
                               strlen(body), now);
}

/* A correct header for BODY at time t. */
static void sign_body(int64_t t, const char *body, char *out)
{
    size_t n = 0;
    assert_int_equal(camp_webhook_sign(&g_crypto, SECRET, strlen(SECRET), t, body, strlen(body),
                                       out, CAMP_WEBHOOK_HEADER_MAX, &n),
                     CAMP_OK);
    assert_int_equal(strlen(out), n);
}

/* ---- the shared vectors ------------------------------------------------------------------- */

/* The vectors file, read whole; strings are unescaped in place. */
static char g_vectors[65536];

/* The status each named vector must give (when the name is known); others are
 * judged by expectValid alone. */
static camp_status_t expected_status(const char *name)
{
    static const struct {
        const char *name;
        camp_status_t st;
    } known[] = {
        {"invalid-body-reserialized", CAMP_ERR_SIG_MISMATCH},
        {"invalid-timestamp-too-old", CAMP_ERR_SIG_STALE},
        {"invalid-timestamp-in-future", CAMP_ERR_SIG_STALE},
        {"invalid-wrong-secret", CAMP_ERR_SIG_MISMATCH},
        {"invalid-missing-t", CAMP_ERR_SIG_TIMESTAMP},
        {"invalid-non-numeric-t", CAMP_ERR_SIG_TIMESTAMP},
        {"invalid-missing-v1", CAMP_ERR_SIG_MISSING},
        {"invalid-uppercase-hex", CAMP_ERR_SIG_FORMAT},
    };
    size_t i;
    for (i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (strcmp(known[i].name, name) == 0) {
            return known[i].st;
        }
    }
    return CAMP_OK; /* no specific status expected (invalid vectors never expect CAMP_OK) */
}

static void test_vectors_file(void **state)
{
    size_t len = 0;
    char *json;
    camp_json_token_t *tokens;
    camp_json_doc_t doc;
    camp_diag_t diag;
    int needed, cases, n, i, c;
    const char *secret;
    size_t secret_len;
    int64_t tol;
    int judged = 0;

    (void)state;
    len = fixture_load("inboxapp-webhook-signature-vectors.json", g_vectors, sizeof g_vectors);
    json = g_vectors;
    needed = camp_json_tokens_needed(json, len);
    assert_true(needed > 0);
    tokens = calloc((size_t)needed, sizeof *tokens);
    assert_non_null(tokens);
    assert_int_equal(camp_json_parse(&doc, json, len, tokens, (size_t)needed, &diag), CAMP_OK);

    assert_int_equal(
        camp_json_get_string(&doc, camp_json_member(&doc, 0, "secret"), &secret, &secret_len),
        CAMP_OK);
    assert_int_equal(
        camp_json_get_int(&doc, camp_json_member(&doc, 0, "toleranceSeconds"), 0, UINT32_MAX, &tol),
        CAMP_OK);
    cases = camp_json_member(&doc, 0, "cases");
    assert_int_equal(camp_json_kind(&doc, cases), CAMP_JSON_ARRAY);
    n = camp_json_size(&doc, cases);
    assert_true(n >= 12);

    for (i = 0, c = camp_json_first(&doc, cases); i < n; i++, c = camp_json_next(&doc, c)) {
        camp_webhook_verifier_t v;
        const char *name, *body, *header;
        size_t body_len, header_len;
        int64_t now;
        bool expect_valid;
        camp_status_t st, want;
        int exp_sig;

        assert_int_equal(camp_json_get_string(&doc, camp_json_member(&doc, c, "name"), &name, NULL),
                         CAMP_OK);
        assert_int_equal(
            camp_json_get_string(&doc, camp_json_member(&doc, c, "rawBody"), &body, &body_len),
            CAMP_OK);
        assert_int_equal(
            camp_json_get_string(&doc, camp_json_member(&doc, c, "header"), &header, &header_len),
            CAMP_OK);
        assert_int_equal(
            camp_json_get_int(&doc, camp_json_member(&doc, c, "now"), INT64_MIN, INT64_MAX, &now),
            CAMP_OK);
        assert_int_equal(
            camp_json_get_bool(&doc, camp_json_member(&doc, c, "expectValid"), &expect_valid),
            CAMP_OK);

        camp_webhook_verifier_init(&v, &g_crypto, secret, secret_len);
        v.tolerance_s = (uint32_t)tol;
        st = camp_webhook_verify(&v, header, header_len, body, body_len, now);
        if ((st == CAMP_OK) != expect_valid) {
            fail_msg("vector %s: status %d (%s), expectValid %d", name, (int)st,
                     camp_status_str(st), (int)expect_valid);
        }
        want = expected_status(name);
        if (!expect_valid && want != CAMP_OK && st != want) {
            fail_msg("vector %s: status %d (%s), want %d", name, (int)st, camp_status_str(st),
                     (int)want);
        }
        /* expectedSignature, when given, is what we compute for t and the raw body */
        exp_sig = camp_json_member(&doc, c, "expectedSignature");
        if (exp_sig >= 0) {
            const char *sig;
            size_t sig_len;
            int64_t t;
            char out[CAMP_WEBHOOK_HEADER_MAX];
            assert_int_equal(camp_json_get_string(&doc, exp_sig, &sig, &sig_len), CAMP_OK);
            assert_int_equal(
                camp_json_get_int(&doc, camp_json_member(&doc, c, "t"), 0, INT64_MAX, &t), CAMP_OK);
            assert_int_equal(camp_webhook_sign(&g_crypto, secret, secret_len, t, body, body_len,
                                               out, sizeof out, NULL),
                             CAMP_OK);
            assert_int_equal(sig_len, 64);
            assert_non_null(strstr(out, ",v1="));
            assert_memory_equal(strstr(out, ",v1=") + 4, sig, 64);
        }
        judged++;
    }
    assert_int_equal(judged, n);
    free(tokens);
}

/* ---- parsing -------------------------------------------------------------------------------- */

static camp_status_t parse(const char *h, camp_webhook_sig_t *sig)
{
    return camp_webhook_parse_signature(h, strlen(h), sig);
}

static void test_parse_ok(void **state)
{
    camp_webhook_sig_t sig;
    (void)state;
    assert_int_equal(parse("t=1737018900,v1=abc", &sig), CAMP_OK);
    assert_int_equal(sig.timestamp, T0);
    assert_int_equal(sig.t_len, 10);
    assert_memory_equal(sig.t_text, "1737018900", 10);
    assert_int_equal(sig.v1_count, 1);
    assert_int_equal(sig.v1_len[0], 3);
    assert_memory_equal(sig.v1[0], "abc", 3);
    /* order, spaces and tabs around entries */
    assert_int_equal(parse(" v1=x ,\tt=5\t, v1=y", &sig), CAMP_OK);
    assert_int_equal(sig.timestamp, 5);
    assert_int_equal(sig.v1_count, 2);
    assert_memory_equal(sig.v1[1], "y", 1);
    assert_int_equal(sig.v1_len[0], 1);
    /* unknown schemes ignored */
    assert_int_equal(parse("t=1,v0=zz,v2=yy,foo=,v1=a", &sig), CAMP_OK);
    assert_int_equal(sig.v1_count, 1);
    /* the timestamp text is kept verbatim (leading zeros) */
    assert_int_equal(parse("t=0001,v1=a", &sig), CAMP_OK);
    assert_int_equal(sig.timestamp, 1);
    assert_int_equal(sig.t_len, 4);
    assert_int_equal(parse("t=0,v1=", &sig), CAMP_OK);
    assert_int_equal(sig.v1_len[0], 0);
    assert_int_equal(parse("t=9223372036854775807,v1=a", &sig), CAMP_OK);
    assert_int_equal(sig.timestamp, INT64_MAX);
    /* exactly CAMP_WEBHOOK_MAX_SIGNATURES v1 entries */
    {
        char h[256] = "t=1";
        int i;
        for (i = 0; i < CAMP_WEBHOOK_MAX_SIGNATURES; i++) {
            strcat(h, ",v1=a");
        }
        assert_int_equal(parse(h, &sig), CAMP_OK);
        assert_int_equal(sig.v1_count, CAMP_WEBHOOK_MAX_SIGNATURES);
        strcat(h, ",v1=a");
        assert_int_equal(parse(h, &sig), CAMP_ERR_SIG_FORMAT);
    }
    /* only len bytes are read */
    assert_int_equal(camp_webhook_parse_signature("t=1,v1=a,GARBAGE", 8, &sig), CAMP_OK);
}

static void test_parse_errors(void **state)
{
    camp_webhook_sig_t sig;
    (void)state;
    assert_int_equal(parse("", &sig), CAMP_ERR_SIG_MISSING);
    assert_int_equal(parse("  \t ", &sig), CAMP_ERR_SIG_MISSING);
    assert_int_equal(camp_webhook_parse_signature(NULL, 0, &sig), CAMP_ERR_SIG_MISSING);
    assert_int_equal(parse("t=1737018900", &sig), CAMP_ERR_SIG_MISSING);
    assert_int_equal(parse("t=1,v0=abc", &sig), CAMP_ERR_SIG_MISSING);
    assert_int_equal(parse("v1=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(parse("T=1,v1=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(parse("t=,v1=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(parse("t=-1,v1=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(parse("t=+1,v1=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(parse("t=1.5,v1=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(parse("t=17370189OO,v1=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(parse("t=1 2,v1=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(parse("t=9223372036854775808,v1=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(parse("t=00000000000000000001,v1=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(parse("t=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(parse("t=1,t=1,v1=abc", &sig), CAMP_ERR_SIG_FORMAT);
    assert_int_equal(parse("t=1,,v1=abc", &sig), CAMP_ERR_SIG_FORMAT);
    assert_int_equal(parse("t=1,v1=abc,", &sig), CAMP_ERR_SIG_FORMAT);
    assert_int_equal(parse(",t=1,v1=abc", &sig), CAMP_ERR_SIG_FORMAT);
    assert_int_equal(parse("t=1,v1", &sig), CAMP_ERR_SIG_FORMAT);
    assert_int_equal(parse("t=1, ,v1=a", &sig), CAMP_ERR_SIG_FORMAT);
    assert_int_equal(parse("t=1;v1=abc", &sig), CAMP_ERR_SIG_TIMESTAMP);
    assert_int_equal(camp_webhook_parse_signature("t=1,v1=a", 8, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_webhook_parse_signature(NULL, 3, &sig), CAMP_ERR_ARG);
}

/* ---- verification ------------------------------------------------------------------------------ */

static void test_verify_round_trip_and_tolerance(void **state)
{
    char h[CAMP_WEBHOOK_HEADER_MAX];
    (void)state;
    sign_body(T0, BODY, h);
    assert_int_equal(verify(h, BODY, T0), CAMP_OK);
    assert_int_equal(verify(h, BODY, T0 + 300), CAMP_OK);
    assert_int_equal(verify(h, BODY, T0 - 300), CAMP_OK);
    assert_int_equal(verify(h, BODY, T0 + 301), CAMP_ERR_SIG_STALE);
    assert_int_equal(verify(h, BODY, T0 - 301), CAMP_ERR_SIG_STALE);
    /* one byte of the body changed */
    assert_int_equal(verify(h, "{\"id\":\"evt\",\"seq\":2}", T0), CAMP_ERR_SIG_MISMATCH);
    /* configurable tolerance */
    g_v.tolerance_s = 0;
    assert_int_equal(verify(h, BODY, T0), CAMP_OK);
    assert_int_equal(verify(h, BODY, T0 + 1), CAMP_ERR_SIG_STALE);
    g_v.tolerance_s = UINT32_MAX;
    assert_int_equal(verify(h, BODY, T0 + 86400 * 365), CAMP_OK);
    g_v.tolerance_s = CAMP_WEBHOOK_TOLERANCE_S;
    /* extreme clocks: no overflow, just stale */
    assert_int_equal(verify(h, BODY, INT64_MIN), CAMP_ERR_SIG_STALE);
    assert_int_equal(verify(h, BODY, INT64_MAX), CAMP_ERR_SIG_STALE);
    assert_int_equal(verify("t=9223372036854775807,v1=00", BODY, INT64_MIN), CAMP_ERR_SIG_STALE);
    assert_int_equal(verify("t=0,v1=00", BODY, INT64_MAX), CAMP_ERR_SIG_STALE);
    /* stale wins over a malformed signature (checked before any hex) */
    assert_int_equal(verify("t=0,v1=zz", BODY, T0), CAMP_ERR_SIG_STALE);
    /* the stale check covers a correct signature too */
    sign_body(0, BODY, h);
    assert_int_equal(verify(h, BODY, 300), CAMP_OK);
    assert_int_equal(verify(h, BODY, 301), CAMP_ERR_SIG_STALE);
    /* empty body */
    sign_body(T0, "", h);
    assert_int_equal(camp_webhook_verify(&g_v, h, strlen(h), NULL, 0, T0), CAMP_OK);
    assert_int_equal(verify(h, " ", T0), CAMP_ERR_SIG_MISMATCH);
}

static void test_verify_signature_forms(void **state)
{
    char h[CAMP_WEBHOOK_HEADER_MAX];
    char hdr[512];
    char sig[65];
    (void)state;
    sign_body(T0, BODY, h);
    memcpy(sig, strstr(h, "v1=") + 3, 64);
    sig[64] = '\0';

    /* wrong length: 63 and 65 digits are a clean no, never a match on a prefix */
    snprintf(hdr, sizeof hdr, "t=%lld,v1=%.63s", (long long)T0, sig);
    assert_int_equal(verify(hdr, BODY, T0), CAMP_ERR_SIG_FORMAT);
    snprintf(hdr, sizeof hdr, "t=%lld,v1=%s0", (long long)T0, sig);
    assert_int_equal(verify(hdr, BODY, T0), CAMP_ERR_SIG_FORMAT);
    snprintf(hdr, sizeof hdr, "t=%lld,v1=", (long long)T0);
    assert_int_equal(verify(hdr, BODY, T0), CAMP_ERR_SIG_FORMAT);
    /* non-hex digits at every position are refused */
    {
        static const char bad[] = {'g', 'G', 'A', 'F', ' ', '/', ':', '`', '@', '\x80', '\xff'};
        size_t pos, b;
        for (pos = 0; pos < 64u; pos += 9u) {
            for (b = 0; b < sizeof bad; b++) {
                char s2[65];
                memcpy(s2, sig, 65);
                s2[pos] = bad[b];
                snprintf(hdr, sizeof hdr, "t=%lld,v1=%s", (long long)T0, s2);
                assert_int_equal(verify(hdr, BODY, T0), CAMP_ERR_SIG_FORMAT);
            }
        }
    }
    /* uppercase version of the right signature: refused */
    {
        char up[65];
        size_t i;
        for (i = 0; i < 65u; i++) {
            up[i] = (sig[i] >= 'a' && sig[i] <= 'f') ? (char)(sig[i] - 32) : sig[i];
        }
        snprintf(hdr, sizeof hdr, "t=%lld,v1=%s", (long long)T0, up);
        assert_int_equal(verify(hdr, BODY, T0), CAMP_ERR_SIG_FORMAT);
    }
    /* each single-bit change of the right signature is a mismatch */
    {
        size_t pos;
        for (pos = 0; pos < 64u; pos++) {
            char s2[65];
            memcpy(s2, sig, 65);
            s2[pos] = s2[pos] == '0' ? '1' : '0';
            snprintf(hdr, sizeof hdr, "t=%lld,v1=%s", (long long)T0, s2);
            assert_int_equal(verify(hdr, BODY, T0), CAMP_ERR_SIG_MISMATCH);
        }
    }
    /* several v1: any one matching passes; malformed ones never match */
    snprintf(hdr, sizeof hdr, "t=%lld,v1=zz,v1=%s", (long long)T0, sig);
    assert_int_equal(verify(hdr, BODY, T0), CAMP_OK);
    snprintf(hdr, sizeof hdr, "v1=%s,t=%lld,v1=%064d", sig, (long long)T0, 0);
    assert_int_equal(verify(hdr, BODY, T0), CAMP_OK);
    snprintf(hdr, sizeof hdr, "t=%lld,v1=zz,v1=%064d", (long long)T0, 0);
    assert_int_equal(verify(hdr, BODY, T0), CAMP_ERR_SIG_MISMATCH);
    /* the timestamp is signed as its text: leading zeros change the signed string */
    snprintf(hdr, sizeof hdr, "t=0%lld,v1=%s", (long long)T0, sig);
    assert_int_equal(verify(hdr, BODY, T0), CAMP_ERR_SIG_MISMATCH);
    /* the signature is bound to t */
    snprintf(hdr, sizeof hdr, "t=%lld,v1=%s", (long long)(T0 + 1), sig);
    assert_int_equal(verify(hdr, BODY, T0), CAMP_ERR_SIG_MISMATCH);
    /* another secret */
    {
        camp_webhook_verifier_t v2;
        camp_webhook_verifier_init(&v2, &g_crypto, "ibt_wh_other", 12);
        assert_int_equal(camp_webhook_verify(&v2, h, strlen(h), BODY, strlen(BODY), T0),
                         CAMP_ERR_SIG_MISMATCH);
    }
    /* a missing header */
    assert_int_equal(verify(NULL, BODY, T0), CAMP_ERR_SIG_MISSING);
    assert_int_equal(verify("", BODY, T0), CAMP_ERR_SIG_MISSING);
}

/* A fake port: records what it was given, can fail. */
typedef struct fake_port {
    int fail;
    int calls;
    const uint8_t *part2;
    size_t len1, len2;
    char part1[32];
} fake_port_t;

static int fake_hmac(void *ctx, const uint8_t *key, size_t key_len, const uint8_t *part1,
                     size_t len1, const uint8_t *part2, size_t len2, uint8_t mac[CAMP_SHA256_LEN])
{
    fake_port_t *f = ctx;
    (void)key;
    (void)key_len;
    f->calls++;
    f->len1 = len1;
    f->len2 = len2;
    f->part2 = part2;
    memcpy(f->part1, part1, len1 < sizeof f->part1 ? len1 : sizeof f->part1 - 1u);
    memset(mac, 0, CAMP_SHA256_LEN);
    return f->fail;
}

static void test_verify_port_usage(void **state)
{
    fake_port_t f;
    camp_crypto_t port;
    camp_webhook_verifier_t v;
    char zeros[80];
    (void)state;
    memset(&f, 0, sizeof f);
    port.hmac_sha256 = fake_hmac;
    port.ctx = &f;
    camp_webhook_verifier_init(&v, &port, "k", 1);
    snprintf(zeros, sizeof zeros, "t=00042,v1=%064d", 0);
    /* the fake MAC is all zero: it matches */
    assert_int_equal(camp_webhook_verify(&v, zeros, strlen(zeros), BODY, strlen(BODY), 42),
                     CAMP_OK);
    assert_int_equal(f.calls, 1);
    assert_int_equal(f.len1, 6);
    assert_memory_equal(f.part1, "00042.", 6);
    /* the body is passed by pointer, not copied */
    assert_int_equal(f.len2, strlen(BODY));
    /* no HMAC at all for header errors, stale timestamps or malformed signatures */
    f.calls = 0;
    assert_int_equal(camp_webhook_verify(&v, "t=1", 3, BODY, strlen(BODY), 1),
                     CAMP_ERR_SIG_MISSING);
    assert_int_equal(camp_webhook_verify(&v, zeros, strlen(zeros), BODY, strlen(BODY), 9999),
                     CAMP_ERR_SIG_STALE);
    assert_int_equal(camp_webhook_verify(&v, "t=42,v1=x", 9, BODY, strlen(BODY), 42),
                     CAMP_ERR_SIG_FORMAT);
    assert_int_equal(f.calls, 0);
    /* a failing port */
    f.fail = -5;
    assert_int_equal(camp_webhook_verify(&v, zeros, strlen(zeros), BODY, strlen(BODY), 42),
                     CAMP_ERR_CRYPTO);
    {
        char out[CAMP_WEBHOOK_HEADER_MAX];
        assert_int_equal(camp_webhook_sign(&port, "k", 1, 1, "", 0, out, sizeof out, NULL),
                         CAMP_ERR_CRYPTO);
    }
}

static void test_verify_args(void **state)
{
    camp_webhook_verifier_t v;
    camp_crypto_t none = {NULL, NULL};
    char h[CAMP_WEBHOOK_HEADER_MAX];
    (void)state;
    sign_body(T0, BODY, h);
    assert_int_equal(camp_webhook_verify(NULL, h, strlen(h), BODY, strlen(BODY), T0), CAMP_ERR_ARG);
    camp_webhook_verifier_init(&v, NULL, SECRET, strlen(SECRET));
    assert_int_equal(camp_webhook_verify(&v, h, strlen(h), BODY, strlen(BODY), T0), CAMP_ERR_ARG);
    camp_webhook_verifier_init(&v, &none, SECRET, strlen(SECRET));
    assert_int_equal(camp_webhook_verify(&v, h, strlen(h), BODY, strlen(BODY), T0), CAMP_ERR_ARG);
    camp_webhook_verifier_init(&v, &g_crypto, SECRET, 0);
    assert_int_equal(camp_webhook_verify(&v, h, strlen(h), BODY, strlen(BODY), T0), CAMP_ERR_ARG);
    camp_webhook_verifier_init(&v, &g_crypto, NULL, 5);
    assert_int_equal(camp_webhook_verify(&v, h, strlen(h), BODY, strlen(BODY), T0), CAMP_ERR_ARG);
    assert_int_equal(camp_webhook_verify(&g_v, h, strlen(h), NULL, 3, T0), CAMP_ERR_ARG);
    camp_webhook_verifier_init(NULL, &g_crypto, SECRET, 1); /* no crash */
    assert_int_equal(g_v.tolerance_s, CAMP_WEBHOOK_TOLERANCE_S);
}

static void test_sign(void **state)
{
    char out[CAMP_WEBHOOK_HEADER_MAX];
    size_t n = 99;
    (void)state;
    assert_int_equal(camp_webhook_sign(&g_crypto, SECRET, strlen(SECRET), 0, BODY, strlen(BODY),
                                       out, sizeof out, &n),
                     CAMP_OK);
    assert_int_equal(n, 2 + 1 + 4 + 64);
    assert_memory_equal(out, "t=0,v1=", 7);
    assert_int_equal(camp_webhook_sign(&g_crypto, SECRET, strlen(SECRET), INT64_MAX, BODY,
                                       strlen(BODY), out, sizeof out, &n),
                     CAMP_OK);
    assert_int_equal(n, CAMP_WEBHOOK_HEADER_MAX - 1u);
    assert_memory_equal(out, "t=9223372036854775807,v1=", 25);
    /* exactly enough, one too few */
    assert_int_equal(camp_webhook_sign(&g_crypto, SECRET, strlen(SECRET), 5, BODY, strlen(BODY),
                                       out, 2 + 1 + 4 + 64 + 1, &n),
                     CAMP_OK);
    assert_int_equal(camp_webhook_sign(&g_crypto, SECRET, strlen(SECRET), 5, BODY, strlen(BODY),
                                       out, 2 + 1 + 4 + 64, &n),
                     CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(n, 0);
    assert_int_equal(camp_webhook_sign(&g_crypto, SECRET, strlen(SECRET), -1, BODY, strlen(BODY),
                                       out, sizeof out, &n),
                     CAMP_ERR_ARG);
    assert_int_equal(
        camp_webhook_sign(&g_crypto, SECRET, 0, 1, BODY, strlen(BODY), out, sizeof out, &n),
        CAMP_ERR_ARG);
    assert_int_equal(
        camp_webhook_sign(&g_crypto, SECRET, strlen(SECRET), 1, NULL, 2, out, sizeof out, &n),
        CAMP_ERR_ARG);
    /* lowercase hex only */
    {
        size_t i;
        assert_int_equal(camp_webhook_sign(&g_crypto, SECRET, strlen(SECRET), T0, BODY,
                                           strlen(BODY), out, sizeof out, &n),
                         CAMP_OK);
        for (i = n - 64u; i < n; i++) {
            assert_true((out[i] >= '0' && out[i] <= '9') || (out[i] >= 'a' && out[i] <= 'f'));
        }
    }
}

/* ---- the mbedTLS port ------------------------------------------------------------------------------ */

static void test_mbedtls_hmac_kat(void **state)
{
    /* RFC 4231 test case 2 */
    static const uint8_t want[32] = {0x5b, 0xdc, 0xc1, 0x46, 0xbf, 0x60, 0x75, 0x4e,
                                     0x6a, 0x04, 0x24, 0x26, 0x08, 0x95, 0x75, 0xc7,
                                     0x5a, 0x00, 0x3f, 0x08, 0x9d, 0x27, 0x39, 0x83,
                                     0x9d, 0xec, 0x58, 0xb9, 0x64, 0xec, 0x38, 0x43};
    const char *msg = "what do ya want for nothing?";
    size_t split;
    uint8_t mac[32];
    (void)state;
    for (split = 0; split <= strlen(msg); split++) {
        memset(mac, 0, sizeof mac);
        assert_int_equal(
            camp_mbedtls_hmac_sha256(NULL, (const uint8_t *)"Jefe", 4, (const uint8_t *)msg, split,
                                     (const uint8_t *)msg + split, strlen(msg) - split, mac),
            0);
        assert_memory_equal(mac, want, 32);
    }
    assert_int_not_equal(camp_mbedtls_hmac_sha256(NULL, NULL, 4, NULL, 0, NULL, 0, mac), 0);
    assert_int_equal(camp_mbedtls_hmac_sha256(NULL, NULL, 0, NULL, 0, NULL, 0, mac), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_vectors_file, setup),
        cmocka_unit_test_setup(test_parse_ok, setup),
        cmocka_unit_test_setup(test_parse_errors, setup),
        cmocka_unit_test_setup(test_verify_round_trip_and_tolerance, setup),
        cmocka_unit_test_setup(test_verify_signature_forms, setup),
        cmocka_unit_test_setup(test_verify_port_usage, setup),
        cmocka_unit_test_setup(test_verify_args, setup),
        cmocka_unit_test_setup(test_sign, setup),
        cmocka_unit_test_setup(test_mbedtls_hmac_kat, setup),
    };
    return cmocka_run_group_tests_name("webhook", tests, NULL, NULL);
}
