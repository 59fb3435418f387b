/* ccorpus-endian: both
 * memaccess: LB/LBU/LH/LHU/LW and SB/SH/SW at every alignment they allow, sign and zero
 * extension, and byte-order-visible type punning through a union (its output differs between
 * the big- and little-endian builds, which each compare with their own qemu). */
#include "rt.h"

union pun {
    u32 w[4];
    u16 h[8];
    u8 b[16];
    s8 sb[16];
    s16 sh[8];
};

static volatile union pun buf;
static s8 bytes[64];
static s16 halves[32];

int main(void)
{
    for (int i = 0; i < 16; i++)
        buf.b[i] = (u8)(0x81 + i * 0x11);
    for (int i = 0; i < 4; i++)
        print_hex(buf.w[i]), print_char(' ');
    print_nl();
    for (int i = 0; i < 8; i++)
        print_int(buf.sh[i]), print_char(' '), print_uint(buf.h[i]), print_char(' ');
    print_nl();
    for (int i = 0; i < 16; i++)
        print_int(buf.sb[i]), print_char(' ');
    print_nl();
    buf.w[0] = 0x11223344;
    buf.h[1] = 0xaabb;
    buf.b[0] = 0xcc;
    print_kx("w0", buf.w[0]);
    buf.w[1] = 0;
    buf.b[5] = 0xff;
    buf.h[3] = 0x8000;
    print_kx("w1", buf.w[1]);
    print_kv("sh3", buf.sh[3]);

    int sum = 0;
    for (int i = 0; i < 64; i++)
        bytes[i] = (s8)(i * 37 - 100);
    for (int i = 0; i < 64; i++)
        sum = sum * 3 + bytes[i];
    print_kv("bytesum", sum);
    unsigned int usum = 0;
    for (int i = 0; i < 64; i++)
        usum = usum * 3 + (u8)bytes[i];
    print_kx("ubytesum", usum);
    for (int i = 0; i < 32; i++)
        halves[i] = (s16)(i * 4099 - 60000);
    sum = 0;
    for (int i = 0; i < 32; i++)
        sum = sum * 5 + halves[i] + (u16)halves[31 - i];
    print_kv("halfsum", sum);
    /* word view of the byte array */
    u32 *words = (u32 *)(void *)bytes;
    u32 x = 0;
    for (int i = 0; i < 16; i++)
        x ^= words[i] + (u32)i;
    print_kx("wordxor", x);
    /* narrowing stores */
    u32 big = OPAQUE(0xcafebabeu);
    u8 b8 = (u8)big;
    u16 b16 = (u16)big;
    s8 s8v = (s8)big;
    s16 s16v = (s16)big;
    print_kx("u8", b8); print_kx("u16", b16); print_kv("s8", s8v); print_kv("s16", s16v);
    return 0;
}
