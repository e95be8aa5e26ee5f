/*
 * webhook_sig.c - `X-Inbox-Signature` parsing and HMAC-SHA256 verification
 * (spec/inboxapp.md §8.3).
 *
 * Timing: the computed MAC is the secret-dependent value. It is compared with
 * every well-formed `v1` entry by OR-accumulating byte differences (no early
 * exit), and the `v1` hex digits are decoded with arithmetic masks instead of
 * branches or table look-ups. Branches depend only on public data: the header's
 * structure, the length of each entry and whether its digits are hex.
 */
#include <string.h>

#include "camp/camp_webhook.h"
#include "status/status_internal.h"

/* ---- header parsing -------------------------------------------------------------- */

static bool is_ows(char c)
{
    return c == ' ' || c == '\t';
}

/* Parse 1..19 decimal digits into a non-negative int64 without overflow: 19 digits
 * stay below 10^19 < 2^64, so the value is built in a uint64_t and compared once
 * with INT64_MAX (no 64-bit division, which would link libgcc's). */
#if CAMP_WEBHOOK_MAX_T_DIGITS > 19u
#error "parse_t() builds the timestamp in a uint64_t: at most 19 digits"
#endif
static bool parse_t(const char *s, size_t len, int64_t *out)
{
    uint64_t v = 0;
    size_t i;

    if (len < 1u || len > CAMP_WEBHOOK_MAX_T_DIGITS) {
        return false;
    }
    for (i = 0; i < len; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - (unsigned)'0';
        if (d > 9u) {
            return false;
        }
        v = (v * 10u) + d;
    }
    if (v > (uint64_t)INT64_MAX) {
        return false;
    }
    *out = (int64_t)v;
    return true;
}

/* True when the header holds nothing but spaces and tabs (or nothing at all). */
static bool is_blank(const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) {
        if (!is_ows(s[i])) {
            return false;
        }
    }
    return true;
}

/* Bounds [*start, *end) of the entry at *pos, without the spaces and tabs around it
 * (SDK behaviour); *pos moves past its comma, or one past the end of the header. */
static void next_entry(const char *header, size_t len, size_t *pos, size_t *start, size_t *end)
{
    size_t s = *pos;
    size_t e = *pos;

    while (e < len && header[e] != ',') {
        e++;
    }
    *pos = e + 1u;
    while (s < e && is_ows(header[s])) {
        s++;
    }
    while (e > s && is_ows(header[e - 1u])) {
        e--;
    }
    *start = s;
    *end = e;
}

/* Timestamp seen so far: a second one is ambiguous and refused. */
typedef struct {
    bool have_t;
    bool bad_t;
} sig_parse_t;

static camp_status_t take_t(const char *val, size_t val_len, camp_webhook_sig_t *out,
                            sig_parse_t *ps)
{
    if (ps->have_t) {
        return CAMP_ERR_SIG_FORMAT;
    }
    ps->have_t = true;
    out->t_text = val;
    out->t_len = val_len;
    ps->bad_t = !parse_t(val, val_len, &out->timestamp);
    return CAMP_OK;
}

static camp_status_t take_v1(const char *val, size_t val_len, camp_webhook_sig_t *out)
{
    /* More entries than we will compare is refused rather than truncated:
     * the work per delivery stays bounded and nothing is silently dropped. */
    if (out->v1_count >= (size_t)CAMP_WEBHOOK_MAX_SIGNATURES) {
        return CAMP_ERR_SIG_FORMAT;
    }
    out->v1[out->v1_count] = val;
    out->v1_len[out->v1_count] = val_len;
    out->v1_count++;
    return CAMP_OK;
}

/* One trimmed `key=value` entry of @p n bytes. */
static camp_status_t take_entry(const char *entry, size_t n, camp_webhook_sig_t *out,
                                sig_parse_t *ps)
{
    size_t eq = 0;

    while (eq < n && entry[eq] != '=') {
        eq++;
    }
    if (n == 0u || eq == n) {
        return CAMP_ERR_SIG_FORMAT; /* empty entry (",," or a trailing comma) or no '=' */
    }
    if (eq == 1u && entry[0] == 't') {
        return take_t(entry + 2, n - 2u, out, ps);
    }
    if (eq == 2u && entry[0] == 'v' && entry[1] == '1') {
        return take_v1(entry + 3, n - 3u, out);
    }
    return CAMP_OK; /* any other scheme (v0, v2, ...) is ignored, as the SDK does */
}

