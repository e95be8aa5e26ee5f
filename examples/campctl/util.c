/* Shared helpers of campctl: file reading, tokenizing with a fitted token
 * array, printing diagnostics. A host tool, so the heap is fine here. */
#include <stdlib.h>
#include <string.h>

#include "campctl.h"

int campctl_read_file(const char *path, char **data, size_t *len)
{
    FILE *f = (strcmp(path, "-") == 0) ? stdin : fopen(path, "rb");
    size_t cap = 4096, n = 0;
    char *buf;
    if (f == NULL) {
        fprintf(stderr, "campctl: cannot open %s\n", path);
        return CAMPCTL_USAGE;
    }
    buf = malloc(cap);
    while (buf != NULL) {
        size_t got;
        if (n + 1 >= cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                /* never go on with a partial document */
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
        if (buf == NULL || read_error) {
            free(buf);
            fprintf(stderr, "campctl: cannot read %s\n", path);
            return CAMPCTL_USAGE;
        }
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return CAMPCTL_OK;
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

void campctl_print_diag(const camp_diag_t *diag)
{
    char line[512];
    camp_diag_format(diag, line, sizeof line);
    if (diag->offset != CAMP_DIAG_NO_OFFSET &&
        diag->status >= CAMP_ERR_JSON_SYNTAX && diag->status <= CAMP_ERR_JSON_TOO_LARGE) {
        printf("%s (byte %lu)\n", line, (unsigned long)diag->offset);
    } else {
        printf("%s\n", line);
    }
}
