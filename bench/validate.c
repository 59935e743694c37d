/*
 * validate.c - the Mews schema's checks, shared by every peer parser.
 *
 * Written for the benchmark, independently of hookc's runtime, to the
 * same acceptance rules (docs/schema-language.md, README "What a parser
 * checks"): uuid 8-4-4-4-12 hex in either case; RFC 3339 date-times with
 * years 0000-9999, T/Z in either case, 1-9 fraction digits, Z or +-HH:MM,
 * no leap seconds, checked on the Gregorian calendar; e-mail addresses
 * with a dot-atom local part of 1-64 bytes and a domain of two or more
 * labels of 1-63 bytes (letters, digits, inner hyphens, UTF-8 bytes).
 */
#include <string.h>

#include "validate.h"

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

int v_uuid(const char *s, size_t n)
{
    size_t i;
    if (n != 36)
        return 0;
    for (i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-')
                return 0;
        } else if (hexval((unsigned char)s[i]) < 0) {
            return 0;
        }
    }
    return 1;
}

static int d2(const char *s, int *v)
{
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
        return 0;
    *v = (s[0] - '0') * 10 + (s[1] - '0');
    return 1;
}

int v_datetime(const char *s, size_t n)
{
    static const unsigned char mdays[] = {31, 28, 31, 30, 31, 30,
                                          31, 31, 30, 31, 30, 31};
    int yh, yl, y, mo, d, h, mi, se, oh, om, dim;
    size_t i = 19, nd = 0;

    if (n < 20)
        return 0;
    if (!d2(s, &yh) || !d2(s + 2, &yl) || s[4] != '-' || !d2(s + 5, &mo) ||
        s[7] != '-' || !d2(s + 8, &d) || (s[10] != 'T' && s[10] != 't') ||
        !d2(s + 11, &h) || s[13] != ':' || !d2(s + 14, &mi) || s[16] != ':' ||
        !d2(s + 17, &se))
        return 0;
    y = yh * 100 + yl;
    if (mo < 1 || mo > 12 || h > 23 || mi > 59 || se > 59)
        return 0;
    dim = mdays[mo - 1];
    if (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        dim = 29;
    if (d < 1 || d > dim)
        return 0;
    if (s[i] == '.') {
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            nd++;
        if (nd < 1 || nd > 9)
            return 0;
    }
    if (i < n && (s[i] == 'Z' || s[i] == 'z'))
        return i + 1 == n;
    return i + 6 == n && (s[i] == '+' || s[i] == '-') && d2(s + i + 1, &oh) &&
           s[i + 3] == ':' && d2(s + i + 4, &om) && oh <= 23 && om <= 59;
}

static int is_atext(unsigned char c)
{
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return 1;
    if ((c >= '0' && c <= '9') || c >= 0x80)
        return 1;
    return c != 0 && strchr("!#$%&'*+/=?^_`{|}~-", c) != NULL;
}

static int is_label(unsigned char c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c >= 0x80;
}

int v_email(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    const unsigned char *at = memchr(s, '@', n);
    size_t a, i, label = 0, labels = 1;

    if (n > V_EMAIL_MAX || at == NULL)
        return 0;
    a = (size_t)(at - s);
    if (a == 0 || a > 64 || a + 1 >= n || s[0] == '.' || s[a - 1] == '.')
        return 0;
    for (i = 0; i < a; i++)
        if (s[i] == '.' ? s[i + 1] == '.' : !is_atext(s[i]))
            return 0;
    for (i = a + 1; i < n; i++) {
        if (s[i] == '.') {
            if (label == 0 || s[i - 1] == '-')
                return 0;
            label = 0;
            labels++;
        } else if (!is_label(s[i]) || (label == 0 && s[i] == '-') ||
                   ++label > 63) {
            return 0;
        }
    }
    return label > 0 && s[n - 1] != '-' && labels >= 2 && v_utf8(str, n);
}

/* One UTF-8 sequence at s[i] whose lead byte is >= 0x80: its length, or
 * 0 if it is not well-formed. */
static size_t utf8_seq(const unsigned char *s, size_t i, size_t n)
{
    unsigned char c = s[i], lo = 0x80, hi = 0xBF;
    size_t k, need;

    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (n - i - 1 < need || s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (k = 2; k <= need; k++)
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    return need + 1;
}

int v_utf8(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, k;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        if ((k = utf8_seq(s, i, n)) == 0)
            return 0;
        i += k;
    }
    return 1;
}

#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull

int v_text(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, k;
    while (i < n) {
        /* eight plain ASCII bytes, none a control byte, at a time */
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (((w | (w - 0x20 * ONES)) & HIGH) == 0) {
                i += 8;
                continue;
            }
        }
        if (s[i] < 0x80) {
            if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
                return 0;
            i++;
            continue;
        }
        if ((k = utf8_seq(s, i, n)) == 0)
            return 0;
        i += k;
    }
    return 1;
}

