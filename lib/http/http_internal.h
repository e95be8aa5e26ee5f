/* Private helpers of the http module: character classes and a bounded byte
 * builder. */
#ifndef CAMP_HTTP_INTERNAL_H
#define CAMP_HTTP_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* RFC 9110 tchar: what a header name (and a method) may contain. */
bool camp_http_is_tchar(uint8_t c);

/* Control bytes: 0x00..0x1f and 0x7f (HTAB included: we never send one). */
static inline bool camp_http_is_ctl(uint8_t c)
{
    return c < 0x20u || c == 0x7fu;
}

/* ASCII case-insensitive compare of s[0..len) with the NUL-terminated lit. */
bool camp_http_ieq(const char *s, size_t len, const char *lit);

/* Parse 1..18 decimal digits (no sign, no spaces) into *out. */
bool camp_http_parse_u63(const char *s, size_t len, int64_t *out);

/* The diag paths of the response parser, then the names of the headers it
 * reads (in the order of its P_ and HDR_ numbers), back to back in one string
 * (no table of pointers): camp_http_paths, defined in http_response.c. The
 * names of the first three headers are the tails of their paths, so each is
 * stored once. The paths before them are a macro of their own so that
 * header_index() finds the first name at build time; the exchange reports
 * two of the paths as well (CAMP_HTTP_PATH_HEADER, CAMP_HTTP_PATH_BODY), and
 * the request writer sends one of the names (CAMP_HTTP_NAME_CONNECTION).
 * After the names: the Connection tokens the parser reads and the writer sends. */
#define CAMP_HTTP_TOKENS                                                                           \
    "keep-alive\0"                                                                                 \
    "close"
#define CAMP_HTTP_PATHS_TO_HEADER "http.status_line\0"
#define CAMP_HTTP_PATHS_TO_BODY                                                                    \
    CAMP_HTTP_PATHS_TO_HEADER "http.header\0"                                                      \
                              "http.chunk\0"                                                       \
                              "http.trailer\0"
#define CAMP_HTTP_PATHS_BEFORE_HEADERS CAMP_HTTP_PATHS_TO_BODY "http.body\0"
#define CAMP_HTTP_PATHS_TO_CONNECTION                                                              \
    CAMP_HTTP_PATHS_BEFORE_HEADERS                                                                 \
    "http.Content-Length\0"                                                                        \
    "http.Transfer-Encoding\0"                                                                     \
    "http.Content-Encoding\0"
#define CAMP_HTTP_PATHS                                                                            \
    CAMP_HTTP_PATHS_TO_CONNECTION                                                                  \
    "Connection\0"                                                                                 \
    "Retry-After\0"                                                                                \
    "X-RateLimit-Limit\0"                                                                          \
    "X-RateLimit-Remaining\0"                                                                      \
    "X-RateLimit-Reset\0"                                                                          \
    "Location\0"                                                                                   \
    "Content-Type\0"                                                                               \
    "X-Request-Id\0"                                                                               \
    "Date\0" CAMP_HTTP_TOKENS
extern const char camp_http_paths[sizeof(CAMP_HTTP_PATHS)];
#define CAMP_HTTP_PATH_HEADER (&camp_http_paths[sizeof(CAMP_HTTP_PATHS_TO_HEADER) - 1u])
#define CAMP_HTTP_PATH_BODY (&camp_http_paths[sizeof(CAMP_HTTP_PATHS_TO_BODY) - 1u])
#define CAMP_HTTP_NAME_CONNECTION (&camp_http_paths[sizeof(CAMP_HTTP_PATHS_TO_CONNECTION) - 1u])
#define CAMP_HTTP_TOKEN_CLOSE (&camp_http_paths[sizeof(CAMP_HTTP_PATHS) - sizeof("close")])
#define CAMP_HTTP_TOKEN_KEEP_ALIVE                                                                 \
    (&camp_http_paths[sizeof(CAMP_HTTP_PATHS) - sizeof(CAMP_HTTP_TOKENS)])

#endif
