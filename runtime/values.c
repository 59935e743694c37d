/*
 * values.c - checkers for the string-encoded types: uuid, RFC 3339
 * date-time and e-mail address, plus a UTF-8 validator.
 *
 * Each works on a complete, already unescaped string: the streaming
 * parser collects such values (they are short) before checking them.
 */
#include <string.h>

#include "hookrt.h"
#include "internal.h"

/* hex digit value, or 16 for any other byte */
const unsigned char hook_hex_table[256] = {
#define X16 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16
    X16, X16, X16,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 16, 16, 16, 16, 16,
    16, 10, 11, 12, 13, 14, 15, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    X16,
    16, 10, 11, 12, 13, 14, 15, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    X16, X16, X16, X16, X16, X16, X16, X16, X16
#undef X16
};

#if defined(HOOK_SSE2_PLAIN)
/* Sixteen hex digits (either case) to their values, 0..15 per byte;
 * *ok gets 0 if any byte is not a hex digit. Bytes of 0x80 and up are
 * negative to the signed compares, so they fail both ranges. */
static __m128i hex16(__m128i x, int *ok)
{
    __m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                  _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
    __m128i letter =
        _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                      _mm_cmplt_epi8(lower, _mm_set1_epi8('f' + 1)));

    if (_mm_movemask_epi8(_mm_or_si128(digit, letter)) != 0xFFFF)
        *ok = 0;
    return _mm_or_si128(
        _mm_and_si128(digit, _mm_sub_epi8(x, _mm_set1_epi8('0'))),
        _mm_andnot_si128(digit, _mm_sub_epi8(lower, _mm_set1_epi8('a' - 10))));
}

/* Digit pairs (high nibble first) as eight 16-bit lanes of 0..255. */
static __m128i pairs(__m128i v)
{
    return _mm_or_si128(
        _mm_slli_epi16(_mm_and_si128(v, _mm_set1_epi16(0x00FF)), 4),
        _mm_srli_epi16(v, 8));
}
#endif

int hook_parse_uuid(const char *str, size_t len, hook_uuid *out)
{
    /* 8-4-4-4-12 hex digits; either case; no version check */
    const unsigned char *s = (const unsigned char *)str;

    if (len != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' ||
        s[23] != '-')
        return 0;
#if defined(HOOK_SSE2_PLAIN)
    {
        /* the 32 digits without their dashes, sixteen at a time */
        unsigned char d[32];
        int ok = 1;
        __m128i a, b;

        memcpy(d, s, 8);
        memcpy(d + 8, s + 9, 4);
        memcpy(d + 12, s + 14, 4);
        memcpy(d + 16, s + 19, 4);
        memcpy(d + 20, s + 24, 12);
        a = pairs(hex16(_mm_loadu_si128((const __m128i *)(const void *)d), &ok));
        b = pairs(
            hex16(_mm_loadu_si128((const __m128i *)(const void *)(d + 16)), &ok));
        if (!ok)
            return 0;
        if (out)
            _mm_storeu_si128((__m128i *)(void *)out->bytes,
                             _mm_packus_epi16(a, b));
        return 1;
    }
#else
    {
        static const unsigned char at[16] = {0,  2,  4,  6,  9,  11, 14, 16,
                                             19, 21, 24, 26, 28, 30, 32, 34};
        hook_uuid u;
        unsigned bad = 0;
        int i;

        for (i = 0; i < 16; i++) {
            unsigned hi = hook_hex_table[s[at[i]]],
                     lo = hook_hex_table[s[at[i] + 1]];
            bad |= hi | lo;
            u.bytes[i] = (uint8_t)(hi << 4 | (lo & 15));
        }
        if (bad & 16)
            return 0;
        if (out)
            *out = u;
        return 1;
    }
#endif
}

