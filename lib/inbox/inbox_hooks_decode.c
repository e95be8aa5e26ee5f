/* The InboxApp family hooks as decoding runs them (see inbox_hooks.h). */
#define IB_HOOKS_DECODE 1
#include "inbox_hooks.h"
