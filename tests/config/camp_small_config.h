/* A small-device configuration: `make check-small-config` builds the library and
 * the core's unit tests with it, so capacities below the defaults are exercised
 * (CAMP_ERR_CAPACITY paths, pool limits, struct sizes) and no code depends on the
 * default numbers. Values are plain decimals (they are pasted into the
 * configuration guard's symbol name). */
#ifndef CAMP_SMALL_CONFIG_H
#define CAMP_SMALL_CONFIG_H

#define CAMP_MAX_STEPS 4
#define CAMP_MAX_SEGMENTS 8
#define CAMP_MAX_VARIATION_OPTIONS 4
#define CAMP_MAX_ACCOUNTS 3
#define CAMP_MAX_LISTS 3
#define CAMP_MAX_AUTOMATIONS 2
#define CAMP_MAX_CUSTOM_VARIABLES 3
#define CAMP_MAX_COLUMN_MAPPINGS 4
#define CAMP_MAX_LEAD_IDS 16
#define CAMP_MAX_LEAD_OBJECTS 4
#define CAMP_MAX_PAGE_ITEMS 2
#define CAMP_MAX_EMAIL_STEPS 3
#define CAMP_MAX_SENDER_IDS 3
#define CAMP_MAX_CONTACTS 3
#define CAMP_MAX_CONTACT_TAGS 3
#define CAMP_HTTP_MAX_HEADERS 24

#endif
