/*
 * internal.h - helpers shared by the runtime's own files; not installed.
 */
#ifndef HOOKRT_INTERNAL_H
#define HOOKRT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "hookrt.h"

/* For the few helpers of the byte loop that must be inlined into it,
 * whatever the compiler's size limits say: a call per token costs the
 * loop more than the code it copies. And for the functions kept out of
 * it, so that hook_feed's one-byte cases do not pay for their frames. */
#if defined(__GNUC__)
#define HOOK_INLINE inline __attribute__((always_inline))
#define HOOK_NOINLINE __attribute__((noinline))
#else
#define HOOK_INLINE inline
#define HOOK_NOINLINE
#endif

/* SSE2 is part of every x86-64 processor: string bodies are scanned
 * sixteen bytes at a time there, eight elsewhere. */
#if defined(__GNUC__) && defined(__SSE2__) && defined(__x86_64__)
#define HOOK_SSE2_PLAIN 1
#include <emmintrin.h>
#endif

int hook_days_in_month(int year, int month);
int64_t hook_days_from_civil(int year, int month, int day);
void hook_civil_from_days(int64_t days, int *year, int *month, int *day);

/* Clears the storage and flags of the fields of rec in `mask` (bit i:
 * field i) in the struct at base (parse.c). */
void hook_clear_fields(const hook_record *rec, unsigned char *base,
                       uint64_t mask);

/* Byte classes for the hot loops (scan.c): JSON whitespace, and bytes
 * that stand for themselves inside a string (printable ASCII but '"'
 * and '\'). */
enum { HOOK_C_SPACE = 1, HOOK_C_PLAIN = 2 };
extern const unsigned char hook_byte_class[256];

/* The value of a hex digit, or 16 for any other byte. */
extern const unsigned char hook_hex_table[256];

/*
 * UTF-8, one rule for every reader: how many continuation bytes a lead
 * byte c (>= 0x80) needs, 0 when it cannot start a sequence, and the
 * range of the first continuation byte (the others are 0x80..0xBF). The
 * ranges refuse overlong forms, UTF-16 surrogates and U+110000 and up.
 */
static inline int hook_utf8_lead(unsigned char c, unsigned char *lo,
                                 unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        return 1;
    if (c >= 0xE0 && c <= 0xEF) {
        if (c == 0xE0)
            *lo = 0xA0;
        else if (c == 0xED)
            *hi = 0x9F;
        return 2;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (c == 0xF0)
            *lo = 0x90;
        else if (c == 0xF4)
            *hi = 0x8F;
        return 3;
    }
    return 0;
}

/* Length of the well-formed sequence at s (a byte >= 0x80) when all of
 * it lies within the `avail` bytes there; 0 when it is cut short or
 * malformed. */
static inline size_t hook_utf8_sequence(const unsigned char *s, size_t avail)
{
    unsigned char lo, hi;
    size_t need = (size_t)hook_utf8_lead(s[0], &lo, &hi), i;

    if (need == 0 || avail <= need || s[1] < lo || s[1] > hi)
        return 0;
    for (i = 2; i <= need; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    }
    return need + 1;
}

/* The end of the part of a string body from s that is plain bytes and
 * whole, well-formed UTF-8 characters, found sixteen bytes at a time
 * where the processor allows (scan.c); it may stop short of that end,
 * and returns s itself when the wide scan does not apply. Adds the
 * continuation bytes it passes to *cont. */
const unsigned char *hook_scan_text_wide(const unsigned char *s,
                                         const unsigned char *end,
                                         uint64_t *cont);

/* The end of a run of plain string bytes starting at s: eight bytes at a
 * time while none of them needs a closer look, then one at a time. On
 * little-endian GCC and clang the first special byte of a word is found
 * directly: the lowest flagged byte of these tests is always exact. */
static HOOK_INLINE const unsigned char *hook_scan_plain(const unsigned char *s,
                                                        const unsigned char *end)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;

#if defined(HOOK_SSE2_PLAIN)
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
                  ctl = _mm_set1_epi8(0x1f);
    while (end - s >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
        /* '"', '\', a byte below 0x20 (min(x, 0x1f) == x) or above 0x7f */
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
            _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x));
        unsigned mask =
            (unsigned)(_mm_movemask_epi8(m) | _mm_movemask_epi8(x));
        if (mask)
            return s + __builtin_ctz(mask);
        s += 16;
    }
