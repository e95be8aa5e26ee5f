/* placeholder until the outbox models land */
#include "campctl.h"
const campctl_doc_type_t campctl_outbox_types[] = {{NULL, NULL}};
