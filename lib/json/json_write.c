/* JSON writer into a caller buffer.
 *
 * Every call measures its whole output (separator included) first and writes
 * it only when it fits, so the buffer always holds a prefix of complete calls.
 * After the first call that does not fit nothing more is written, but sizes
 * are still counted and the nesting state still followed, so `needed` is the
 * exact size of the whole document and misuse is still detected.
 *
 * Levels: depth 0 is the top level; a container opened at depth d-1 is level
 * d and uses bit d-1 of has_items / is_object. Whether the single top-level
 * value was started is `needed > 0` at depth 0 (every value has >= 1 byte). */
#include "camp/camp_json.h"

#include <string.h>

#include "json_internal.h"

/* Misuse (ARG, STATE) is sticky and wins over BUFFER_TOO_SMALL: a bigger
 * buffer would not fix it, so that is what finish() must report. */
static void set_error(camp_json_writer_t *w, camp_status_t st)
{
    if (w->status == CAMP_OK || w->status == CAMP_ERR_BUFFER_TOO_SMALL) {
        w->status = st;
    }
}

static bool misused(const camp_json_writer_t *w)
{
    return w->status != CAMP_OK && w->status != CAMP_ERR_BUFFER_TOO_SMALL;
}

static uint32_t level_bit(const camp_json_writer_t *w)
{
    return (uint32_t)1u << (w->depth - 1u);
}

static bool in_object(const camp_json_writer_t *w)
{
    return w->depth > 0 && (w->is_object & level_bit(w)) != 0;
}

/* May a value start here? Returns the separator length (0 or 1 for ','). */
static bool value_allowed(camp_json_writer_t *w, size_t *sep)
{
    *sep = 0;
    if (misused(w)) {
        return false;
    }
    if (w->depth == 0) {
        if (w->needed > 0) {
            set_error(w, CAMP_ERR_STATE); /* one top-level value only */
            return false;
        }
        return true;
    }
    if (in_object(w)) {
        if (!w->after_key) {
            set_error(w, CAMP_ERR_STATE); /* a member value needs its key first */
            return false;
        }
        return true;
    }
    *sep = (w->has_items & level_bit(w)) ? 1u : 0u;
    return true;
}

/* Book-keeping after a value: the level now has an item, a key is consumed. */
static void value_done(camp_json_writer_t *w)
{
    if (w->depth > 0) {
        w->has_items |= level_bit(w);
    }
    w->after_key = false;
}

/* Reserve @p n bytes: returns where to write them, or NULL when they do not
 * fit (or an earlier call did not fit); counts them either way. */
static char *reserve(camp_json_writer_t *w, size_t n)
{
    char *at = NULL;
    if (w->status == CAMP_OK && w->buf != NULL && n <= w->cap - w->len) {
        at = w->buf + w->len;
        w->len += n;
    } else if (w->status == CAMP_OK) {
        w->status = CAMP_ERR_BUFFER_TOO_SMALL;
    }
    w->needed += n;
    return at;
}

void camp_json_writer_init(camp_json_writer_t *w, char *buf, size_t cap)
{
    if (w == NULL) {
        return;
    }
    memset(w, 0, sizeof *w);
    w->buf = buf;
    w->cap = (buf != NULL) ? cap : 0;
    w->status = (buf == NULL && cap > 0) ? CAMP_ERR_ARG : CAMP_OK;
    if (buf != NULL && cap > 0) {
        buf[0] = '\0';
    }
}

/* ---- escaping ------------------------------------------------------------ */

static const char hexdig[] = "0123456789abcdef";

/* Escaped form of byte @p b into @p out (room for 6); returns its length. */
static size_t escape_byte(unsigned char b, char *out)
{
    char e = 0;
    switch (b) {
    case '"': e = '"'; break;
    case '\\': e = '\\'; break;
    case '\b': e = 'b'; break;
    case '\f': e = 'f'; break;
    case '\n': e = 'n'; break;
    case '\r': e = 'r'; break;
    case '\t': e = 't'; break;
    default: break;
    }
    if (e != 0) {
        out[0] = '\\';
        out[1] = e;
        return 2;
    }
    if (b < 0x20u) {
        out[0] = '\\';
        out[1] = 'u';
        out[2] = '0';
        out[3] = '0';
        out[4] = hexdig[b >> 4];
        out[5] = hexdig[b & 0xFu];
        return 6;
    }
    out[0] = (char)b; /* ASCII and UTF-8 bytes pass through */
    return 1;
}

