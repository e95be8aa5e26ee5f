/* Fake lwip/sys.h: lwIP's 32-bit millisecond counter. */
#ifndef FAKE_LWIP_SYS_H
#define FAKE_LWIP_SYS_H
#include <stdint.h>
uint32_t sys_now(void);
#endif
