/*
 * mews_ref.c - see mews_ref.h. Simple on purpose: whole input, a tree,
 * recursion (capped at the documented depth), no streaming.
 */
#include "mews_ref.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64   /* README: nesting deeper than 64 is refused */
#define MAX_KEY 128    /* README: longer member names never match */

/* --- the JSON tree --------------------------------------------------- */

enum kind { K_OBJECT, K_ARRAY, K_STRING, K_NUMBER, K_TRUE, K_FALSE, K_NULL,
            K_DEEP /* a container past MAX_DEPTH, only scanned */ };

typedef struct node {
    int kind;
    size_t str, len;   /* K_STRING: decoded bytes in strs[str..str+len) */
    size_t key, klen;  /* as an object member: its decoded name */
    long first, next;  /* children, siblings (-1 none) */
} node;

typedef struct doc {
    const unsigned char *s, *end;
    node *nodes;
    size_t nnodes;
    unsigned char *strs;
    size_t nstrs;
} doc;

static long new_node(doc *d, int kind)
{
    node *n = &d->nodes[d->nnodes];

    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->first = n->next = -1;
    return (long)d->nnodes++;
}

static void ws(doc *d)
{
    while (d->s < d->end && (*d->s == ' ' || *d->s == '\t' ||
                             *d->s == '\n' || *d->s == '\r'))
        d->s++;
}

static void emit_cp(doc *d, unsigned long cp)
{
    unsigned char *o = d->strs + d->nstrs;

    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        d->nstrs += 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 + (cp >> 6));
        o[1] = (unsigned char)(0x80 + (cp & 63));
        d->nstrs += 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 + (cp >> 12));
        o[1] = (unsigned char)(0x80 + ((cp >> 6) & 63));
        o[2] = (unsigned char)(0x80 + (cp & 63));
        d->nstrs += 3;
    } else {
        o[0] = (unsigned char)(0xF0 + (cp >> 18));
        o[1] = (unsigned char)(0x80 + ((cp >> 12) & 63));
        o[2] = (unsigned char)(0x80 + ((cp >> 6) & 63));
        o[3] = (unsigned char)(0x80 + (cp & 63));
        d->nstrs += 4;
    }
}

static int hex4(doc *d, unsigned long *v)
{
    int i;

    *v = 0;
    for (i = 0; i < 4; i++) {
        int c;
        if (d->s >= d->end)
            return 0;
        c = *d->s++;
        if (c >= '0' && c <= '9')
            c -= '0';
        else if (c >= 'a' && c <= 'f')
            c -= 'a' - 10;
        else if (c >= 'A' && c <= 'F')
            c -= 'A' - 10;
        else
            return 0;
        *v = *v * 16 + (unsigned long)c;
    }
    return 1;
}

/* One UTF-8 character starting at d->s (RFC 3629): decoded, then judged
 * by its value. Copied as is. */
