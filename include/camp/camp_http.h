/* placeholder: replaced by the http module */
#ifndef CAMP_HTTP_H
#define CAMP_HTTP_H
#endif
