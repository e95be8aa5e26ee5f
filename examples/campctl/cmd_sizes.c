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

static void print_sizes(void)
{
    int t;
    printf("capacities: steps %d, segments %d, variation options %d, accounts %d, lists %d,\n"
           "            automations %d, custom variables %d, column mappings %d,\n"
           "            lead ids %d, lead objects %d, page items %d\n",
           CAMP_MAX_STEPS, CAMP_MAX_SEGMENTS, CAMP_MAX_VARIATION_OPTIONS, CAMP_MAX_ACCOUNTS,
           CAMP_MAX_LISTS, CAMP_MAX_AUTOMATIONS, CAMP_MAX_CUSTOM_VARIABLES,
           CAMP_MAX_COLUMN_MAPPINGS, CAMP_MAX_LEAD_IDS, CAMP_MAX_LEAD_OBJECTS,
           CAMP_MAX_PAGE_ITEMS);
    printf("%-34s %8s\n", "struct (--type)", "bytes");
    for (t = 0; t < CAMP_INBOX_TYPE_COUNT; t++) {
        char name[64];
        snprintf(name, sizeof name, "inbox-%s", camp_inbox_type_name((camp_inbox_type_t)t));
        printf("%-34s %8zu\n", name, camp_inbox_type_size((camp_inbox_type_t)t));
    }
    printf("%-34s %8zu\n", "  camp_inbox_campaign_summary_t", sizeof(camp_inbox_campaign_summary_t));
    printf("%-34s %8zu\n", "  camp_inbox_sequence_t", sizeof(camp_inbox_sequence_t));
    printf("%-34s %8zu\n", "  camp_inbox_rules_t", sizeof(camp_inbox_rules_t));
    printf("%-34s %8zu\n", "  camp_inbox_rules_update_t", sizeof(camp_inbox_rules_update_t));
    printf("%-34s %8zu\n", "  camp_inbox_step_t", sizeof(camp_inbox_step_t));
    printf("%-34s %8zu\n", "  camp_inbox_segment_t", sizeof(camp_inbox_segment_t));
    printf("%-34s %8zu\n", "  camp_inbox_time_t", sizeof(camp_inbox_time_t));
    printf("%-34s %8zu\n", "  camp_json_token_t (per token)", sizeof(camp_json_token_t));
    printf("%-34s %8zu\n", "  camp_diag_t", sizeof(camp_diag_t));
}

/* Token counts of every *.json file directly in @p dir, sorted by name. */
static int print_fixtures(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int rc = CAMPCTL_OK;
    if (d == NULL) {
        fprintf(stderr, "campctl: cannot open directory %s\n", dir);
        return CAMPCTL_USAGE;
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
    printf("\n%-52s %8s %8s %10s\n", "fixture", "bytes", "tokens", "token-bytes");
    for (i = 0; i < n; i++) {
        char path[1024], *data = NULL;
        size_t len = 0;
        int tokens;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (campctl_read_file(path, &data, &len) != CAMPCTL_OK) {
            rc = CAMPCTL_USAGE;
        } else {
            tokens = camp_json_tokens_needed(data, len);
            if (tokens < 0) {
                printf("%-52s %8zu %8s %10s\n", names[i], len, "-", "(malformed)");
            } else {
                printf("%-52s %8zu %8d %10zu\n", names[i], len, tokens,
                       (size_t)tokens * sizeof(camp_json_token_t));
            }
        }
        free(data);
        free(names[i]);
    }
    free(names);
    return rc;
}

int campctl_cmd_sizes(int argc, char **argv)
{
    const char *dir = NULL;
    int i;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--fixtures") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else {
            fputs("usage: campctl sizes [--fixtures DIR]\n", stderr);
            return CAMPCTL_USAGE;
        }
    }
    print_sizes();
    return dir != NULL ? print_fixtures(dir) : CAMPCTL_OK;
}
