/*
 * Fuzz target: the webhook signature header parser and the verifier around it.
 * FUZZ_DICT: webhook
 *
 * Input: byte 0 = clock skew (int8, x 5 s; 0x80 = extreme clocks), then the
 * X-Inbox-Signature value up to the first '\n', then the raw body.
 * The crypto port is a deterministic stand-in for HMAC-SHA256 (the parser and
 * the comparison are under test, not the hash), and it checks what it is given.
 * Invariants:
 * - parse: documented status; on OK, t is 1..19 digits inside the header whose
 *   value is the timestamp, 1..CAMP_WEBHOOK_MAX_SIGNATURES v1 entries all inside
 *   the header;
 * - verify agrees with a reference written from the header's documentation:
 *   parse failure -> same status; |now - t| > tolerance -> STALE (overflow-safe);
 *   no well-formed v1 -> FORMAT; a v1 equal to the MAC -> OK; else MISMATCH;
 * - the MAC is computed over exactly "{t as received}." and the body bytes,
 *   which are passed in place (not copied);
 * - sign -> verify round trip: OK at the signed time, MISMATCH for a changed
 *   body, STALE beyond the tolerance; a short output buffer writes nothing.
 */
#include "fuzz_common.h"

#include "camp/camp_webhook.h"

static const char secret[] = "ibt_wh_5f2c9a1e7d3b4c6a8e0f1a2b";

typedef struct fake_crypto_ctx {
    const char *expect_t; /* t digits expected in part1, or NULL (sign) */
    size_t expect_t_len;
    const void *body;
    size_t body_len;
    unsigned calls;
} fake_crypto_ctx_t;

static uint64_t fnv(uint64_t h, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

static void fake_mac(const uint8_t *key, size_t kl, const uint8_t *p1, size_t l1, const uint8_t *p2,
                     size_t l2, uint8_t mac[CAMP_SHA256_LEN])
{
    for (unsigned k = 0; k < 4; k++) {
        uint64_t h = 14695981039346656037ull + k;
        h = fnv(h, key, kl);
        h = fnv(h, p1, l1);
        h = fnv(h, p2, l2);
        for (unsigned b = 0; b < 8; b++) {
            mac[k * 8 + b] = (uint8_t)(h >> (8 * b));
        }
    }
}

static int fake_hmac(void *ctx, const uint8_t *key, size_t key_len, const uint8_t *part1,
                     size_t len1, const uint8_t *part2, size_t len2, uint8_t mac[CAMP_SHA256_LEN])
{
    fake_crypto_ctx_t *c = (fake_crypto_ctx_t *)ctx;
    c->calls++;
    FUZZ_CHECK(key_len == sizeof secret - 1 && memcmp(key, secret, key_len) == 0,
               "the MAC is keyed by the secret");
    FUZZ_CHECK(len1 >= 2 && part1[len1 - 1] == '.', "part1 is \"{t}.\"");
    if (c->expect_t != NULL) {
        FUZZ_CHECK(len1 == c->expect_t_len + 1 && memcmp(part1, c->expect_t, c->expect_t_len) == 0,
                   "t is signed exactly as received");
    }
    FUZZ_CHECK(len2 == c->body_len && (len2 == 0 || part2 == c->body),
               "the raw body is signed in place, byte for byte");
    fake_mac(key, key_len, part1, len1, part2, len2, mac);
    return 0;
}

static bool is_lower_hex64(const char *s, size_t n)
{
    if (n != CAMP_WEBHOOK_SIG_HEX_LEN) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) {
            return false;
        }
    }
    return true;
}

static bool stale(int64_t now, int64_t t, uint32_t tol)
{
    /* |now - t| > tol without overflow: t >= 0 always. */
    if (now >= t) {
        return (uint64_t)now - (uint64_t)t > tol;
    }
    return (uint64_t)t - (uint64_t)now > tol;
}

