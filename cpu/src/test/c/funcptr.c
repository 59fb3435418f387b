/* funcptr: calls through function pointers (JALR): a table of operations, callbacks passed to a
 * higher-order function, a pointer returned from a function, and a struct of methods. */
#include "rt.h"

typedef int (*binop)(int, int);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int divi(int a, int b) { return b ? a / b : 0; }
static int mod(int a, int b) { return b ? a % b : 0; }
static int max(int a, int b) { return a > b ? a : b; }
static int min(int a, int b) { return a < b ? a : b; }
static int xor(int a, int b) { return a ^ b; }

static const binop ops[] = { add, sub, mul, divi, mod, max, min, xor };
static const char *const names[] = { "add", "sub", "mul", "div", "mod", "max", "min", "xor" };

static int fold(const int *v, int n, binop f, int init)
{
    for (int i = 0; i < n; i++)
        init = f(init, v[i]);
    return init;
}

static binop pick(int key) { return ops[(unsigned int)key % 8]; }

struct shape {
    const char *name;
    int (*area)(const struct shape *);
    int (*perimeter)(const struct shape *);
    int a, b;
};

static int rect_area(const struct shape *s) { return s->a * s->b; }
static int rect_perim(const struct shape *s) { return 2 * (s->a + s->b); }
static int tri_area(const struct shape *s) { return s->a * s->b / 2; }
static int tri_perim(const struct shape *s) { return s->a + s->b + (s->a > s->b ? s->a : s->b); }

static int apply_n(int (*f)(int), int x, int n)
{
    while (n--)
        x = f(x);
    return x;
}
static int collatz(int x) { return x & 1 ? 3 * x + 1 : x / 2; }
static int twice(int x) { return x * 2 + 1; }

int main(void)
{
    const int v[] = { 17, -3, 42, 8, 100, -55, 9, 1 };
    for (int i = 0; i < 8; i++) {
        binop f = OPAQUE(ops[i]);
        print_str(names[i]); print_char(' ');
        print_int(fold(v, 8, f, i == 2 ? 1 : 1000)); print_char(' ');
        print_int(f(OPAQUE(-77), OPAQUE(6))); print_nl();
    }
    int acc = 0;
    for (int k = 0; k < 200; k++)
        acc = pick(k * 7 + acc)(acc, k + 1) & 0xffff;
    print_kv("acc", acc);
    struct shape shapes[] = {
        { "rect", rect_area, rect_perim, 3, 4 },
        { "tri", tri_area, tri_perim, 6, 5 },
        { "square", rect_area, rect_perim, 7, 7 },
    };
    for (int i = 0; i < 3; i++) {
        struct shape *s = OPAQUE(&shapes[i]);
        print_str(s->name); print_char(' ');
        print_int(s->area(s)); print_char(' ');
        print_int(s->perimeter(s)); print_nl();
    }
    print_kv("collatz", apply_n(OPAQUE(collatz), 27, 50));
    print_kv("twice", apply_n(OPAQUE(twice), 1, 20));
    return 0;
}
