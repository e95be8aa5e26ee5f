/* Diagnostics with JSON paths (`$.sequence.steps[2].data.segments[0].name`).
 * The path is built by walking parent links up to the root (no recursion):
 * the components are collected innermost first into a bounded local array,
 * then printed outermost first through the bounded text builder, which cuts
 * a path too long for camp_diag_t::path visibly with "...". */
#include "camp/camp_json.h"

#include <limits.h>
#include <string.h>

#include "json_internal.h"
#include "status/status_internal.h"

/* One path component per container level, plus one for a key token itself. */
#define PATH_MAX_PARTS (CAMP_JSON_MAX_DEPTH + 1)

static bool ident_start(int b)
{
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == '$';
}

static bool ident_byte(int b)
{
    return ident_start(b) || (b >= '0' && b <= '9');
}

/* Append a key: `.key` when identifier-like ([A-Za-z_$][A-Za-z0-9_$]*), else
 * `["key"]` with `"`, `\\` and control bytes escaped. The key's bytes come from
 * @p src (a string token's decoded bytes, or a C string as already-decoded
 * bytes), read twice: once to choose the form, once to print. */
static void put_key(camp_text_t *t, const camp_json_striter_t *src)
{
    static const char hex[] = "0123456789abcdef";
    camp_json_striter_t it = *src;
    bool ident = true;
    size_t n = 0;
    int b;
    while ((b = camp_json_striter_next(&it)) >= 0) {
        if (!(n == 0 ? ident_start(b) : ident_byte(b))) {
            ident = false;
        }
        n++;
    }
    if (n == 0) {
        ident = false; /* the empty key prints as [""] */
    }
    camp_text_put(t, ident ? "." : "[\"", ident ? 1 : 2);
    it = *src;
    while ((b = camp_json_striter_next(&it)) >= 0) {
        char c = (char)b;
        if (b == '"' || b == '\\') {
            camp_text_put(t, "\\", 1);
            camp_text_put(t, &c, 1);
        } else if (b < 0x20) {
            char u[6] = {'\\', 'u', '0', '0', hex[(b >> 4) & 0xF], hex[b & 0xF]};
            camp_text_put(t, u, sizeof u);
        } else {
            camp_text_put(t, &c, 1);
        }
    }
    if (!ident) {
        camp_text_put(t, "\"]", 2);
    }
}

static void put_token_key(camp_text_t *t, const camp_json_doc_t *doc, int key)
{
    camp_json_striter_t it;
    if (camp_json_striter_init(&it, doc, key)) {
        put_key(t, &it);
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

/* Component @p k (0 = innermost) of the path of @p tok: *key = the key token
 * (for `.key`) or -1 with *index the item index (for `[i]`). Returns the number of
 * components when @p k is beyond the last one (so k = INT_MAX counts them).
 * Walking up again for each component costs O(depth^2) on the error path only, and
 * keeps the stack flat: no array of components (every public call has 512 B). */
static int path_part(const camp_json_doc_t *doc, int tok, int k, int *key, int *index)
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
            *key = ktok;
            *index = (ktok < 0) ? item_index(doc, p, x) : -1;
            return k;
        }
        n++;
        x = p;
    }
    return n;
}

/* `[i]`: 32-bit digits here rather than camp_text_put_int()'s 64-bit division,
 * which would be the deepest stack of every decode error. */
static void put_index(camp_text_t *t, unsigned i)
{
    char d[12];
    size_t n = sizeof d;
    d[--n] = ']';
    do {
        d[--n] = (char)('0' + i % 10u);
        i /= 10u;
    } while (i != 0u && n > 1);
    d[--n] = '[';
    camp_text_put(t, &d[n], sizeof d - n);
}

/* Path of token @p tok into @p t. */
static void put_path(camp_text_t *t, const camp_json_doc_t *doc, int tok)
{
    int key = -1, index = -1;
    int n;

    camp_text_put(t, "$", 1);
    if (camp_json_tok(doc, tok) == NULL) {
        return;
    }
    n = path_part(doc, tok, INT_MAX, &key, &index);
    if (n > PATH_MAX_PARTS) {
        camp_text_put(t, "...", 3); /* deeper than any checked document; outer parts dropped */
        n = PATH_MAX_PARTS;
    }
    while (n > 0) {
        n--;
        (void)path_part(doc, tok, n, &key, &index);
        if (key >= 0) {
            put_token_key(t, doc, key);
        } else {
            put_index(t, (unsigned)index);
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

camp_status_t camp_json_diag(camp_diag_t *diag, const camp_json_doc_t *doc, int tok,
                             camp_status_t status, const char *rule)
{
    camp_text_t t;
    if (diag == NULL) {
        return status;
    }
    camp_diag_set(diag, status, NULL, rule);
    camp_text_init(&t, diag->path, sizeof diag->path);
    put_path(&t, doc, tok);
    camp_text_finish(&t);
    diag->offset = token_offset(doc, tok);
    return status;
}

camp_status_t camp_json_diag_member(camp_diag_t *diag, const camp_json_doc_t *doc, int obj,
                                    const char *key, camp_status_t status, const char *rule)
{
    camp_text_t t;
    camp_json_striter_t it;
    if (diag == NULL) {
        return status;
    }
    camp_diag_set(diag, status, NULL, rule);
    camp_text_init(&t, diag->path, sizeof diag->path);
    put_path(&t, doc, obj);
    if (key != NULL) {
        /* a C string: its bytes as they are (decoded), no escapes to undo */
        it.p = key;
        it.end = key + strlen(key);
        it.decoded = true;
        it.npend = 0;
        it.ipend = 0;
        put_key(&t, &it);
    }
    camp_text_finish(&t);
    diag->offset = token_offset(doc, obj);
    return status;
}
