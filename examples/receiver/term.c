/* The receiver prints network text through campctl's escaping (one
 * implementation for campctl, the reporter and the receiver; each
 * examples/NAME directory builds one binary, so the source is included rather
 * than linked from a library). */
#include "../campctl/term.c"
