/* Private to lib/client: the call runner (client.c) and the body codecs of the
 * endpoints (client_endpoints.c). */
#ifndef CAMP_CLIENT_INTERNAL_H
#define CAMP_CLIENT_INTERNAL_H

#include <stddef.h>

#include "camp/camp_client.h"

typedef camp_client_call_t call_t;

/* Clear c->last (and the last document) before a call. */
void camp_cl_reset_last(camp_client_t *c);

/* Run the call described in c->call_: checks, attempts and retries, the body
 * decoded into the caller's model. c is not NULL (each endpoint checks). */
camp_status_t camp_cl_run(camp_client_t *c, call_t *call);

/* Encode the call's request body at c->work[0..); *len = 0 when it has none. */
camp_status_t camp_cl_encode_body(camp_client_t *c, const call_t *call, size_t *len);

/* Decode a 2xx response body into the call's model (or check it as JSON). */
camp_status_t camp_cl_decode_body(camp_client_t *c, const call_t *call, char *body, size_t len);

#endif
