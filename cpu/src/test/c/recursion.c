/* recursion: deep recursion (tens of thousands of frames), functions with large stack frames
 * (kilobytes of locals, so offsets beyond a 16-bit immediate's reach are avoided or not), mutual
 * recursion, Ackermann, and the Towers of Hanoi. */
#include "rt.h"

static int depth(int n) { return n == 0 ? 0 : 1 + OPAQUE(depth)(n - 1); }

static unsigned int sum_down(unsigned int n, unsigned int acc)
{
    volatile unsigned int pad[4];
    pad[n & 3] = n;
    if (n == 0)
        return acc;
    return sum_down(n - 1, acc + pad[n & 3]) ^ 0;
}

static int ackermann(int m, int n)
{
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static int is_even(unsigned int n);
static int is_odd(unsigned int n) { return n == 0 ? 0 : is_even(n - 1); }
static int is_even(unsigned int n) { return n == 0 ? 1 : is_odd(n - 1); }

static int moves;
static void hanoi(int n, int from, int to, int via)
{
    if (n == 0) return;
    hanoi(n - 1, from, via, to);
    moves++;
    if (n >= 9) {
        print_int(n); print_char(':'); print_int(from); print_str("->"); print_int(to); print_char(' ');
    }
    hanoi(n - 1, via, to, from);
}

/* a frame of 40 KiB: the stack offsets need more than a 16-bit immediate */
static unsigned int big_frame(int seed)
{
    volatile unsigned int a[10000];
    for (int i = 0; i < 10000; i++)
        a[i] = (unsigned int)(seed + i) * 2654435761u;
    unsigned int h = 0;
    for (int i = 9999; i >= 0; i -= 3)
        h ^= a[i] + (h << 5);
    return h;
}

static unsigned int nested_frames(int n)
{
    volatile unsigned char local[1500];
    for (int i = 0; i < 1500; i += 100)
        local[i] = (unsigned char)(n + i);
    unsigned int r = n > 0 ? nested_frames(n - 1) : 0;
    for (int i = 0; i < 1500; i += 100)
        r = r * 3 + local[i];
    return r;
}

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(void)
{
    print_kv("depth", depth(20000));
    print_kx("sum_down", sum_down(30000, 0));
    for (int m = 0; m <= 2; m++)
        for (int n = 0; n <= 4; n++)
            print_int(ackermann(m, n)), print_char(' ');
    print_nl();
    print_kv("ack(3,5)", ackermann(3, 5));
    print_kv("even(10001)", is_even(10001));
    print_kv("odd(7777)", is_odd(7777));
    hanoi(12, 1, 3, 2);
    print_nl();
    print_kv("moves", moves);
    print_kx("big_frame", big_frame(7));
    print_kx("nested", nested_frames(100));
    print_kv("fib(22)", fib(22));
    return 0;
}
