/**
 * @file camp.h
 * @brief libcamp umbrella header: includes every public module header.
 *
 * Modules, bottom to top: status, json, validate, schedule, inbox / outbox,
 * webhook, http, client. Version: camp_version.h; configuration and its guard:
 * camp_config.h. Ports: transport (camp_transport.h) and crypto
 * (camp_crypto.h); reference implementations live in port/.
 */
#ifndef CAMP_H
#define CAMP_H

#include "camp_version.h"
#include "camp_config.h"
#include "camp_status.h"
#include "camp_json.h"
#include "camp_validate.h"
#include "camp_schedule.h"
#include "camp_inbox.h"
#include "camp_outbox.h"
#include "camp_crypto.h"
#include "camp_webhook.h"
#include "camp_transport.h"
#include "camp_http.h"
#include "camp_client.h"

/** libcamp version as text; kept for older programs, use CAMP_VERSION_STRING. */
#define CAMP_VERSION CAMP_VERSION_STRING

#endif /* CAMP_H */
