/* ccorpus-endian: both
 * crc32: CRC-32 (IEEE, reflected) table-driven and bit by bit, Adler-32 (modulo by a constant)
 * and FNV-1a over generated buffers, and a word-at-a-time checksum that reads memory as words. */
#include "rt.h"

static u32 table[256];

static void make_table(void)
{
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static u32 crc32(const u8 *p, size_t n)
{
    u32 c = 0xffffffffu;
    while (n--)
        c = table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

static u32 crc32_bitwise(const u8 *p, size_t n)
{
    u32 c = 0xffffffffu;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
    }
    return ~c;
}

static u32 adler32(const u8 *p, size_t n)
{
    u32 a = 1, b = 0;
    while (n--) {
        a = (a + *p++) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

static u32 fnv1a(const u8 *p, size_t n)
{
    u32 h = 2166136261u;
    while (n--)
        h = (h ^ *p++) * 16777619u;
    return h;
}

static u8 data[4096];

int main(void)
{
    make_table();
    print_kx("table[1]", table[1]);
    print_kx("table[255]", table[255]);
    const char *check = "123456789";
    print_kx("crc(123456789)", crc32((const u8 *)check, 9));
    print_kx("bitwise", crc32_bitwise((const u8 *)check, 9));
    print_kx("adler", adler32((const u8 *)"Wikipedia", 9));
    u32 x = 1;
    for (int i = 0; i < 4096; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        data[i] = (u8)x;
    }
    for (size_t n = 1; n <= 4096; n *= 4) {
        print_int((int)n); print_char(' ');
        print_hex(crc32(data, n)); print_char(' ');
        print_hex(crc32_bitwise(data, n)); print_char(' ');
        print_hex(adler32(data, n)); print_char(' ');
        print_hex(fnv1a(data, n)); print_nl();
    }
    for (int off = 0; off < 4; off++)
        print_hex(crc32(data + off, 1000)), print_char(' ');
    print_nl();
    /* words: the value depends on the byte order */
    const u32 *w = (const u32 *)(const void *)data;
    u32 s = 0;
    for (int i = 0; i < 1024; i++)
        s = (s << 1 | s >> 31) + w[i];
    print_kx("wordsum", s);
    return 0;
}
