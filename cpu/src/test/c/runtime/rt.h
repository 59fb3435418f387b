/*
 * rt.h: the interface every C corpus program is written against. Two runtimes implement it:
 * runtime/baremetal (vm3000: serial console, power-off through the trace device) and
 * runtime/linux (qemu-mips user mode: raw write and exit_group system calls). The printing
 * helpers and the freestanding library routines in runtime/common.c are shared by both.
 *
 * A program defines main(), prints with the helpers below and returns 0 on success.
 */
#ifndef RT_H
#define RT_H

typedef unsigned int size_t;
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

#define NULL ((void *)0)

/* Provided by each runtime: send one byte to the program's output. */
void rt_putchar(int c);
/* Provided by each runtime: push any buffered output out (called before exit). */
void rt_flush(void);

/* common.c */
void print_char(int c);
void print_str(const char *s);
void print_int(int v);
void print_uint(unsigned int v);
void print_hex(unsigned int v);           /* always 8 digits, 0x prefix */
void print_u64(u64 v);                    /* decimal */
void print_hex64(u64 v);                  /* 16 digits, 0x prefix */
void print_nl(void);
/* print "label=value\n" in decimal or hex */
void print_kv(const char *label, int v);
void print_kx(const char *label, unsigned int v);

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
char *strcpy(char *dst, const char *src);
char *strcat(char *dst, const char *src);
char *strchr(const char *s, int c);
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* 64-bit division: GCC calls these (libgcc's names); libgcc is never linked. */
u64 __udivdi3(u64 a, u64 b);
u64 __umoddi3(u64 a, u64 b);
s64 __divdi3(s64 a, s64 b);
s64 __moddi3(s64 a, s64 b);
/* 64-bit shifts: GCC calls these at -Os. */
u64 __ashldi3(u64 a, int n);
u64 __lshrdi3(u64 a, int n);
s64 __ashrdi3(s64 a, int n);

/* Keeps the compiler from folding a value known at compile time. */
#define OPAQUE(x) ({ __typeof__(0 ? (x) : (x)) _v = (x); __asm__("" : "+r"(_v)); _v; })

#endif