#endif
    while (end - s >= 8) {
        uint64_t x, q, b, special;
        memcpy(&x, s, 8);
        q = x ^ (ones * '"');
        b = x ^ (ones * '\\');
        /* a zero byte in q or b, a byte below 0x20, or one above 0x7f */
        special = (((q - ones) & ~q) | ((b - ones) & ~b) |
                   ((x - ones * 0x20) & ~x) | x) & high;
        if (special) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            return s + (__builtin_ctzll(special) >> 3);
#else
            break;
#endif
        }
        s += 8;
    }
    while (s < end && (hook_byte_class[*s] & HOOK_C_PLAIN))
        s++;
    return s;
}

/* The end of a run of string bytes that need no closer look: plain ASCII
 * and whole, well-formed UTF-8 sequences. Counts the continuation bytes
 * it passes into *cont (columns count characters). */
static HOOK_INLINE const unsigned char *hook_scan_text(const unsigned char *s,
                                                       const unsigned char *end,
                                                       uint64_t *cont)
{
    for (;;) {
        const unsigned char *q;
        size_t n;
        s = hook_scan_plain(s, end);
        if (s == end || *s < 0x80)
            return s;
        /* non-ASCII text: sixteen bytes at a time where it can be */
        q = hook_scan_text_wide(s, end, cont);
        if (q > s) {
            s = q;
            continue;
        }
        n = hook_utf8_sequence(s, (size_t)(end - s));
        if (n == 0)
            return s;
        *cont += n - 1;
        s += n;
    }
}

/* The byte a one-character escape \c stands for, or -1 (for 'u' and
 * for anything JSON does not allow after '\'). */
static inline int hook_escape_byte(unsigned char c)
{
    switch (c) {
    case '"': case '\\': case '/': return c;
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return -1;
    }
}

/* The code point of a UTF-16 surrogate pair, both halves checked. */
static inline uint32_t hook_surrogate_pair(uint32_t high, uint32_t low)
{
    return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
}

/* Four hex digits at s, or -1. */
static inline long hook_hex4(const unsigned char *s)
{
    long v = 0;
    int i;

    for (i = 0; i < 4; i++) {
        unsigned h = hook_hex_table[s[i]];
        if (h == 16)
            return -1;
        v = v << 4 | (long)h;
    }
    return v;
}

/* An escape sequence lying whole in [s, end), s at its '\': its code
 * point into *cp and its length (2, 6, or 12 for a surrogate pair), or 0
 * when it is cut short, invalid, or a surrogate not paired within the
 * bytes at hand. */
static inline size_t hook_escape(const unsigned char *s,
                                 const unsigned char *end, uint32_t *cp)
{
    long hi, lo;
    int b;

    if (end - s < 2)
        return 0;
    if ((b = hook_escape_byte(s[1])) >= 0) {
        *cp = (uint32_t)b;
        return 2;
    }
    if (s[1] != 'u' || end - s < 6 || (hi = hook_hex4(s + 2)) < 0)
        return 0;
    if (hi < 0xD800 || hi > 0xDFFF) {
        *cp = (uint32_t)hi;
        return 6;
    }
    if (hi > 0xDBFF || end - s < 12 || s[6] != '\\' || s[7] != 'u')
        return 0;
    lo = hook_hex4(s + 8);
    if (lo < 0xDC00 || lo > 0xDFFF)
        return 0;
    *cp = hook_surrogate_pair((uint32_t)hi, (uint32_t)lo);
    return 12;
}

/* n when the n bytes of `word` lie at s, before end; else 0. */
static inline size_t hook_literal(const unsigned char *s,
                                  const unsigned char *end, const char *word,
                                  size_t n)
{
    return (size_t)(end - s) >= n && memcmp(s, word, n) == 0 ? n : 0;
}

/* The UTF-8 bytes of code point cp (at most U+10FFFF, not a surrogate)
 * into b; returns how many. */
static inline size_t hook_utf8_encode(uint32_t cp, unsigned char b[4])
{
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | cp >> 6);
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | cp >> 12);
        b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (unsigned char)(0xF0 | cp >> 18);
    b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    b[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

#endif
