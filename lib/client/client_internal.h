/* Private to lib/client: the call runner (client.c) for the endpoints
 * (client_endpoints.c). */
#ifndef CAMP_CLIENT_INTERNAL_H
#define CAMP_CLIENT_INTERNAL_H

#include <stddef.h>

#include "camp/camp_client.h"

typedef camp_client_call_t call_t;

/* Clear c->last (and the last document) before a call. */
void camp_cl_reset_last(camp_client_t *c);

/* Run the call described in c->call_: checks, attempts and retries, the body
 * decoded into the caller's model. c is not NULL (each endpoint checks). The
 * call's encode and decode are the only pointers to lib functions the library
 * calls, and every endpoint writes them (call_init clears the call) before it
 * runs: a call never reaches a function another call chose (the stack report,
 * tools/stack_report.py, relies on it). */
camp_status_t camp_cl_run(camp_client_t *c, call_t *call);

#endif
