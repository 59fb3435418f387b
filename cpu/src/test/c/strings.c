/* ccorpus-endian: both
 * strings: the runtime's string and memory routines plus hand-written ones (reverse, number
 * formatting, word splitting, substring search, case mapping): byte loads and stores at every
 * alignment and data-dependent loops. */
#include "rt.h"

static char text[] = "The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs.";

static void reverse(char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n / 2; i++) {
        char t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
}

static char *utoa(unsigned int v, char *out, unsigned int base)
{
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    char tmp[33];
    int i = 0;
    do {
        tmp[i++] = digits[v % base];
        v /= base;
    } while (v);
    char *p = out;
    while (i)
        *p++ = tmp[--i];
    *p = 0;
    return out;
}

static const char *find(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        if (memcmp(hay, needle, n) == 0)
            return hay;
    }
    return NULL;
}

int main(void)
{
    print_kv("len", (int)strlen(text));
    char copy[128];
    strcpy(copy, text);
    reverse(copy);
    print_str(copy); print_nl();
    for (char *p = copy; *p; p++) {
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 32);
        else if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    }
    print_str(copy); print_nl();
    /* split into words */
    int words = 0;
    const char *w = text;
    while (*w) {
        while (*w == ' ')
            w++;
        const char *start = w;
        while (*w && *w != ' ')
            w++;
        if (w > start) {
            char word[32];
            size_t n = (size_t)(w - start);
            memcpy(word, start, n);
            word[n] = 0;
            print_int(words++); print_char(':'); print_str(word); print_char(' ');
        }
    }
    print_nl();
    char num[40];
    unsigned int vals[] = { 0, 7, 255, 65535, 123456789, 0xffffffffu };
    for (int i = 0; i < 6; i++) {
        print_str(utoa(vals[i], num, 2)); print_char(' ');
        print_str(utoa(vals[i], num, 8)); print_char(' ');
        print_str(utoa(vals[i], num, 36)); print_nl();
    }
    const char *needles[] = { "fox", "dog", "jugs.", "cat", "e", "" };
    for (int i = 0; i < 6; i++) {
        const char *f = find(text, needles[i]);
        print_str(needles[i]); print_char('@'); print_int(f ? (int)(f - text) : -1); print_char(' ');
    }
    print_nl();
    print_kv("cmp1", strcmp("apple", "apricot") < 0);
    print_kv("cmp2", strcmp("zeta", "zet") > 0);
    print_kv("cmp3", strcmp("same", "same"));
    print_kv("cmp4", strcmp("\xff", "a") > 0);
    char cat[64] = "con";
    strcat(cat, "cat");
    strcat(cat, "enate");
    print_str(cat); print_nl();
    char *x = strchr(cat, 'e');
    print_kv("strchr", x ? (int)(x - cat) : -1);
    /* memset and memmove at odd offsets */
    char area[48];
    memset(area, '.', sizeof area - 1);
    area[47] = 0;
    memset(area + 3, '#', 9);
    memmove(area + 10, area + 1, 20);
    memmove(area + 2, area + 7, 20);
    print_str(area); print_nl();
    u32 h = 5381;
    for (int r = 0; r < 50; r++) {
        for (int off = 0; off < 8; off++) {
            memmove(area + off, area + 8 - off, 30);
            for (int i = 0; i < 47; i++)
                h = h * 33 + (u8)area[i];
        }
    }
    print_kx("djb", h);
    return 0;
}
