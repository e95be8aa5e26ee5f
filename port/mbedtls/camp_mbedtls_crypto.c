/* HMAC-SHA256 crypto port on mbedTLS's generic message-digest (md) API. */
#include "camp_mbedtls_crypto.h"

#include <mbedtls/md.h>
#include <mbedtls/version.h>

/* The md HMAC calls (setup with hmac = 1, hmac_starts/update/finish, free) are
 * the same in 2.28 and 3.x; only the configuration header moved. */
#if !defined(MBEDTLS_VERSION_NUMBER) || MBEDTLS_VERSION_NUMBER < 0x02100000
#error "camp_mbedtls_crypto needs mbedTLS 2.16 or later"
#endif
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
#include <mbedtls/build_info.h>
#endif
#if !defined(MBEDTLS_MD_C) || !defined(MBEDTLS_SHA256_C)
#error "camp_mbedtls_crypto needs MBEDTLS_MD_C and MBEDTLS_SHA256_C"
#endif

int camp_mbedtls_hmac_sha256(void *ctx, const uint8_t *key, size_t key_len, const uint8_t *part1,
                             size_t len1, const uint8_t *part2, size_t len2,
                             uint8_t mac[CAMP_SHA256_LEN])
{
    static const unsigned char empty[1] = {0};
    const mbedtls_md_info_t *info = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
    mbedtls_md_context_t md;
    int rc;

    (void)ctx;
    if (info == NULL || mac == NULL || (key == NULL && key_len > 0u) ||
        (part1 == NULL && len1 > 0u) || (part2 == NULL && len2 > 0u)) {
        return -1;
    }
    mbedtls_md_init(&md);
    rc = mbedtls_md_setup(&md, info, 1);
    if (rc == 0) {
        rc = mbedtls_md_hmac_starts(&md, key != NULL ? key : empty, key_len);
    }
    if (rc == 0 && len1 > 0u) {
        rc = mbedtls_md_hmac_update(&md, part1, len1);
    }
    if (rc == 0 && len2 > 0u) {
        rc = mbedtls_md_hmac_update(&md, part2, len2);
    }
    if (rc == 0) {
        rc = mbedtls_md_hmac_finish(&md, mac);
    }
    mbedtls_md_free(&md); /* also zeroises the key-derived pads */
    return rc;
}

camp_crypto_t camp_mbedtls_crypto(void)
{
    camp_crypto_t c;
    c.hmac_sha256 = camp_mbedtls_hmac_sha256;
    c.ctx = NULL;
    return c;
}
