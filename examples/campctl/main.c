/* campctl — command-line front end of libcamp.
 *
 * main() takes the global options out of argv wherever they stand (before or
 * after the command word, never the value of a command's own option), answers
 * --help / -h / help CMD / --version, and runs the command with the rest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campctl.h"

campctl_global_t campctl_opt;

typedef struct command {
    const char *name;
    const char *args;    /* synopsis after the name */
    const char *summary; /* one line for the list */
    const char *help;    /* more lines for `campctl help CMD` (may be "") */
    int (*run)(int argc, char **argv);
} command_t;

#define ONLINE campctl_cmd_online
static const command_t commands[] = {
    {"json-check", "FILE", "strict RFC 8259 check (FILE may be - for stdin)",
     "Prints \"ok\", or \"byte N: REASON\" and exits 1.\n", campctl_cmd_json_check},
    {"validate", "--type TYPE [--print] FILE", "decode and validate a document",
     "Prints nothing (with --print, one `path = value` line per decoded field);\n"
     "a refused document prints \"PATH: RULE\" and exits 1.\n"
     "TYPE: see `campctl validate --type list`.\n",
     campctl_cmd_validate},
    {"webhook-verify", "--header H [--secret-file F] [--now UNIX] [--tolerance S] [--print] FILE",
     "check an X-Inbox-Signature header against the raw body",
     "The secret comes from --secret-file F or the environment variable\n"
     "CAMP_WEBHOOK_SECRET, never from the command line (--secret is refused).\n"
     "Prints \"valid\" (or the decoded event with --print), or \"invalid: WHY\" and exits 1.\n",
     campctl_cmd_webhook_verify},
    {"tz", "ZONE INSTANT... | --list", "UTC instants as local RFC 3339 times", "", campctl_cmd_tz},
    {"schedule", "--tz ZONE --hours JSON|@FILE --at INSTANT",
     "is a sending window open at INSTANT, and when does it next open", "", campctl_cmd_schedule},
    {"sizes", "[--fixtures DIR]", "struct sizes and the tokens each fixture needs", "",
     campctl_cmd_sizes},
    {"whoami", "", "the team the token belongs to (GET /team: checks the token)",
     "Also shows the server's clock and how far this device's clock is from it.\n", ONLINE},
    {"get", "ID", "fetch an InboxApp campaign", "", ONLINE},
    {"enable", "ID", "enable (start) a campaign", "", ONLINE},
    {"pause", "ID", "pause a campaign", "", ONLINE},
    {"create", "--name N --account ID [--account ID...] [--timezone Z]",
     "create a draft InboxApp campaign", "", ONLINE},
    {"sequence-set", "ID FILE", "replace a campaign's sequence (body from FILE)", "", ONLINE},
    {"rules-set", "ID FILE", "update a campaign's lead rules (body from FILE)", "", ONLINE},
    {"leads-add", "ID FILE", "add leads to a campaign (body from FILE)", "", ONLINE},
    {"lead-update", "ID IDENTIFIER FILE", "update a lead's column values (body from FILE)",
     "FILE is the request body, e.g. {\"by\": \"username\", \"data\": {\"custom_...\": \"x\"}}.\n",
     ONLINE},
    {"lead-cancel", "ID IDENTIFIER [--by platformId|username|externalId] [--platform twitter]",
     "stop messaging one lead of a campaign", "", ONLINE},
    {"column-update", "ID COLUMN_ID [--name N] [--description D | --no-description]",
     "rename a campaign column or change its description",
     "--no-description sends `\"description\": null`, which clears it. libcamp's request\n"
     "rules want --name too (the API reference does not mark it optional): without it the\n"
     "body is refused before sending, \"$.name: required field missing\", exit 1.\n",
     ONLINE},
    {"events",
     "[--after SEQ] [--limit N] [--follow [--interval S] [--max-polls N]] [--max-events N]",
     "the team's event feed (campaign.* and target.* events), read to its end",
     "One line per event: seq=N type=T campaign=ID ...; with --json one object per event\n"
     "per line (id, seq, type, version, timestamp, campaignId, ...). --after SEQ starts\n"
     "after a stored position (the last line on stderr gives the new one); --follow keeps\n"
     "polling every S seconds (default 5), --max-polls N stops after N reads of the feed,\n"
     "--max-events N after N events (the position on stderr is that of the last one).\n"
     "A jump in seq is reported on stderr. Exit 0 when the feed was read.\n",
     ONLINE},
    {"outbox-create", "FILE", "create an Outbox email campaign (body from FILE)",
     "The default base URL is https://" CAMP_OUTBOX_HOST ".\n", ONLINE},
    {"sender-create", "FILE", "create an Outbox sender identity (body from FILE)",
     "The default base URL is https://" CAMP_OUTBOX_HOST ".\n", ONLINE},
    {"contacts",
     "[--page N | --all] [--sort-by last_activity|created_at] "
     "[--sort-direction asc|desc] [--tag T]...",
     "list Outbox contacts, 20 a page",
     "One line per contact, then \"page N: K of TOTAL\" on stderr. --all reads every page.\n"
     "With --json one {\"results\", \"total\", \"page\"} object per page, one per line.\n"
     "The default base URL is https://" CAMP_OUTBOX_HOST ".\n",
     ONLINE},
    {"help", "[COMMAND]", "this text, or the usage of one command", "", NULL},
};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const char global_help[] =
    "global options (before or after the command):\n"
    "  --json             one JSON object per result on stdout, errors included\n"
    "  --base-url URL     http(s)://host[:port][/path] (default https://" CAMP_INBOX_HOST
        CAMP_INBOX_BASE_PATH ")\n"
    "  --ca-file PEM      CA bundle for https (default /etc/ssl/certs/ca-certificates.crt)\n"
    "  --timeout-ms N     one deadline for the whole request: connect, proxy tunnel,\n"
    "                     TLS handshake, sending and the response (each retry has its own)\n"
    "  --retries N        retry 429, 5xx and network failures up to N times (0..10)\n"
    "  --proxy URL        HTTP proxy http://[user:password@]host[:port] (CONNECT tunnel);\n"
    "                     without it https_proxy (http_proxy for http:// base URLs) and\n"
    "                     no_proxy decide; --proxy '' connects directly\n"
    "  --token-file F     API token file (else the environment variable CAMP_TOKEN);\n"
    "                     a token is never accepted on the command line\n"
    "  -h, --help         usage (of the command, when one is given); --version\n";

