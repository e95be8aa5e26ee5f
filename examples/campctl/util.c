/* Shared helpers of campctl: file reading, tokenizing with a fitted token
 * array, printing diagnostics. A host tool, so the heap is fine here. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "campctl.h"

int campctl_read_file_max(const char *path, size_t max, const char *what, char **data, size_t *len)
{
    FILE *f = (strcmp(path, "-") == 0) ? stdin : fopen(path, "rb");
    size_t cap = 4096, n = 0;
    char *buf;
    bool too_long = false;
    if (f == NULL) {
        return campctl_io_error("cannot open %s%s%s: %s", what, what[0] != '\0' ? " " : "", path,
                                strerror(errno));
    }
    buf = malloc(cap);
    while (buf != NULL) {
        size_t got;
        if (n > max + 2u) {
            too_long = true; /* refused whole: never go on with a cut secret or document */
            break;
        }
        if (n + 1 >= cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                /* never go on with a partial document */
                memset(buf, 0, n); /* may hold a secret */
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    {
        int read_error = ferror(f);
        if (f != stdin) {
            fclose(f);
        }
        /* one trailing line end ("\n" or "\r\n") is not counted */
        if (buf != NULL && n > max && !(n == max + 1u && buf[max] == '\n') &&
            !(n == max + 2u && buf[max] == '\r' && buf[max + 1u] == '\n')) {
            too_long = true;
        }
        if (too_long) {
            memset(buf, 0, n); /* may hold a secret */
            free(buf);
            return campctl_io_error("%s%s%s is longer than %lu bytes (refused, not cut)", what,
                                    what[0] != '\0' ? " " : "", path, (unsigned long)max);
        }
        if (buf == NULL || read_error) {
            free(buf);
            return campctl_io_error("cannot read %s%s%s", what, what[0] != '\0' ? " " : "", path);
        }
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return CAMPCTL_OK;
}

int campctl_read_file(const char *path, char **data, size_t *len)
{
    return campctl_read_file_max(path, (size_t)-1 / 4u, "", data, len);
}

camp_status_t campctl_parse(camp_json_doc_t *doc, char *data, size_t len,
                            camp_json_token_t **tokens, camp_diag_t *diag)
{
    camp_status_t st = camp_json_check(data, len, CAMP_JSON_MAX_DEPTH, diag);
    int needed;
    *tokens = NULL;
    if (st != CAMP_OK) {
        return st;
    }
    needed = camp_json_tokens_needed(data, len);
    if (needed < 1) {
        needed = 1;
    }
    *tokens = calloc((size_t)needed, sizeof **tokens);
    if (*tokens == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", "out of memory for tokens");
    }
    return camp_json_parse(doc, data, len, *tokens, (size_t)needed, diag);
}

void campctl_print_diag_inline(FILE *out, const camp_diag_t *diag)
{
    /* The path holds document keys (any bytes once unescaped): escaped. The
     * rule is libcamp's own static text. */
    term_path(out, diag->path);
    fputs(": ", out);
    fputs(diag->rule != NULL && diag->rule[0] != '\0' ? diag->rule : camp_status_str(diag->status),
          out);
    if (diag->needed > 0) {
        fprintf(out, " (needs %lld)", (long long)diag->needed);
    }
}

void campctl_print_diag(FILE *out, const camp_diag_t *diag)
{
    term_path(out, diag->path);
    fputs(": ", out);
    fputs(diag->rule != NULL && diag->rule[0] != '\0' ? diag->rule : camp_status_str(diag->status),
          out);
    if (diag->needed > 0) {
        fprintf(out, " (needs %lld)", (long long)diag->needed);
    }
    if (diag->offset != CAMP_DIAG_NO_OFFSET && diag->status >= CAMP_ERR_JSON_SYNTAX &&
        diag->status <= CAMP_ERR_JSON_TOO_LARGE) {
        fprintf(out, " (byte %lu)", (unsigned long)diag->offset);
    }
    fputc('\n', out);
}
