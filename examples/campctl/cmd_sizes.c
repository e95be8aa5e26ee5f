/* campctl sizes [--fixtures DIR]
 * Prints sizeof of every inbox model struct at the configured capacities and,
 * with --fixtures, the JSON tokens each fixture needs (camp_json_tokens_needed),
 * so a firmware engineer can size the struct and the token array. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "campctl.h"

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* One struct size: a table row, or a member of "structs" with --json. */
static void size_row(campctl_json_t *j, const char *name, size_t bytes)
{
    if (j != NULL) {
        const char *key = name;
        while (*key == ' ') {
            key++;
        }
        cj_int(j, key, (long long)bytes);
    } else {
        printf("%-34s %8zu\n", name, bytes);
    }
}

static void print_sizes(campctl_json_t *j)
{
    int t;
    if (j != NULL) {
        cj_open(j, "capacities", '{');
        cj_int(j, "steps", CAMP_MAX_STEPS);
        cj_int(j, "segments", CAMP_MAX_SEGMENTS);
        cj_int(j, "variation_options", CAMP_MAX_VARIATION_OPTIONS);
        cj_int(j, "accounts", CAMP_MAX_ACCOUNTS);
        cj_int(j, "lists", CAMP_MAX_LISTS);
        cj_int(j, "automations", CAMP_MAX_AUTOMATIONS);
        cj_int(j, "custom_variables", CAMP_MAX_CUSTOM_VARIABLES);
        cj_int(j, "column_mappings", CAMP_MAX_COLUMN_MAPPINGS);
        cj_int(j, "lead_ids", CAMP_MAX_LEAD_IDS);
        cj_int(j, "lead_objects", CAMP_MAX_LEAD_OBJECTS);
        cj_int(j, "page_items", CAMP_MAX_PAGE_ITEMS);
        cj_close(j, '}');
        cj_open(j, "structs", '{');
    } else {
        printf("capacities: steps %d, segments %d, variation options %d, accounts %d, lists %d,\n"
               "            automations %d, custom variables %d, column mappings %d,\n"
               "            lead ids %d, lead objects %d, page items %d\n",
               CAMP_MAX_STEPS, CAMP_MAX_SEGMENTS, CAMP_MAX_VARIATION_OPTIONS, CAMP_MAX_ACCOUNTS,
               CAMP_MAX_LISTS, CAMP_MAX_AUTOMATIONS, CAMP_MAX_CUSTOM_VARIABLES,
               CAMP_MAX_COLUMN_MAPPINGS, CAMP_MAX_LEAD_IDS, CAMP_MAX_LEAD_OBJECTS,
               CAMP_MAX_PAGE_ITEMS);
        printf("%-34s %8s\n", "struct (--type)", "bytes");
    }
    for (t = 0; t < CAMP_INBOX_TYPE_COUNT; t++) {
        char name[64];
        snprintf(name, sizeof name, "inbox-%s", camp_inbox_type_name((camp_inbox_type_t)t));
        size_row(j, name, camp_inbox_type_size((camp_inbox_type_t)t));
    }
    size_row(j, "  camp_inbox_campaign_summary_t", sizeof(camp_inbox_campaign_summary_t));
    size_row(j, "  camp_inbox_sequence_t", sizeof(camp_inbox_sequence_t));
    size_row(j, "  camp_inbox_rules_t", sizeof(camp_inbox_rules_t));
    size_row(j, "  camp_inbox_rules_update_t", sizeof(camp_inbox_rules_update_t));
    size_row(j, "  camp_inbox_step_t", sizeof(camp_inbox_step_t));
    size_row(j, "  camp_inbox_segment_t", sizeof(camp_inbox_segment_t));
    size_row(j, "  camp_inbox_time_t", sizeof(camp_inbox_time_t));
    size_row(j, j != NULL ? "camp_json_token_t" : "  camp_json_token_t (per token)",
             sizeof(camp_json_token_t));
    size_row(j, "  camp_diag_t", sizeof(camp_diag_t));
    if (j != NULL) {
        cj_close(j, '}');
    }
}

/* Token counts of every *.json file directly in @p dir, sorted by name. */
static int print_fixtures(const char *dir, campctl_json_t *j)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int rc = CAMPCTL_OK;
    if (d == NULL) {
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 6 || strcmp(e->d_name + l - 5, ".json") != 0) {
            continue;
        }
        if (n == cap) {
            char **bigger;
            cap = cap ? cap * 2 : 64;
            bigger = realloc(names, cap * sizeof *names);
            if (bigger == NULL) {
                break;
            }
            names = bigger;
        }
        names[n] = malloc(l + 1);
        if (names[n] != NULL) {
            memcpy(names[n++], e->d_name, l + 1);
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    if (j != NULL) {
        cj_open(j, "fixtures", '[');
    } else {
        printf("\n%-52s %8s %8s %10s\n", "fixture", "bytes", "tokens", "token-bytes");
    }
    for (i = 0; i < n; i++) {
        char path[1024], *data = NULL;
        size_t len = 0;
        int tokens;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (campctl_read_file(path, &data, &len) != CAMPCTL_OK) {
            rc = CAMPCTL_USAGE;
        } else {
            tokens = camp_json_tokens_needed(data, len);
            if (j != NULL) {
                cj_open(j, NULL, '{');
                cj_cstr(j, "name", names[i]);
                cj_int(j, "bytes", (long long)len);
                if (tokens < 0) {
                    cj_null(j, "tokens");
                } else {
                    cj_int(j, "tokens", tokens);
                    cj_int(j, "token_bytes",
                           (long long)((size_t)tokens * sizeof(camp_json_token_t)));
                }
                cj_close(j, '}');
            } else if (tokens < 0) {
                term_cstr(stdout, names[i]);
                printf("%*s %8zu %8s %10s\n",
                       52 - (int)(strlen(names[i]) < 52 ? strlen(names[i]) : 52), "", len, "-",
                       "(malformed)");
            } else {
                term_cstr(stdout, names[i]); /* a file name may hold any byte */
                printf("%*s %8zu %8d %10zu\n",
                       52 - (int)(strlen(names[i]) < 52 ? strlen(names[i]) : 52), "", len, tokens,
                       (size_t)tokens * sizeof(camp_json_token_t));
            }
        }
        free(data);
        free(names[i]);
    }
    free(names);
    if (j != NULL) {
        cj_close(j, ']');
    }
    return rc;
}

int campctl_cmd_sizes(int argc, char **argv)
{
    const char *dir = NULL;
    campctl_json_t j;
    int i, rc = CAMPCTL_OK;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--fixtures") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else {
            campctl_command_usage("sizes", stderr);
            return campctl_usage_error("sizes: unexpected argument '%s'", argv[i]);
        }
    }
    if (dir != NULL) {
        DIR *d = opendir(dir);
        if (d == NULL) {
            return campctl_io_error("cannot open directory %s", dir);
        }
        closedir(d);
    }
    if (campctl_opt.json) {
        cj_begin(&j, stdout);
    }
    print_sizes(campctl_opt.json ? &j : NULL);
    if (dir != NULL) {
        rc = print_fixtures(dir, campctl_opt.json ? &j : NULL);
        if (rc < 0) {
            rc = CAMPCTL_USAGE;
        }
    }
    if (campctl_opt.json) {
        cj_end(&j);
    }
    return rc;
}