/* Size of s[0..n) quoted and escaped, or 0 when s is not valid UTF-8 (we never
 * send text the receiver could not decode: be exact on what we send). */
static size_t quoted_size(const char *s, size_t n)
{
    size_t i = 0, total = 2;
    char tmp[6];
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x80u) {
            size_t k = camp_json_utf8_seq((const unsigned char *)s + i, n - i, NULL, NULL);
            if (k == 0) {
                return 0;
            }
            total += k;
            i += k;
        } else {
            total += escape_byte(b, tmp);
            i++;
        }
    }
    return total;
}

static void put_quoted(char *at, const char *s, size_t n)
{
    size_t i;
    *at++ = '"';
    for (i = 0; i < n; i++) {
        at += escape_byte((unsigned char)s[i], at);
    }
    *at = '"';
}

/* sep (0/1 ','), then the quoted string, then an optional ':'. */
static void write_quoted(camp_json_writer_t *w, size_t sep, const char *s, size_t n, bool colon)
{
    size_t q = quoted_size(s, n);
    char *at;
    if (q == 0) {
        set_error(w, CAMP_ERR_ARG);
        return;
    }
    at = reserve(w, sep + q + (colon ? 1u : 0u));
    if (at != NULL) {
        if (sep) {
            *at++ = ',';
        }
        put_quoted(at, s, n);
        if (colon) {
            at[q] = ':';
        }
    }
}

/* sep, then @p n literal bytes. */
static void write_bytes(camp_json_writer_t *w, size_t sep, const char *s, size_t n)
{
    char *at = reserve(w, sep + n);
    if (at != NULL) {
        if (sep) {
            *at++ = ',';
        }
        memcpy(at, s, n);
    }
}

/* ---- containers -------------------------------------------------------- */

static void begin(camp_json_writer_t *w, bool object)
{
    size_t sep;
    if (w == NULL || !value_allowed(w, &sep)) {
        return;
    }
    if (w->depth >= CAMP_JSON_WRITER_MAX_DEPTH) {
        set_error(w, CAMP_ERR_STATE); /* deeper than CAMP_JSON_WRITER_MAX_DEPTH */
        return;
    }
    write_bytes(w, sep, object ? "{" : "[", 1);
    value_done(w);
    w->depth++;
    w->has_items &= ~level_bit(w);
    if (object) {
        w->is_object |= level_bit(w);
    } else {
        w->is_object &= ~level_bit(w);
    }
}

static void end(camp_json_writer_t *w, bool object)
{
    if (w == NULL || misused(w)) {
        return;
    }
    if (w->depth == 0 || in_object(w) != object || w->after_key) {
        set_error(w, CAMP_ERR_STATE); /* nothing open, wrong bracket, or key without value */
        return;
    }
    write_bytes(w, 0, object ? "}" : "]", 1);
    w->depth--;
}

void camp_json_write_object_begin(camp_json_writer_t *w)
{
    begin(w, true);
}

void camp_json_write_object_end(camp_json_writer_t *w)
{
    end(w, true);
}

void camp_json_write_array_begin(camp_json_writer_t *w)
{
    begin(w, false);
}

void camp_json_write_array_end(camp_json_writer_t *w)
{
    end(w, false);
}

void camp_json_write_key_n(camp_json_writer_t *w, const char *key, size_t len)
{
    size_t sep;
    if (w == NULL || misused(w)) {
        return;
    }
    if (key == NULL && len > 0) {
        set_error(w, CAMP_ERR_ARG);
        return;
    }
    if (!in_object(w) || w->after_key) {
        set_error(w, CAMP_ERR_STATE);
        return;
    }
    sep = (w->has_items & level_bit(w)) ? 1u : 0u;
    write_quoted(w, sep, (key != NULL) ? key : "", len, true);
    if (!misused(w)) {
        w->after_key = true;
    }
}

