/* interp: a small stack-machine bytecode interpreter (a dispatch switch in a loop, as every
 * language runtime has) running a few programs: factorial, a prime count, gcd, and a loop. */
#include "rt.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, LT, EQ, JMP, JZ, PRINT, DUP, SWAP, DROP, HALT };

static int run(const int *code, int *vars)
{
    int stack[64];
    int sp = 0, pc = 0, steps = 0;
    for (;;) {
        steps++;
        int op = code[pc++];
        switch (op) {
        case PUSH: stack[sp++] = code[pc++]; break;
        case LOAD: stack[sp++] = vars[code[pc++]]; break;
        case STORE: vars[code[pc++]] = stack[--sp]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case DIV: sp--; stack[sp - 1] /= stack[sp]; break;
        case MOD: sp--; stack[sp - 1] %= stack[sp]; break;
        case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case EQ: sp--; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
        case JMP: pc = code[pc]; break;
        case JZ: if (stack[--sp] == 0) pc = code[pc]; else pc++; break;
        case PRINT: print_int(stack[--sp]); print_char(' '); break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case SWAP: { int t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } break;
        case DROP: sp--; break;
        case HALT: print_nl(); return steps;
        default: print_str("bad op\n"); return -1;
        }
    }
}

/* v0 = 1; v1 = 1; while (v1 < 13) { v0 *= v1; print v0; v1++ } */
static const int factorial[] = {
    PUSH, 1, STORE, 0, PUSH, 1, STORE, 1,
    /* 8 */ LOAD, 1, PUSH, 13, LT, JZ, 33,
    LOAD, 0, LOAD, 1, MUL, DUP, PRINT, STORE, 0,
    LOAD, 1, PUSH, 1, ADD, STORE, 1, JMP, 8,
    /* 33 */ HALT,
};

/* count primes below 2000 by trial division: v0 = n, v1 = d, v2 = count */
static const int primes[] = {
    /* 0 */ PUSH, 2, STORE, 0, PUSH, 0, STORE, 2,
    /* 8: outer */ LOAD, 0, PUSH, 2000, LT, JZ, 63,
    /* 15 */ PUSH, 2, STORE, 1,
    /* 19: inner */ LOAD, 0, LOAD, 1, LOAD, 1, MUL, LT, JZ, 31, JMP, 47,
    /* 31: test */ LOAD, 0, LOAD, 1, MOD, JZ, 54,
    /* 38 */ LOAD, 1, PUSH, 1, ADD, STORE, 1, JMP, 19,
    /* 47: prime */ LOAD, 2, PUSH, 1, ADD, STORE, 2,
    /* 54: next */ LOAD, 0, PUSH, 1, ADD, STORE, 0, JMP, 8,
    /* 63: end */ LOAD, 2, PRINT, HALT,
};

/* gcd(v0, v1) by subtraction-free Euclid with MOD */
static const int gcd[] = {
    /* 0 */ LOAD, 1, PUSH, 0, EQ, JZ, 10, LOAD, 0, PRINT,
    /* 10 */ LOAD, 1, JZ, 27, LOAD, 0, LOAD, 1, MOD, LOAD, 1, STORE, 0, STORE, 1, JMP, 0,
    /* 27 */ HALT,
};

int main(void)
{
    int vars[8];
    memset(vars, 0, sizeof vars);
    print_kv("steps", run(factorial, vars));

    memset(vars, 0, sizeof vars);
    print_kv("steps", run(primes, vars));

    const int pairs[][2] = { { 1071, 462 }, { 270, 192 }, { 17, 5 }, { 1 << 20, 3 << 12 }, { 99991, 7 } };
    for (int i = 0; i < 5; i++) {
        vars[0] = pairs[i][0];
        vars[1] = pairs[i][1];
        print_int(run(gcd, vars)); print_char(' ');
        print_kv("gcd", vars[0]);
    }
    return 0;
}
