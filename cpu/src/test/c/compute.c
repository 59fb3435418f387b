/* compute: the benchmark workload. Integer matrix multiplication, CRC-32 over a buffer, an
 * insertion sort of pseudo-random keys, a byte-histogram pass and a 64-bit LCG, repeated ROUNDS
 * times and folded into one checksum printed at the end. About 1.2e8 guest instructions
 * (measured with vm3000 --stats; see docs/testing.md). */
#include "rt.h"

#ifndef ROUNDS /* vm3000 bench --quick builds it with -DROUNDS=1 */
#define ROUNDS 128
#endif
#define N 32
#define BUF 8192
#define KEYS 400

static int ma[N][N], mb[N][N], mc[N][N];
static u8 buf[BUF];
static u32 crc_table[256];
static int keys[KEYS];
static u32 hist[256];

static u32 rng_state = 1;
static u32 rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

static u32 matmul(void)
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int s = 0;
            for (int k = 0; k < N; k++)
                s += ma[i][k] * mb[k][j];
            mc[i][j] = s;
        }
    u32 h = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            h = h * 31 + (u32)mc[i][j];
    return h;
}

static u32 crc32(const u8 *p, size_t n)
{
    u32 c = 0xffffffffu;
    while (n--)
        c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return ~c;
}

static u32 sort_keys(void)
{
    for (int i = 0; i < KEYS; i++)
        keys[i] = (int)(rng() % 100000) - 50000;
    for (int i = 1; i < KEYS; i++) {
        int k = keys[i], j = i - 1;
        while (j >= 0 && keys[j] > k) {
            keys[j + 1] = keys[j];
            j--;
        }
        keys[j + 1] = k;
    }
    return (u32)keys[0] ^ (u32)keys[KEYS / 2] * 3 ^ (u32)keys[KEYS - 1] * 7;
}

static u32 histogram(void)
{
    memset(hist, 0, sizeof hist);
    for (int i = 0; i < BUF; i++)
        hist[buf[i]]++;
    u32 h = 0;
    for (int i = 0; i < 256; i++)
        h = h * 17 + hist[i] / 3 + hist[i] % 5;
    return h;
}

static u64 lcg(u64 s, int n)
{
    while (n--)
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return s;
}

int main(void)
{
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
    u32 sum = 0;
    u64 s = 7;
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                ma[i][j] = (int)(rng() & 0xff) - 128;
                mb[i][j] = (int)(rng() & 0x3ff) - 512 + r;
            }
        for (int i = 0; i < BUF; i++)
            buf[i] = (u8)rng();
        u32 m = matmul();
        u32 c = crc32(buf, BUF);
        u32 k = sort_keys();
        u32 h = histogram();
        s = lcg(s ^ m, 2000);
        sum = (sum << 5 | sum >> 27) ^ m ^ (c * 3) ^ (k * 5) ^ (h * 7) ^ (u32)(s >> 32);
        if (r % 16 != 15)
            continue;
        print_int(r); print_char(' '); print_hex(m); print_char(' '); print_hex(c); print_char(' ');
        print_hex(k); print_char(' '); print_hex(h); print_nl();
    }
    print_kx("checksum", sum);
    return 0;
}