void camp_json_write_key(camp_json_writer_t *w, const char *key)
{
    if (w != NULL && key == NULL) {
        set_error(w, CAMP_ERR_ARG);
        return;
    }
    camp_json_write_key_n(w, key, (key != NULL) ? strlen(key) : 0);
}

/* ---- scalars ------------------------------------------------------------- */

void camp_json_write_string(camp_json_writer_t *w, const char *s, size_t len)
{
    size_t sep;
    if (w == NULL || misused(w)) {
        return;
    }
    if (s == NULL && len > 0) {
        set_error(w, CAMP_ERR_ARG);
        return;
    }
    if (!value_allowed(w, &sep)) {
        return;
    }
    write_quoted(w, sep, (s != NULL) ? s : "", len, false);
    if (!misused(w)) {
        value_done(w);
    }
}

void camp_json_write_cstring(camp_json_writer_t *w, const char *s)
{
    if (w != NULL && s == NULL) {
        set_error(w, CAMP_ERR_ARG);
        return;
    }
    camp_json_write_string(w, s, (s != NULL) ? strlen(s) : 0);
}

static void write_scalar(camp_json_writer_t *w, const char *s, size_t n)
{
    size_t sep;
    if (w == NULL || !value_allowed(w, &sep)) {
        return;
    }
    write_bytes(w, sep, s, n);
    value_done(w);
}

void camp_json_write_int(camp_json_writer_t *w, int64_t v)
{
    char digits[20];
    char text[21];
    size_t n = 0, k = 0;
    /* work on the negative side so INT64_MIN needs no special case */
    int64_t x = (v < 0) ? v : -v;
    do {
        digits[n++] = (char)('0' - (x % 10));
        x /= 10;
    } while (x != 0);
    if (v < 0) {
        text[k++] = '-';
    }
    while (n > 0) {
        text[k++] = digits[--n];
    }
    write_scalar(w, text, k);
}

void camp_json_write_fraction(camp_json_writer_t *w, uint32_t millionths)
{
    char text[8] = {'0', '.', 0, 0, 0, 0, 0, 0};
    size_t k;
    uint32_t v = millionths;
    if (w == NULL || misused(w)) {
        return;
    }
    if (millionths > CAMP_FRACTION_ONE) {
        set_error(w, CAMP_ERR_ARG);
        return;
    }
    if (millionths == 0 || millionths == CAMP_FRACTION_ONE) {
        write_scalar(w, millionths == 0 ? "0" : "1", 1);
        return;
    }
    /* 0.dddddd, then drop trailing zeros: the shortest exact decimal */
    for (k = 7; k >= 2; k--) {
        text[k] = (char)('0' + v % 10u);
        v /= 10u;
    }
    k = 8;
    while (text[k - 1] == '0') {
        k--;
    }
    write_scalar(w, text, k);
}

void camp_json_write_bool(camp_json_writer_t *w, bool v)
{
    write_scalar(w, v ? "true" : "false", v ? 4u : 5u);
}

void camp_json_write_null(camp_json_writer_t *w)
{
    write_scalar(w, "null", 4);
}

void camp_json_write_raw(camp_json_writer_t *w, const char *json, size_t len)
{
    if (w == NULL || misused(w)) {
        return;
    }
    if (json == NULL || len == 0) {
        set_error(w, CAMP_ERR_ARG); /* an empty text is not a value */
        return;
    }
    write_scalar(w, json, len);
}

camp_status_t camp_json_writer_finish(camp_json_writer_t *w, size_t *out_len)
{
    if (w == NULL) {
        return CAMP_ERR_ARG;
    }
    if (!misused(w) && (w->depth != 0 || w->after_key || w->needed == 0)) {
        set_error(w, CAMP_ERR_STATE); /* unclosed container, or no value at all */
    }
    if (w->buf != NULL && w->len < w->cap) {
        w->buf[w->len] = '\0';
    }
    if (out_len != NULL) {
        *out_len = w->len;
    }
    return w->status;
}