static const char exit_help[] =
    "exit status:\n"
    "  0 success\n"
    "  1 a document, signature or request refused (invalid input, other 4xx)\n"
    "  2 usage error or local I/O error\n"
    "  3 authentication or permission (401, 403)\n"
    "  4 not found (404)\n"
    "  5 rate limited (429) after the allowed retries\n"
    "  6 network: DNS, connection refused or reset, timeout\n"
    "  7 TLS: certificate verification or handshake\n"
    "  8 server error (5xx) or a malformed response\n";

static const command_t *find_command(const char *name)
{
    size_t i;
    for (i = 0; i < COMMAND_COUNT; i++) {
        if (strcmp(commands[i].name, name) == 0) {
            return &commands[i];
        }
    }
    return NULL;
}

static void usage(FILE *out)
{
    size_t i;
    fputs("usage: campctl [GLOBAL OPTIONS] COMMAND [ARGS]\n"
          "offline commands:\n",
          out);
    for (i = 0; i < COMMAND_COUNT; i++) {
        if (strcmp(commands[i].name, "whoami") == 0) {
            fputs("online commands (InboxApp and Outbox APIs; token from CAMP_TOKEN or "
                  "--token-file):\n",
                  out);
        }
        if (commands[i].run != NULL) {
            fprintf(out, "  %-14s %s\n", commands[i].name, commands[i].summary);
        }
    }
    fputs("  help COMMAND   usage of one command (also: campctl COMMAND --help)\n", out);
    fputs(global_help, out);
    fputs(exit_help, out);
}

