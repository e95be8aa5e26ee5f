/* Entry of the firmware programs: paint the stack, run the program once,
 * print its verdict in the cmocka format run-qemu.sh counts, and the stack the
 * whole program used (crt0, main, the library, everything below). */
#include "fw.h"

#include "stack_paint.h"

static void semihost(unsigned op, const void *arg)
{
    register unsigned r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
}

void fw_puts(const char *s)
{
    semihost(0x04u, s); /* SYS_WRITE0 */
}

void fw_put_num(const char *name, unsigned long value)
{
    char d[24];
    size_t n = sizeof d;
    d[--n] = '\0';
    d[--n] = '\n';
    do {
        d[--n] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0u && n > 0u);
    fw_puts(name);
    fw_puts(" ");
    fw_puts(&d[n]);
}

int main(void);
int main(void)
{
    int failed;
    camp_stack_paint();
    failed = fw_run();
    fw_put_num("stack", (unsigned long)camp_stack_high_water());
    fw_puts("firmware ");
    fw_puts(fw_name);
    if (failed != 0) {
        fw_put_num(": failed check", (unsigned long)failed);
        fw_puts("[  FAILED  ] 1 test(s)\n");
        return 1;
    }
    fw_puts(": ok\n[  PASSED  ] 1 test(s).\n");
    return 0;
}