camp_status_t camp_webhook_parse_signature(const char *header, size_t len, camp_webhook_sig_t *out)
{
    sig_parse_t ps = {false, false};
    size_t pos = 0;

    if (out == NULL || (header == NULL && len > 0u)) {
        return CAMP_ERR_ARG;
    }
    memset(out, 0, sizeof *out);
    if (is_blank(header, len)) {
        return CAMP_ERR_SIG_MISSING; /* absent or blank header */
    }
    /* One entry per iteration; every iteration consumes at least one byte or ends. */
    while (pos <= len) {
        size_t start, end;
        camp_status_t st;

        next_entry(header, len, &pos, &start, &end);
        st = take_entry(header + start, end - start, out, &ps);
        if (st != CAMP_OK) {
            return st;
        }
    }
    if (ps.have_t && ps.bad_t) {
        return CAMP_ERR_SIG_TIMESTAMP;
    }
    if (out->v1_count == 0u) {
        return CAMP_ERR_SIG_MISSING;
    }
    if (!ps.have_t) {
        return CAMP_ERR_SIG_TIMESTAMP;
    }
    return CAMP_OK;
}

/* ---- constant-time helpers ------------------------------------------------------------ */

/* Value of one lowercase hex digit, without branches; *bad gets 1 when @p ch is
 * not [0-9a-f]. Uppercase is not accepted: the SDK compares lowercase strings. */
static uint32_t hex_nibble_ct(unsigned char ch, uint32_t *bad)
{
    uint32_t c = (uint32_t)ch;
    uint32_t num = c ^ 48u;                                   /* '0'..'9' -> 0..9 */
    uint32_t num_ok = (num - 10u) >> 8;                       /* all-ones-ish when num < 10 */
    uint32_t alpha = c - 87u;                                 /* 'a'..'f' -> 10..15 */
    uint32_t alpha_ok = ((alpha - 10u) ^ (alpha - 16u)) >> 8; /* nonzero when 10 <= alpha < 16 */
    uint32_t ok = num_ok | alpha_ok;
    *bad |= (ok - 1u) >> 31; /* 1 when ok == 0 */
    return ((num_ok & num) | (alpha_ok & alpha)) & 0x0Fu;
}

/* Decode 64 hex digits into 32 bytes; false when any digit is not lowercase hex. */
static bool hex_decode_ct(const char *hex, uint8_t out[CAMP_SHA256_LEN])
{
    uint32_t bad = 0;
    size_t i;
    for (i = 0; i < CAMP_SHA256_LEN; i++) {
        uint32_t hi = hex_nibble_ct((unsigned char)hex[2u * i], &bad);
        uint32_t lo = hex_nibble_ct((unsigned char)hex[2u * i + 1u], &bad);
        out[i] = (uint8_t)((hi << 4) | lo);
    }
    return bad == 0u;
}

/* 1 when the two MACs are equal, 0 otherwise; time independent of the contents. */
static uint32_t mac_equal_ct(const uint8_t *a, const uint8_t *b)
{
    uint32_t diff = 0;
    size_t i;
    for (i = 0; i < CAMP_SHA256_LEN; i++) {
        diff |= (uint32_t)(a[i] ^ b[i]);
    }
    return ((diff - 1u) >> 8) & 1u; /* diff in 0..255: 1 only for 0 */
}

/* Lowercase hex digit of a nibble, without branches. */
static char hex_digit_ct(uint32_t n)
{
    return (char)(n + 48u + (((9u - n) >> 8) & 39u));
}

/* Clear secret-derived bytes; volatile so the stores are not optimised away. */
static void wipe(void *p, size_t n)
{
    volatile unsigned char *v = (volatile unsigned char *)p;
    size_t i;
    for (i = 0; i < n; i++) {
        v[i] = 0;
    }
}

/* HMAC-SHA256(secret, t_text "." body) through the port. */
static camp_status_t compute_mac(const camp_crypto_t *crypto, const char *secret, size_t secret_len,
                                 const char *t_text, size_t t_len, const void *body,
                                 size_t body_len, uint8_t mac[CAMP_SHA256_LEN])
{
    /* "{t}." is at most 20 bytes: copied so the port sees two parts, the body is not copied. */
    uint8_t prefix[CAMP_WEBHOOK_MAX_T_DIGITS + 1u];
    static const uint8_t empty[1] = {0};
    int rc;

    if (t_len > CAMP_WEBHOOK_MAX_T_DIGITS) {
        return CAMP_ERR_INTERNAL;
    }
    memcpy(prefix, t_text, t_len);
    prefix[t_len] = '.';
    rc = crypto->hmac_sha256(crypto->ctx, (const uint8_t *)secret, secret_len, prefix, t_len + 1u,
                             body_len > 0u ? (const uint8_t *)body : empty, body_len, mac);
    return rc == 0 ? CAMP_OK : CAMP_ERR_CRYPTO;
}

/* ---- public API ------------------------------------------------------------------------- */

void camp_webhook_verifier_init(camp_webhook_verifier_t *v, const camp_crypto_t *crypto,
                                const char *secret, size_t secret_len)
{
    if (v == NULL) {
        return;
    }
    v->crypto = crypto;
    v->secret = secret;
    v->secret_len = secret_len;
    v->tolerance_s = (uint32_t)CAMP_WEBHOOK_TOLERANCE_S;
}

static bool crypto_ok(const camp_crypto_t *crypto, const char *secret, size_t secret_len)
{
    return crypto != NULL && crypto->hmac_sha256 != NULL && secret != NULL && secret_len > 0u;
}