int campctl_command_usage(const char *name, FILE *out)
{
    const command_t *c = find_command(name);
    if (c == NULL) {
        return -1;
    }
    fprintf(out, "usage: campctl [GLOBAL OPTIONS] %s %s\n  %s\n", c->name, c->args, c->summary);
    fputs(c->help, out);
    fputs(global_help, out);
    fputs(exit_help, out);
    return 0;
}

/* Levenshtein distance, for "did you mean" (short words, small table). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    size_t row[32];
    if (la > 30 || lb > 30) {
        return 99;
    }
    for (j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] == b[j - 1] ? 0u : 1u);
            if (up + 1 < best) {
                best = up + 1;
            }
            if (row[j - 1] + 1 < best) {
                best = row[j - 1] + 1;
            }
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static int unknown_command(const char *name)
{
    const command_t *best = NULL;
    size_t best_d = 99, i;
    for (i = 0; i < COMMAND_COUNT; i++) {
        size_t d = distance(name, commands[i].name);
        /* a prefix counts as close too: "valid" -> validate */
        if (strlen(name) >= 3 && strncmp(name, commands[i].name, strlen(name)) == 0) {
            d = 1;
        }
        if (d < best_d) {
            best_d = d;
            best = &commands[i];
        }
    }
    if (best != NULL && best_d <= 2 + strlen(name) / 4) {
        return campctl_usage_error("unknown command '%s'; did you mean '%s'? (campctl --help "
                                   "lists the commands)",
                                   name, best->name);
    }
    return campctl_usage_error("unknown command '%s' (campctl --help lists the commands)", name);
}

/* Options of the commands that take a value: their value is never a global option. */
static bool takes_value(const char *a)
{
    static const char *const opts[] = {"--type",      "--secret-file", "--header",
                                       "--now",       "--tolerance",   "--tz",
                                       "--hours",     "--at",          "--fixtures",
                                       "--name",      "--account",     "--timezone",
                                       "--by",        "--platform",    "--description",
                                       "--page",      "--sort-by",     "--sort-direction",
                                       "--tag",       "--after",       "--limit",
                                       "--max-polls", "--interval",    "--max-events"};
    size_t i;
    for (i = 0; i < sizeof opts / sizeof opts[0]; i++) {
        if (strcmp(a, opts[i]) == 0) {
            return true;
        }
    }
    return false;
}

static bool parse_u32(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    size_t i, n = strlen(s);
    if (n == 0 || n > 9) {
        return false;
    }
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10u + (uint32_t)(s[i] - '0');
    }
    *out = v;
    return true;
}

/* A global option with its value at argv[i] (value at argv[i + 1]): 1 when
 * taken (and checked), 0 when not a global option, -1 on a usage error (said). */
