/* HMAC-SHA256 crypto port: mbedTLS's message-digest (md) API on 2.28 and
 * 3.x; a PSA MAC on 4.x, where TF-PSA-Crypto made the md HMAC calls private. */
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
#if MBEDTLS_VERSION_NUMBER >= 0x04000000
#include <psa/crypto.h>
#elif !defined(MBEDTLS_MD_C) || !defined(MBEDTLS_SHA256_C)
#error "camp_mbedtls_crypto needs MBEDTLS_MD_C and MBEDTLS_SHA256_C"
#endif

#if MBEDTLS_VERSION_NUMBER >= 0x04000000
/* Import the HMAC key. HMAC pads a short key with zeros, so the empty key equals
 * one zero byte; PSA refuses to import a key of length 0. */
static psa_status_t import_hmac_key(const uint8_t *key, size_t key_len, mbedtls_svc_key_id_t *id)
{
    static const uint8_t zero_key[1] = {0};
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    psa_status_t st;

    psa_set_key_type(&attr, PSA_KEY_TYPE_HMAC);
    psa_set_key_usage_flags(&attr, PSA_KEY_USAGE_SIGN_MESSAGE);
    psa_set_key_algorithm(&attr, PSA_ALG_HMAC(PSA_ALG_SHA_256));
    st = psa_import_key(&attr, key_len > 0u ? key : zero_key, key_len > 0u ? key_len : 1u, id);
    psa_reset_key_attributes(&attr);
    return st;
}

/* MAC of the two parts (either may be empty) under the imported key. */
static psa_status_t mac_parts(psa_mac_operation_t *op, mbedtls_svc_key_id_t id,
                              const uint8_t *part1, size_t len1, const uint8_t *part2, size_t len2,
                              uint8_t mac[CAMP_SHA256_LEN])
{
    size_t out_len = 0;
    psa_status_t st = psa_mac_sign_setup(op, id, PSA_ALG_HMAC(PSA_ALG_SHA_256));

    if (st == PSA_SUCCESS && len1 > 0u) {
        st = psa_mac_update(op, part1, len1);
    }
    if (st == PSA_SUCCESS && len2 > 0u) {
        st = psa_mac_update(op, part2, len2);
    }
    if (st == PSA_SUCCESS) {
        st = psa_mac_sign_finish(op, mac, CAMP_SHA256_LEN, &out_len);
    }
    if (st == PSA_SUCCESS && out_len != CAMP_SHA256_LEN) {
        st = PSA_ERROR_GENERIC_ERROR;
    }
    return st;
}

int camp_mbedtls_hmac_sha256(void *ctx, const uint8_t *key, size_t key_len, const uint8_t *part1,
                             size_t len1, const uint8_t *part2, size_t len2,
                             uint8_t mac[CAMP_SHA256_LEN])
{
    psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
    mbedtls_svc_key_id_t id = MBEDTLS_SVC_KEY_ID_INIT;
    psa_status_t st;

    (void)ctx;
    if (mac == NULL || (key == NULL && key_len > 0u) || (part1 == NULL && len1 > 0u) ||
        (part2 == NULL && len2 > 0u)) {
        return -1;
    }
    if (psa_crypto_init() != PSA_SUCCESS) {
        return -1;
    }
    if (import_hmac_key(key, key_len, &id) != PSA_SUCCESS) {
        return -1;
    }
    st = mac_parts(&op, id, part1, len1, part2, len2, mac);
    (void)psa_mac_abort(&op);  /* no-op after finish; frees state after a failure */
    (void)psa_destroy_key(id); /* wipes the key copy */
    return st == PSA_SUCCESS ? 0 : -1;
}
#else
/* Set the context up for @p info, key it and run the two parts (either may be
 * empty) through it. */
static int md_hmac_parts(mbedtls_md_context_t *md, const mbedtls_md_info_t *info,
                         const uint8_t *key, size_t key_len, const uint8_t *part1, size_t len1,
                         const uint8_t *part2, size_t len2, uint8_t mac[CAMP_SHA256_LEN])
{
    static const unsigned char empty[1] = {0};
    int rc = mbedtls_md_setup(md, info, 1);

    if (rc == 0) {
        rc = mbedtls_md_hmac_starts(md, key != NULL ? key : empty, key_len);
    }
    if (rc == 0 && len1 > 0u) {
        rc = mbedtls_md_hmac_update(md, part1, len1);
    }
    if (rc == 0 && len2 > 0u) {
        rc = mbedtls_md_hmac_update(md, part2, len2);
    }
    if (rc == 0) {
        rc = mbedtls_md_hmac_finish(md, mac);
    }
    return rc;
}

int camp_mbedtls_hmac_sha256(void *ctx, const uint8_t *key, size_t key_len, const uint8_t *part1,
                             size_t len1, const uint8_t *part2, size_t len2,
                             uint8_t mac[CAMP_SHA256_LEN])
{
    const mbedtls_md_info_t *info = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
    mbedtls_md_context_t md;
    int rc;

    (void)ctx;
    if (info == NULL || mac == NULL || (key == NULL && key_len > 0u) ||
        (part1 == NULL && len1 > 0u) || (part2 == NULL && len2 > 0u)) {
        return -1;
    }
    mbedtls_md_init(&md);
    rc = md_hmac_parts(&md, info, key, key_len, part1, len1, part2, len2, mac);
    mbedtls_md_free(&md); /* also zeroises the key-derived pads */
    return rc;
}
#endif

camp_crypto_t camp_mbedtls_crypto(void)
{
    camp_crypto_t c;
    c.hmac_sha256 = camp_mbedtls_hmac_sha256;
    c.ctx = NULL;
    return c;
}
