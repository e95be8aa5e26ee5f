/* The InboxApp family hooks as the struct walks run them: validate, equal,
 * encode (see inbox_hooks.h). */
#define IB_HOOKS_DECODE 0
#include "inbox_hooks.h"
