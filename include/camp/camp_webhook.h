/**
 * @file camp_webhook.h
 * @brief InboxApp webhook signatures: parse `X-Inbox-Signature`, verify the
 *        HMAC-SHA256 of `"{t}.{raw body}"` in constant time, enforce a time tolerance.
 *
 * Verify the raw request body, byte for byte as received, BEFORE decoding any JSON
 * (the event decoders live in camp_inbox.h). Re-serialised JSON does not verify.
 *
 * Header grammar accepted (spec/inboxapp.md §8.3):
 *   `t=<unix seconds>,v1=<64 lowercase hex digits>[,v1=...]` — entries in any
 *   order, spaces or tabs around each entry ignored, unknown schemes (`v0=`, ...)
 *   ignored, up to CAMP_WEBHOOK_MAX_SIGNATURES `v1` entries (any one may match,
 *   which lets a sender rotate secrets).
 *
 * The HMAC is computed through the crypto port (camp_crypto.h); port/mbedtls
 * provides camp_mbedtls_crypto(). Nothing is allocated; the secret is never copied.
 *
 * @code
 *   camp_webhook_verifier_t v;
 *   camp_crypto_t crypto = camp_mbedtls_crypto();
 *   camp_webhook_verifier_init(&v, &crypto, secret, strlen(secret));
 *   st = camp_webhook_verify(&v, hdr, hdr_len, body, body_len, wall_clock_seconds);
 *   if (st == CAMP_OK) { ... now decode body as JSON ... }
 * @endcode
 */
#ifndef CAMP_WEBHOOK_H
#define CAMP_WEBHOOK_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp_config.h"
#include "camp_crypto.h"
#include "camp_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Name of the HTTP header carrying the signature. */
#define CAMP_WEBHOOK_SIGNATURE_HEADER "X-Inbox-Signature"

/** Hex digits of one `v1` signature (HMAC-SHA256, lowercase). */
#define CAMP_WEBHOOK_SIG_HEX_LEN 64u

/** Most digits accepted in `t=` (INT64_MAX has 19). */
#define CAMP_WEBHOOK_MAX_T_DIGITS 19u

/** Bytes camp_webhook_sign() needs: `t=` + 19 digits + `,v1=` + 64 hex + NUL. */
#define CAMP_WEBHOOK_HEADER_MAX                                                                    \
    (2u + CAMP_WEBHOOK_MAX_T_DIGITS + 4u + CAMP_WEBHOOK_SIG_HEX_LEN + 1u)

/** A parsed signature header. Pointers point into the header passed to the parser. */
typedef struct camp_webhook_sig {
    const char *t_text; /**< the digits of `t=` exactly as received (they are signed as is) */
    size_t t_len;       /**< 1..CAMP_WEBHOOK_MAX_T_DIGITS */
    int64_t timestamp;  /**< value of `t`, unix seconds, >= 0 */
    size_t v1_count;    /**< `v1` entries found, 1..CAMP_WEBHOOK_MAX_SIGNATURES */
    const char *v1[CAMP_WEBHOOK_MAX_SIGNATURES]; /**< each `v1` value (not checked for hex here) */
    size_t v1_len[CAMP_WEBHOOK_MAX_SIGNATURES];  /**< their lengths */
} camp_webhook_sig_t;

/**
 * @brief Split a signature header into its timestamp and `v1` entries.
 *
 * @param[in]  header the header value (need not be NUL-terminated); may be NULL when @p len is 0.
 * @param[in]  len    its length.
 * @param[out] out    the parsed entries; valid only on CAMP_OK.
 * @return CAMP_OK;
 *         CAMP_ERR_SIG_MISSING   empty header, or no `v1` entry;
 *         CAMP_ERR_SIG_TIMESTAMP no `t`, or `t` not 1..19 digits, or above INT64_MAX;
 *         CAMP_ERR_SIG_FORMAT    an entry without `=`, an empty entry, two `t` entries,
 *                                or more than CAMP_WEBHOOK_MAX_SIGNATURES `v1` entries;
 *         CAMP_ERR_ARG           @p out NULL, or @p header NULL with @p len > 0.
 */
