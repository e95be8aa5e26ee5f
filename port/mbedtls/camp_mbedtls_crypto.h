/**
 * @file camp_mbedtls_crypto.h
 * @brief Reference crypto port (HMAC-SHA256) for libcamp on mbedTLS's md API.
 *
 * Builds against mbedTLS 2.28 (Debian), 3.6 LTS and 4.x (a PSA MAC there). Plug it wherever libcamp asks
 * for a camp_crypto_t, e.g. webhook signature checks:
 * @code
 *   camp_crypto_t crypto = camp_mbedtls_crypto();
 *   camp_webhook_verifier_init(&v, &crypto, secret, secret_len);
 * @endcode
 * The port keeps no state (ctx is NULL) and is safe to call from several threads.
 * mbedTLS allocates the HMAC context inside mbedtls_md_setup() (freed before
 * return): size MBEDTLS_MEMORY_BUFFER_ALLOC_C arenas accordingly.
 */
#ifndef CAMP_MBEDTLS_CRYPTO_H
#define CAMP_MBEDTLS_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include "camp/camp_crypto.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief HMAC-SHA256(key, part1 || part2): mbedtls_md_hmac_starts/update/finish (4.x: a PSA MAC).
 * Matches camp_hmac_sha256_fn.
 * @param[in]  ctx    unused (may be NULL).
 * @param[in]  key    the key bytes; may be NULL only when @p key_len is 0.
 * @param[in]  key_len its length.
 * @param[in]  part1  first message part; may be NULL when @p len1 is 0.
 * @param[in]  len1   its length.
 * @param[in]  part2  second message part; may be NULL when @p len2 is 0.
 * @param[in]  len2   its length.
 * @param[out] mac    32 bytes of output.
 * @return 0 on success; -1 on a bad argument; an mbedTLS error code (< 0) otherwise.
 */
int camp_mbedtls_hmac_sha256(void *ctx, const uint8_t *key, size_t key_len, const uint8_t *part1,
                             size_t len1, const uint8_t *part2, size_t len2,
                             uint8_t mac[CAMP_SHA256_LEN]);

/** @brief The crypto port.
 *  @return { camp_mbedtls_hmac_sha256, NULL }. */
camp_crypto_t camp_mbedtls_crypto(void);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_MBEDTLS_CRYPTO_H */
