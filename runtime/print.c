/*
 * print.c - a decoded message written back as canonical JSON.
 *
 * Canonical here means: members in schema order, no whitespace, UTF-8
 * written as is, '"', '\' and control characters escaped, uuids in
 * lower case, date-times with the offset and fraction digits they were
 * written with. Parsing the printed text gives back the same struct,
 * except that secret values print as "***" unless HOOK_PRINT_SECRETS.
 *
 * Recursion here follows the schema's record nesting, which hookc bounds
 * by HOOK_MAX_RECORDS, never the input's depth.
 */
#include <string.h>

#include "hookrt.h"
#include "internal.h"

typedef struct sink {
    char *buf;
    size_t cap;
    size_t len; /* what the whole text needs, even past cap */
} sink;

static void put(sink *k, const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++, k->len++) {
        if (k->len + 1 < k->cap)
            k->buf[k->len] = s[i];
    }
}

static void puts_(sink *k, const char *s)
{
    put(k, s, strlen(s));
}

static void put_digits(sink *k, unsigned v, int width)
{
    char d[12];
    int n = 0;

    do {
        d[sizeof d - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v || n < width);
    put(k, d + sizeof d - n, (size_t)n);
}

static void put_string(sink *k, const unsigned char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i;

    put(k, "\"", 1);
    for (i = 0; i < n; i++) {
        unsigned char c = s[i];
        char esc[6] = {'\\', 'u', '0', '0', 0, 0};
        if (c == '"' || c == '\\') {
            esc[1] = (char)c;
            put(k, esc, 2);
        } else if (c < 0x20) {
            const char *brief = c == '\b' ? "\\b" : c == '\f' ? "\\f"
                              : c == '\n' ? "\\n" : c == '\r' ? "\\r"
                              : c == '\t' ? "\\t" : NULL;
            if (brief) {
                put(k, brief, 2);
            } else {
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                put(k, esc, 6);
            }
        } else {
            put(k, (const char *)&s[i], 1);
        }
    }
    put(k, "\"", 1);
}

static void put_uuid(sink *k, const hook_uuid *u)
{
    static const char hex[] = "0123456789abcdef";
    char s[38];
    int i, n = 0;

    s[n++] = '"';
    for (i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            s[n++] = '-';
        s[n++] = hex[u->bytes[i] >> 4];
        s[n++] = hex[u->bytes[i] & 15];
    }
    s[n++] = '"';
    put(k, s, (size_t)n);
}

static void put_datetime(sink *k, const hook_datetime *dt)
{
    int64_t local = dt->seconds + (int64_t)dt->offset_minutes * 60;
    int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    int64_t secs = local - days * 86400;
    int y, m, d, off = dt->offset_minutes;

    hook_civil_from_days(days, &y, &m, &d);
    put(k, "\"", 1);
    put_digits(k, (unsigned)y, 4);
    put(k, "-", 1);
    put_digits(k, (unsigned)m, 2);
    put(k, "-", 1);
    put_digits(k, (unsigned)d, 2);
    put(k, "T", 1);
    put_digits(k, (unsigned)(secs / 3600), 2);
    put(k, ":", 1);
    put_digits(k, (unsigned)(secs / 60 % 60), 2);
    put(k, ":", 1);
    put_digits(k, (unsigned)(secs % 60), 2);
    if (dt->frac_digits) {
        unsigned frac = (unsigned)dt->nanos;
        int i;
        for (i = dt->frac_digits; i < 9; i++)
            frac /= 10;
        put(k, ".", 1);
        put_digits(k, frac, dt->frac_digits);
    }
    if (dt->utc_z) {
        put(k, "Z", 1);
    } else {
        put(k, off < 0 ? "-" : "+", 1);
        if (off < 0)
            off = -off;
        put_digits(k, (unsigned)(off / 60), 2);
        put(k, ":", 1);
        put_digits(k, (unsigned)(off % 60), 2);
    }
    put(k, "\"", 1);
}

static void put_record(sink *k, const hook_record *rec,
                       const unsigned char *base, unsigned flags);

static void put_int(sink *k, int64_t v)
{
    char d[24];
    int n = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

    do {
        d[sizeof d - 1 - n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        d[sizeof d - 1 - n++] = '-';
    put(k, d + sizeof d - n, (size_t)n);
}

/* mantissa * 10^exponent, written so that reading it back gives the
 * same mantissa and exponent: 150e-2 prints as 1.50. */
static void put_decimal(sink *k, const hook_decimal *d)
{
    char digits[24];
    int n = 0, point;
    uint64_t u = d->mantissa < 0 ? (uint64_t)0 - (uint64_t)d->mantissa
                                 : (uint64_t)d->mantissa;

    do {
        digits[sizeof digits - 1 - n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (d->mantissa < 0)
        put(k, "-", 1);
    if (d->exponent >= 0) {
        put(k, digits + sizeof digits - n, (size_t)n);
        if (d->exponent > 0) {
            put(k, "e", 1);
            put_int(k, d->exponent);
        }
        return;
    }
    point = n + d->exponent; /* digits before the point */
    if (point < -16) {
        /* far below 1: an exponent, not a string of zeros */
        put(k, digits + sizeof digits - n, (size_t)n);
        put(k, "e", 1);
        put_int(k, d->exponent);
        return;
    }
    if (point > 0) {
        put(k, digits + sizeof digits - n, (size_t)point);
        put(k, ".", 1);
        put(k, digits + sizeof digits - n + point, (size_t)(n - point));
    } else {
        put(k, "0.", 2);
        for (; point < 0; point++)
            put(k, "0", 1);
        put(k, digits + sizeof digits - n, (size_t)n);
    }
}

static void put_text(sink *k, const hook_field *fd, const unsigned char *base)
{
    uint32_t len;

    memcpy(&len, base + fd->length, sizeof len);
    put_string(k, base + fd->text, len);
}

static void put_value(sink *k, const hook_record *rec, const hook_field *fd,
                      const unsigned char *base, unsigned flags)
{
    const unsigned char *v = base + fd->value;
    uint32_t len, i;
    int index;

    switch ((hook_type)fd->type) {
    case HOOK_T_STRING:
    case HOOK_T_EMAIL:
        if ((fd->flags & HOOK_F_SECRET) && !(flags & HOOK_PRINT_SECRETS)) {
            puts_(k, "\"***\"");
            return;
        }
        memcpy(&len, base + fd->length, sizeof len);
        put_string(k, v, len);
        return;
    case HOOK_T_BOOL:
        puts_(k, *v ? "true" : "false");
        return;
    case HOOK_T_UUID:
        put_uuid(k, (const hook_uuid *)(const void *)v);
        return;
    case HOOK_T_DATETIME:
        put_datetime(k, (const hook_datetime *)(const void *)v);
        return;
    case HOOK_T_INT: {
        int64_t n;
        memcpy(&n, v, sizeof n);
        put_int(k, n);
        return;
    }
    case HOOK_T_DECIMAL: {
        hook_decimal d;
        memcpy(&d, v, sizeof d);
        put_decimal(k, &d);
        return;
    }
    case HOOK_T_ENUM:
        memcpy(&index, v, sizeof index);
        if (fd->flags & HOOK_F_OPEN)
            put_text(k, fd, base);
        else if (index > 0 && index <= fd->enumeration->count)
            put_string(k, (const unsigned char *)fd->enumeration->names[index - 1],
                       fd->enumeration->name_lens[index - 1]);
        else
            puts_(k, "null");
        return;
    case HOOK_T_TAG:
        memcpy(&index, v, sizeof index);
        if (fd->flags & HOOK_F_OPEN) {
            put_text(k, fd, base);
        } else if (rec && index > 0 && index <= rec->variant_count) {
            const hook_variant *var = &rec->variants[index - 1];
            put_string(k, (const unsigned char *)var->name, var->name_len);
        } else {
            puts_(k, "null");
        }
        return;
    case HOOK_T_RECORD:
    case HOOK_T_BODY:
        put_record(k, fd->record, v, flags);
        return;
    case HOOK_T_ARRAY:
        /* a streamed array's elements went to its callback */
        memcpy(&len, base + fd->length, sizeof len);
        if (fd->flags & HOOK_F_STREAM)
            len = 0;
        put(k, "[", 1);
        for (i = 0; i < len; i++) {
            const hook_field *el = fd->element;
            const unsigned char *eb = v + (size_t)i * fd->element_size;
            if (i > 0)
                put(k, ",", 1);
            if ((el->flags & HOOK_F_NULLABLE) && eb[el->is_null])
                puts_(k, "null");
            else
                put_value(k, NULL, el, eb, flags);
        }
        put(k, "]", 1);
        return;
    }
}

/* The members a record prints: a union's chosen shape decides. */
static uint64_t shown_members(const hook_record *rec,
                              const unsigned char *base)
{
    uint64_t only = ~(uint64_t)0;
    int index;

    if (rec->alternative_count > 0) {
        memcpy(&index, base + rec->chosen, sizeof index);
        only = index > 0 && index <= rec->alternative_count
                   ? rec->alternatives[index - 1].members
                   : 0;
    }
    if (rec->tag_field >= 0 && rec->body_field < 0) {
        uint64_t tag_bit = (uint64_t)1 << rec->tag_field;
        memcpy(&index, base + rec->fields[rec->tag_field].value, sizeof index);
        only &= tag_bit | (index > 0 && index <= rec->variant_count
                               ? rec->variants[index - 1].members
                               : 0);
    }
    return only;
}

static void put_record(sink *k, const hook_record *rec,
                       const unsigned char *base, unsigned flags)
{
    uint64_t only = shown_members(rec, base);
    int first = 1;
    uint16_t i;

    put(k, "{", 1);
    for (i = 0; i < rec->field_count; i++) {
        const hook_field *fd = &rec->fields[i];
        if (!(only >> i & 1))
            continue;
        if ((fd->flags & HOOK_F_OPTIONAL) && !base[fd->present])
            continue;
        if (!first)
            put(k, ",", 1);
        first = 0;
        put_string(k, (const unsigned char *)fd->name, fd->name_len);
        put(k, ":", 1);
        if ((fd->flags & HOOK_F_NULLABLE) && base[fd->is_null])
            puts_(k, "null");
        else
            put_value(k, rec, fd, base, flags);
    }
    put(k, "}", 1);
}

size_t hook_print(const hook_record *root, const void *msg, char *buf,
                  size_t cap, unsigned flags)
{
    sink k;

    k.buf = buf;
    k.cap = cap;
    k.len = 0;
    put_record(&k, root, msg, flags);
    if (cap > 0)
        buf[k.len < cap ? k.len : cap - 1] = '\0';
    return k.len;
}
