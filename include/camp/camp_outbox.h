/* placeholder: replaced by the outbox module */
#ifndef CAMP_OUTBOX_H
#define CAMP_OUTBOX_H
#endif
