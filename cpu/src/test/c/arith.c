/* arith: integer arithmetic as compilers emit it: ADDU/SUBU/MULT, signed and unsigned division
 * and remainder by variables (DIV/DIVU, with the break 7 zero check) and by constants (GCC turns
 * those into multiply-high sequences), comparisons (SLT/SLTU/SLTI/SLTIU), and overflow wrap. */
#include "rt.h"

static const int values[] = { 0, 1, -1, 2, -2, 3, 7, -7, 10, 100, -100, 12345, -12345,
                              0x7fffffff, (int)0x80000000, 0x40000000, 65535, -65536, 1000003 };
#define N ((int)(sizeof values / sizeof values[0]))

static unsigned int mix(unsigned int h, unsigned int v) { return (h ^ v) * 16777619u; }

static void by_constants(int x)
{
    unsigned int u = (unsigned int)x;
    print_int(x / 3); print_char(' ');
    print_int(x % 3); print_char(' ');
    print_int(x / 7); print_char(' ');
    print_int(x % 10); print_char(' ');
    print_int(x / 1000); print_char(' ');
    print_int(x / -5); print_char(' ');
    print_int(x / 16); print_char(' ');
    print_int(x % 16); print_char(' ');
    print_uint(u / 3); print_char(' ');
    print_uint(u % 7); print_char(' ');
    print_uint(u / 10); print_char(' ');
    print_uint(u / 1000000007u); print_char(' ');
    print_uint(u / 32); print_nl();
}

int main(void)
{
    unsigned int h = 2166136261u;
    for (int i = 0; i < N; i++) {
        int a = OPAQUE(values[i]);
        by_constants(a);
        for (int j = 0; j < N; j++) {
            int b = OPAQUE(values[j]);
            h = mix(h, (unsigned int)(a + b));
            h = mix(h, (unsigned int)(a - b));
            h = mix(h, (unsigned int)(a * b));
            h = mix(h, (unsigned int)(a < b));
            h = mix(h, (unsigned int)((unsigned int)a < (unsigned int)b));
            if (b != 0) {
                unsigned int ua = (unsigned int)a, ub = (unsigned int)b;
                if (!(a == (int)0x80000000 && b == -1)) {
                    h = mix(h, (unsigned int)(a / b));
                    h = mix(h, (unsigned int)(a % b));
                }
                h = mix(h, ua / ub);
                h = mix(h, ua % ub);
            }
        }
        print_kx("hash", h);
    }
    /* signed division rounds toward zero, remainder takes the dividend's sign */
    for (int a = -9; a <= 9; a += 3) {
        for (int b = -4; b <= 4; b++) {
            if (b == 0) continue;
            int x = OPAQUE(a), y = OPAQUE(b);
            print_int(x); print_char('/'); print_int(y); print_char('=');
            print_int(x / y); print_char(','); print_int(x % y); print_char(' ');
        }
        print_nl();
    }
    int acc = 0;
    for (int i = 0; i < 1000; i++)
        acc += OPAQUE(i) * 7 - (i >> 2) + (i < 500 ? i : -i) + (i % 13 == 0);
    print_kv("acc", acc);
    print_kv("slti", OPAQUE(-5) < 3);
    print_kv("sltiu", (unsigned int)OPAQUE(-5) < 3u);
    print_kx("wrap", (unsigned int)OPAQUE(0x7fffffff) + 1u);
    return 0;
}
