/* sort: the runtime's qsort on integers, structures and strings through comparison callbacks,
 * and a hand-written recursive quicksort and merge sort over pseudo-random data. */
#include "rt.h"

static u32 rng = 12345;
static u32 next(void) { rng = rng * 1103515245u + 12345u; return (rng >> 16) & 0x7fff; }

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

struct person { char name[12]; int age; short id; };

static int cmp_person(const void *a, const void *b)
{
    const struct person *p = a, *q = b;
    if (p->age != q->age) return p->age - q->age;
    return strcmp(p->name, q->name);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void quicksort(int *a, int lo, int hi)
{
    while (lo < hi) {
        int p = a[(lo + hi) / 2], i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
        else { quicksort(a, i, hi); hi = j; }
    }
}

static int tmp[2000];
static void mergesort(int *a, int n)
{
    if (n < 2) return;
    int m = n / 2;
    mergesort(a, m);
    mergesort(a + m, n - m);
    int i = 0, j = m, k = 0;
    while (i < m && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < m) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, (size_t)n * sizeof(int));
}

static int data[2000], data2[2000], data3[2000];

int main(void)
{
    for (int i = 0; i < 2000; i++)
        data[i] = data2[i] = data3[i] = (int)next() - 16384;
    qsort(data, 2000, sizeof(int), cmp_int);
    quicksort(data2, 0, 1999);
    mergesort(data3, 2000);
    int ok = 1;
    u32 h = 0;
    for (int i = 0; i < 2000; i++) {
        if (i && data[i - 1] > data[i]) ok = 0;
        if (data[i] != data2[i] || data[i] != data3[i]) ok = 0;
        h = h * 31 + (u32)data[i];
    }
    print_kv("sorted", ok);
    print_kx("hash", h);
    for (int i = 0; i < 2000; i += 250)
        print_int(data[i]), print_char(' ');
    print_nl();
    struct person people[] = {
        { "mallory", 33, 1 }, { "alice", 30, 2 }, { "bob", 25, 3 }, { "carol", 30, 4 },
        { "dave", 41, 5 }, { "eve", 25, 6 }, { "trent", 52, 7 }, { "peggy", 30, 8 },
    };
    qsort(people, 8, sizeof people[0], cmp_person);
    for (int i = 0; i < 8; i++) {
        print_str(people[i].name); print_char('/'); print_int(people[i].age);
        print_char('/'); print_int(people[i].id); print_char(' ');
    }
    print_nl();
    const char *words[] = { "pear", "apple", "fig", "banana", "cherry", "date", "apricot", "kiwi", "grape" };
    qsort(words, 9, sizeof words[0], cmp_str);
    for (int i = 0; i < 9; i++)
        print_str(words[i]), print_char(' ');
    print_nl();
    return 0;
}
