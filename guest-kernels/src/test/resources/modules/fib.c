/* A freestanding C program for tinyos (tests): Linux o32 system calls by hand, no C library.
 * Built with: mips-linux-gnu-gcc -EB -march=mips1 -mfp32 -msoft-float -mno-abicalls -fno-pic
 *             -static -nostdlib -fno-builtin -O2 */
static long sys3(long n, long a, long b, long c) {
    register long v0 asm("$2") = n;
    register long a0 asm("$4") = a, a1 asm("$5") = b, a2 asm("$6") = c;
    register long a3 asm("$7");
    asm volatile("syscall" : "+r"(v0), "=r"(a3) : "r"(a0), "r"(a1), "r"(a2) : "memory", "$1", "$3", "$8", "$9", "$10", "$11", "$12", "$13", "$14", "$15", "$24", "$25", "hi", "lo");
    return a3 ? -v0 : v0;
}
static void puts_(const char *s) { volatile long n = 0; while (s[n]) n++; sys3(4004, 1, (long) s, n); }
static void putnum(unsigned long v) { char b[12]; int i = 12; do { b[--i] = '0' + v % 10; v /= 10; } while (v); sys3(4004, 1, (long) (b + i), 12 - i); }
static unsigned long fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int table[1000];
void __start(void) {
    char *heap = (char *) sys3(4045, 0, 0, 0);
    sys3(4045, (long) (heap + 8192), 0, 0);
    for (int i = 0; i < 8192; i++) heap[i] = (char) i;
    long s = 0;
    for (int i = 0; i < 8192; i++) s += heap[i];
    for (int i = 0; i < 1000; i++) table[i] = i * i;
    puts_("pid "); putnum(sys3(4020, 0, 0, 0));
    puts_(": fib(20) = "); putnum(fib(20));
    puts_(", heap sum = "); putnum((unsigned long) s);
    puts_(", table[999] = "); putnum(table[999]); puts_("\n");
    sys3(4246, 0, 0, 0);
    for (;;) ;
}
