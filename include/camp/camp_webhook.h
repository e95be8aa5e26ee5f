/* placeholder: replaced by the webhook module */
#ifndef CAMP_WEBHOOK_H
#define CAMP_WEBHOOK_H
#endif