CAMP_NODISCARD camp_status_t camp_webhook_parse_signature(const char *header, size_t len,
                                                          camp_webhook_sig_t *out);

/** Verification settings: the crypto port, the signing secret, the tolerance. */
typedef struct camp_webhook_verifier {
    const camp_crypto_t *crypto; /**< HMAC-SHA256 provider (required) */
    const char *secret;          /**< signing secret bytes (e.g. `ibt_wh_...`), not copied */
    size_t secret_len;           /**< its length, > 0 */
    uint32_t tolerance_s;        /**< largest accepted |now - t| in seconds */
} camp_webhook_verifier_t;

/**
 * @brief Initialise a verifier with the default tolerance CAMP_WEBHOOK_TOLERANCE_S.
 * @param[out] v        the verifier.
 * @param[in]  crypto   the crypto port; must outlive @p v.
 * @param[in]  secret   the signing secret; must outlive @p v (kept by pointer).
 * @param[in]  secret_len its length in bytes.
 */
void camp_webhook_verifier_init(camp_webhook_verifier_t *v, const camp_crypto_t *crypto,
                                const char *secret, size_t secret_len);

/**
 * @brief Verify a webhook delivery.
 *
 * Steps: parse @p header; reject when |@p now - t| > tolerance; compute
 * HMAC-SHA256(secret, t_text || "." || body); compare it with every well-formed
 * `v1` entry in constant time (no early exit on the first differing byte; hex
 * decoded without branching on the digits). A `v1` that is not exactly 64
 * lowercase hex digits never matches.
 *
 * @param[in] v          the verifier.
 * @param[in] header     the `X-Inbox-Signature` value; NULL/0 when the header was absent.
 * @param[in] header_len its length.
 * @param[in] body       the raw request body bytes; may be NULL when @p body_len is 0.
 * @param[in] body_len   its length.
 * @param[in] now        the current wall-clock time, unix seconds.
 * @return CAMP_OK when one `v1` matches;
 *         CAMP_ERR_SIG_MISSING, CAMP_ERR_SIG_TIMESTAMP, CAMP_ERR_SIG_FORMAT as
 *         camp_webhook_parse_signature(), and CAMP_ERR_SIG_FORMAT also when no `v1`
 *         entry is 64 lowercase hex digits;
 *         CAMP_ERR_SIG_STALE    |now - t| > tolerance (overflow-safe);
 *         CAMP_ERR_SIG_MISMATCH no `v1` equals the computed signature;
 *         CAMP_ERR_CRYPTO       the crypto port failed;
 *         CAMP_ERR_ARG          NULL verifier, port, function or secret, or an empty secret.
 */
CAMP_NODISCARD camp_status_t camp_webhook_verify(const camp_webhook_verifier_t *v,
                                                 const char *header, size_t header_len,
                                                 const void *body, size_t body_len, int64_t now);

/**
 * @brief Produce a signature header `t=<t>,v1=<hex>` for @p body (senders, mock
 *        servers, tests).
 * @param[in]  crypto     the crypto port.
 * @param[in]  secret     the signing secret.
 * @param[in]  secret_len its length, > 0.
 * @param[in]  t          the timestamp to sign, >= 0.
 * @param[in]  body       the raw body; may be NULL when @p body_len is 0.
 * @param[in]  body_len   its length.
 * @param[out] out        destination, NUL-terminated; CAMP_WEBHOOK_HEADER_MAX bytes always suffice.
 * @param[in]  cap        size of @p out.
 * @param[out] out_len    characters written without the NUL (may be NULL).
 * @return CAMP_OK, CAMP_ERR_BUFFER_TOO_SMALL (nothing written), CAMP_ERR_CRYPTO, CAMP_ERR_ARG.
 */
CAMP_NODISCARD camp_status_t camp_webhook_sign(const camp_crypto_t *crypto, const char *secret,
                                               size_t secret_len, int64_t t, const void *body,
                                               size_t body_len, char *out, size_t cap,
                                               size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_WEBHOOK_H */