int v_number(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-')
        i++;
    if (i >= n)
        return 0;
    if (s[i] == '0') {
        i++;
    } else if (s[i] >= '1' && s[i] <= '9') {
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    } else {
        return 0;
    }
    if (i < n && s[i] == '.') {
        size_t f = ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == f)
            return 0;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t e;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        e = i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == e)
            return 0;
    }
    return i == n;
}

static long hex4(const char *s)
{
    int a = hexval((unsigned char)s[0]), b = hexval((unsigned char)s[1]),
        c = hexval((unsigned char)s[2]), d = hexval((unsigned char)s[3]);
    if ((a | b | c | d) < 0)
        return -1;
    return (long)(a << 12 | b << 8 | c << 4 | d);
}

static long unescape(const char *s, size_t n, char *dst)
{
    size_t i = 0, out = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        long cp;
        if (c != '\\') {
            if (c < 0x20)
                return -1;
            if (dst) dst[out] = (char)c;
            out++;
            i++;
            continue;
        }
        if (i + 1 >= n)
            return -1;
        switch (s[i + 1]) {
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        case '/': c = '/'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u':
            if (i + 6 > n || (cp = hex4(s + i + 2)) < 0)
                return -1;
            i += 6;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return -1;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                long lo;
                if (i + 6 > n || s[i] != '\\' || s[i + 1] != 'u' ||
                    (lo = hex4(s + i + 2)) < 0xDC00 || lo > 0xDFFF)
                    return -1;
                i += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (dst) {
                if (cp < 0x80) {
                    dst[out] = (char)cp;
                } else if (cp < 0x800) {
                    dst[out] = (char)(0xC0 | cp >> 6);
                    dst[out + 1] = (char)(0x80 | (cp & 0x3F));
                } else if (cp < 0x10000) {
                    dst[out] = (char)(0xE0 | cp >> 12);
                    dst[out + 1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                    dst[out + 2] = (char)(0x80 | (cp & 0x3F));
                } else {
                    dst[out] = (char)(0xF0 | cp >> 18);
                    dst[out + 1] = (char)(0x80 | ((cp >> 12) & 0x3F));
                    dst[out + 2] = (char)(0x80 | ((cp >> 6) & 0x3F));
                    dst[out + 3] = (char)(0x80 | (cp & 0x3F));
                }
            }
            out += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            continue;
        default:
            return -1;
        }
        if (dst) dst[out] = (char)c;
        out++;
        i += 2;
    }
    return (long)out;
}

long v_string(const char *s, size_t n)
{
    /* the common case: nothing to decode */
    size_t i;
    for (i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == '\\')
            return unescape(s, n, NULL);
    return (long)n;
}

long v_unescape(const char *s, size_t n, char *dst)
{
    return unescape(s, n, dst);
}

/* --- the schema --------------------------------------------------------- */

