/* Safe output of untrusted text: see term.h. */
#include <stdint.h>
#include <string.h>

#include "term.h"

/* Length of the valid UTF-8 sequence at s (1..4) and its code point, or 0 when
 * the bytes there are not valid UTF-8 (overlong, surrogate, > U+10FFFF, cut). */
static size_t utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t len, i;
    uint32_t v, min;
    if (c < 0x80u) {
        *cp = c;
        return 1;
    }
    if (c >= 0xc2u && c <= 0xdfu) {
        len = 2;
        v = c & 0x1fu;
        min = 0x80u;
    } else if (c >= 0xe0u && c <= 0xefu) {
        len = 3;
        v = c & 0x0fu;
        min = 0x800u;
    } else if (c >= 0xf0u && c <= 0xf4u) {
        len = 4;
        v = c & 0x07u;
        min = 0x10000u;
    } else {
        return 0;
    }
    if (len > n) {
        return 0;
    }
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xc0u) != 0x80u) {
            return 0;
        }
        v = (v << 6) | (s[i] & 0x3fu);
    }
    if (v < min || v > 0x10ffffu || (v >= 0xd800u && v <= 0xdfffu)) {
        return 0;
    }
    *cp = v;
    return len;
}

/* Code points shown escaped although valid: C1 controls, line and paragraph
 * separators, and the invisible direction controls ("Trojan Source"). */
static int is_hidden(uint32_t cp)
{
    return (cp >= 0x80u && cp <= 0x9fu) || cp == 0x2028u || cp == 0x2029u ||
           (cp >= 0x200eu && cp <= 0x200fu) || (cp >= 0x202au && cp <= 0x202eu) ||
           (cp >= 0x2066u && cp <= 0x2069u) || cp == 0x061cu || cp == 0xfeffu;
}

/* The escape for one unit at s (at most 12 bytes into esc), or "" when the
 * unit is written as is. *used is the number of input bytes the unit takes. */
static void escape_unit(const char *s, size_t n, char esc[16], size_t *used, int keep_bs)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t cp = 0;
    size_t len = utf8_seq(u, n, &cp);
    esc[0] = '\0';
    if (len == 0) {
        snprintf(esc, 16, "\\x%02x", (unsigned)u[0]);
        *used = 1;
        return;
    }
    *used = len;
    if (cp == '\\' && !keep_bs) {
        strcpy(esc, "\\\\");
    } else if (cp == '\n') {
        strcpy(esc, "\\n");
    } else if (cp == '\r') {
        strcpy(esc, "\\r");
    } else if (cp == '\t') {
        strcpy(esc, "\\t");
    } else if (cp < 0x20u || cp == 0x7fu) {
        snprintf(esc, 16, "\\x%02x", (unsigned)cp);
    } else if (is_hidden(cp)) {
        snprintf(esc, 16, "\\u%04x", (unsigned)cp);
    }
}

static void put_escaped(FILE *out, const char *s, size_t n, int keep_bs)
{
    size_t i = 0;
    if (s == NULL) {
        return;
    }
    while (i < n) {
        char esc[16];
        size_t used;
        escape_unit(s + i, n - i, esc, &used, keep_bs);
        if (esc[0] != '\0') {
            fputs(esc, out);
        } else {
            fwrite(s + i, 1, used, out);
        }
        i += used;
    }
}

void term_text(FILE *out, const char *s, size_t n)
{
    put_escaped(out, s, n, 0);
}

void term_path(FILE *out, const char *path)
{
    if (path != NULL) {
        put_escaped(out, path, strlen(path), 1);
    }
}

void term_cstr(FILE *out, const char *s)
{
    if (s != NULL) {
        term_text(out, s, strlen(s));
    }
}

const char *term_escape(char *buf, size_t cap, const char *s, size_t n)
{
    size_t i = 0, w = 0;
    if (cap == 0) {
        return buf;
    }
    buf[0] = '\0';
    if (s == NULL) {
        return buf;
    }
    while (i < n) {
        char esc[16];
        size_t used, add;
        const char *piece;
        escape_unit(s + i, n - i, esc, &used, 0);
        piece = esc[0] != '\0' ? esc : s + i;
        add = esc[0] != '\0' ? strlen(esc) : used;
        /* keep room for "..." unless this is the last unit and it fits */
        if (w + add + (i + used < n ? 3u : 0u) >= cap) {
            if (cap > 3u) {
                size_t at = w + 3u < cap ? w : cap - 4u;
                memcpy(buf + at, "...", 4);
            }
            return buf;
        }
        memcpy(buf + w, piece, add);
        w += add;
        buf[w] = '\0';
        i += used;
    }
    return buf;
}

void term_json_string(FILE *out, const char *s, size_t n)
{
    size_t i = 0;
    fputc('"', out);
    while (s != NULL && i < n) {
        const unsigned char *u = (const unsigned char *)s + i;
        uint32_t cp = 0;
        size_t len = utf8_seq(u, n - i, &cp);
        if (len == 0) {
            fputs("\\ufffd", out);
            i++;
            continue;
        }
        if (cp == '"' || cp == '\\') {
            fputc('\\', out);
            fputc((int)cp, out);
        } else if (cp == '\n') {
            fputs("\\n", out);
        } else if (cp == '\r') {
            fputs("\\r", out);
        } else if (cp == '\t') {
            fputs("\\t", out);
        } else if (cp < 0x20u || cp == 0x7fu || is_hidden(cp)) {
            fprintf(out, "\\u%04x", (unsigned)cp);
        } else {
            fwrite(u, 1, len, out);
        }
        i += len;
    }
    fputc('"', out);
}

void term_json_raw(FILE *out, const char *s, size_t n)
{
    size_t i = 0;
    while (s != NULL && i < n) {
        const unsigned char *u = (const unsigned char *)s + i;
        uint32_t cp = 0;
        size_t len = utf8_seq(u, n - i, &cp);
        if (len == 0) {
            fputs("\\ufffd", out);
            i++;
            continue;
        }
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            fputc(' ', out); /* whitespace between tokens: one line per value */
        } else if (cp < 0x20u || cp == 0x7fu || is_hidden(cp)) {
            fprintf(out, "\\u%04x", (unsigned)cp); /* only possible inside a string */
        } else {
            fwrite(u, 1, len, out);
        }
        i += len;
    }
}
