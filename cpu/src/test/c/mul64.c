/* ccorpus-emits: multu mult mfhi
 * mul64: 64-bit arithmetic that GCC inlines on a 32-bit machine: add and subtract with carry
 * (SLTU), multiplication with MULTU/MULT and MFHI, 32x32->64 widening products, plus 64-bit
 * division and remainder through the runtime's __udivdi3/__divdi3 (libgcc is never linked). */
#include "rt.h"

static u64 mulhi_demo(u32 a, u32 b) { return (u64)a * b; }
static s64 smul(s32 a, s32 b) { return (s64)a * b; }

int main(void)
{
    const u32 v[] = { 0, 1, 3, 0xffff, 0x10000, 0x7fffffff, 0x80000000u, 0xffffffffu, 0xdeadbeefu, 123456789 };
    for (int i = 0; i < 10; i++) {
        u32 a = OPAQUE(v[i]);
        u32 b = OPAQUE(v[(i * 3 + 1) % 10]);
        print_hex64(mulhi_demo(a, b)); print_char(' ');
        print_hex64((u64)smul((s32)a, (s32)b)); print_char(' ');
        u32 hi;
        __asm__("multu %1, %2\n\tmfhi %0" : "=r"(hi) : "r"(a), "r"(b) : "hi", "lo");
        print_hex(hi); print_nl();
    }
    u64 f = 1;
    for (u32 i = 1; i <= 20; i++) {
        f *= OPAQUE(i);
        print_u64(f); print_char(' ');
    }
    print_nl();
    u64 a = 0, b = 1;
    for (int i = 0; i < 90; i++) {
        u64 t = a + b;
        a = b;
        b = t;
    }
    print_str("fib90="); print_u64(a); print_nl();
    u64 x = OPAQUE(0x123456789abcdef0ULL);
    u64 y = OPAQUE(0x0fedcba987654321ULL);
    print_hex64(x + y); print_char(' ');
    print_hex64(x - y); print_char(' ');
    print_hex64(y - x); print_char(' ');
    print_hex64(x * y); print_char(' ');
    print_hex64(x & ~y); print_char(' ');
    print_kv(" lt", x < y);
    const u64 dividends[] = { 1000000000000ULL, 0xffffffffffffffffULL, 12345678901234567ULL, 77 };
    const u64 divisors[] = { 7, 1000000007ULL, 0x100000000ULL, 0xfffffffffULL, 3 };
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 5; j++) {
            u64 n = OPAQUE(dividends[i]), d = OPAQUE(divisors[j]);
            print_u64(n / d); print_char(' '); print_u64(n % d); print_nl();
        }
    s64 sn = OPAQUE(-1234567890123LL), sd = OPAQUE(1000LL);
    print_hex64((u64)(sn / sd)); print_char(' '); print_hex64((u64)(sn % sd)); print_nl();
    /* a 64-bit linear congruential generator */
    u64 s = 42;
    u32 h = 0;
    for (int i = 0; i < 1000; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        h ^= (u32)(s >> 33);
    }
    print_kx("lcg", h);
    print_hex64(s); print_nl();
    s64 neg = OPAQUE(-5LL);
    print_hex64((u64)(neg * OPAQUE(7LL))); print_char(' ');
    print_kv("cmp", OPAQUE(-1LL) < OPAQUE(1LL));
    return 0;
}
