/*
 * Stack painting on the bare-metal target (picolibc's linker script: the stack
 * grows down from __stack to __heap_end).
 *
 * camp_stack_paint() fills the free stack below the caller with a pattern;
 * camp_stack_high_water() returns the most stack used since (bytes from the
 * top). camp_stack_probe() measures one call exactly: it paints the region
 * just below its own frame, calls fn(arg) and returns how many bytes below the
 * caller's stack pointer were written (fn's frame and everything it called).
 */
#ifndef CAMP_TARGET_STACK_PAINT_H
#define CAMP_TARGET_STACK_PAINT_H

#include <stddef.h>

#define CAMP_STACK_PATTERN 0xC5A3C5A3u

void camp_stack_paint(void);
size_t camp_stack_high_water(void);
size_t camp_stack_size(void);

typedef void (*camp_stack_fn)(void *arg);
/* Bytes of stack used by fn(arg), measured within a window of `window` bytes. When fn
 * calls CAMP_STACK_MARK() first, the count starts at fn's own stack pointer (fn's frame
 * excluded): exactly what the functions fn calls used. */
size_t camp_stack_probe(camp_stack_fn fn, void *arg, size_t window);

extern void *volatile camp_stack_mark;
#define CAMP_STACK_MARK()                                                                          \
    do {                                                                                           \
        void *sp_;                                                                                 \
        __asm__ volatile("mov %0, sp" : "=r"(sp_));                                                \
        camp_stack_mark = sp_;                                                                     \
    } while (0)

#endif
