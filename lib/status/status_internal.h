/* Private helpers shared by lib/ modules: a bounded text builder that never
 * overruns, counts what it would have needed, and cuts visibly with "...". */
#ifndef CAMP_STATUS_INTERNAL_H
#define CAMP_STATUS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "camp/camp_config.h"

/* A diagnostic rule: CAMP_RULE(J16, "invalid number") is the English text when
 * CAMP_DIAG_TEXT is 1 (the default) and the id "J16" when it is 0, so small
 * targets carry a few bytes per rule instead of the sentence. Use it for every
 * string stored in camp_diag_t::rule. Ids: a module letter and a number, unique
 * in the library (C client, H http, I inbox, J json, O outbox, S schedule,
 * T zone rules, V validate, W webhook); never reuse an id for another rule.
 * tools/rule_ids.py lists them in docs/rules.md and `make check` checks both. */
#if CAMP_DIAG_TEXT
#define CAMP_RULE(id, text) (text)
#else
#define CAMP_RULE(id, text) (#id)
#endif

typedef struct camp_text {
    char *buf;     /* destination, may be NULL to only count */
    size_t cap;    /* its size, including the NUL */
    size_t len;    /* bytes stored */
    size_t needed; /* bytes the full text needs, without NUL */
} camp_text_t;

void camp_text_init(camp_text_t *t, char *buf, size_t cap);
void camp_text_put(camp_text_t *t, const char *s, size_t n);
void camp_text_put_int(camp_text_t *t, int64_t v);
/* NUL-terminates (cutting with "..." when needed >= cap); returns needed. */
size_t camp_text_finish(camp_text_t *t);

#endif
