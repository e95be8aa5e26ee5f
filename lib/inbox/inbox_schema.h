/* What the InboxApp tables (inbox_schema.c) and the family hooks (inbox_hooks.h)
 * share: the sub ids of K_SUB members, the add-leads bounds, and the node tables
 * the families name. */
#ifndef CAMP_INBOX_SCHEMA_H
#define CAMP_INBOX_SCHEMA_H

#include "inbox_internal.h"

/* Documented bounds of each add-leads array (E7). */
#define LEADS_MIN 1
#define LEADS_MAX 2000

/* Sub ids: what a K_SUB member is (the families' sub hooks). */
enum {
    SUB_HOURS = 1,
    SUB_RULES,
    SUB_SEQUENCE,
    SUB_AUTOMATIONS,
    SUB_STEPS,
    SUB_LISTS,
    SUB_VARIABLES,
    SUB_SYNCED,
    SUB_EXCLUDED,
    SUB_MAPPING,
    SUB_ACTION_DATA,
    SUB_DATA,
    SUB_SEGMENTS,
    SUB_OPTIONS,
    SUB_CAMPAIGNS,
    SUB_CURSOR,
    SUB_CREATE_RULES,
    SUB_COLUMN_MAPPINGS,
    SUB_PLATFORM_IDS,
    SUB_USERNAMES,
    SUB_EXTERNAL_IDS,
    SUB_LEADS,
    SUB_LEAD_ID,
    SUB_ERROR,
    SUB_WH_DATA,
    SUB_WH_OBJECT,
    SUB_WH_CAMPAIGN,
    SUB_WH_PART,
    SUB_WH_TEAM,
    SUB_WH_ACCOUNT_LINK
};

/* Each family's nodes, indexed from its first id (enum inode_id). */
#define IB_CAMPAIGN_NODES (N_SEG_VARIATION - N_CAMPAIGN + 1)
#define IB_PAGE_NODES (N_CURSOR - N_CAMPAIGN + 1)
#define IB_RULES_NODES (N_RULES_UPDATE - N_CREATE + 1)
#define IB_LEADS_NODES (N_LEAD - N_LEADS_ADD + 1)
#define IB_ERROR_NODES (N_ERROR_V2 - N_ERROR + 1)
#define IB_WEBHOOK_NODES (N_LEGACY_MESSAGE - N_WEBHOOK + 1)
extern const inode_t camp_ib_campaign_nodes[IB_CAMPAIGN_NODES];
extern const inode_t camp_ib_page_nodes[IB_PAGE_NODES]; /* the campaign's, then the page's */
extern const inode_t camp_ib_rules_nodes[IB_RULES_NODES];
extern const inode_t camp_ib_leads_nodes[IB_LEADS_NODES];
extern const inode_t camp_ib_error_nodes[IB_ERROR_NODES];
extern const inode_t camp_ib_webhook_nodes[IB_WEBHOOK_NODES];
/* the flat documents, one node each */
extern const inode_t camp_ib_success_node;
extern const inode_t camp_ib_leads_add_result_node;
extern const inode_t camp_ib_lead_update_node;
extern const inode_t camp_ib_lead_cancel_node;
extern const inode_t camp_ib_column_update_node;
extern const inode_t camp_ib_column_node;
extern const inode_t camp_ib_team_node;
extern const inode_t camp_ib_events_page_node;

/* A `leads[]` item's members: the first three are its identifiers, in camp_inbox_by_t
 * order (the hook tells which one it met by its place). */
#define IB_LEAD_FIELDS 5
extern const ifield_t camp_ib_lead_fields[IB_LEAD_FIELDS];

#endif /* CAMP_INBOX_SCHEMA_H */
