/* Shared by the firmware programs of `make size` (tests/firmware/): a
 * result line through semihosting without stdio (printf would weigh more than
 * the code measured), and the stack high-water mark of the whole program. */
#ifndef CAMP_FW_H
#define CAMP_FW_H

#include <stddef.h>

/* Print @p s on the host's console (semihosting SYS_WRITE0). */
void fw_puts(const char *s);

/* Print "name value\n" with @p value in decimal. */
void fw_put_num(const char *name, unsigned long value);

/* The program's work: returns 0 when every check held, else the number of the
 * first check that failed. Each program defines it. */
int fw_run(void);

/* Name printed in the result lines. Each program defines it. */
extern const char fw_name[];

#endif
