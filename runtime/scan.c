/*
 * scan.c - string bodies sixteen bytes at a time.
 *
 * hook_scan_text_wide() passes over the part of a string body that needs
 * no closer look: bytes that are neither '"', '\' nor control bytes, and
 * that form whole, well-formed UTF-8 characters. On x86 processors with
 * SSSE3 and POPCNT (checked at run time) it checks sixteen bytes per
 * step; anywhere else it returns at once and the byte loop's own scan
 * does the work.
 *
 * The UTF-8 check looks at each byte together with the one before it.
 * Three table lookups (by the high and low nibble of the previous byte,
 * and by the high nibble of this one) each give the set of errors that
 * pair could be; a pair is wrong when all three agree on one. The third
 * and fourth bytes of a sequence are told apart from stray continuation
 * bytes by looking two and three bytes back. An error, a special byte or
 * the end of the input stops the wide steps; the scan then backs up to
 * the last character boundary, and the caller's scalar scan finds the
 * exact byte.
 */
#include <string.h>

#include "hookrt.h"
#include "internal.h"

/* See internal.h: 1 (HOOK_C_SPACE) JSON whitespace, 2 (HOOK_C_PLAIN) a
 * byte that stands for itself inside a string. */
const unsigned char hook_byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    3, 2, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x20: ' ' '"' */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x30 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x40 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 2, 2, 2, /* 0x50: '\' */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x60 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x70 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x80 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define HOOK_WIDE_SCAN 1
#include <tmmintrin.h>
#endif

#ifdef HOOK_WIDE_SCAN

/* What a pair (previous byte, this byte) can be wrong with. */
enum {
    E_SHORT = 0x01,     /* a lead byte not followed by a continuation */
    E_LONG = 0x02,      /* an ASCII byte followed by a continuation */
    E_OVER3 = 0x04,     /* E0 80..9F: overlong 3-byte form */
    E_SURR = 0x08,      /* ED A0..BF: a UTF-16 surrogate */
    E_OVER2 = 0x10,     /* C0 or C1 and a continuation: overlong 2-byte */
    E_LARGE = 0x20,     /* F4 90..BF, F5..FF 90..BF: past U+10FFFF */
    E_F_LOW = 0x40,     /* F0 80..8F overlong, F5..FF 80..8F too large */
    E_TWO_CONT = 0x80   /* two continuation bytes: fine only as the third
                         * or fourth byte of a sequence */
};

#define ANY_LOW (E_SHORT | E_LONG | E_TWO_CONT)

