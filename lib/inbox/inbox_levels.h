/* Type-specific model calls for the library's own callers that keep the walk's
 * levels in their memory rather than on the stack: the client, in camp_client_t.
 * Each one checks, decodes or encodes, and reports exactly as the public call of
 * the same name (decodes: the document's root, token 0).
 *
 * @p levels: room for CAMP_IB_AT_LEVELS levels of at most CAMP_IB_LEVEL_BYTES,
 * aligned for a pointer; inbox_api.c checks both bounds against the walk's own. */
#ifndef CAMP_INBOX_LEVELS_H
#define CAMP_INBOX_LEVELS_H

#include "camp/camp_inbox.h"

/* One level of the walk takes at most this many bytes. */
#define CAMP_IB_LEVEL_BYTES (3u * sizeof(void *) + 8u)
/* The deepest document these calls take: a campaign. */
#define CAMP_IB_AT_LEVELS 7u

camp_status_t camp_ib_campaign_decode_at(void *levels, camp_json_doc_t *doc,
                                         camp_inbox_campaign_t *out, camp_diag_t *diag);
camp_status_t camp_ib_sequence_decode_at(void *levels, camp_json_doc_t *doc,
                                         camp_inbox_sequence_t *out, camp_diag_t *diag);
camp_status_t camp_ib_leads_add_result_decode_at(void *levels, camp_json_doc_t *doc,
                                                 camp_inbox_leads_add_result_t *out,
                                                 camp_diag_t *diag);
camp_status_t camp_ib_column_decode_at(void *levels, camp_json_doc_t *doc, camp_inbox_column_t *out,
                                       camp_diag_t *diag);
camp_status_t camp_ib_success_decode_at(void *levels, camp_json_doc_t *doc,
                                        camp_inbox_success_t *out, camp_diag_t *diag);
camp_status_t camp_ib_error_decode_at(void *levels, camp_json_doc_t *doc, camp_inbox_error_t *out,
                                      camp_diag_t *diag);
camp_status_t camp_ib_team_decode_at(void *levels, camp_json_doc_t *doc, camp_inbox_team_t *out,
                                     camp_diag_t *diag);

camp_status_t camp_ib_campaign_create_encode_at(void *levels,
                                                const camp_inbox_campaign_create_t *obj, char *buf,
                                                size_t cap, size_t *out_len, camp_diag_t *diag);
camp_status_t camp_ib_sequence_update_encode_at(void *levels, const camp_inbox_sequence_t *obj,
                                                char *buf, size_t cap, size_t *out_len,
                                                camp_diag_t *diag);
camp_status_t camp_ib_rules_update_encode_at(void *levels, const camp_inbox_rules_update_t *obj,
                                             char *buf, size_t cap, size_t *out_len,
                                             camp_diag_t *diag);
camp_status_t camp_ib_leads_add_encode_at(void *levels, const camp_inbox_leads_add_t *obj,
                                          char *buf, size_t cap, size_t *out_len,
                                          camp_diag_t *diag);
camp_status_t camp_ib_lead_update_encode_at(void *levels, const camp_inbox_lead_update_t *obj,
                                            char *buf, size_t cap, size_t *out_len,
                                            camp_diag_t *diag);
camp_status_t camp_ib_lead_cancel_encode_at(void *levels, const camp_inbox_lead_cancel_t *obj,
                                            char *buf, size_t cap, size_t *out_len,
                                            camp_diag_t *diag);
camp_status_t camp_ib_column_update_encode_at(void *levels, const camp_inbox_column_update_t *obj,
                                              char *buf, size_t cap, size_t *out_len,
                                              camp_diag_t *diag);

/* camp_inbox_events_next() with the event's levels in @p levels. */
camp_status_t camp_ib_events_next_at(void *levels, camp_json_doc_t *doc,
                                     camp_inbox_events_page_t *page, camp_inbox_webhook_t *ev,
                                     bool *done, camp_diag_t *diag);

#endif /* CAMP_INBOX_LEVELS_H */
