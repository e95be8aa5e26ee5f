/* placeholder: replaced by the client module */
#ifndef CAMP_CLIENT_H
#define CAMP_CLIENT_H
#endif
