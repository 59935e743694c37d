/*
 * internal.h - helpers shared by the runtime's own files; not installed.
 */
#ifndef HOOKRT_INTERNAL_H
#define HOOKRT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

int hook_days_in_month(int year, int month);
int64_t hook_days_from_civil(int year, int month, int day);
void hook_civil_from_days(int64_t days, int *year, int *month, int *day);

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

#endif
