/* The library's version and configuration identity: the one definition of the
 * configuration guard symbol that every program's camp headers reference. */
#include "camp/camp_config.h"
#include "camp/camp_version.h"

#include <stdbool.h>
#include <string.h>

/* Declared here, not in a header: programs reference it only from the guard
 * section emitted by camp_config.h, never from C. A const object is .rodata. */
extern const unsigned char CAMP_CONFIG_GUARD_SYMBOL;
const unsigned char CAMP_CONFIG_GUARD_SYMBOL = 1u;

const char *camp_version(void)
{
    return CAMP_VERSION_STRING;
}

const char *camp_config_id(void)
{
    return CAMP_CONFIG_ID;
}

bool camp_config_matches(const char *config_id)
{
    return config_id != NULL && strcmp(config_id, CAMP_CONFIG_ID) == 0;
}
