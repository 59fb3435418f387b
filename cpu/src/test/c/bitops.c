/* bitops: bit manipulation as MIPS-I does it without CLZ or rotate instructions: population
 * count, leading/trailing zeros by loops and binary search, bit reversal, byte swapping, Gray
 * code, xorshift generators, and NOR/XORI/ANDI/ORI with immediates. */
#include "rt.h"

static int popcount(u32 x)
{
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0f0f0f0fu;
    return (int)((x * 0x01010101u) >> 24);
}

static int popcount_loop(u32 x)
{
    int n = 0;
    while (x) { x &= x - 1; n++; }
    return n;
}

static int clz(u32 x)
{
    if (!x) return 32;
    int n = 0;
    if (!(x & 0xffff0000u)) { n += 16; x <<= 16; }
    if (!(x & 0xff000000u)) { n += 8; x <<= 8; }
    if (!(x & 0xf0000000u)) { n += 4; x <<= 4; }
    if (!(x & 0xc0000000u)) { n += 2; x <<= 2; }
    if (!(x & 0x80000000u)) { n += 1; }
    return n;
}

static int ctz(u32 x)
{
    if (!x) return 32;
    int n = 0;
    while (!(x & 1)) { x >>= 1; n++; }
    return n;
}

static u32 reverse(u32 x)
{
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
    x = ((x >> 8) & 0x00ff00ffu) | ((x & 0x00ff00ffu) << 8);
    return (x >> 16) | (x << 16);
}

static u32 bswap(u32 x) { return (x >> 24) | ((x >> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24); }

int main(void)
{
    u32 s = 0x9e3779b9u;
    u32 h = 0;
    int agree = 1;
    for (int i = 0; i < 2000; i++) {
        s ^= s << 13; s ^= s >> 17; s ^= s << 5;
        u32 v = s >> (i & 31);
        if (popcount(v) != popcount_loop(v)) agree = 0;
        h = h * 31 + (u32)popcount(v) + (u32)clz(v) * 7 + (u32)ctz(v) * 13 + reverse(v) + bswap(v);
        h ^= ~(v | h);
        h += (v & 0xff00) ^ (v | 0x1234) ^ (v ^ 0xabcd);
        if (i < 8) {
            print_hex(v); print_char(' ');
            print_int(popcount(v)); print_char(' ');
            print_int(clz(v)); print_char(' ');
            print_int(ctz(v)); print_char(' ');
            print_hex(reverse(v)); print_char(' ');
            print_hex(bswap(v)); print_nl();
        }
    }
    print_kv("agree", agree);
    print_kx("hash", h);
    for (u32 i = 0; i < 16; i++) {
        u32 g = i ^ (i >> 1);
        print_int((int)g); print_char(' ');
    }
    print_nl();
    u32 x = OPAQUE(0x0f0f1234u);
    print_kx("nor", ~(x | OPAQUE(0xff00ff00u)));
    print_kx("xori", x ^ 0xffff);
    print_kx("andi", x & 0x8001);
    print_kx("ori", x | 0xf000);
    print_kx("lui", OPAQUE(0xabcd0000u) | 1);
    print_kv("clz0", clz(OPAQUE(0u)));
    print_kv("clz1", clz(OPAQUE(1u)));
    return 0;
}
