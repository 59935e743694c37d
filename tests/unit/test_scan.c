/*
 * test_scan.c - the sixteen-bytes-at-a-time string scan (runtime/scan.c)
 * against a byte-at-a-time reference written from the Unicode table of
 * well-formed byte sequences.
 *
 * The wide scan may stop early, but never past the first byte that needs
 * a closer look, always on a character boundary, and it counts exactly
 * the continuation bytes it passed. Every 1- and 2-byte sequence and a
 * grid of 3- and 4-byte ones are placed around the 16-byte step
 * boundaries of a longer ASCII text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "hookrt.h"
#include "internal.h"

#define LEN 64

/* Length of the well-formed character at s (Unicode 15, table 3-7), or
 * 0; n bytes are available. */
static size_t ref_char(const unsigned char *s, size_t n)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    size_t need, i;

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        need = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 4;
    else
        return 0;
    if (c == 0xE0)
        lo = 0xA0;
    if (c == 0xED)
        hi = 0x9F;
    if (c == 0xF0)
        lo = 0x90;
    if (c == 0xF4)
        hi = 0x8F;
    if (n < need || s[1] < lo || s[1] > hi)
        return 0;
    for (i = 2; i < need; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return need;
}

static int ref_special(unsigned char c)
{
    return c == '"' || c == '\\' || c < 0x20;
}

static long checked, advanced;

/* Runs the wide scan on buf[0..LEN) and checks it against the walk. */
static void check_buffer(const unsigned char *buf)
{
    const unsigned char *end = buf + LEN, *got;
    size_t i = 0, stop, k;
    uint64_t cont = 7, want_cont = 0;
    unsigned char boundary[LEN + 1] = {0};

    /* the reference walk: character boundaries up to the first byte
     * that needs a closer look */
    boundary[0] = 1;
    while (i < LEN && !ref_special(buf[i])) {
        size_t n = ref_char(buf + i, LEN - i);
        if (n == 0)
            break;
        i += n;
        boundary[i] = 1;
    }
    stop = i;

    got = hook_scan_text_wide(buf, end, &cont);
    assert_true(got >= buf);
    assert_true((size_t)(got - buf) <= stop);
    assert_true(boundary[got - buf]);
    for (k = 0; k < (size_t)(got - buf); k++)
        want_cont += buf[k] >= 0x80 && buf[k] <= 0xBF;
    assert_int_equal(cont, 7 + want_cont);
    checked++;
    if (got > buf)
        advanced++;
}

static void place(unsigned char *buf, size_t at, const unsigned char *seq,
                  size_t n)
{
    memset(buf, 'a', LEN);
    memcpy(buf + at, seq, n);
}

static const unsigned char edges[] = {
    0x00, 0x1F, 0x20, '"', 'A', '\\', 0x7F, 0x80, 0x8F, 0x90, 0x9F,
    0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE, 0xEF,
    0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
#define NEDGES (sizeof edges / sizeof edges[0])

static void every_two_byte_sequence(void **state)
{
    unsigned char buf[LEN], seq[2];
    static const size_t at[] = {0, 1, 14, 15, 16, 30, 31};
    unsigned a, b;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof at / sizeof at[0]; i++)
        for (a = 0; a < 256; a++)
            for (b = 0; b < 256; b++) {
                seq[0] = (unsigned char)a;
                seq[1] = (unsigned char)b;
                place(buf, at[i], seq, 2);
                check_buffer(buf);
            }
}

static void three_and_four_byte_grids(void **state)
{
    unsigned char buf[LEN], seq[4];
    static const size_t at[] = {13, 14, 15, 29};
    unsigned lead;
    size_t i, x, y, z;

    (void)state;
    for (i = 0; i < sizeof at / sizeof at[0]; i++)
        for (lead = 0x80; lead < 256; lead++)
            for (x = 0; x < NEDGES; x++)
                for (y = 0; y < NEDGES; y++) {
                    seq[0] = (unsigned char)lead;
                    seq[1] = edges[x];
                    seq[2] = edges[y];
                    place(buf, at[i], seq, 3);
                    check_buffer(buf);
                    if (lead < 0xF0)
                        continue;
                    for (z = 0; z < NEDGES; z++) {
                        seq[3] = edges[z];
                        place(buf, at[i], seq, 4);
                        check_buffer(buf);
                    }
                }
}

/* Text of whole characters in every length, and runs of them cut at
 * each point: a scan over valid text must get far on x86 with SSSE3. */
static void long_valid_text(void **state)
{
    static const char *const chars[] = {"a", "\xC3\xA9", "\xE2\x82\xAC",
                                        "\xF0\x9F\x8F\xA8", "\xED\x9F\xBF",
                                        "\xF4\x8F\xBF\xBF"};
    unsigned char buf[LEN];
    size_t start, i, n;

    (void)state;
    for (start = 0; start < 6; start++) {
        n = 0;
        for (i = start; n + 4 <= LEN; i++) {
            const char *c = chars[i % 6];
            memcpy(buf + n, c, strlen(c));
            n += strlen(c);
        }
        memset(buf + n, 'a', LEN - n);
        check_buffer(buf);
        for (i = 0; i < LEN; i++) {
            unsigned char keep = buf[i];
            buf[i] = '"'; /* a special byte anywhere */
            check_buffer(buf);
            buf[i] = keep;
        }
    }
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    if (__builtin_cpu_supports("ssse3") && __builtin_cpu_supports("popcnt")) {
        uint64_t cont = 0;
        memcpy(buf, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                    "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                    "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                    "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                    "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9",
               LEN);
        /* four whole steps of 16 bytes, 32 continuation bytes */
        assert_ptr_equal(hook_scan_text_wide(buf, buf + LEN, &cont),
                         buf + LEN);
        assert_int_equal(cont, 32);
    } else {
        printf("test_scan: no SSSE3 here, the wide scan is not exercised\n");
    }
#endif
}

static void report(void **state)
{
    (void)state;
    printf("test_scan: %ld buffers checked, the wide scan advanced in %ld\n",
           checked, advanced);
    assert_true(checked > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_two_byte_sequence),
        cmocka_unit_test(three_and_four_byte_grids),
        cmocka_unit_test(long_valid_text),
        cmocka_unit_test(report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