static int digits(const char *s, size_t n, int *out)
{
    int v = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int hook_days_in_month(int y, int m)
{
    static const unsigned char days[] = {31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap(y))
        return 29;
    return days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (era arithmetic,
 * valid for every year 0..9999). */
int64_t hook_days_from_civil(int y, int m, int d)
{
    int64_t era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void hook_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    int64_t era, doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int hook_parse_datetime(const char *s, size_t len, hook_datetime *out)
{
    /* YYYY-MM-DDTHH:MM:SS[.F{1,9}](Z|+HH:MM|-HH:MM), RFC 3339 5.6;
     * T and Z may be lower case. Leap seconds (:60) are refused: the
     * epoch count has no place for them. */
    hook_datetime dt;
    int year, mon, day, hour, min, sec, oh, om;
    size_t i = 19;
    int32_t nanos = 0;
    int nd = 0;

    if (len < 20)
        return 0;
    if (!digits(s, 4, &year) || s[4] != '-' || !digits(s + 5, 2, &mon) ||
        s[7] != '-' || !digits(s + 8, 2, &day) ||
        (s[10] != 'T' && s[10] != 't') || !digits(s + 11, 2, &hour) ||
        s[13] != ':' || !digits(s + 14, 2, &min) || s[16] != ':' ||
        !digits(s + 17, 2, &sec))
        return 0;
    if (mon < 1 || mon > 12 || day < 1 || day > hook_days_in_month(year, mon))
        return 0;
    if (hour > 23 || min > 59 || sec > 59)
        return 0;

    if (s[i] == '.') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            if (++nd > 9)
                return 0;
            nanos = nanos * 10 + (s[i] - '0');
            i++;
        }
        if (nd == 0)
            return 0;
        for (oh = nd; oh < 9; oh++)
            nanos *= 10;
    }

    memset(&dt, 0, sizeof dt);
    if (i < len && (s[i] == 'Z' || s[i] == 'z')) {
        if (i + 1 != len)
            return 0;
        dt.utc_z = 1;
        oh = om = 0;
    } else {
        if (i + 6 != len || (s[i] != '+' && s[i] != '-') ||
            !digits(s + i + 1, 2, &oh) || s[i + 3] != ':' ||
            !digits(s + i + 4, 2, &om) || oh > 23 || om > 59)
            return 0;
        if (s[i] == '-') {
            oh = -oh;
            om = -om;
        }
    }

    dt.offset_minutes = (int16_t)(oh * 60 + om);
    dt.seconds = hook_days_from_civil(year, mon, day) * 86400 +
                 hour * 3600 + min * 60 + sec - dt.offset_minutes * 60;
    dt.nanos = nanos;
    dt.frac_digits = (uint8_t)nd;
    if (out)
        *out = dt;
    return 1;
}

static int atext(unsigned char c)
{
    /* RFC 5322 atext, plus any byte of a UTF-8 sequence (RFC 6531) */
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c >= 0x80)
        return 1;
    return c != 0 && strchr("!#$%&'*+/=?^_`{|}~-", c) != NULL;
}

static int label_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c >= 0x80;
}

int hook_check_email(const char *str, size_t len)
{
    /* local@domain: a dot-atom local part of 1..64 bytes and a domain of
     * two or more labels of 1..63 bytes (letters, digits, inner hyphens,
     * UTF-8). Quoted local parts and address literals are refused. */
    const unsigned char *s = (const unsigned char *)str;
    size_t at, i, label = 0, labels = 1;

    for (at = 0; at < len && s[at] != '@'; at++)
        ;
    if (at == 0 || at > 64 || at >= len - 1 || len - at - 1 > 253)
        return 0;
    if (s[0] == '.' || s[at - 1] == '.')
        return 0;
    for (i = 0; i < at; i++) {
        if (s[i] == '.' ? s[i + 1] == '.' : !atext(s[i]))
            return 0;
    }
    for (i = at + 1; i < len; i++) {
        if (s[i] == '.') {
            if (label == 0 || s[i - 1] == '-')
                return 0;
            label = 0;
            labels++;
            continue;
        }
        if (!label_char(s[i]) || (label == 0 && s[i] == '-'))
            return 0;
        if (++label > 63)
            return 0;
    }
    return label > 0 && s[len - 1] != '-' && labels >= 2 &&
           hook_utf8_valid(str, len);
}

int hook_utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, n;

    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        n = hook_utf8_sequence(s + i, len - i);
        if (n == 0)
            return 0;
        i += n;
    }
    return 1;
}
