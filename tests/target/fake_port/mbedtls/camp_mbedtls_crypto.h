/*
 * Target stand-in for port/mbedtls/camp_mbedtls_crypto.h: same declarations, implemented
 * by tests/target/hmac_sha256.c (a small portable HMAC-SHA256), so that the unchanged
 * tests/unit/test_webhook.c runs on the Cortex-M under qemu without mbedTLS.
 * mk/target.mk puts tests/target/fake_port before port/ on the include path.
 */
#ifndef CAMP_MBEDTLS_CRYPTO_H
#define CAMP_MBEDTLS_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include "camp/camp_crypto.h"

int camp_mbedtls_hmac_sha256(void *ctx, const uint8_t *key, size_t key_len, const uint8_t *part1,
                             size_t len1, const uint8_t *part2, size_t len2,
                             uint8_t mac[CAMP_SHA256_LEN]);
camp_crypto_t camp_mbedtls_crypto(void);

#endif
