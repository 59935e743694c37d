/*
 * equal.c - whether two decoded messages hold the same values.
 *
 * hook_init empties the values of a struct rather than zeroing every
 * byte of it, so two structs holding one message may differ in bytes no
 * value covers (a string's buffer after its NUL, array slots past the
 * count, padding). This compares what the tables say the values are.
 *
 * Recursion follows the schema's record nesting, bounded by hookc.
 */
#include <string.h>

#include "hookrt.h"

static int same_record(const hook_record *rec, const unsigned char *a,
                       const unsigned char *b);

static uint32_t u32_at(const unsigned char *p)
{
    uint32_t v;

    memcpy(&v, p, sizeof v);
    return v;
}

/* A length-counted text: the lengths, then the bytes up to the NUL. */
static int same_text(const unsigned char *a, const unsigned char *b,
                     size_t length, size_t bytes, uint32_t max_len)
{
    uint32_t la = u32_at(a + length), lb = u32_at(b + length);

    return la == lb && la <= max_len &&
           memcmp(a + bytes, b + bytes, (size_t)la + 1) == 0;
}

static int same_value(const hook_field *fd, const unsigned char *a,
                      const unsigned char *b)
{
    const unsigned char *va = a + fd->value, *vb = b + fd->value;
    uint32_t n, i;

    switch ((hook_type)fd->type) {
    case HOOK_T_STRING:
    case HOOK_T_EMAIL:
        return same_text(a, b, fd->length, fd->value, fd->max_len);
    case HOOK_T_BOOL:
        return *va == *vb;
    case HOOK_T_UUID:
        return memcmp(va, vb, sizeof(hook_uuid)) == 0;
    case HOOK_T_DATETIME: {
        hook_datetime x, y;
        memcpy(&x, va, sizeof x);
        memcpy(&y, vb, sizeof y);
        return x.seconds == y.seconds && x.nanos == y.nanos &&
               x.offset_minutes == y.offset_minutes &&
               x.frac_digits == y.frac_digits && x.utc_z == y.utc_z;
    }
    case HOOK_T_RECORD:
    case HOOK_T_BODY:
        return same_record(fd->record, va, vb);
    case HOOK_T_INT: {
        int64_t x, y;
        memcpy(&x, va, sizeof x);
        memcpy(&y, vb, sizeof y);
        return x == y;
    }
    case HOOK_T_DECIMAL: {
        hook_decimal x, y;
        memcpy(&x, va, sizeof x);
        memcpy(&y, vb, sizeof y);
        return x.mantissa == y.mantissa && x.exponent == y.exponent;
    }
    case HOOK_T_TAG:
    case HOOK_T_ENUM: {
        int x, y;
        memcpy(&x, va, sizeof x);
        memcpy(&y, vb, sizeof y);
        return x == y && (!(fd->flags & HOOK_F_OPEN) ||
                          same_text(a, b, fd->length, fd->text, fd->max_len));
    }
    case HOOK_T_ARRAY:
        n = u32_at(a + fd->length);
        if (n != u32_at(b + fd->length) || n > fd->max_count)
            return 0;
        /* a streamed array keeps one slot: the latest element */
        if ((fd->flags & HOOK_F_STREAM) && n > 1)
            n = 1;
        for (i = 0; i < n; i++) {
            size_t at = fd->value + (size_t)i * fd->element_size;
            if (!same_value(fd->element, a + at, b + at))
                return 0;
        }
        return 1;
    }
    return 0;
}

static int same_record(const hook_record *rec, const unsigned char *a,
                       const unsigned char *b)
{
    uint16_t i;

    if (rec->alternative_count > 0 &&
        memcmp(a + rec->chosen, b + rec->chosen, sizeof(int)) != 0)
        return 0;
    for (i = 0; i < rec->field_count; i++) {
        const hook_field *fd = &rec->fields[i];

        if ((fd->flags & HOOK_F_OPTIONAL) && a[fd->present] != b[fd->present])
            return 0;
        if ((fd->flags & HOOK_F_NULLABLE) && a[fd->is_null] != b[fd->is_null])
            return 0;
        if (!same_value(fd, a, b))
            return 0;
    }
    return 1;
}

int hook_equal(const hook_record *root, const void *a, const void *b)
{
    return same_record(root, a, b);
}
