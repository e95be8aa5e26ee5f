/* Private helpers shared by lib/ modules: a bounded text builder that never
 * overruns, counts what it would have needed, and cuts visibly with "...". */
#ifndef CAMP_STATUS_INTERNAL_H
#define CAMP_STATUS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

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
