/* hashtable: a bump allocator, an open-addressing hash table with string keys, and singly linked
 * lists (pointer chasing, insertion, reversal, deletion). */
#include "rt.h"

static u8 heap[65536];
static size_t heap_used;

static void *alloc(size_t n)
{
    n = (n + 7) & ~7u;
    if (heap_used + n > sizeof heap)
        return NULL;
    void *p = heap + heap_used;
    heap_used += n;
    return p;
}

struct entry { const char *key; int value; };
#define SLOTS 512
static struct entry table[SLOTS];

static u32 hash(const char *s)
{
    u32 h = 2166136261u;
    while (*s)
        h = (h ^ (u8)*s++) * 16777619u;
    return h;
}

static int probes;
static struct entry *lookup(const char *key, int insert)
{
    u32 i = hash(key) & (SLOTS - 1);
    for (;;) {
        probes++;
        if (!table[i].key) {
            if (!insert)
                return NULL;
            table[i].key = key;
            return &table[i];
        }
        if (strcmp(table[i].key, key) == 0)
            return &table[i];
        i = (i + 1) & (SLOTS - 1);
    }
}

static char *make_key(int n)
{
    char *k = alloc(12);
    char *p = k;
    *p++ = 'k';
    do {
        *p++ = (char)('a' + n % 26);
        n /= 26;
    } while (n);
    *p = 0;
    return k;
}

struct node { int value; struct node *next; };

int main(void)
{
    for (int i = 0; i < 300; i++) {
        struct entry *e = lookup(make_key(i * 7), 1);
        e->value += i;
    }
    int found = 0, sum = 0;
    for (int i = 0; i < 600; i++) {
        char key[16];
        char *k = make_key(i * 7);
        strcpy(key, k);
        struct entry *e = lookup(key, 0);
        if (e) {
            found++;
            sum += e->value;
        }
    }
    print_kv("found", found);
    print_kv("sum", sum);
    print_kv("probes", probes);
    print_kv("heap", (int)heap_used);
    struct node *head = NULL;
    for (int i = 0; i < 1000; i++) {
        struct node *n = alloc(sizeof *n);
        if (!n)
            break;
        n->value = (i * 7919) % 1000;
        n->next = head;
        head = n;
    }
    struct node *rev = NULL;
    while (head) {
        struct node *next = head->next;
        head->next = rev;
        rev = head;
        head = next;
    }
    struct node **pp = &rev;
    while (*pp) {
        if ((*pp)->value % 3 == 0)
            *pp = (*pp)->next;
        else
            pp = &(*pp)->next;
    }
    int len = 0;
    u32 h = 0;
    for (struct node *n = rev; n; n = n->next) {
        len++;
        h = h * 31 + (u32)n->value;
    }
    print_kv("len", len);
    print_kx("hash", h);
    for (struct node *n = rev; n && len-- > 660; n = n->next)
        print_int(n->value), print_char(' ');
    print_nl();
    return 0;
}
