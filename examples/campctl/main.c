/* campctl — command-line front end of libcamp. See usage() for the commands. */
#include <stdio.h>
#include <string.h>

#include "campctl.h"

static void usage(FILE *out)
{
    fputs("usage: campctl COMMAND [ARGS]\n"
          "offline:\n"
          "  json-check FILE                      strict RFC 8259 check (FILE or -)\n"
          "  validate --type TYPE [--print] FILE  decode + validate a document\n"
          "  webhook-verify --secret S --header H [--now UNIX] [--print] FILE\n"
          "  tz ZONE INSTANT...                   UTC instants as local RFC 3339\n"
          "  schedule --tz ZONE --hours JSON --at INSTANT\n"
          "  sizes                                struct sizes and token counts\n"
          "online: campctl [--base-url URL] [--ca-file PEM] [--timeout-ms N] [--json]\n"
          "                [--token-file F] COMMAND ...   (token from CAMP_TOKEN)\n"
          "  get ID | enable ID | pause ID | create --name N --account ID [--timezone Z]\n"
          "  sequence-set ID FILE | rules-set ID FILE | leads-add ID FILE | outbox-create FILE\n",
          out);
}

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
} command_t;

static const command_t offline_commands[] = {
    {"json-check", campctl_cmd_json_check},
    {"validate", campctl_cmd_validate},
    {"webhook-verify", campctl_cmd_webhook_verify},
    {"tz", campctl_cmd_tz},
    {"schedule", campctl_cmd_schedule},
    {"sizes", campctl_cmd_sizes},
};

int main(int argc, char **argv)
{
    size_t i;
    if (argc < 2) {
        usage(stderr);
        return CAMPCTL_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return CAMPCTL_OK;
    }
    for (i = 0; i < sizeof offline_commands / sizeof offline_commands[0]; i++) {
        if (strcmp(argv[1], offline_commands[i].name) == 0) {
            return offline_commands[i].run(argc - 1, argv + 1);
        }
    }
    return campctl_cmd_online(argc, argv);
}
