/* Diagnostics with JSON paths (`$.sequence.steps[2].data.segments[0].name`).
 * The path is found by walking parent links up to the root (no recursion), then
 * written outermost first by the library's path writer (camp_path_*, the one the
 * struct walks use), which cuts a path too long for camp_diag_t::path visibly
 * with "...". */
#include "camp/camp_json.h"

#include <limits.h>

#include "json_internal.h"
#include "status/status_internal.h"

/* One path component per container level, plus one for a key token itself. */
#define PATH_MAX_PARTS (CAMP_JSON_MAX_DEPTH + 1)

/* Frames of the path printer stay side by side, not nested in one another
 * (CAMP_NOINLINE). */

/* ---- the iterator over a key's decoded bytes ---------------------------------- */

/* The escape decoder lives in another file: across its call only `it` stays live
 * (it->p is read again after it), so this frame holds one register. */
int camp_json_striter_next(camp_json_striter_t *it)
{
    unsigned char b;
    if (it->pend == 0u) {
        uint64_t r;
        if (it->p >= it->end) {
            return -1;
        }
        if (it->decoded || (*it->p != '\\')) {
            return (unsigned char)*it->p++;
        }
        r = camp_json_escape(it->p, it->end);
        it->p += CAMP_JSON_ESC_USED(r);
        it->pend = CAMP_JSON_ESC_UTF8(r);
        if (it->pend == 0u) {
            return 0; /* \u0000 */
        }
    }
    b = (unsigned char)(it->pend & 0xFFu);
    it->pend >>= 8;
    return (int)b;
}

/* The marks around a key: ".", "[\"" and "\"]" in one string (one address), at 0,
 * 1 and 2. */
static const char KEY_MARKS[] = ".[\"]";

/* Append key token @p ktok (or C string @p cstr when not NULL): `.key` when
 * identifier-like ([A-Za-z_$][A-Za-z0-9_$]*), else `["key"]`. The key's decoded
 * bytes are read twice: once to choose the form, once to print; the second pass
 * restarts the iterator where the first began, so that only the path writer, the
 * start, the form and the byte live across the calls. */
static CAMP_NOINLINE void put_key(camp_path_t *t, const camp_json_doc_t *doc, int ktok,
                                  const char *cstr)
{
    camp_json_striter_t it;
    const char *start;
    int form = 0; /* 0: no byte yet (the empty key prints as [""]), 1: identifier, 2: not */
    int b;
    if (!camp_json_striter_start(&it, doc, ktok, cstr)) {
        return;
    }
    start = it.p;
    while ((b = camp_json_striter_next(&it)) >= 0) {
        if (!camp_path_ident_byte((unsigned char)b, form == 0)) {
            form = 2;
            break;
        }
        form = 1;
    }
    camp_path_put(t, &KEY_MARKS[(form == 1) ? 0 : 1], (form == 1) ? 1u : 2u);
    it.p = start;
    it.pend = 0;
    while ((b = camp_json_striter_next(&it)) >= 0) {
        camp_path_key_byte(t, (unsigned char)b); /* identifier bytes need no escape */
    }
    if (form != 1) {
        camp_path_put(t, &KEY_MARKS[2], 2);
    }
}

static bool is_kind(const camp_json_doc_t *doc, int tok, int type)
{
    return (doc->tokens[tok].type_ & CAMP_JSON_T_MASK) == type;
}

/* Index of item @p item among the children of array @p arr. */
static int item_index(const camp_json_doc_t *doc, int arr, int item)
{
    int j, idx = 0;
    for (j = arr + 1; j < item; j++) {
        if (doc->tokens[j].parent == arr) {
            idx++;
        }
    }
    return idx;
}

/* Component @p k (0 = innermost) of the path of @p tok: its key token (for `.key`),
 * or -1 - i for item index i (for `[i]`). Returns the number of components when
 * @p k is beyond the last one (so k = INT_MAX counts them). Walking up again for
 * each component costs O(depth^2) on the error path only, and keeps the stack
 * flat: no array of components (every public call has 512 B). */
static int path_part(const camp_json_doc_t *doc, int tok, int k)
{
    int n = 0;
    int x = tok;
    /* Walk up. Parents always precede their children in token order; requiring
     * p < x makes the walk terminate even on a damaged token array. */
    while (x > 0) {
        int p = doc->tokens[x].parent;
        int ktok = -1;
        if (p < 0 || p >= x) {
            break;
        }
        if (is_kind(doc, x, CAMP_JSON_T_STRING) && is_kind(doc, p, CAMP_JSON_T_OBJECT)) {
            ktok = x; /* x is itself a key: its path is the member's */
        } else if (is_kind(doc, p, CAMP_JSON_T_STRING)) {
            ktok = p; /* value of key p */
            x = p;
            p = doc->tokens[p].parent;
            if (p < 0 || p >= x) {
                break;
            }
        } else if (!is_kind(doc, p, CAMP_JSON_T_ARRAY)) {
            break;
        }
        if (n == k) {
            return (ktok >= 0) ? ktok : -1 - item_index(doc, p, x);
        }
        n++;
        x = p;
    }
    return n;
}

/* Path of token @p tok into @p t. */
static void put_path(camp_path_t *t, const camp_json_doc_t *doc, int tok)
{
    int n = 0; /* no part for a token out of range */

    if (camp_json_tok(doc, tok) != NULL) {
        n = path_part(doc, tok, INT_MAX);
    }
    if (n > PATH_MAX_PARTS) {
        camp_path_put(t, "...", 3); /* deeper than any checked document; outer parts dropped */
        n = PATH_MAX_PARTS;
    }
    while (n > 0) {
        int c;
        n--;
        c = path_part(doc, tok, n);
        if (c >= 0) {
            put_key(t, doc, c, NULL);
        } else {
            camp_path_index(t, (size_t)(-1 - c));
        }
    }
}

static size_t token_offset(const camp_json_doc_t *doc, int tok)
{
    const camp_json_token_t *t = camp_json_tok(doc, tok);
    if (t == NULL || t->start < 0) {
        return CAMP_DIAG_NO_OFFSET;
    }
    if ((t->type_ & CAMP_JSON_T_MASK) == CAMP_JSON_T_STRING && t->start > 0) {
        return (size_t)t->start - 1; /* the opening quote */
    }
    return (size_t)t->start;
}

void camp_json_diag_where(camp_diag_t *diag, const camp_json_doc_t *doc, int tok, const char *key)
{
    camp_path_t t;
    camp_path_init(&t, diag->path, sizeof diag->path);
    put_path(&t, doc, tok);
    if (key != NULL) {
        put_key(&t, doc, -1, key);
    }
    camp_path_finish(&t);
    diag->offset = token_offset(doc, tok);
}

camp_status_t camp_json_diag_member(camp_diag_t *diag, const camp_json_doc_t *doc, int obj,
                                    const char *key, camp_status_t status, const char *rule)
{
    if (diag != NULL) {
        camp_diag_set(diag, status, NULL, rule);
        camp_json_diag_where(diag, doc, obj, key);
    }
    return status;
}

camp_status_t camp_json_diag(camp_diag_t *diag, const camp_json_doc_t *doc, int tok,
                             camp_status_t status, const char *rule)
{
    if (diag != NULL) {
        camp_diag_set(diag, status, NULL, rule);
        camp_json_diag_where(diag, doc, tok, NULL);
    }
    return status;
}
