/* ccorpus-emits: jr
 * switch: dense switch statements that GCC compiles to jump tables (a load from a table and JR),
 * sparse ones that become compare chains, and a small state machine (a tokenizer). */
#include "rt.h"

static int dense(int x)
{
    switch (x) {
    case 0: return 11;
    case 1: return 23;
    case 2: return -5;
    case 3: return 42;
    case 4: return 1000;
    case 5: return x * x;
    case 6: return 7;
    case 7: return -x;
    case 8: return 99;
    case 9: return 3;
    case 10: return 12345;
    case 11: return 0;
    default: return -1;
    }
}

static const char *sparse(int x)
{
    switch (x) {
    case -100: return "minus-hundred";
    case 1: return "one";
    case 404: return "not-found";
    case 1024: return "kilo";
    case 65536: return "sixty-four-k";
    default: return "other";
    }
}

enum tok { T_NUM, T_IDENT, T_OP, T_SPACE, T_OTHER };

static enum tok classify(char c)
{
    switch (c) {
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        return T_NUM;
    case '+': case '-': case '*': case '/': case '=': case '(': case ')':
        return T_OP;
    case ' ': case '\t':
        return T_SPACE;
    default:
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
            return T_IDENT;
        return T_OTHER;
    }
}

static void tokenize(const char *s)
{
    enum { S_START, S_NUM, S_IDENT } state = S_START;
    int value = 0;
    const char *start = s;
    for (;; s++) {
        char c = *s;
        enum tok t = c ? classify(c) : T_SPACE;
        switch (state) {
        case S_NUM:
            if (t == T_NUM) { value = value * 10 + (c - '0'); continue; }
            print_str("NUM("); print_int(value); print_str(") ");
            state = S_START;
            break;
        case S_IDENT:
            if (t == T_IDENT || t == T_NUM) continue;
            print_str("ID(");
            for (const char *p = start; p < s; p++) print_char(*p);
            print_str(") ");
            state = S_START;
            break;
        case S_START:
            break;
        }
        if (!c) break;
        switch (t) {
        case T_NUM: state = S_NUM; value = c - '0'; break;
        case T_IDENT: state = S_IDENT; start = s; break;
        case T_OP: print_str("OP("); print_char(c); print_str(") "); break;
        case T_SPACE: break;
        case T_OTHER: print_str("?? "); break;
        }
    }
    print_nl();
}

int main(void)
{
    int sum = 0;
    for (int i = -2; i < 14; i++) {
        int d = dense(OPAQUE(i));
        print_int(d); print_char(' ');
        sum += d;
    }
    print_nl();
    print_kv("sum", sum);
    const int keys[] = { -100, 1, 2, 404, 1024, 65536, 7 };
    for (int i = 0; i < 7; i++) {
        print_str(sparse(OPAQUE(keys[i]))); print_char(' ');
    }
    print_nl();
    tokenize("x1 = (alpha + 42) * beta_2 - 7/y $ 1000");
    tokenize("count=count+1");
    unsigned int h = 0;
    for (int i = 0; i < 5000; i++)
        h = h * 31 + (unsigned int)dense(OPAQUE(i % 15)) + (unsigned int)classify((char)(i & 127));
    print_kx("hash", h);
    return 0;
}