static const char *const actions[7] = {
    "IntegrationCreated", "IntegrationDisabled", "IntegrationEnabled",
    "IntegrationDeleted", "IntegrationCanceled", "IntegrationReinstated",
    "IntegrationApiKeyCreated"};

int v_action(const char *s, size_t n)
{
    int i;
    if (n < 18 || memcmp(s, "Integration", 11) != 0)
        return -1;
    for (i = 0; i < 7; i++)
        if (strlen(actions[i]) == n && memcmp(s, actions[i], n) == 0)
            return i;
    return -1;
}

int v_root_key(const char *s, size_t n)
{
    if (n == 6 && memcmp(s, "Action", 6) == 0) return R_ACTION;
    if (n == 4 && memcmp(s, "Data", 4) == 0) return R_DATA;
    return -1;
}

#define B(x) (1u << (x))

const unsigned v_required[7] = {
    /* Created */ B(B_ENTERPRISE) | B(B_ACCESSTOKEN) | B(B_CREATEDUTC) |
        B(B_ISENABLED) | B(B_INTEGRATION),
    /* Disabled */ B(B_INTEGRATION),
    /* Enabled */ B(B_INTEGRATION),
    /* Deleted */ B(B_DELETEDUTC) | B(B_INTEGRATION),
    /* Canceled */ B(B_INTEGRATION),
    /* Reinstated */ B(B_INTEGRATION),
    /* ApiKeyCreated */ B(B_INTEGRATION) | B(B_APIKEY)};

int v_body_key(const char *s, size_t n)
{
    switch (n) {
    case 6: return memcmp(s, "ApiKey", 6) == 0 ? B_APIKEY : -1;
    case 7: return memcmp(s, "Service", 7) == 0 ? B_SERVICE : -1;
    case 9:
        if (memcmp(s, "Requestor", 9) == 0) return B_REQUESTOR;
        return memcmp(s, "IsEnabled", 9) == 0 ? B_ISENABLED : -1;
    case 10:
        if (memcmp(s, "Enterprise", 10) == 0) return B_ENTERPRISE;
        if (memcmp(s, "CreatedUtc", 10) == 0) return B_CREATEDUTC;
        return memcmp(s, "DeletedUtc", 10) == 0 ? B_DELETEDUTC : -1;
    case 11:
        if (memcmp(s, "AccessToken", 11) == 0) return B_ACCESSTOKEN;
        return memcmp(s, "Integration", 11) == 0 ? B_INTEGRATION : -1;
    default: return -1;
    }
}

int v_rec_key(int b, const char *s, size_t n)
{
    if (n == 4 && memcmp(s, "Name", 4) == 0) return K_NAME;
    if (b == B_REQUESTOR)
        return n == 5 && memcmp(s, "Email", 5) == 0 ? K_EMAIL : -1;
    return n == 2 && s[0] == 'I' && s[1] == 'd' ? K_ID : -1;
}

unsigned v_rec_required(int b)
{
    return b == B_REQUESTOR ? (1u << K_NAME | 1u << K_EMAIL)
                            : (1u << K_ID | 1u << K_NAME);
}

const unsigned char v_body_type[B_COUNT] = {
    T_RECORD, T_RECORD, T_STRING, T_DATETIME, T_BOOL, T_RECORD, T_RECORD,
    T_DATETIME, T_STRING};
const unsigned v_body_nullable = B(B_REQUESTOR) | B(B_DELETEDUTC);

int v_body_string(int b, const char *s, size_t n)
{
    switch (b) {
    case B_ACCESSTOKEN:
    case B_APIKEY: return n <= V_TOKEN_MAX;
    case B_CREATEDUTC:
    case B_DELETEDUTC: return v_datetime(s, n);
    default: return 0;
    }
}

int v_rec_string(int k, const char *s, size_t n)
{
    switch (k) {
    case K_ID: return v_uuid(s, n);
    case K_NAME: return n <= V_NAME_MAX;
    case K_EMAIL: return v_email(s, n);
    default: return 1;
    }
}
