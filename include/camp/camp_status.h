/**
 * @file camp_status.h
 * @brief Status codes and diagnostics shared by every libcamp module.
 *
 * Every fallible function returns a camp_status_t: 0 (CAMP_OK) on success, a
 * stable, explicit number otherwise. Numbers are grouped by module (hundreds)
 * and never reused, so they can be logged and compared across versions.
 *
 * Decode and validate calls also fill a camp_diag_t on failure: the JSON path
 * of the failing value (`$.sequence.steps[2].data.segments[0].name`), its byte
 * offset in the input, the rule that was broken and the limit where there is
 * one. camp_diag_t is fixed-size; nothing is allocated.
 */
#ifndef CAMP_STATUS_H
#define CAMP_STATUS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp_config.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Result of every fallible libcamp call. 0 is success. */
typedef enum camp_status {
    CAMP_OK = 0,

    /* --- general (1..99) --- */
    CAMP_ERR_ARG = 1,              /**< NULL pointer or out-of-range argument */
    CAMP_ERR_BUFFER_TOO_SMALL = 2, /**< output buffer too small; size needed reported */
    CAMP_ERR_CAPACITY = 3,         /**< more elements than a compile-time capacity */
    CAMP_ERR_INTERNAL = 4,         /**< broken invariant (a bug in libcamp) */
    CAMP_ERR_UNSUPPORTED = 5,      /**< feature not available in this build */
    CAMP_ERR_STATE = 6,            /**< call not valid in the object's current state */

    /* --- json (100..199) --- */
    CAMP_ERR_JSON_SYNTAX = 100,    /**< not well-formed RFC 8259 JSON */
    CAMP_ERR_JSON_DEPTH = 101,     /**< nesting deeper than CAMP_JSON_MAX_DEPTH */
    CAMP_ERR_JSON_UTF8 = 102,      /**< invalid UTF-8 in the document */
    CAMP_ERR_JSON_TOKENS = 103,    /**< token array too small; count needed reported */
    CAMP_ERR_JSON_TYPE = 104,      /**< value has another JSON type than asked for */
    CAMP_ERR_JSON_RANGE = 105,     /**< number out of the asked range, or not an integer */
    CAMP_ERR_JSON_NOT_FOUND = 106, /**< object member absent */
    CAMP_ERR_JSON_NUL = 107, /**< string contains the escape \\u0000 (cannot be NUL-terminated) */
    CAMP_ERR_JSON_TOO_LARGE = 108, /**< document longer than the token offsets can hold */

    /* --- validate: decoded values breaking a documented rule (200..299) --- */
    CAMP_ERR_REQUIRED = 200,  /**< required field missing */
    CAMP_ERR_TYPE = 201,      /**< field has the wrong JSON type */
    CAMP_ERR_RANGE = 202,     /**< number outside its documented range */
    CAMP_ERR_PATTERN = 203,   /**< string does not match its documented pattern */
    CAMP_ERR_LENGTH = 204,    /**< string or array length outside its limits */
    CAMP_ERR_ENUM = 205,      /**< value not one of the documented enum values */
    CAMP_ERR_DATE = 206,      /**< not an RFC 3339 date-time, or not a real date */
    CAMP_ERR_TIMEZONE = 207,  /**< not a known IANA time-zone name */
    CAMP_ERR_REFERENCE = 208, /**< refers to something the document does not define */
    CAMP_ERR_SCHEDULE = 209,  /**< sending window malformed (day key, start/end) */
    CAMP_ERR_INVALID = 210,   /**< any other documented rule */

    /* --- schedule (300..399) --- */
    CAMP_ERR_TZ_UNKNOWN = 300, /**< zone name not in the compiled table */
    CAMP_ERR_TZ_RULE = 301,    /**< malformed POSIX TZ rule string */
    CAMP_ERR_TIME_RANGE = 302, /**< instant outside the supported years */

    /* --- webhook (400..499) --- */
    CAMP_ERR_SIG_MISSING = 400,   /**< no signature header, or no v1 entry */
    CAMP_ERR_SIG_TIMESTAMP = 401, /**< `t=` missing or not all digits */
    CAMP_ERR_SIG_FORMAT = 402,    /**< signature not 64 hex digits, or header malformed */
    CAMP_ERR_SIG_STALE = 403,     /**< timestamp outside the tolerance */
    CAMP_ERR_SIG_MISMATCH = 404,  /**< no v1 entry matches the computed HMAC */
    CAMP_ERR_CRYPTO = 405,        /**< the crypto port failed */

    /* --- transport and HTTP (500..599) --- */
    CAMP_ERR_NET = 500,        /**< transport error (connect, send, recv) */
    CAMP_ERR_NET_CLOSED = 501, /**< peer closed the connection too early */
    CAMP_ERR_TIMEOUT = 502,    /**< deadline passed */
    CAMP_ERR_TLS = 503,        /**< TLS handshake or record failure */
    CAMP_ERR_TLS_VERIFY = 504, /**< peer certificate or host name not trusted */
    CAMP_ERR_DNS = 505,        /**< host name could not be resolved */
    CAMP_ERR_NET_TRUNCATED =
        506,              /**< TLS peer closed without close_notify where the close ends the body */
    CAMP_ERR_PROXY = 507, /**< HTTP proxy refused the CONNECT tunnel or broke the protocol */
    CAMP_ERR_HTTP_PROTOCOL = 510,  /**< malformed or unsupported HTTP response */
    CAMP_ERR_HTTP_TOO_LARGE = 511, /**< response larger than the buffer; size needed reported */
    CAMP_ERR_HTTP_HEADER = 512,    /**< header value or path with CR, LF or control bytes */
    CAMP_ERR_HTTP_ENCODING = 513,  /**< Content-Encoding other than identity */
    CAMP_ERR_HTTP_REDIRECT = 514,  /**< 3xx: reported, never followed */

    /* --- API results, mapped from HTTP status (600..699) --- */
    CAMP_ERR_API_BAD_REQUEST = 600,   /**< 400 */
    CAMP_ERR_API_UNAUTHORIZED = 601,  /**< 401 */
    CAMP_ERR_API_FORBIDDEN = 602,     /**< 403 */
    CAMP_ERR_API_NOT_FOUND = 603,     /**< 404 */
    CAMP_ERR_API_CONFLICT = 604,      /**< 409 */
    CAMP_ERR_API_UNPROCESSABLE = 605, /**< 422 */
    CAMP_ERR_API_RATE_LIMITED = 606,  /**< 429 */
    CAMP_ERR_API_SERVER = 607,        /**< 5xx */
    CAMP_ERR_API_OTHER = 608          /**< any other non-2xx status */
} camp_status_t;

