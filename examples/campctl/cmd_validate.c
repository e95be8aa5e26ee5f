/* campctl validate --type TYPE [--print] FILE */
#include <stdlib.h>
#include <string.h>

#include "campctl.h"

const campctl_doc_type_t *campctl_find_type(const char *name)
{
    const campctl_doc_type_t *tables[2];
    size_t t;
    tables[0] = campctl_inbox_types;
    tables[1] = campctl_outbox_types;
    for (t = 0; t < 2; t++) {
        const campctl_doc_type_t *e;
        for (e = tables[t]; e->name != NULL; e++) {
            if (strcmp(e->name, name) == 0) {
                return e;
            }
        }
    }
    return NULL;
}

static void list_types(FILE *out)
{
    const campctl_doc_type_t *e;
    fputs("types:", out);
    for (e = campctl_inbox_types; e->name != NULL; e++) {
        fprintf(out, " %s", e->name);
    }
    for (e = campctl_outbox_types; e->name != NULL; e++) {
        fprintf(out, " %s", e->name);
    }
    fputc('\n', out);
}

/* --json --print: the `path = value` lines as {"path": value}; a value that is
 * not JSON by itself (e.g. `format = legacy`) is given as a string. */
static void fields_json(campctl_json_t *j, const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    cj_open(j, "fields", '{');
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl != NULL ? nl : end;
        const char *eq = NULL, *q;
        for (q = p; q + 3 <= line_end; q++) {
            if (memcmp(q, " = ", 3) == 0) {
                eq = q;
                break;
            }
        }
        if (eq != NULL && p[0] != '#') {
            char key[600];
            const char *v = eq + 3;
            size_t vlen = (size_t)(line_end - v);
            size_t klen = (size_t)(eq - p);
            camp_diag_t d;
            if (klen >= sizeof key) {
                klen = sizeof key - 1;
            }
            memcpy(key, p, klen);
            key[klen] = '\0';
            if (vlen > 0 && camp_json_check(v, vlen, CAMP_JSON_MAX_DEPTH, &d) == CAMP_OK) {
                cj_raw(j, key, v, vlen);
            } else {
                cj_str(j, key, v, vlen);
            }
        }
        p = line_end + 1;
    }
    cj_close(j, '}');
}

/* Runs the type's check; on success prints nothing, the fields, or the JSON result. */
int campctl_check_document(const campctl_doc_type_t *type, camp_json_doc_t *doc, bool print,
                           const char *file, const char *result_key)
{
    camp_diag_t diag;
    camp_status_t st;
    camp_diag_clear(&diag);
    if (!campctl_opt.json) {
        st = type->check(doc, &diag, print ? stdout : NULL);
        if (st != CAMP_OK) {
            return campctl_refused_doc(NULL, &diag, stdout);
        }
        return CAMPCTL_OK; /* quiet on success, like the other checkers */
    }
    {
        char *text = NULL;
        size_t text_len = 0;
        FILE *mem = print ? open_memstream(&text, &text_len) : NULL;
        campctl_json_t j;
        if (print && mem == NULL) {
            return campctl_io_error("out of memory");
        }
        st = type->check(doc, &diag, mem);
        if (mem != NULL) {
            fclose(mem);
        }
        if (st != CAMP_OK) {
            free(text);
            return campctl_refused_doc(file, &diag, stdout);
        }
        cj_begin(&j, stdout);
        cj_bool(&j, result_key, true);
        cj_cstr(&j, "type", type->name);
        if (print) {
            fields_json(&j, text, text_len);
        }
        cj_end(&j);
        free(text);
    }
    return CAMPCTL_OK;
}

int campctl_cmd_validate(int argc, char **argv)
{
    const char *type_name = NULL, *path = NULL;
    const campctl_doc_type_t *type;
    int print = 0, i, rc;
    char *data = NULL;
    size_t len = 0;
    camp_json_token_t *tokens = NULL;
    camp_json_doc_t doc;
    camp_diag_t diag;
    camp_status_t st;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--type") == 0 && i + 1 < argc) {
            type_name = argv[++i];
        } else if (strcmp(argv[i], "--print") == 0) {
            print = 1;
        } else if (path == NULL && (argv[i][0] != '-' || strcmp(argv[i], "-") == 0)) {
            path = argv[i];
        } else {
            campctl_command_usage("validate", stderr);
            return campctl_usage_error("validate: unexpected argument '%s'", argv[i]);
        }
    }
    if (type_name != NULL && strcmp(type_name, "list") == 0 && path == NULL) {
        list_types(stdout);
        return CAMPCTL_OK;
    }
    if (type_name == NULL || path == NULL) {
        campctl_command_usage("validate", stderr);
        list_types(stderr);
        return campctl_usage_error("validate needs --type TYPE and one FILE");
    }
    type = campctl_find_type(type_name);
    if (type == NULL) {
        list_types(stderr);
        return campctl_usage_error("unknown type '%s' (campctl validate --type list)", type_name);
    }
    rc = campctl_read_file(path, &data, &len);
    if (rc != CAMPCTL_OK) {
        return rc;
    }
    camp_diag_clear(&diag);
    st = campctl_parse(&doc, data, len, &tokens, &diag);
    if (st != CAMP_OK) {
        rc = campctl_refused_doc(campctl_opt.json ? path : NULL, &diag, stdout);
    } else {
        rc = campctl_check_document(type, &doc, print != 0, path, "valid");
    }
    free(tokens);
    free(data);
    return rc;
}
