/* UTF-8 well-formedness for the whole library (private to lib/): the JSON checker,
 * the writer and the validators (camp_utf8_chars()) share one decoder, so the
 * table of lead bytes and second-byte ranges is written once. It is inline: the
 * validators call it for every non-ASCII character, and a call would add its frame
 * to theirs (camp_utf8_chars() and camp_valid_length_chars() on the stack budget). */
#ifndef CAMP_JSON_UTF8_H
#define CAMP_JSON_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The length (2..4) lead byte @p b0 announces in bits 0-7, with the range allowed
 * for the byte after it: lowest in bits 8-15, highest in bits 16-23; 0 for a byte
 * that cannot lead a sequence (continuation, C0, C1, F5..FF). The second byte's
 * range is what excludes overlongs (E0, F0), surrogates (ED) and code points above
 * U+10FFFF (F4): Unicode 15, table 3-7. */
static inline uint32_t camp_utf8_lead(unsigned char b0)
{
    uint32_t lo = 0x80u;
    uint32_t hi = 0xBFu;
    uint32_t n = 4u;
    if (b0 < 0xC2u || b0 >= 0xF5u) {
        return 0;
    }
    if (b0 < 0xE0u) {
        n = 2u;
    } else if (b0 < 0xF0u) {
        n = 3u;
        lo = (b0 == 0xE0u) ? 0xA0u : lo;
        hi = (b0 == 0xEDu) ? 0x9Fu : hi;
    } else {
        lo = (b0 == 0xF0u) ? 0x90u : lo;
        hi = (b0 == 0xF4u) ? 0x8Fu : hi;
    }
    return n | (lo << 8) | (hi << 16);
}

/* Failures of camp_utf8_seq(), above any length; bits 0-7 hold the index of the
 * offending byte. */
#define CAMP_UTF8_BAD_LEAD 0x100u   /* s[0] cannot lead a sequence */
#define CAMP_UTF8_BAD_SECOND 0x200u /* s[1] outside the range s[0] allows */
#define CAMP_UTF8_CUT 0x300u        /* cut short: end of input or a non-continuation byte */
#define CAMP_UTF8_FAIL_MASK 0xF00u

/* Length (1..4) of the well-formed UTF-8 sequence at s[0..avail) (avail >= 1), or,
 * when it is not well-formed, one of the failures above with the offending byte's
 * index (so any result above 4 is a failure). */
static inline uint32_t camp_utf8_seq(const unsigned char *s, size_t avail)
{
    uint32_t lead;
    uint32_t n;
    uint32_t k;

    if (s[0] < 0x80u) {
        return 1u;
    }
    lead = camp_utf8_lead(s[0]);
    n = lead & 0xFFu;
    if (n == 0u) {
        return CAMP_UTF8_BAD_LEAD;
    }
    for (k = 1u; k < n; k++) {
        if (k >= avail || (s[k] & 0xC0u) != 0x80u) {
            return CAMP_UTF8_CUT | k;
        }
        if (k == 1u && (s[1] < ((lead >> 8) & 0xFFu) || s[1] > (lead >> 16))) {
            return CAMP_UTF8_BAD_SECOND | 1u;
        }
    }
    return n;
}

/* camp_utf8_seq() for the JSON checker and writer (json_text.c): the length, or 0
 * when the sequence is not well-formed. When @p why is not NULL (then @p bad_at is
 * not NULL either) it receives the reason on failure (below
 * CAMP_JSON_UTF8_REASONS; camp_json_utf8_rule() gives its rule) and *bad_at the index
 * of the offending byte. A number, not the rule's address: the checker keeps it in
 * the one field that holds any of its failures. */
#define CAMP_JSON_UTF8_REASONS 6u
size_t camp_json_utf8_seq(const unsigned char *s, size_t avail, unsigned *why, size_t *bad_at);

/* The rule (its text, or its id: see CAMP_RULE) of reason @p n of camp_json_utf8_seq(). */
const char *camp_json_utf8_rule(unsigned n);

#endif
