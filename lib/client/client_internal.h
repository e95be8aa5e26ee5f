/* Private to lib/client: the call runner (client.c) for the endpoints
 * (client_endpoints.c). */
#ifndef CAMP_CLIENT_INTERNAL_H
#define CAMP_CLIENT_INTERNAL_H

#include <stddef.h>

#include "camp/camp_client.h"

typedef camp_client_call_t call_t;

/* Clear c->last (and the last document) before a call. */
void camp_cl_reset_last(camp_client_t *c);

/* A check of the call's query beyond its route (contacts list, events feed), run
 * after the client's setup and path pieces are checked; its diagnostics and texts
 * are linked only with the endpoints that name it. */
typedef camp_status_t (*camp_cl_check_fn)(camp_client_t *c, const call_t *call);

/* Run the call described in c->call_: checks, attempts and retries, the body
 * decoded into the caller's model; check may be NULL. c is not NULL (each
 * endpoint checks). The call's encode, decode and put_query and the check are the
 * only pointers to lib functions the library calls, and every endpoint passes or
 * writes them (call_init clears the call) before the call runs: a call never
 * reaches a function another call chose (the stack report, tools/stack_report.py,
 * relies on it). */
camp_status_t camp_cl_run(camp_client_t *c, call_t *call, camp_cl_check_fn check);

#endif