__attribute__((target("ssse3,popcnt"))) static const unsigned char *
scan_ssse3(const unsigned char *s, const unsigned char *end, uint64_t *cont)
{
    const __m128i by_prev_high = _mm_setr_epi8(
        E_LONG, E_LONG, E_LONG, E_LONG, E_LONG, E_LONG, E_LONG, E_LONG,
        (char)E_TWO_CONT, (char)E_TWO_CONT, (char)E_TWO_CONT,
        (char)E_TWO_CONT, E_SHORT | E_OVER2, E_SHORT,
        E_SHORT | E_OVER3 | E_SURR, E_SHORT | E_LARGE | E_F_LOW);
    const __m128i by_prev_low = _mm_setr_epi8(
        (char)(ANY_LOW | E_OVER2 | E_OVER3 | E_F_LOW),
        (char)(ANY_LOW | E_OVER2), (char)ANY_LOW, (char)ANY_LOW,
        (char)(ANY_LOW | E_LARGE), (char)(ANY_LOW | E_LARGE | E_F_LOW),
        (char)(ANY_LOW | E_LARGE | E_F_LOW),
        (char)(ANY_LOW | E_LARGE | E_F_LOW),
        (char)(ANY_LOW | E_LARGE | E_F_LOW),
        (char)(ANY_LOW | E_LARGE | E_F_LOW),
        (char)(ANY_LOW | E_LARGE | E_F_LOW),
        (char)(ANY_LOW | E_LARGE | E_F_LOW),
        (char)(ANY_LOW | E_LARGE | E_F_LOW),
        (char)(ANY_LOW | E_LARGE | E_F_LOW | E_SURR),
        (char)(ANY_LOW | E_LARGE | E_F_LOW),
        (char)(ANY_LOW | E_LARGE | E_F_LOW));
    const __m128i by_this_high = _mm_setr_epi8(
        E_SHORT, E_SHORT, E_SHORT, E_SHORT, E_SHORT, E_SHORT, E_SHORT,
        E_SHORT,
        (char)(E_LONG | E_TWO_CONT | E_OVER2 | E_OVER3 | E_F_LOW),
        (char)(E_LONG | E_TWO_CONT | E_OVER2 | E_OVER3 | E_LARGE),
        (char)(E_LONG | E_TWO_CONT | E_OVER2 | E_SURR | E_LARGE),
        (char)(E_LONG | E_TWO_CONT | E_OVER2 | E_SURR | E_LARGE),
        E_SHORT, E_SHORT, E_SHORT, E_SHORT);
    const __m128i nibble = _mm_set1_epi8(0x0F);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control_max = _mm_set1_epi8(0x1F);
    const __m128i third_min = _mm_set1_epi8((char)(0xE0 - 1));
    const __m128i fourth_min = _mm_set1_epi8((char)(0xF0 - 1));
    const __m128i two_cont = _mm_set1_epi8((char)E_TWO_CONT);
    const __m128i cont_max = _mm_set1_epi8((char)0xBF);
    const __m128i zero = _mm_setzero_si128();
    __m128i prev = zero; /* the bytes before s: a character boundary */
    const unsigned char *start = s;
    uint64_t n = 0;
    int k;

    while (end - s >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
        __m128i p1, p2, p3, errors, must;
        unsigned special, take, keep, bad;

        special = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(x, quote),
                         _mm_cmpeq_epi8(x, backslash)),
            _mm_cmpeq_epi8(_mm_min_epu8(x, control_max), x)));
        /* the bytes before the first special one are taken */
        take = special ? (unsigned)__builtin_ctz(special) : 16;
        keep = (1u << take) - 1;
        if (_mm_movemask_epi8(x) == 0 && _mm_movemask_epi8(prev) == 0) {
            /* ASCII after ASCII: nothing to check */
        } else {
            p1 = _mm_alignr_epi8(x, prev, 15);
            p2 = _mm_alignr_epi8(x, prev, 14);
            p3 = _mm_alignr_epi8(x, prev, 13);
            errors = _mm_and_si128(
                _mm_and_si128(
                    _mm_shuffle_epi8(
                        by_prev_high,
                        _mm_and_si128(_mm_srli_epi16(p1, 4), nibble)),
                    _mm_shuffle_epi8(by_prev_low, _mm_and_si128(p1, nibble))),
                _mm_shuffle_epi8(by_this_high,
                                 _mm_and_si128(_mm_srli_epi16(x, 4), nibble)));
            /* third or fourth byte of a sequence: two continuations due */
            must = _mm_or_si128(_mm_subs_epu8(p2, third_min),
                                _mm_subs_epu8(p3, fourth_min));
            must = _mm_andnot_si128(_mm_cmpeq_epi8(must, zero), two_cont);
            errors = _mm_xor_si128(errors, must);
            bad = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(errors, zero));
            if (bad & keep)
                break;
            /* continuation bytes 80..BF: columns count characters */
            n += (uint64_t)__builtin_popcount(
                (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
                    _mm_max_epu8(x, cont_max), cont_max)) &
                (unsigned)_mm_movemask_epi8(x) & keep);
        }
        prev = x;
        s += take;
        if (take < 16)
            break;
    }
    /* a character cut by where the wide steps stopped is left to the
     * scalar scan, and so are its continuation bytes */
    for (k = 1; k <= 3 && s - k >= start; k++) {
        unsigned char c = s[-k];
        if (c >= 0xC0) {
            if ((k == 1) || (k == 2 && c >= 0xE0) || (k == 3 && c >= 0xF0)) {
                s -= k;
                n -= (uint64_t)(k - 1);
            }
            break;
        }
        if (c < 0x80)
            break;
    }
    *cont += n;
    return s;
}

#endif /* HOOK_WIDE_SCAN */

const unsigned char *hook_scan_text_wide(const unsigned char *s,
                                         const unsigned char *end,
                                         uint64_t *cont)
{
#ifdef HOOK_WIDE_SCAN
    if (end - s >= 32 && __builtin_cpu_supports("ssse3") &&
        __builtin_cpu_supports("popcnt"))
        return scan_ssse3(s, end, cont);
#endif
    (void)end;
    (void)cont;
    return s;
}
