/* placeholder: replaced by the inbox module */
#ifndef CAMP_INBOX_H
#define CAMP_INBOX_H
#endif
