/*
 * direct.c - the direct path: a whole document in memory, read in one
 * pass by the per-record functions hookc writes, which call these.
 *
 * Each function takes the input at s (up to e) and returns the byte after
 * what it read, or NULL when it does not take the input on: invalid,
 * beyond a bound, or merely unusual (an escaped member name, a deep
 * unknown member). NULL is never a verdict. The generated <pkg>_parse
 * then parses the document again with hook_feed, which decides and
 * reports; so nothing here reports an error, and anything these accept
 * the byte-at-a-time parser accepts with the same values (the fuzz
 * targets check this on every input, tests/cases on every case).
 */
#include <string.h>

#include "hookrt.h"
#include "internal.h"

typedef const unsigned char *in;

static in ws(in s, in e)
{
    while (s < e && (hook_byte_class[*s] & HOOK_C_SPACE))
        s++;
    return s;
}

/* Appends m bytes to dst (NULL: counts only) when they fit in max. */
static int put(char *dst, uint32_t max, uint32_t *n, const void *b, size_t m)
{
    if (m > max - *n)
        return 0;
    if (dst)
        memcpy(dst + *n, b, m);
    *n += (uint32_t)m;
    return 1;
}

/* An escape at s (its '\'), decoded and appended; its length in the
 * input, or 0. Surrogates must come in pairs, as hook_feed requires. */
static size_t escape(in s, in e, char *dst, uint32_t max, uint32_t *n)
{
    unsigned char b[4];
    uint32_t cp;
    size_t used = hook_escape(s, e, &cp);

    return used > 0 && put(dst, max, n, b, hook_utf8_encode(cp, b)) ? used
                                                                     : 0;
}

/* A string's body from s (after its '"'), decoded into dst (at most max
 * bytes, then a NUL; NULL: checked only). */
static in string_body(in s, in e, char *dst, uint32_t max, uint32_t *len)
{
    uint32_t n = 0;
    uint64_t cont = 0; /* columns are hook_feed's business */

    for (;;) {
        in q = hook_scan_text(s, e, &cont);
        size_t used;

        if (!put(dst, max, &n, s, (size_t)(q - s)) || q == e)
            return NULL;
        s = q;
        if (*s == '"') {
            if (dst)
                dst[n] = '\0';
            *len = n;
            return s + 1;
        }
        if (*s != '\\' || (used = escape(s, e, dst, max, &n)) == 0)
            return NULL; /* a control byte, bad UTF-8, a bad escape */
        s += used;
    }
}

const char *hook_dx_object(const char *s, const char *e, int *more)
{
    in p = ws((in)s, (in)e);

    if (p == (in)e || *p != '{')
        return NULL;
    p = ws(p + 1, (in)e);
    if (p == (in)e)
        return NULL;
    *more = *p != '}';
    return (const char *)(*more ? p : p + 1);
}

const char *hook_dx_next(const char *s, const char *e, int *more)
{
    in p = ws((in)s, (in)e);

    if (p == (in)e)
        return NULL;
    if (*p == '}') {
        *more = 0;
        return (const char *)(p + 1);
    }
    if (*p != ',')
        return NULL;
    *more = 1;
    return (const char *)ws(p + 1, (in)e);
}

const char *hook_dx_string(const char *s, const char *e, char *dst,
                           uint32_t max, uint32_t *len)
{
    if (s == e || *s != '"')
        return NULL;
    return (const char *)string_body((in)s + 1, (in)e, dst, max, len);
}

const char *hook_dx_email(const char *s, const char *e, char *dst,
                          uint32_t max, uint32_t *len)
{
    s = hook_dx_string(s, e, dst, max, len);
    return s != NULL && hook_check_email(dst, *len) ? s : NULL;
}

/* A plain string's bytes (no escape, ASCII), at most max of them. */
static in plain(in s, in e, size_t max, size_t *n)
{
    in q;

    if (s == e || *s != '"')
        return NULL;
    q = hook_scan_plain(s + 1, e);
    if (q == e || *q != '"' || (size_t)(q - s - 1) > max)
        return NULL;
    *n = (size_t)(q - s - 1);
    return q + 1;
}

const char *hook_dx_key(const char *s, const char *e, const char **name,
                        size_t *len)
{
    in q = plain((in)s, (in)e, HOOK_MAX_KEY, len);

    if (q == NULL)
        return NULL;
    *name = s + 1;
    q = ws(q, (in)e);
    if (q == (in)e || *q != ':')
        return NULL;
    q = ws(q + 1, (in)e);
    return q == (in)e ? NULL : (const char *)q;
}

const char *hook_dx_uuid(const char *s, const char *e, hook_uuid *out)
{
    size_t n;
    in q = plain((in)s, (in)e, HOOK_SCRATCH, &n);

    return q != NULL && hook_parse_uuid(s + 1, n, out) ? (const char *)q
                                                       : NULL;
}

