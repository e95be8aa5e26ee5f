/* placeholder until this command lands; replaced by its module owner */
#include "campctl.h"
int campctl_cmd_sizes(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("campctl: command not available in this build\n", stderr);
    return CAMPCTL_USAGE;
}
