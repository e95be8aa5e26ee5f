/* placeholder until the inbox models land */
#include "campctl.h"
const campctl_doc_type_t campctl_inbox_types[] = {{NULL, NULL}};