/* |now - t| beyond the tolerance, without signed overflow: both are int64, their
 * distance fits in uint64. */
static bool is_stale(int64_t t, int64_t now, uint32_t tolerance_s)
{
    uint64_t skew = t >= now ? (uint64_t)t - (uint64_t)now : (uint64_t)now - (uint64_t)t;
    return skew > (uint64_t)tolerance_s;
}

/* Decode every `v1` entry; well_formed[i] is 1 for those of the right length and digit
 * set (public facts). Returns 1 when at least one is well formed. */
static uint32_t decode_entries(const camp_webhook_sig_t *sig,
                               uint8_t given[CAMP_WEBHOOK_MAX_SIGNATURES][CAMP_SHA256_LEN],
                               uint32_t well_formed[CAMP_WEBHOOK_MAX_SIGNATURES])
{
    uint32_t any = 0;
    size_t i;
    for (i = 0; i < sig->v1_count; i++) {
        well_formed[i] = 0;
        if (sig->v1_len[i] == CAMP_WEBHOOK_SIG_HEX_LEN && hex_decode_ct(sig->v1[i], given[i])) {
            well_formed[i] = 1;
            any = 1;
        }
    }
    return any;
}

camp_status_t camp_webhook_verify(const camp_webhook_verifier_t *v, const char *header,
                                  size_t header_len, const void *body, size_t body_len, int64_t now)
{
    camp_webhook_sig_t sig;
    /* the given MACs, then the computed one: one wipe clears them all */
    uint8_t macs[CAMP_WEBHOOK_MAX_SIGNATURES + 1][CAMP_SHA256_LEN];
    uint32_t well_formed[CAMP_WEBHOOK_MAX_SIGNATURES];
    camp_status_t st;

    if (v == NULL || !crypto_ok(v->crypto, v->secret, v->secret_len) ||
        (body == NULL && body_len > 0u)) {
        return CAMP_ERR_ARG;
    }
    if (header == NULL) {
        header_len = 0; /* header absent: reported as missing */
    }
    st = camp_webhook_parse_signature(header, header_len, &sig);
    if (st != CAMP_OK) {
        return st;
    }
    if (is_stale(sig.timestamp, now, v->tolerance_s)) {
        return CAMP_ERR_SIG_STALE;
    }
    memset(macs, 0, sizeof macs);
    if (decode_entries(&sig, macs, well_formed) == 0u) {
        return CAMP_ERR_SIG_FORMAT;
    }
    st = compute_mac(v->crypto, v->secret, v->secret_len, sig.t_text, sig.t_len, body, body_len,
                     macs[CAMP_WEBHOOK_MAX_SIGNATURES]);
    if (st == CAMP_OK) {
        /* Compare with every well-formed entry, no early exit. */
        uint32_t match = 0;
        size_t i;
        for (i = 0; i < sig.v1_count; i++) {
            match |= mac_equal_ct(macs[CAMP_WEBHOOK_MAX_SIGNATURES], macs[i]) & well_formed[i];
        }
        st = match != 0u ? CAMP_OK : CAMP_ERR_SIG_MISMATCH;
    }
    wipe(macs, sizeof macs);
    return st;
}

camp_status_t camp_webhook_sign(const camp_crypto_t *crypto, const char *secret, size_t secret_len,
                                int64_t t, const void *body, size_t body_len, char *out, size_t cap,
                                size_t *out_len)
{
    char digits[CAMP_U64_DIGITS];
    const char *t_text;
    size_t nd, need;
    uint8_t mac[CAMP_SHA256_LEN];
    camp_status_t st;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (!crypto_ok(crypto, secret, secret_len) || t < 0 || (body == NULL && body_len > 0u) ||
        (out == NULL && cap > 0u)) {
        return CAMP_ERR_ARG;
    }
    /* 0 <= t <= INT64_MAX: at most 19 digits */
    t_text = &digits[camp_u64_decimal(digits, (uint64_t)t)];
    nd = (size_t)(&digits[CAMP_U64_DIGITS] - t_text);
    need = 2u + nd + 4u + CAMP_WEBHOOK_SIG_HEX_LEN;
    if (cap < need + 1u) {
        return CAMP_ERR_BUFFER_TOO_SMALL;
    }
    st = compute_mac(crypto, secret, secret_len, t_text, nd, body, body_len, mac);
    if (st == CAMP_OK) {
        size_t n = 0;
        size_t i;
        out[n++] = 't';
        out[n++] = '=';
        memcpy(out + n, t_text, nd);
        n += nd;
        memcpy(out + n, ",v1=", 4u);
        n += 4u;
        for (i = 0; i < CAMP_SHA256_LEN; i++) {
            out[n++] = hex_digit_ct((uint32_t)mac[i] >> 4);
            out[n++] = hex_digit_ct((uint32_t)mac[i] & 0x0Fu);
        }
        out[n] = '\0';
        if (out_len != NULL) {
            *out_len = n;
        }
    }
    wipe(mac, sizeof mac);
    return st;
}
