/*
 * console.c: output for the Linux o32 runtime. Characters are buffered and written to file
 * descriptor 1 with the raw write system call ($v0 = 4004; $a3 is the error flag on return).
 */
#include "../rt.h"

#define SYS_write 4004

static char buf[512];
static unsigned int used;

static int sys_write(int fd, const void *p, unsigned int n)
{
    register int v0 __asm__("$2") = SYS_write;
    register int a0 __asm__("$4") = fd;
    register const void *a1 __asm__("$5") = p;
    register unsigned int a2 __asm__("$6") = n;
    register int a3 __asm__("$7");
    __asm__ volatile("syscall"
                     : "+r"(v0), "=r"(a3)
                     : "r"(a0), "r"(a1), "r"(a2)
                     : "$1", "$3", "$8", "$9", "$10", "$11", "$12", "$13", "$14", "$15",
                       "$24", "$25", "hi", "lo", "memory");
    return a3 ? -v0 : v0;
}

void rt_flush(void)
{
    unsigned int done = 0;
    while (done < used) {
        int n = sys_write(1, buf + done, used - done);
        if (n <= 0)
            break;
        done += (unsigned int)n;
    }
    used = 0;
}

void rt_putchar(int c)
{
    buf[used++] = (char)c;
    if (used == sizeof buf)
        rt_flush();
}
