/* bigint: multi-precision arithmetic on 32-bit limbs: 100! and 2^1000 by limb multiplication
 * with MULTU and carries, printed in decimal by repeated division of the whole number by 10^9. */
#include "rt.h"

#define LIMBS 40

static int mul_small(u32 *a, int n, u32 m)
{
    u32 carry = 0;
    for (int i = 0; i < n; i++) {
        u64 p = (u64)a[i] * m + carry;
        a[i] = (u32)p;
        carry = (u32)(p >> 32);
    }
    if (carry)
        a[n++] = carry;
    return n;
}

/* divides in place, returns the remainder: long division with 64-bit dividends */
static u32 div_small(u32 *a, int n, u32 d)
{
    u64 rem = 0;
    for (int i = n - 1; i >= 0; i--) {
        u64 cur = (rem << 32) | a[i];
        a[i] = (u32)(cur / d);
        rem = cur % d;
    }
    return (u32)rem;
}

static void print_big(const u32 *src, int n)
{
    u32 a[LIMBS];
    u32 chunks[LIMBS * 2];
    int k = 0;
    memcpy(a, src, (size_t)n * 4);
    while (n > 0) {
        chunks[k++] = div_small(a, n, 1000000000u);
        while (n > 0 && a[n - 1] == 0)
            n--;
    }
    print_uint(chunks[--k]);
    while (k > 0) {
        u32 c = chunks[--k];
        for (u32 p = 100000000u; p > 0; p /= 10)
            print_char((int)('0' + c / p % 10));
    }
    print_nl();
}

static int add(u32 *r, const u32 *a, int na, const u32 *b, int nb)
{
    int n = na > nb ? na : nb;
    u32 carry = 0;
    for (int i = 0; i < n; i++) {
        u32 x = i < na ? a[i] : 0, y = i < nb ? b[i] : 0;
        u32 s = x + y;
        u32 c1 = s < x;
        s += carry;
        carry = c1 | (s < carry);
        r[i] = s;
    }
    if (carry)
        r[n++] = carry;
    return n;
}

int main(void)
{
    u32 f[LIMBS] = { 1 };
    int n = 1;
    for (u32 i = 2; i <= 100; i++)
        n = mul_small(f, n, i);
    print_str("100! = ");
    print_big(f, n);
    u32 p[LIMBS] = { 1 };
    int np = 1;
    for (int i = 0; i < 1000; i += 25)
        np = mul_small(p, np, 1u << 25);
    print_str("2^1000 = ");
    print_big(p, np);
    /* Fibonacci(300) by limb addition */
    u32 a[LIMBS] = { 0 }, b[LIMBS] = { 1 }, c[LIMBS];
    int na = 1, nb = 1;
    for (int i = 0; i < 300; i++) {
        int nc = add(c, a, na, b, nb);
        memcpy(a, b, sizeof a);
        na = nb;
        memcpy(b, c, sizeof b);
        nb = nc;
    }
    print_str("fib(300) = ");
    print_big(a, na);
    return 0;
}
