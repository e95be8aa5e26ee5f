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
            path = NULL;
            type_name = NULL;
            break;
        }
    }
    if (type_name == NULL || path == NULL) {
        fputs("usage: campctl validate --type TYPE [--print] FILE\n", stderr);
        list_types(stderr);
        return CAMPCTL_USAGE;
    }
    type = campctl_find_type(type_name);
    if (type == NULL) {
        fprintf(stderr, "campctl: unknown type '%s'\n", type_name);
        list_types(stderr);
        return CAMPCTL_USAGE;
    }
    rc = campctl_read_file(path, &data, &len);
    if (rc != CAMPCTL_OK) {
        return rc;
    }
    camp_diag_clear(&diag);
    st = campctl_parse(&doc, data, len, &tokens, &diag);
    if (st == CAMP_OK) {
        st = type->check(&doc, &diag, print ? stdout : NULL);
    }
    if (st != CAMP_OK) {
        campctl_print_diag(&diag);
        rc = CAMPCTL_FAIL;
    } else {
        rc = CAMPCTL_OK;
    }
    free(tokens);
    free(data);
    return rc;
}
