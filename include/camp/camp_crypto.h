/**
 * @file camp_crypto.h
 * @brief The crypto port: HMAC-SHA256 supplied by the caller.
 *
 * libcamp's core has no cryptography of its own. Webhook signature checks call
 * the HMAC through this port; port/mbedtls provides a reference implementation
 * (camp_mbedtls_crypto()) on mbedTLS's md API.
 */
#ifndef CAMP_CRYPTO_H
#define CAMP_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Bytes in an HMAC-SHA256 output. */
#define CAMP_SHA256_LEN 32u

/**
 * @brief Compute HMAC-SHA256(key, part1 || part2) into @p mac.
 * Two message parts let libcamp sign "{t}." and the raw body without copying.
 * @param[in]  ctx     camp_crypto_t::ctx, unchanged.
 * @param[in]  key     the secret key.
 * @param[in]  key_len its length in bytes.
 * @param[in]  part1   first part of the message (may be NULL when @p len1 is 0).
 * @param[in]  len1    its length.
 * @param[in]  part2   second part, hashed right after the first (may be NULL when @p len2 is 0).
 * @param[in]  len2    its length.
 * @param[out] mac     the CAMP_SHA256_LEN bytes of the MAC.
 * @return 0 on success, non-zero on failure (the caller then reports an error, never a match).
 */
typedef int (*camp_hmac_sha256_fn)(void *ctx, const uint8_t *key, size_t key_len,
                                   const uint8_t *part1, size_t len1, const uint8_t *part2,
                                   size_t len2, uint8_t mac[CAMP_SHA256_LEN]);

/** A crypto port. */
typedef struct camp_crypto {
    camp_hmac_sha256_fn hmac_sha256; /**< required */
    void *ctx;                       /**< handed to every call; may be NULL */
} camp_crypto_t;

#ifdef __cplusplus
}
#endif

#endif /* CAMP_CRYPTO_H */
