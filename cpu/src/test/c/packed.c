/* ccorpus-endian: both
 * ccorpus-emits: lwl lwr swl swr
 * packed: packed structures put words at odd addresses, so GCC reads them with LWL/LWR pairs
 * and writes them with SWL/SWR pairs (MIPS-I has no unaligned LW/SW); halfwords go byte by byte.
 * Also an unaligned copy through the runtime's memcpy and a packed wire-format header. */
#include "rt.h"

struct __attribute__((packed)) rec {
    u8 tag;
    u32 value;
    u16 half;
    s32 svalue;
    u8 pad[3];
    u32 tail;
};

struct __attribute__((packed)) header {
    u8 version;
    u16 length;
    u32 seq;
    u8 flags;
    u32 checksum;
};

static struct rec recs[8];
static u8 wire[64];

static u32 read_value(const struct rec *r) { return r->value; }

int main(void)
{
    print_kv("sizeof rec", (int)sizeof(struct rec));
    print_kv("sizeof header", (int)sizeof(struct header));
    for (int i = 0; i < 8; i++) {
        struct rec *r = OPAQUE(&recs[i]);
        r->tag = (u8)i;
        r->value = 0x01020304u * (u32)(i + 1);
        r->half = (u16)(0xbeef + i);
        r->svalue = -1000 * i - 7;
        r->tail = 0xa5a5a5a5u ^ (u32)i;
    }
    u32 h = 0;
    for (int i = 0; i < 8; i++) {
        struct rec *r = OPAQUE(&recs[i]);
        print_int(r->tag); print_char(' ');
        print_hex(read_value(r)); print_char(' ');
        print_hex(r->half); print_char(' ');
        print_int(r->svalue); print_char(' ');
        print_hex(r->tail); print_nl();
        h = h * 33 + r->value + r->tail;
    }
    print_kx("hash", h);
    /* the raw bytes show where the fields landed */
    const u8 *raw = (const u8 *)recs;
    for (int i = 0; i < 20; i++)
        print_hex(raw[i]), print_char(i % 10 == 9 ? '\n' : ' ');
    /* a header at every offset of a byte buffer */
    for (int off = 0; off < 4; off++) {
        struct header *hd = OPAQUE((struct header *)(void *)(wire + off));
        hd->version = 2;
        hd->length = (u16)(0x1234 + off);
        hd->seq = 0xdeadbeefu + (u32)off;
        hd->flags = 0x80;
        hd->checksum = hd->seq ^ hd->length;
        print_hex(hd->seq); print_char(' '); print_hex(hd->checksum); print_char(' ');
        u32 sum = 0;
        for (int i = 0; i < 16; i++)
            sum = sum * 7 + wire[i];
        print_hex(sum); print_nl();
    }
    /* unaligned memcpy in both directions */
    u8 src[40], dst[40];
    for (int i = 0; i < 40; i++)
        src[i] = (u8)(i * 13), dst[i] = 0;
    memcpy(OPAQUE(dst + 3), OPAQUE(src + 1), 30);
    memmove(OPAQUE(dst + 5), OPAQUE(dst + 3), 20);
    u32 c = 0;
    for (int i = 0; i < 40; i++)
        c = c * 31 + dst[i];
    print_kx("copy", c);
    return 0;
}
