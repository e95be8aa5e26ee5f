/* Stack painting for the qemu runs; see stack_paint.h. */
#include "stack_paint.h"

#include <stdint.h>

extern char __stack[];    /* top of the stack (picolibc.ld) */
extern char __heap_end[]; /* bottom of the stack region */

void *volatile camp_stack_mark;

/* Everything below this address still holds the pattern. */
static uint32_t *clean_below;

static inline uint32_t *current_sp(void)
{
    uint32_t *sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    return sp;
}

__attribute__((noinline)) void camp_stack_paint(void)
{
    uint32_t *bottom = (uint32_t *)(void *)__heap_end;
    uint32_t *limit = current_sp() - 16; /* leave this frame's neighbourhood alone */
    uint32_t *p = clean_below != NULL ? clean_below : bottom;
    if (p > limit)
        p = bottom;
    for (; p < limit; p++)
        *(volatile uint32_t *)p = CAMP_STACK_PATTERN;
    clean_below = limit;
}

size_t camp_stack_high_water(void)
{
    uint32_t *p = (uint32_t *)(void *)__heap_end;
    uint32_t *top = (uint32_t *)(void *)__stack;
    while (p < top && *(volatile uint32_t *)p == CAMP_STACK_PATTERN)
        p++;
    clean_below = p;
    return (size_t)((char *)top - (char *)p);
}

size_t camp_stack_size(void)
{
    return (size_t)(__stack - __heap_end);
}

__attribute__((noinline)) size_t camp_stack_probe(camp_stack_fn fn, void *arg, size_t window)
{
    uint32_t *sp = current_sp();
    uint32_t *lo = sp - window / 4u;
    uint32_t *p;
    /* Nothing below sp is live on this single-threaded, interrupt-free target. */
    for (p = lo; p < sp; p++)
        *(volatile uint32_t *)p = CAMP_STACK_PATTERN;
    camp_stack_mark = NULL;
    fn(arg);
    for (p = lo; p < sp && *(volatile uint32_t *)p == CAMP_STACK_PATTERN; p++)
        ;
    if (camp_stack_mark != NULL)
        sp = (uint32_t *)camp_stack_mark;
    return (size_t)((char *)sp - (char *)p);
}