static camp_status_t reference(const camp_webhook_sig_t *sig, camp_status_t pst, int64_t now,
                               const void *body, size_t blen, bool *either_stale_or_format)
{
    *either_stale_or_format = false;
    if (pst != CAMP_OK) {
        return pst;
    }
    bool any_wf = false;
    for (size_t i = 0; i < sig->v1_count; i++) {
        any_wf = any_wf || is_lower_hex64(sig->v1[i], sig->v1_len[i]);
    }
    bool st = stale(now, sig->timestamp, CAMP_WEBHOOK_TOLERANCE_S);
    if (st && !any_wf) {
        *either_stale_or_format = true;
        return CAMP_ERR_SIG_STALE;
    }
    if (st) {
        return CAMP_ERR_SIG_STALE;
    }
    if (!any_wf) {
        return CAMP_ERR_SIG_FORMAT;
    }
    uint8_t mac[CAMP_SHA256_LEN];
    char t1[CAMP_WEBHOOK_MAX_T_DIGITS + 2];
    memcpy(t1, sig->t_text, sig->t_len);
    t1[sig->t_len] = '.';
    fake_mac((const uint8_t *)secret, sizeof secret - 1, (const uint8_t *)t1, sig->t_len + 1,
             (const uint8_t *)body, blen, mac);
    char hex[65];
    for (unsigned i = 0; i < 32; i++) {
        hex[2 * i] = "0123456789abcdef"[mac[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[mac[i] & 15];
    }
    for (size_t i = 0; i < sig->v1_count; i++) {
        if (sig->v1_len[i] == 64 && memcmp(sig->v1[i], hex, 64) == 0) {
            return CAMP_OK;
        }
    }
    return CAMP_ERR_SIG_MISMATCH;
}

static bool status_ok(camp_status_t st)
{
    return st == CAMP_OK || (st >= CAMP_ERR_SIG_MISSING && st <= CAMP_ERR_SIG_MISMATCH);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 16384) {
        return 0;
    }
    int8_t skew = (int8_t)data[0];
    const uint8_t *rest = data + 1;
    size_t rlen = size - 1;
    const uint8_t *nl = memchr(rest, '\n', rlen);
    size_t hlen = nl ? (size_t)(nl - rest) : rlen;
    char *hdr = fuzz_dup(rest, hlen);
    size_t blen = nl ? rlen - hlen - 1 : 0;
    char *body = fuzz_dup(nl ? nl + 1 : rest, blen);

    camp_webhook_sig_t sig;
    camp_status_t pst = camp_webhook_parse_signature(hdr, hlen, &sig);
    FUZZ_CHECK(status_ok(pst) && pst != CAMP_ERR_SIG_STALE && pst != CAMP_ERR_SIG_MISMATCH,
               "parse returns a documented status");
    if (pst == CAMP_OK) {
        FUZZ_CHECK(fuzz_inside(hdr, hlen, sig.t_text, sig.t_len), "t inside the header");
        FUZZ_CHECK(sig.t_len >= 1 && sig.t_len <= CAMP_WEBHOOK_MAX_T_DIGITS, "t 1..19 digits");
        int64_t v = 0;
        for (size_t i = 0; i < sig.t_len; i++) {
            FUZZ_CHECK(sig.t_text[i] >= '0' && sig.t_text[i] <= '9', "t is digits");
            v = v * 10 + (sig.t_text[i] - '0'); /* <= INT64_MAX, else parse fails */
        }
        FUZZ_CHECK(v == sig.timestamp && v >= 0, "timestamp is the value of t");
        FUZZ_CHECK(sig.v1_count >= 1 && sig.v1_count <= CAMP_WEBHOOK_MAX_SIGNATURES, "v1 count");
        for (size_t i = 0; i < sig.v1_count; i++) {
            FUZZ_CHECK(fuzz_inside(hdr, hlen, sig.v1[i], sig.v1_len[i]), "v1 inside the header");
        }
    }

    fake_crypto_ctx_t ctx = {pst == CAMP_OK ? sig.t_text : NULL, pst == CAMP_OK ? sig.t_len : 0,
                             body, blen, 0};
    camp_crypto_t crypto = {fake_hmac, &ctx};
    camp_webhook_verifier_t ver;
    camp_webhook_verifier_init(&ver, &crypto, secret, sizeof secret - 1);
    FUZZ_CHECK(ver.tolerance_s == CAMP_WEBHOOK_TOLERANCE_S, "default tolerance");
    int64_t base = pst == CAMP_OK ? sig.timestamp : 1737018900;
    int64_t now;
    if ((uint8_t)skew == 0x80) {
        now = (blen & 1) ? INT64_MIN : INT64_MAX;
    } else {
        now = base > INT64_MAX - 640 ? INT64_MAX - 640 + skew * 5 : base + skew * 5;
    }
    camp_status_t vst = camp_webhook_verify(&ver, hdr, hlen, body, blen, now);
    FUZZ_CHECK(status_ok(vst), "verify returns a documented status");
    bool either = false;
    camp_status_t ref = reference(&sig, pst, now, body, blen, &either);
    FUZZ_CHECK(vst == ref || (either && vst == CAMP_ERR_SIG_FORMAT),
               "verify follows the documented steps");
    if (vst != CAMP_OK && vst != CAMP_ERR_SIG_MISMATCH) {
        FUZZ_CHECK(ctx.calls == 0 || vst == CAMP_ERR_SIG_FORMAT, "no MAC for a refused header");
    }

    /* sign -> verify round trip with a fuzzer-derived timestamp. */
    {
        int64_t t = base < 0 ? 0 : base;
        char out[CAMP_WEBHOOK_HEADER_MAX];
        size_t olen = 0;
        fake_crypto_ctx_t sctx = {NULL, 0, body, blen, 0};
        camp_crypto_t sc = {fake_hmac, &sctx};
        FUZZ_CHECK(camp_webhook_sign(&sc, secret, sizeof secret - 1, t, body, blen, out, sizeof out,
                                     &olen) == CAMP_OK,
                   "sign fits in CAMP_WEBHOOK_HEADER_MAX");
        FUZZ_CHECK(olen < sizeof out && out[olen] == '\0' && strlen(out) == olen, "NUL-terminated");
        camp_webhook_verifier_t sv;
        camp_webhook_verifier_init(&sv, &sc, secret, sizeof secret - 1);
        sctx.expect_t = out + 2;
        sctx.expect_t_len = (size_t)(strchr(out, ',') - out) - 2;
        FUZZ_CHECK(camp_webhook_verify(&sv, out, olen, body, blen, t) == CAMP_OK,
                   "a signed body verifies");
        if (t <= INT64_MAX - 301) {
            FUZZ_CHECK(camp_webhook_verify(&sv, out, olen, body, blen, t + 301) ==
                           CAMP_ERR_SIG_STALE,
                       "301 s later is stale");
        }
        if (blen > 0) {
            body[blen / 2] = (char)(body[blen / 2] ^ 1);
            FUZZ_CHECK(camp_webhook_verify(&sv, out, olen, body, blen, t) == CAMP_ERR_SIG_MISMATCH,
                       "a changed body does not verify");
        }
        char small[CAMP_WEBHOOK_HEADER_MAX];
        memset(small, 'X', sizeof small);
        size_t cap = olen; /* one byte short (no room for the NUL) */
        FUZZ_CHECK(camp_webhook_sign(&sc, secret, sizeof secret - 1, t, body, blen, small, cap,
                                     NULL) == CAMP_ERR_BUFFER_TOO_SMALL,
                   "short buffer is BUFFER_TOO_SMALL");
        for (size_t i = 0; i < sizeof small; i++) {
            FUZZ_CHECK(small[i] == 'X', "nothing written on BUFFER_TOO_SMALL");
        }
    }
    free(hdr);
    free(body);
    return 0;
}