/**
 * @def CAMP_NODISCARD
 * @brief Marks a function whose camp_status_t result must be looked at.
 *
 * A dropped status is a failure nobody handles, so every call that can fail
 * carries it: gcc and clang then warn (an error in the project's builds) when a
 * caller ignores the result. Define it empty before including libcamp headers
 * to silence it, or to something else for another compiler.
 * camp_diag_set() and camp_json_diag() do not carry it: they hand back the
 * status they were given, for `return camp_diag_set(...)`.
 */
#ifndef CAMP_NODISCARD
#if defined(__GNUC__) || defined(__clang__)
#define CAMP_NODISCARD __attribute__((warn_unused_result))
#else
#define CAMP_NODISCARD
#endif
#endif

/**
 * @brief Short, stable English text for a status ("json: syntax error", ...).
 * @param[in] status any value; unknown values give "unknown status".
 * @return a static NUL-terminated string, never NULL.
 */
const char *camp_status_str(camp_status_t status);

/** camp_diag_t::offset when the failure has no position in an input. */
#define CAMP_DIAG_NO_OFFSET ((size_t)-1)

/**
 * @brief Where and why a decode, validate or check call failed.
 *
 * All text fields are NUL-terminated. A path longer than its buffer ends in
 * "..." (cut visibly, never overrun).
 */
typedef struct camp_diag {
    camp_status_t status;          /**< the status the call returned */
    char path[CAMP_DIAG_PATH_MAX]; /**< JSON path of the failing value, `$` for the document */
    size_t offset;                 /**< byte offset in the input, or CAMP_DIAG_NO_OFFSET */
    const char *rule;  /**< static text of the rule broken, e.g. "must be an integer in 1..25" */
    bool has_limit;    /**< limit_min / limit_max are meaningful */
    int64_t limit_min; /**< lower limit of the broken rule */
    int64_t limit_max; /**< upper limit of the broken rule */
    int64_t needed;    /**< count or size needed (CAPACITY, TOKENS, BUFFER_TOO_SMALL), else 0 */
} camp_diag_t;

/**
 * @brief Reset a diagnostic to "no failure" (status CAMP_OK, path "$").
 * @param[out] diag may be NULL (then nothing happens).
 */
void camp_diag_clear(camp_diag_t *diag);

/**
 * @brief Record a failure with a literal path (used where there is no token).
 * @param[out] diag  may be NULL.
 * @param[in] status the failure.
 * @param[in] path   NUL-terminated path, e.g. "$.name"; cut if too long.
 * @param[in] rule   static rule text (kept by pointer, not copied).
 * @return status, so callers can `return camp_diag_set(...)`.
 */
camp_status_t camp_diag_set(camp_diag_t *diag, camp_status_t status, const char *path,
                            const char *rule);

/**
 * @brief Attach numeric limits to the last failure recorded in @p diag.
 * @param[in,out] diag may be NULL (nothing is written).
 * @param[in]     min  the smallest value the rule allows.
 * @param[in]     max  the largest value the rule allows.
 */
void camp_diag_set_limits(camp_diag_t *diag, int64_t min, int64_t max);

/**
 * @brief Format `PATH: RULE` (plus ` (needs N)` when a count is known) into @p out.
 *
 * With CAMP_DIAG_TEXT 0 (camp_config.h) RULE is an id and the line reads
 * `PATH: rule ID, status N, limits MIN..MAX, needs N` (parts present when known).
 *
 * @param[in]  diag the diagnostic to print.
 * @param[out] out  destination, always NUL-terminated when @p cap > 0.
 * @param[in]  cap  size of @p out.
 * @return the length the full line needs (excluding NUL); the line is cut,
 *         visibly with "...", when that is >= @p cap.
 */
size_t camp_diag_format(const camp_diag_t *diag, char *out, size_t cap);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_STATUS_H */
