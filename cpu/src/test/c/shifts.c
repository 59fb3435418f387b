/* shifts: SLL/SRL/SRA by constants, SLLV/SRLV/SRAV by variables (only the low five bits of the
 * amount count), rotates built from two shifts, and 64-bit shifts that GCC expands inline. */
#include "rt.h"

static unsigned int rotl(unsigned int x, unsigned int n) { return (x << (n & 31)) | (x >> ((32 - n) & 31)); }

int main(void)
{
    const unsigned int pats[] = { 0x00000001, 0x80000000, 0xdeadbeef, 0x7fffffff, 0x12345678, 0xffffffff };
    unsigned int h = 0;
    for (int i = 0; i < 6; i++) {
        unsigned int u = OPAQUE(pats[i]);
        int s = (int)u;
        print_hex(u << 4); print_char(' ');
        print_hex(u >> 4); print_char(' ');
        print_hex((unsigned int)(s >> 4)); print_char(' ');
        print_hex(u << 31); print_char(' ');
        print_hex((unsigned int)(s >> 31)); print_nl();
        for (unsigned int n = 0; n < 32; n++) {
            unsigned int k = OPAQUE(n);
            h = h * 31 + (u << k);
            h = h * 31 + (u >> k);
            h = h * 31 + (unsigned int)(s >> k);
            h = h * 31 + rotl(u, k);
        }
    }
    print_kx("hash", h);
    /* the hardware uses only the low five bits of a variable shift amount */
    unsigned int amount = OPAQUE(33u), v = OPAQUE(0x10u);
    unsigned int r;
    __asm__("sllv %0, %1, %2" : "=r"(r) : "r"(v), "r"(amount));
    print_kx("sllv33", r);
    __asm__("srav %0, %1, %2" : "=r"(r) : "r"(0x80000000u), "r"(OPAQUE(63u)));
    print_kx("srav63", r);
    u64 w = OPAQUE(0x0123456789abcdefULL);
    for (int n = 0; n < 64; n += 7) {
        int k = OPAQUE(n);
        print_hex64(w << k); print_char(' ');
        print_hex64(w >> k); print_char(' ');
        print_hex64((u64)((s64)(w | 0x8000000000000000ULL) >> k)); print_nl();
    }
    return 0;
}