const char *hook_dx_datetime(const char *s, const char *e,
                             hook_datetime *out)
{
    size_t n;
    in q = plain((in)s, (in)e, HOOK_SCRATCH, &n);

    return q != NULL && hook_parse_datetime(s + 1, n, out) ? (const char *)q
                                                           : NULL;
}

static in literal(in s, in e, const char *word, size_t n)
{
    return hook_literal(s, e, word, n) ? s + n : NULL;
}

const char *hook_dx_bool(const char *s, const char *e, bool *out)
{
    in q = literal((in)s, (in)e, "true", 4);

    if (q != NULL) {
        *out = true;
        return (const char *)q;
    }
    *out = false;
    return (const char *)literal((in)s, (in)e, "false", 5);
}

const char *hook_dx_null(const char *s, const char *e)
{
    return (const char *)literal((in)s, (in)e, "null", 4);
}

const char *hook_dx_tag(const char *s, const char *e, hook_lookup_fn lookup,
                        int *out)
{
    size_t n;
    in q = plain((in)s, (in)e, HOOK_MAX_KEY, &n);
    int i;

    if (q == NULL || (i = lookup(s + 1, n)) < 0)
        return NULL;
    *out = i + 1;
    return (const char *)q;
}

static in number(in s, in e)
{
    in d;

    if (s < e && *s == '-')
        s++;
    if (s < e && *s == '0') {
        s++;
    } else {
        for (d = s; s < e && *s >= '0' && *s <= '9'; s++)
            ;
        if (s == d)
            return NULL;
    }
    if (s < e && *s == '.') {
        for (d = ++s; s < e && *s >= '0' && *s <= '9'; s++)
            ;
        if (s == d)
            return NULL;
    }
    if (s < e && (*s == 'e' || *s == 'E')) {
        if (++s < e && (*s == '+' || *s == '-'))
            s++;
        for (d = s; s < e && *s >= '0' && *s <= '9'; s++)
            ;
        if (s == d)
            return NULL;
    }
    /* a number ends at a byte that cannot continue it */
    return s;
}

/* Any value, checked and dropped. `depth` counts the containers open
 * around it, the document's own object being 1; one this deep or deeper
 * is left to hook_feed, which knows the limit's error. */
static in skip(in s, in e, int depth)
{
    uint32_t n;
    int more;

    if (s == e)
        return NULL;
    switch (*s) {
    case '"':
        return string_body(s + 1, e, NULL, UINT32_MAX, &n);
    case 't':
        return literal(s, e, "true", 4);
    case 'f':
        return literal(s, e, "false", 5);
    case 'n':
        return literal(s, e, "null", 4);
    case '{':
        if (depth >= HOOK_MAX_DEPTH - 1)
            return NULL;
        s = (in)hook_dx_object((const char *)s, (const char *)e, &more);
        while (s != NULL && more) {
            const char *k;
            size_t kn;
            s = (in)hook_dx_key((const char *)s, (const char *)e, &k, &kn);
            if (s == NULL || (s = skip(s, e, depth + 1)) == NULL)
                return NULL;
            s = (in)hook_dx_next((const char *)s, (const char *)e, &more);
        }
        return s;
    case '[':
        if (depth >= HOOK_MAX_DEPTH - 1)
            return NULL;
        s = ws(s + 1, e);
        if (s < e && *s == ']')
            return s + 1;
        for (;;) {
            if ((s = skip(s, e, depth + 1)) == NULL)
                return NULL;
            s = ws(s, e);
            if (s == e)
                return NULL;
            if (*s == ']')
                return s + 1;
            if (*s != ',')
                return NULL;
            s = ws(s + 1, e);
        }
    default:
        return number(s, e);
    }
}

const char *hook_dx_skip(const char *s, const char *e, int depth)
{
    return (const char *)skip((in)s, (in)e, depth);
}

int hook_dx_variant(const hook_record *rec, void *body, int tag,
                    int has_body, uint64_t seen)
{
    const hook_variant *v;
    const hook_record *b;
    uint64_t foreign;

    if (tag < 1 || tag > rec->variant_count || rec->body_field < 0)
        return 0;
    v = &rec->variants[tag - 1];
    if (!has_body)
        return v->body != HOOK_BODY_REQUIRED;
    if (v->body == HOOK_BODY_NONE || (seen & v->required) != v->required)
        return 0;
    b = rec->fields[rec->body_field].record;
    foreign = seen & ~v->members;
    if (foreign != 0 && b->reject_unknown)
        return 0;
    /* members this variant does not declare leave nothing behind, as
     * hook_feed leaves nothing of them */
    hook_clear_fields(b, body, foreign);
    return 1;
}

int hook_dx_end(const char *s, const char *e)
{
    return s != NULL && ws((in)s, (in)e) == (in)e;
}

hook_code hook_dx_accepted(hook_error *err)
{
    if (err != NULL) {
        err->code = HOOK_OK;
        err->offset = 0;
        err->line = 0;
        err->column = 0;
        err->path[0] = '\0';
        err->message[0] = '\0';
    }
    return HOOK_OK;
}