static int global_option(int argc, char **argv, int i)
{
    const char *o = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(o, "--token") == 0 || strcmp(o, "--secret") == 0 || strncmp(o, "--token=", 8) == 0 ||
        strncmp(o, "--secret=", 9) == 0) {
        /* Never echo the value: it is the secret. */
        campctl_usage_error("%s is refused: a secret on the command line is visible to other "
                            "users (ps, shell history); use %s",
                            strncmp(o, "--token", 7) == 0 ? "--token" : "--secret",
                            strncmp(o, "--token", 7) == 0
                                ? "--token-file F or the environment variable CAMP_TOKEN"
                                : "--secret-file F or the environment variable "
                                  "CAMP_WEBHOOK_SECRET");
        return -1;
    }
    if (strcmp(o, "--base-url") != 0 && strcmp(o, "--ca-file") != 0 &&
        strcmp(o, "--token-file") != 0 && strcmp(o, "--timeout-ms") != 0 &&
        strcmp(o, "--retries") != 0 && strcmp(o, "--proxy") != 0) {
        return 0;
    }
    if (v == NULL) {
        campctl_usage_error("%s needs a value", o);
        return -1;
    }
    if (strcmp(o, "--base-url") == 0) {
        campctl_opt.base_url = v;
    } else if (strcmp(o, "--ca-file") == 0) {
        campctl_opt.ca_file = v;
    } else if (strcmp(o, "--token-file") == 0) {
        campctl_opt.token_file = v;
    } else if (strcmp(o, "--proxy") == 0) {
        campctl_opt.proxy = v; /* checked by the online commands (camp_proxy_parse) */
    } else if (strcmp(o, "--timeout-ms") == 0) {
        if (!parse_u32(v, &campctl_opt.timeout_ms) || campctl_opt.timeout_ms == 0) {
            campctl_usage_error("--timeout-ms needs a positive integer (milliseconds)");
            return -1;
        }
    } else if (!parse_u32(v, &campctl_opt.retries) || campctl_opt.retries > 10) {
        campctl_usage_error("--retries needs an integer in 0..10");
        return -1;
    }
    return 1;
}

int main(int argc, char **argv)
{
    char **rest;
    int n = 0, i;
    bool help = false, version = false;
    const command_t *cmd = NULL;
    const char *help_topic = NULL;
    int rc;

    campctl_opt.timeout_ms = CAMP_HTTP_TIMEOUT_MS;
    rest = calloc((size_t)argc + 1u, sizeof *rest);
    if (rest == NULL) {
        return CAMPCTL_USAGE;
    }
    /* --json first, so that every error below already speaks JSON */
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            campctl_opt.json = true;
        } else if (takes_value(argv[i]) || strcmp(argv[i], "--base-url") == 0 ||
                   strcmp(argv[i], "--ca-file") == 0 || strcmp(argv[i], "--token-file") == 0 ||
                   strcmp(argv[i], "--timeout-ms") == 0 || strcmp(argv[i], "--retries") == 0 ||
                   strcmp(argv[i], "--proxy") == 0) {
            i++;
        }
    }
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int g;
        if (strcmp(a, "--json") == 0) {
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            help = true;
            continue;
        }
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            version = true;
            continue;
        }
        g = global_option(argc, argv, i);
        if (g < 0) {
            free(rest);
            return CAMPCTL_USAGE;
        }
        if (g > 0) {
            i++;
            continue;
        }
        rest[n++] = argv[i];
        if (takes_value(a) && i + 1 < argc) {
            rest[n++] = argv[++i];
        }
    }
    if (version) {
        if (campctl_opt.json) {
            campctl_json_t j;
            cj_begin(&j, stdout);
            cj_cstr(&j, "version", CAMP_VERSION_STRING);
            cj_end(&j);
        } else {
            printf("campctl (libcamp) %s\n", CAMP_VERSION_STRING);
        }
        free(rest);
        return CAMPCTL_OK;
    }
    if (n > 0 && strcmp(rest[0], "help") == 0) {
        help = true;
        help_topic = n > 1 ? rest[1] : NULL;
    } else if (n > 0) {
        help_topic = rest[0];
    }
    if (help) {
        rc = CAMPCTL_OK;
        if (help_topic == NULL) {
            usage(stdout);
        } else if (campctl_command_usage(help_topic, stdout) != 0) {
            rc = unknown_command(help_topic);
        }
        free(rest);
        return rc;
    }
    if (n == 0) {
        usage(stderr);
        free(rest);
        return campctl_usage_error("no command given");
    }
    cmd = find_command(rest[0]);
    if (cmd == NULL && rest[0][0] == '-' && rest[0][1] != '\0') {
        rc = campctl_usage_error("unknown option '%s' (campctl --help lists the options)", rest[0]);
    } else if (cmd == NULL || cmd->run == NULL) {
        rc = unknown_command(rest[0]);
    } else {
        rc = cmd->run(n, rest);
    }
    free(rest);
    return rc;
}
