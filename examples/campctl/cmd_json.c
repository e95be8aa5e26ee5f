/* campctl json-check FILE: the strict RFC 8259 check of libcamp's JSON core.
 * Exit 0 and "ok" when well-formed; 1 and one line "byte N: REASON" when not;
 * 2 for usage or I/O errors. FILE "-" reads stdin. With --json: {"valid": true}
 * or the error object (status, rule, offset). */
#include <stdlib.h>
#include <string.h>

#include "campctl.h"

int campctl_cmd_json_check(int argc, char **argv)
{
    char *data = NULL;
    size_t len = 0;
    camp_diag_t diag;
    camp_status_t st;
    int rc;

    if (argc != 2 || (argv[1][0] == '-' && argv[1][1] != '\0')) {
        campctl_command_usage("json-check", stderr);
        return campctl_usage_error("json-check takes exactly one FILE (or - for stdin)");
    }
    rc = campctl_read_file(argv[1], &data, &len);
    if (rc != CAMPCTL_OK) {
        return rc;
    }
    camp_diag_clear(&diag);
    st = camp_json_check(data, len, CAMP_JSON_MAX_DEPTH, &diag);
    free(data);
    if (st == CAMP_OK) {
        if (campctl_opt.json) {
            campctl_json_t j;
            cj_begin(&j, stdout);
            cj_bool(&j, "valid", true);
            cj_end(&j);
        } else {
            puts("ok");
        }
        return CAMPCTL_OK;
    }
    if (st == CAMP_ERR_ARG) {
        return campctl_io_error("%s", diag.rule != NULL ? diag.rule : camp_status_str(st));
    }
    if (campctl_opt.json) {
        campctl_err_t e;
        memset(&e, 0, sizeof e);
        e.status = st;
        e.file = argv[1];
        e.diag = &diag;
        return campctl_error_json(&e, CAMPCTL_FAIL);
    }
    if (diag.offset == CAMP_DIAG_NO_OFFSET) {
        printf("%s\n", diag.rule); /* e.g. too large: no single offending byte */
    } else {
        printf("byte %lu: %s\n", (unsigned long)diag.offset, diag.rule);
    }
    return CAMPCTL_FAIL;
}
