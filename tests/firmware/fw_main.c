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

/* SYS_EXIT with ADP_Stopped_ApplicationExit (qemu exits with status 0) or
 * ADP_Stopped_RunTimeErrorUnknown (status 1). The programs link picolibc's
 * minimal crt0, which has no exit path of its own: its semihosting variant
 * would add a fault handler that pulls in printf (6-7 KiB), which a firmware
 * image would not carry. */
static void fw_exit(int failed)
{
    semihost(0x18u, (const void *)(failed != 0 ? 0x20024u : 0x20026u));
    for (;;) {
    }
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
    } else {
        fw_puts(": ok\n[  PASSED  ] 1 test(s).\n");
    }
    fw_exit(failed);
    return failed;
}
