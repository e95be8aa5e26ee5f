/* Safe output of untrusted text (server responses, documents, file names,
 * diagnostics) for campctl, the reporter and the webhook receiver.
 *
 * Every byte that could act on a terminal or forge an output line is shown as
 * an escape instead: C0 controls (\n, \t, \r, \xHH), DEL (\x7f), C1 controls
 * (\u0085), invalid UTF-8 (\xHH per byte), line/paragraph separators and the
 * bidirectional overrides (\u2028, \u202e, ...). A backslash is doubled so an
 * escape shown can always be told from text that merely looks like one.
 * Everything else (printable ASCII, valid UTF-8) is written as is.
 *
 * The reporter and the receiver compile this file through their own term.c, so all
 * three programs share one implementation without a library of their own. */
#ifndef CAMPCTL_TERM_H
#define CAMPCTL_TERM_H

#include <stddef.h>
#include <stdio.h>

/* Human text: @p n bytes of @p s (NULL writes nothing), escaped as above. */
void term_text(FILE *out, const char *s, size_t n);

/* As term_text() for a NUL-terminated string (NULL writes nothing). */
void term_cstr(FILE *out, const char *s);

/* A JSON path from libcamp's diagnostics: it already writes the backslash
 * escapes of JSON in keys (\u001b, \\), so a backslash is kept as is; DEL, C1
 * and the rest are escaped as above. */
void term_path(FILE *out, const char *path);

/* The same escaping into @p buf (always NUL-terminated when cap > 0). A text
 * that does not fit ends in "..." and is never cut inside an escape. Returns buf. */
const char *term_escape(char *buf, size_t cap, const char *s, size_t n);

/* A JSON string literal with quotes: valid UTF-8 out whatever comes in.
 * ", \ and every C0, DEL, C1, separator and bidi control are \-escaped
 * (\uXXXX); each byte of invalid UTF-8 becomes \ufffd. */
void term_json_string(FILE *out, const char *s, size_t n);

/* Raw JSON text (a span of a checked document) on one line: whitespace
 * between tokens becomes a space; DEL, C1 and the other hidden characters,
 * which strict JSON allows only inside strings, become \uXXXX; the result is
 * still the same JSON value. */
void term_json_raw(FILE *out, const char *s, size_t n);

#endif
