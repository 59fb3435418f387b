/*
 * console.c: output for the bare-metal runtime through the LAMEbus serial card in slot 0
 * (docs/devices.md). The card drops a character written while it is still sending the previous
 * one, so each write waits for WIRQ.CMPL and then clears it.
 */
#include "../rt.h"

#define SERIAL_CHAR ((volatile u32 *)0xbfe00000)
#define SERIAL_WIRQ ((volatile u32 *)0xbfe00004)
#define WIRQ_CMPL 0x2

void rt_putchar(int c)
{
    *SERIAL_CHAR = (u8)c;
    while ((*SERIAL_WIRQ & WIRQ_CMPL) == 0)
        ;
    *SERIAL_WIRQ = 0;
}

void rt_flush(void) {}
