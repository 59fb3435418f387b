/*
 * common.c: printing helpers and the freestanding library routines that both runtimes share.
 * GCC may emit calls to memcpy, memmove, memset and memcmp even with -ffreestanding (for
 * structure copies and the like), and calls __udivdi3 and friends for 64-bit division, so they
 * are defined here. Everything is plain C: the same object code runs on vm3000 and qemu-mips.
 */
#include "rt.h"

void print_char(int c) { rt_putchar(c); }

void print_str(const char *s)
{
    while (*s)
        rt_putchar(*s++);
}

void print_nl(void) { rt_putchar('\n'); }

void print_uint(unsigned int v)
{
    char buf[12];
    int i = 0;
    do {
        buf[i++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (i > 0)
        rt_putchar(buf[--i]);
}

void print_int(int v)
{
    if (v < 0) {
        rt_putchar('-');
        print_uint(0u - (unsigned int)v);
    } else {
        print_uint((unsigned int)v);
    }
}

static void hex_digits(unsigned int v, int n)
{
    static const char digits[] = "0123456789abcdef";
    for (int i = n - 1; i >= 0; i--)
        rt_putchar(digits[(v >> (4 * i)) & 15]);
}

void print_hex(unsigned int v)
{
    print_str("0x");
    hex_digits(v, 8);
}

void print_hex64(u64 v)
{
    print_str("0x");
    hex_digits((unsigned int)(v >> 32), 8);
    hex_digits((unsigned int)v, 8);
}

void print_u64(u64 v)
{
    char buf[21];
    int i = 0;
    do {
        buf[i++] = (char)('0' + (int)__umoddi3(v, 10));
        v = __udivdi3(v, 10);
    } while (v);
    while (i > 0)
        rt_putchar(buf[--i]);
}

void print_kv(const char *label, int v)
{
    print_str(label);
    rt_putchar('=');
    print_int(v);
    rt_putchar('\n');
}

void print_kx(const char *label, unsigned int v)
{
    print_str(label);
    rt_putchar('=');
    print_hex(v);
    rt_putchar('\n');
}

void *memcpy(void *dst, const void *src, size_t n)
{
    u8 *d = dst;
    const u8 *s = src;
    if ((((unsigned int)d | (unsigned int)s | n) & 3) == 0) {
        for (; n; n -= 4, d += 4, s += 4)
            *(u32 *)d = *(const u32 *)s;
        return dst;
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    u8 *d = dst;
    const u8 *s = src;
    if (d < s) {
        while (n--)
            *d++ = *s++;
    } else {
        while (n--)
            d[n] = s[n];
    }
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    u8 *d = dst;
    while (n--)
        *d++ = (u8)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const u8 *x = a, *y = b;
    for (; n; n--, x++, y++) {
        if (*x != *y)
            return *x - *y;
    }
    return 0;
}

size_t strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (u8)*a - (u8)*b;
}

char *strcpy(char *dst, const char *src)
{
    char *d = dst;
    while ((*d++ = *src++) != 0)
        ;
    return dst;
}

char *strcat(char *dst, const char *src)
{
    strcpy(dst + strlen(dst), src);
    return dst;
}

char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

static void swap_bytes(u8 *a, u8 *b, size_t size)
{
    while (size--) {
        u8 t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

/* Shell sort over the classic gap sequence: small, not recursive, deterministic. */
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    u8 *b = base;
    size_t gap = 1;
    while (gap < n / 3)
        gap = gap * 3 + 1;
    for (; gap > 0; gap /= 3) {
        for (size_t i = gap; i < n; i++) {
            for (size_t j = i; j >= gap && cmp(b + (j - gap) * size, b + j * size) > 0; j -= gap)
                swap_bytes(b + (j - gap) * size, b + j * size, size);
        }
    }
}

/* Restoring shift-subtract division: 64 steps, no 64-bit divide instruction needed. */
static u64 udivmod64(u64 n, u64 d, u64 *rem)
{
    if (d == 0) {
        *rem = n;
        return ~0ULL;
    }
    if ((d >> 32) == 0 && (n >> 32) == 0) {
        unsigned int nl = (unsigned int)n, dl = (unsigned int)d;
        *rem = nl % dl;
        return nl / dl;
    }
    u64 q = 0, r = 0;
    for (int i = 63; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= 1ULL << i;
        }
    }
    *rem = r;
    return q;
}

u64 __udivdi3(u64 a, u64 b)
{
    u64 r;
    return udivmod64(a, b, &r);
}

u64 __umoddi3(u64 a, u64 b)
{
    u64 r;
    udivmod64(a, b, &r);
    return r;
}

s64 __divdi3(s64 a, s64 b)
{
    u64 r;
    u64 ua = a < 0 ? 0 - (u64)a : (u64)a;
    u64 ub = b < 0 ? 0 - (u64)b : (u64)b;
    u64 q = udivmod64(ua, ub, &r);
    return (a < 0) != (b < 0) ? (s64)(0 - q) : (s64)q;
}

s64 __moddi3(s64 a, s64 b)
{
    u64 r;
    u64 ua = a < 0 ? 0 - (u64)a : (u64)a;
    u64 ub = b < 0 ? 0 - (u64)b : (u64)b;
    udivmod64(ua, ub, &r);
    return a < 0 ? (s64)(0 - r) : (s64)r;
}

/* 64-bit shifts on 32-bit halves: GCC calls these when optimising for size. They must not use
 * a 64-bit shift themselves, or -Os would turn them into calls to themselves. */
typedef union {
    u64 all;
    struct {
#ifdef __MIPSEB__
        u32 hi, lo;
#else
        u32 lo, hi;
#endif
    } w;
} dword;

u64 __ashldi3(u64 a, int n)
{
    dword x = { .all = a }, r;
    if (n & 32) {
        r.w.hi = x.w.lo << (n & 31);
        r.w.lo = 0;
    } else if (n == 0) {
        return a;
    } else {
        r.w.hi = (x.w.hi << n) | (x.w.lo >> (32 - n));
        r.w.lo = x.w.lo << n;
    }
    return r.all;
}

u64 __lshrdi3(u64 a, int n)
{
    dword x = { .all = a }, r;
    if (n & 32) {
        r.w.lo = x.w.hi >> (n & 31);
        r.w.hi = 0;
    } else if (n == 0) {
        return a;
    } else {
        r.w.lo = (x.w.lo >> n) | (x.w.hi << (32 - n));
        r.w.hi = x.w.hi >> n;
    }
    return r.all;
}

s64 __ashrdi3(s64 a, int n)
{
    dword x = { .all = (u64)a }, r;
    if (n & 32) {
        r.w.lo = (u32)((s32)x.w.hi >> (n & 31));
        r.w.hi = (u32)((s32)x.w.hi >> 31);
    } else if (n == 0) {
        return a;
    } else {
        r.w.lo = (x.w.lo >> n) | (x.w.hi << (32 - n));
        r.w.hi = (u32)((s32)x.w.hi >> n);
    }
    return (s64)r.all;
}