static int utf8_char(doc *d)
{
    const unsigned char *p = d->s;
    unsigned long cp, min;
    int n, i;

    if (*p < 0x80)
        n = 0, cp = *p, min = 0;
    else if ((*p & 0xE0) == 0xC0)
        n = 1, cp = *p & 0x1F, min = 0x80;
    else if ((*p & 0xF0) == 0xE0)
        n = 2, cp = *p & 0x0F, min = 0x800;
    else if ((*p & 0xF8) == 0xF0)
        n = 3, cp = *p & 0x07, min = 0x10000;
    else
        return 0;
    if (d->end - p <= n)
        return 0;
    for (i = 1; i <= n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    memcpy(d->strs + d->nstrs, p, (size_t)n + 1);
    d->nstrs += (size_t)n + 1;
    d->s += n + 1;
    return 1;
}

/* A string at d->s (which is '"'); its decoded bytes appended to strs. */
static int string(doc *d, size_t *start, size_t *len)
{
    d->s++;
    *start = d->nstrs;
    for (;;) {
        unsigned char c;

        if (d->s >= d->end)
            return 0;
        c = *d->s;
        if (c == '"') {
            d->s++;
            *len = d->nstrs - *start;
            return 1;
        }
        if (c < 0x20)
            return 0;
        if (c != '\\') {
            if (!utf8_char(d))
                return 0;
            continue;
        }
        d->s++;
        if (d->s >= d->end)
            return 0;
        c = *d->s++;
        switch (c) {
        case '"': case '\\': case '/': emit_cp(d, c); break;
        case 'b': emit_cp(d, 8); break;
        case 'f': emit_cp(d, 12); break;
        case 'n': emit_cp(d, 10); break;
        case 'r': emit_cp(d, 13); break;
        case 't': emit_cp(d, 9); break;
        case 'u': {
            unsigned long v, lo;
            if (!hex4(d, &v))
                return 0;
            if (v >= 0xDC00 && v <= 0xDFFF)
                return 0; /* a low half alone */
            if (v >= 0xD800 && v <= 0xDBFF) {
                if (d->end - d->s < 2 || d->s[0] != '\\' || d->s[1] != 'u')
                    return 0;
                d->s += 2;
                if (!hex4(d, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return 0;
                v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
            }
            emit_cp(d, v);
            break;
        }
        default:
            return 0;
        }
    }
}

static int is_digit(const doc *d)
{
    return d->s < d->end && *d->s >= '0' && *d->s <= '9';
}

/* RFC 8259 number; a digit right after it (as in 012) is an error. */
static int number(doc *d)
{
    if (*d->s == '-')
        d->s++;
    if (!is_digit(d))
        return 0;
    if (*d->s == '0')
        d->s++;
    else
        while (is_digit(d))
            d->s++;
    if (d->s < d->end && *d->s == '.') {
        d->s++;
        if (!is_digit(d))
            return 0;
        while (is_digit(d))
            d->s++;
    }
    if (d->s < d->end && (*d->s == 'e' || *d->s == 'E')) {
        d->s++;
        if (d->s < d->end && (*d->s == '+' || *d->s == '-'))
            d->s++;
        if (!is_digit(d))
            return 0;
        while (is_digit(d))
            d->s++;
    }
    return !is_digit(d);
}

static int literal(doc *d, const char *word)
{
    size_t n = strlen(word);

    if ((size_t)(d->end - d->s) < n || memcmp(d->s, word, n) != 0)
        return 0;
    d->s += n;
    return 1;
}

/* A container opened past MAX_DEPTH (README: "past the limit, brackets
 * are counted but ',' and ':' are not checked"): tokens must still be
 * valid, and the brackets must balance in number. */
static int scan_deep(doc *d)
{
    long open = 0;

    do {
        size_t a, b;

        ws(d);
        if (d->s >= d->end)
            return 0;
        switch (*d->s) {
        case '{': case '[': open++; d->s++; break;
        case '}': case ']': open--; d->s++; break;
        case ',': case ':': d->s++; break;
        case '"': if (!string(d, &a, &b)) return 0; break;
        case 't': if (!literal(d, "true")) return 0; break;
        case 'f': if (!literal(d, "false")) return 0; break;
        case 'n': if (!literal(d, "null")) return 0; break;
        default:
            if (*d->s != '-' && !is_digit(d))
                return 0;
            if (!number(d))
                return 0;
        }
    } while (open > 0);
    return 1;
}

/* A value at nesting `depth` (of the container holding it; 0 at the top).
 * Returns its node, or -1 on a syntax error. */
static long value(doc *d, int depth)
{
    long id, last = -1;
    int close;

    ws(d);
    if (d->s >= d->end)
        return -1;
    switch (*d->s) {
    case '"': {
        size_t a, b;
        id = new_node(d, K_STRING);
        if (!string(d, &a, &b))
            return -1;
        d->nodes[id].str = a;
        d->nodes[id].len = b;
        return id;
    }
    case 't': return literal(d, "true") ? new_node(d, K_TRUE) : -1;
    case 'f': return literal(d, "false") ? new_node(d, K_FALSE) : -1;
    case 'n': return literal(d, "null") ? new_node(d, K_NULL) : -1;
    case '{': case '[':
        break;
    default:
        if (*d->s != '-' && !is_digit(d))
            return -1;
        return number(d) ? new_node(d, K_NUMBER) : -1;
    }
    if (depth + 1 > MAX_DEPTH)
        return scan_deep(d) ? new_node(d, K_DEEP) : -1;

    close = *d->s == '{' ? '}' : ']';
    id = new_node(d, close == '}' ? K_OBJECT : K_ARRAY);
    d->s++;
    ws(d);
    if (d->s < d->end && *d->s == close) {
        d->s++;
        return id;
    }
    for (;;) {
        size_t ka = 0, kl = 0;
        long child;

        if (close == '}') {
            ws(d);
            if (d->s >= d->end || *d->s != '"' || !string(d, &ka, &kl))
                return -1;
            ws(d);
            if (d->s >= d->end || *d->s != ':')
                return -1;
            d->s++;
        }
        child = value(d, depth + 1);
        if (child < 0)
            return -1;
        d->nodes[child].key = ka;
        d->nodes[child].klen = kl;
        if (last < 0)
            d->nodes[id].first = child;
        else
            d->nodes[last].next = child;
        last = child;
        ws(d);
        if (d->s >= d->end)
            return -1;
        if (*d->s == close) {
            d->s++;
            return id;
        }
        if (*d->s != ',')
            return -1;
        d->s++;
    }
}

/* --- value types ----------------------------------------------------- */

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", hex in either case */
static int check_uuid(const unsigned char *s, size_t n, uint8_t out[16])
{
    size_t i, k = 0;
    uint8_t b[16];

    if (n != 36)
        return 0;
    for (i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-')
                return 0;
        } else if (hexval(s[i]) < 0) {
            return 0;
        }
    }
    for (i = 0; i < 36; i += 2) {
        if (s[i] == '-')
            i++;
        b[k++] = (uint8_t)(hexval(s[i]) * 16 + hexval(s[i + 1]));
    }
    memcpy(out, b, 16);
    return 1;
}

static int num(const unsigned char *s, int n)
{
    int v = 0, i;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int leap(long y)
{
    return y % 400 == 0 || (y % 4 == 0 && y % 100 != 0);
}

/* Days from 0000-01-01 to the first day of year y (proleptic Gregorian,
 * year 0 is a leap year): count the leap years in 0 .. y-1. */
static long days_to_year(long y)
{
    long leaps = y == 0 ? 0 : (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400 + 1;
    return 365 * y + leaps;
}

/* RFC 3339 5.6 date-time: YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM).
 * README: years 0000-9999, no :60, T and Z in either case. */
static int check_datetime(const unsigned char *s, size_t n, ref_dt *out)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, mo, da, h, mi, se, i, dim, oh = 0, om = 0, sign = 1;
    size_t p;
    long days;
    ref_dt dt;

    memset(&dt, 0, sizeof dt);
    if (n < 20)
        return 0;
    y = num(s, 4); mo = num(s + 5, 2); da = num(s + 8, 2);
    h = num(s + 11, 2); mi = num(s + 14, 2); se = num(s + 17, 2);
    if (y < 0 || mo < 0 || da < 0 || h < 0 || mi < 0 || se < 0)
        return 0;
    if (s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':' ||
        (s[10] != 'T' && s[10] != 't'))
        return 0;
    if (mo < 1 || mo > 12)
        return 0;
    dim = mdays[mo - 1] + (mo == 2 && leap(y));
    if (da < 1 || da > dim || h > 23 || mi > 59 || se > 59)
        return 0;
    p = 19;
    if (s[p] == '.') {
        p++;
        while (p < n && s[p] >= '0' && s[p] <= '9') {
            if (dt.frac_digits == 9)
                return 0;
            dt.nanos = dt.nanos * 10 + (s[p] - '0');
            dt.frac_digits++;
            p++;
        }
        if (dt.frac_digits == 0)
            return 0;
        for (i = dt.frac_digits; i < 9; i++)
            dt.nanos *= 10;
    }
    if (n - p == 1 && (s[p] == 'Z' || s[p] == 'z')) {
        dt.utc_z = 1;
    } else if (n - p == 6 && (s[p] == '+' || s[p] == '-') && s[p + 3] == ':') {
        oh = num(s + p + 1, 2);
        om = num(s + p + 4, 2);
        if (oh < 0 || om < 0 || oh > 23 || om > 59)
            return 0;
        sign = s[p] == '-' ? -1 : 1;
    } else {
        return 0;
    }
    dt.offset_minutes = (int16_t)(sign * (oh * 60 + om));
    days = days_to_year(y) - days_to_year(1970);
    for (i = 1; i < mo; i++)
        days += mdays[i - 1] + (i == 2 && leap(y));
    days += da - 1;
    dt.seconds = (int64_t)days * 86400 + h * 3600 + mi * 60 + se -
                 (int64_t)dt.offset_minutes * 60;
    *out = dt;
    return 1;
}

/* RFC 5322 atext, and any non-ASCII byte (RFC 6531: UTF-8 is allowed;
 * the JSON layer has already made sure it is well-formed). */
static int is_atext(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || c >= 0x80 ||
           (c != 0 && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* README: dot-atom local part (RFC 5322, at most 64 bytes by RFC 5321),
 * no quoted local part, no address literal, and a domain of at least two
 * labels; labels of letters, digits and hyphens (not first or last),
 * 1..63 bytes, non-ASCII allowed (IDN in UTF-8). */
static int check_email(const unsigned char *s, size_t n)
{
    const unsigned char *at = memchr(s, '@', n);
    size_t local, i, start, labels = 0;

    if (!at)
        return 0;
    local = (size_t)(at - s);
    if (local < 1 || local > 64 || n - local - 1 > 253)
        return 0;
    /* local: atoms joined by single dots */
    start = 0;
    for (i = 0; i <= local; i++) {
        if (i == local || s[i] == '.') {
            if (i == start)
                return 0; /* empty atom: leading, trailing or double dot */
            start = i + 1;
        } else if (!is_atext(s[i])) {
            return 0;
        }
    }
    /* domain: labels */
    start = local + 1;
    for (i = local + 1; i <= n; i++) {
        if (i == n || s[i] == '.') {
            size_t len = i - start;
            if (len < 1 || len > 63 || s[start] == '-' || s[i - 1] == '-')
                return 0;
            labels++;
            start = i + 1;
        } else if (!((s[i] >= 'A' && s[i] <= 'Z') ||
                     (s[i] >= 'a' && s[i] <= 'z') ||
                     (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
                     s[i] >= 0x80)) {
            return 0;
        }
    }
    return labels >= 2;
}

/* --- the Mews schema, by hand ---------------------------------------- */

typedef struct walk {
    const doc *d;
    ref_webhook *out;
} walk;

static int key_is(const walk *w, const node *n, const char *name)
{
    size_t len = strlen(name);
    return n->klen == len && memcmp(w->d->strs + n->key, name, len) == 0;
}

/* A value nobody stores: only a container past the depth limit in it
 * matters. */
static ref_class skipped(const walk *w, long id)
{
    const node *n = &w->d->nodes[id];
    long c;

    if (n->kind == K_DEEP)
        return REF_LIMIT;
    for (c = n->first; c >= 0; c = w->d->nodes[c].next) {
        ref_class r = skipped(w, c);
        if (r != REF_OK)
            return r;
    }
    return REF_OK;
}

static ref_class string_field(const walk *w, const node *n, size_t bound,
                              int email, ref_str *dst)
{
    if (n->kind != K_STRING)
        return REF_SCHEMA;
    if (n->len > bound)
        return REF_LIMIT;
    if (email && !check_email(w->d->strs + n->str, n->len))
        return REF_SCHEMA;
    dst->len = n->len;
    memcpy(dst->data, w->d->strs + n->str, n->len);
    return REF_OK;
}

/* Enterprise, Integration, Service: { Id: uuid; Name: string(1024); } */
static ref_class named_record(const walk *w, const node *n, ref_named *dst)
{
    int id = 0, name = 0;
    long c;
    ref_class r;

    if (n->kind != K_OBJECT)
        return REF_SCHEMA;
    for (c = n->first; c >= 0; c = w->d->nodes[c].next) {
        const node *m = &w->d->nodes[c];
        if (key_is(w, m, "Id")) {
            if (id++)
                return REF_SCHEMA;
            if (m->kind != K_STRING ||
                !check_uuid(w->d->strs + m->str, m->len, dst->id))
                return REF_SCHEMA;
        } else if (key_is(w, m, "Name")) {
            if (name++)
                return REF_SCHEMA;
            if ((r = string_field(w, m, 1024, 0, &dst->name)) != REF_OK)
                return r;
        } else if ((r = skipped(w, c)) != REF_OK) {
            return r;
        }
    }
    if (!id || !name)
        return REF_SCHEMA;
    dst->present = 1;
    return REF_OK;
}

/* Requestor: { Name: string(1024); Email: email(254); } */
static ref_class requestor(const walk *w, const node *n)
{
    int name = 0, email = 0;
    long c;
    ref_class r;

    if (n->kind == K_NULL) {
        w->out->requestor.is_null = 1;
        return REF_OK;
    }
    if (n->kind != K_OBJECT)
        return REF_SCHEMA;
    for (c = n->first; c >= 0; c = w->d->nodes[c].next) {
        const node *m = &w->d->nodes[c];
        if (key_is(w, m, "Name")) {
            if (name++)
                return REF_SCHEMA;
            r = string_field(w, m, 1024, 0, &w->out->requestor.name);
        } else if (key_is(w, m, "Email")) {
            if (email++)
                return REF_SCHEMA;
            r = string_field(w, m, 254, 1, &w->out->requestor.email);
        } else {
            r = skipped(w, c);
        }
        if (r != REF_OK)
            return r;
    }
    return name && email ? REF_OK : REF_SCHEMA;
}

/* The body members, the union over all variants, in schema order. */
enum { B_ENTERPRISE, B_REQUESTOR, B_ACCESS_TOKEN, B_CREATED_UTC,
       B_IS_ENABLED, B_INTEGRATION, B_SERVICE, B_DELETED_UTC, B_API_KEY,
       B_COUNT };
static const char *const body_names[B_COUNT] = {
    "Enterprise", "Requestor", "AccessToken", "CreatedUtc", "IsEnabled",
    "Integration", "Service", "DeletedUtc", "ApiKey"};

#define BIT(x) (1u << (x))
static const char *const actions[7] = {
    "IntegrationCreated", "IntegrationDisabled", "IntegrationEnabled",
    "IntegrationDeleted", "IntegrationCanceled", "IntegrationReinstated",
    "IntegrationApiKeyCreated"};
/* members and required members of each variant's record */
static const unsigned members[7] = {
    BIT(B_ENTERPRISE) | BIT(B_REQUESTOR) | BIT(B_ACCESS_TOKEN) |
        BIT(B_CREATED_UTC) | BIT(B_IS_ENABLED) | BIT(B_INTEGRATION) |
        BIT(B_SERVICE),
    BIT(B_INTEGRATION), BIT(B_INTEGRATION),
    BIT(B_DELETED_UTC) | BIT(B_INTEGRATION),
    BIT(B_INTEGRATION), BIT(B_INTEGRATION),
    BIT(B_INTEGRATION) | BIT(B_API_KEY)};
static const unsigned optional_members[7] = {
    BIT(B_REQUESTOR) | BIT(B_SERVICE), 0, 0, 0, 0, 0, 0};

static ref_class body(const walk *w, const node *n, unsigned *seen)
{
    ref_webhook *o = w->out;
    long c;

    if (n->kind != K_OBJECT)
        return REF_SCHEMA;
    for (c = n->first; c >= 0; c = w->d->nodes[c].next) {
        const node *m = &w->d->nodes[c];
        ref_class r = REF_OK;
        int k;

        for (k = 0; k < B_COUNT; k++)
            if (key_is(w, m, body_names[k]))
                break;
        if (k == B_COUNT) {
            if ((r = skipped(w, c)) != REF_OK)
                return r;
            continue;
        }
        if (*seen & BIT(k))
            return REF_SCHEMA; /* duplicate */
        *seen |= BIT(k);
        switch (k) {
        case B_ENTERPRISE: r = named_record(w, m, &o->enterprise); break;
        case B_REQUESTOR: r = requestor(w, m); o->requestor.present = 1; break;
        case B_ACCESS_TOKEN:
            r = string_field(w, m, 512, 0, &o->access_token.value);
            o->access_token.present = 1;
            break;
        case B_CREATED_UTC:
            if (m->kind != K_STRING ||
                !check_datetime(w->d->strs + m->str, m->len,
                                &o->created_utc.value))
                r = REF_SCHEMA;
            o->created_utc.present = 1;
            break;
        case B_IS_ENABLED:
            if (m->kind != K_TRUE && m->kind != K_FALSE)
                r = REF_SCHEMA;
            o->is_enabled.value = m->kind == K_TRUE;
            o->is_enabled.present = 1;
            break;
        case B_INTEGRATION: r = named_record(w, m, &o->integration); break;
        case B_SERVICE: r = named_record(w, m, &o->service); break;
        case B_DELETED_UTC:
            if (m->kind == K_NULL)
                o->deleted_utc.is_null = 1;
            else if (m->kind != K_STRING ||
                     !check_datetime(w->d->strs + m->str, m->len,
                                     &o->deleted_utc.value))
                r = REF_SCHEMA;
            o->deleted_utc.present = 1;
            break;
        case B_API_KEY:
            r = string_field(w, m, 512, 0, &o->api_key.value);
            o->api_key.present = 1;
            break;
        }
        if (r != REF_OK)
            return r;
    }
    return REF_OK;
}

/* The tag and the body are both known: the body's members against the
 * variant (docs/schema-language.md: each variant checks its own required
 * members; members it lacks are dropped under "unknown skip"). */
static ref_class resolve(int action, unsigned seen)
{
    unsigned required = members[action] & ~optional_members[action];
    return (required & ~seen) ? REF_SCHEMA : REF_OK;
}

static void drop_foreign(ref_webhook *o)
{
    unsigned keep = members[o->action - 1];

    if (!(keep & BIT(B_ENTERPRISE))) memset(&o->enterprise, 0, sizeof o->enterprise);
    if (!(keep & BIT(B_REQUESTOR))) memset(&o->requestor, 0, sizeof o->requestor);
    if (!(keep & BIT(B_ACCESS_TOKEN))) memset(&o->access_token, 0, sizeof o->access_token);
    if (!(keep & BIT(B_CREATED_UTC))) memset(&o->created_utc, 0, sizeof o->created_utc);
    if (!(keep & BIT(B_IS_ENABLED))) memset(&o->is_enabled, 0, sizeof o->is_enabled);
    if (!(keep & BIT(B_INTEGRATION))) memset(&o->integration, 0, sizeof o->integration);
    if (!(keep & BIT(B_SERVICE))) memset(&o->service, 0, sizeof o->service);
    if (!(keep & BIT(B_DELETED_UTC))) memset(&o->deleted_utc, 0, sizeof o->deleted_utc);
    if (!(keep & BIT(B_API_KEY))) memset(&o->api_key, 0, sizeof o->api_key);
}

static ref_class root(const walk *w, const node *n)
{
    int have_action = 0, have_data = 0, action = -1, body_done = 0;
    unsigned seen = 0;
    long c;
    ref_class r;

    if (n->kind != K_OBJECT)
        return REF_SCHEMA;
    for (c = n->first; c >= 0; c = w->d->nodes[c].next) {
        const node *m = &w->d->nodes[c];

        if (key_is(w, m, "Action")) {
            int k;
            if (have_action++ || m->kind != K_STRING)
                return REF_SCHEMA;
            for (k = 0; k < 7; k++)
                if (m->len == strlen(actions[k]) &&
                    memcmp(w->d->strs + m->str, actions[k], m->len) == 0)
                    break;
            if (k == 7)
                return REF_SCHEMA; /* unknown tag */
            action = k;
            if (body_done && (r = resolve(action, seen)) != REF_OK)
                return r;
        } else if (key_is(w, m, "Data")) {
            if (have_data++)
                return REF_SCHEMA;
            if ((r = body(w, m, &seen)) != REF_OK)
                return r;
            body_done = 1;
            if (action >= 0 && (r = resolve(action, seen)) != REF_OK)
                return r;
        } else if ((r = skipped(w, c)) != REF_OK) {
            return r;
        }
    }
    if (!have_action || !have_data)
        return REF_SCHEMA;
    w->out->action = action + 1;
    drop_foreign(w->out);
    return REF_OK;
}

ref_class mews_ref_check(const unsigned char *data, size_t len,
                         ref_webhook *out)
{
    doc d;
    long top;
    ref_class r = REF_SYNTAX;
    walk w;

    memset(out, 0, sizeof *out);
    d.s = data;
    d.end = data + len;
    d.nodes = malloc((len + 1) * sizeof *d.nodes);
    d.nnodes = 0;
    d.strs = malloc(len + 1);
    d.nstrs = 0;
    if (!d.nodes || !d.strs)
        abort();
    top = value(&d, 0);
    if (top >= 0) {
        ws(&d);
        if (d.s == d.end) {
            w.d = &d;
            w.out = out;
            r = root(&w, &d.nodes[top]);
        }
    }
    if (r != REF_OK)
        memset(out, 0, sizeof *out);
    free(d.nodes);
    free(d.strs);
    return r;
}

const char *ref_class_name(ref_class c)
{
    static const char *const names[] = {"ok", "syntax", "schema", "limit"};
    return names[c];
}
