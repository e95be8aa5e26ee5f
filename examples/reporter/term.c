/* The reporter prints server text through campctl's escaping (one
 * implementation for both programs; each examples/NAME directory builds one
 * binary, so the source is included rather than linked from a library). */
#include "../campctl/term.c"
