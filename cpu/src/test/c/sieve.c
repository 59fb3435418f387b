/* sieve: the sieve of Eratosthenes on a byte array and on a bit array (shifts and masks), prime
 * counts, twin primes and Goldbach partitions. */
#include "rt.h"

#define LIMIT 200000

static u8 composite[LIMIT + 1];
static u32 bits[(LIMIT >> 5) + 1];

static int is_set(u32 i) { return (bits[i >> 5] >> (i & 31)) & 1; }

int main(void)
{
    for (u32 i = 2; i * i <= LIMIT; i++)
        if (!composite[i])
            for (u32 j = i * i; j <= LIMIT; j += i)
                composite[j] = 1;
    bits[0] = 3;
    for (u32 i = 2; i * i <= LIMIT; i++)
        if (!is_set(i))
            for (u32 j = i * i; j <= LIMIT; j += i)
                bits[j >> 5] |= 1u << (j & 31);
    int count = 0, twins = 0, agree = 1, last = 0;
    for (u32 i = 2; i <= LIMIT; i++) {
        if (composite[i] != is_set(i))
            agree = 0;
        if (!composite[i]) {
            count++;
            if (i >= 2 && !composite[i - 2])
                twins++;
            last = (int)i;
        }
        if (i == 10 || i == 100 || i == 1000 || i == 10000 || i == 100000) {
            print_int((int)i); print_char(':'); print_int(count); print_char(' ');
        }
    }
    print_nl();
    print_kv("count", count);
    print_kv("twins", twins);
    print_kv("largest", last);
    print_kv("agree", agree);
    for (int n = 100; n <= 1000; n += 100) {
        int ways = 0;
        for (int p = 2; p <= n / 2; p++)
            if (!composite[p] && !composite[n - p])
                ways++;
        print_int(n); print_char('='); print_int(ways); print_char(' ');
    }
    print_nl();
    u32 h = 0;
    for (u32 i = 0; i < (LIMIT >> 5); i++)
        h = h * 16777619u ^ bits[i];
    print_kx("bits", h);
    return 0;
}
