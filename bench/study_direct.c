/*
 * study_direct.c - a design study, not part of hookc: how fast a parser
 * written by hand for the mews Webhook alone can be on this machine, when
 * it makes hookc's checks and fills the same mews_webhook.
 *
 * It reads a whole message (no streaming) by recursive descent: member
 * names compared where they lie in the input, values parsed straight
 * into the output, string bodies scanned sixteen bytes at a time (SSE2),
 * non-ASCII text through the runtime's own UTF-8 scan, uuids, date-times
 * and e-mail addresses through the runtime's own checks. Whatever it does
 * not take on - an escaped member name or Action, an escape inside a
 * uuid or date-time, any error - it hands to mews_parse, which also
 * gives the exact error: the fast path never decides a rejection.
 *
 * The benchmark's `study*` row times it and counts, on every corpus
 * message, an output whose values differ from mews_parse's in anything
 * (mews_equal) as a mismatch. It is what code generated per schema could buy one-shot
 * parsing, measured rather than guessed.
 */
#include <stdint.h>
#include <string.h>

#include "internal.h" /* the runtime's UTF-8 scan and hex table */
#include "mews.h"
#include "peers.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef const unsigned char *P;

static P ws(P s, P e)
{
    while (s < e && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r'))
        s++;
    return s;
}

/* The first byte at or after s that is '"', '\\', a control byte or not
 * ASCII. */
static P scan_plain(P s, P e)
{
#if defined(__SSE2__)
    const __m128i q = _mm_set1_epi8('"'), b = _mm_set1_epi8('\\'),
                  c = _mm_set1_epi8(0x1f);
    while (e - s >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(x, q), _mm_cmpeq_epi8(x, b)),
            _mm_cmpeq_epi8(_mm_min_epu8(x, c), x)); /* x <= 0x1f */
        unsigned mask = (unsigned)(_mm_movemask_epi8(m) | _mm_movemask_epi8(x));
        if (mask)
            return s + __builtin_ctz(mask);
        s += 16;
    }
#endif
    while (s < e && *s != '"' && *s != '\\' && *s >= 0x20 && *s < 0x80)
        s++;
    return s;
}

static long hex4(P s)
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

/* Appends m bytes to dst (cap bytes; NULL: count only). */
static int put(unsigned char *dst, uint32_t cap, uint32_t *n, P s, size_t m)
{
    if (dst) {
        if (*n + m > cap)
            return 0;
        memcpy(dst + *n, s, m);
    }
    *n += (uint32_t)m;
    return 1;
}

/* An escape at s ('\\'), decoded into tmp; its length in the input, or
 * 0 when it is invalid or cut short. */
static size_t escape(P s, P e, unsigned char tmp[4], size_t *m)
{
    long cp, lo;

    if (e - s < 2)
        return 0;
    *m = 1;
    switch (s[1]) {
    case '"': case '\\': case '/': tmp[0] = s[1]; return 2;
    case 'b': tmp[0] = '\b'; return 2;
    case 'f': tmp[0] = '\f'; return 2;
    case 'n': tmp[0] = '\n'; return 2;
    case 'r': tmp[0] = '\r'; return 2;
    case 't': tmp[0] = '\t'; return 2;
    case 'u': break;
    default: return 0;
    }
    if (e - s < 6 || (cp = hex4(s + 2)) < 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
        return 0;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (e - s < 12 || s[6] != '\\' || s[7] != 'u' ||
            (lo = hex4(s + 8)) < 0xDC00 || lo > 0xDFFF)
            return 0;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    if (cp < 0x80) {
        tmp[0] = (unsigned char)cp;
    } else if (cp < 0x800) {
        tmp[0] = (unsigned char)(0xC0 | cp >> 6);
        tmp[1] = (unsigned char)(0x80 | (cp & 63));
        *m = 2;
    } else if (cp < 0x10000) {
        tmp[0] = (unsigned char)(0xE0 | cp >> 12);
        tmp[1] = (unsigned char)(0x80 | (cp >> 6 & 63));
        tmp[2] = (unsigned char)(0x80 | (cp & 63));
        *m = 3;
    } else {
        tmp[0] = (unsigned char)(0xF0 | cp >> 18);
        tmp[1] = (unsigned char)(0x80 | (cp >> 12 & 63));
        tmp[2] = (unsigned char)(0x80 | (cp >> 6 & 63));
        tmp[3] = (unsigned char)(0x80 | (cp & 63));
        *m = 4;
    }
    return cp < 0xD800 || cp > 0xDFFF ? 6 : 12;
}

/* A string whose body starts at s, decoded into dst (at most cap bytes;
 * NULL: checked only). Returns the byte after its closing quote, or
 * NULL; *len gets the decoded length. */
static P string(P s, P e, unsigned char *dst, uint32_t cap, uint32_t *len)
{
    uint32_t n = 0;

    for (;;) {
        P q = scan_plain(s, e);
        size_t m;
        if (!put(dst, cap, &n, s, (size_t)(q - s)))
            return NULL;
        s = q;
        if (s == e)
            return NULL;
        if (*s == '"') {
            if (dst)
                dst[n] = 0; /* the buffers hold cap + 1 bytes */
            *len = n;
            return s + 1;
        }
        if (*s >= 0x80) {
            uint64_t cont = 0;
            q = hook_scan_text_wide(s, e, &cont);
            m = q > s ? (size_t)(q - s) : hook_utf8_sequence(s, (size_t)(e - s));
            if (m == 0 || !put(dst, cap, &n, s, m))
                return NULL;
            s += m;
        } else if (*s == '\\') {
            unsigned char tmp[4];
            size_t used = escape(s, e, tmp, &m);
            if (used == 0 || !put(dst, cap, &n, tmp, m))
                return NULL;
            s += used;
        } else {
            return NULL; /* a control byte */
        }
    }
}

/* A member name without escapes and the ':' after it; returns the start
 * of the value. */
static P member_name(P s, P e, P *name, size_t *len)
{
    P q;

    s = ws(s, e);
    if (s == e || *s != '"')
        return NULL;
    q = scan_plain(s + 1, e);
    if (q == e || *q != '"')
        return NULL;
    *name = s + 1;
    *len = (size_t)(q - s - 1);
    q = ws(q + 1, e);
    if (q == e || *q != ':')
        return NULL;
    q = ws(q + 1, e);
    return q == e ? NULL : q;
}

/* After a member's value: 1 with *sp past a ',', 0 with *sp past the '}'
 * (NULL when neither follows). */
static int next_member(P *sp, P e)
{
    P s = ws(*sp, e);

    if (s < e && *s == ',') {
        *sp = s + 1;
        return 1;
    }
    *sp = s < e && *s == '}' ? s + 1 : NULL;
    return 0;
}

/* At an object's '{': 1 with *sp at its first member, 0 with *sp past
 * an empty object's '}'; *sp NULL when no object starts there. */
static int first_member(P *sp, P e)
{
    P s = *sp;

    if (s == e || *s != '{') {
        *sp = NULL;
        return 0;
    }
    s = ws(s + 1, e);
    *sp = s < e && *s == '}' ? s + 1 : s;
    return *sp == s;
}

static P literal(P s, P e, const char *word, size_t n)
{
    return (size_t)(e - s) >= n && memcmp(s, word, n) == 0 ? s + n : NULL;
}

static P number(P s, P e)
{
    P d;

    if (s < e && *s == '-')
        s++;
    if (s < e && *s == '0')
        s++;
    else if (s < e && *s >= '1' && *s <= '9')
        while (s < e && *s >= '0' && *s <= '9')
            s++;
    else
        return NULL;
    if (s < e && *s == '.') {
        d = ++s;
        while (s < e && *s >= '0' && *s <= '9')
            s++;
        if (s == d)
            return NULL;
    }
    if (s < e && (*s == 'e' || *s == 'E')) {
        if (++s < e && (*s == '+' || *s == '-'))
            s++;
        d = s;
        while (s < e && *s >= '0' && *s <= '9')
            s++;
        if (s == d)
            return NULL;
    }
    return s;
}

/* Any JSON value, checked and dropped; depth as hookc counts it. */
static P skip(P s, P e, int depth)
{
    uint32_t n;
    int more;

    if (s == e)
        return NULL;
    switch (*s) {
    case '"': return string(s + 1, e, NULL, 0, &n);
    case 't': return literal(s, e, "true", 4);
    case 'f': return literal(s, e, "false", 5);
    case 'n': return literal(s, e, "null", 4);
    case '{':
        if (depth >= HOOK_MAX_DEPTH)
            return NULL;
        for (more = first_member(&s, e); more; more = next_member(&s, e)) {
            s = ws(s, e);
            if (s == e || *s != '"' || !(s = string(s + 1, e, NULL, 0, &n)))
                return NULL;
            s = ws(s, e);
            if (s == e || *s != ':' ||
                !(s = skip(ws(s + 1, e), e, depth + 1)))
                return NULL;
        }
        return s;
    case '[':
        if (depth >= HOOK_MAX_DEPTH)
            return NULL;
        s = ws(s + 1, e);
        if (s < e && *s == ']')
            return s + 1;
        for (;;) {
            if (!(s = skip(s, e, depth + 1)))
                return NULL;
            s = ws(s, e);
            if (s < e && *s == ',') {
                s = ws(s + 1, e);
                continue;
            }
            return s < e && *s == ']' ? s + 1 : NULL;
        }
    default:
        return number(s, e);
    }
}

static P uuid(P s, P e, hook_uuid *u)
{
    if (e - s < 38 || s[0] != '"' || s[37] != '"' ||
        !hook_parse_uuid((const char *)s + 1, 36, u))
        return NULL;
    return s + 38;
}

static P datetime(P s, P e, hook_datetime *d)
{
    size_t avail = (size_t)(e - s);
    P q;

    if (*s != '"')
        return NULL;
    q = memchr(s + 1, '"', avail - 1 < HOOK_SCRATCH ? avail - 1 : HOOK_SCRATCH);
    if (!q || !hook_parse_datetime((const char *)s + 1, (size_t)(q - s - 1), d))
        return NULL;
    return q + 1;
}

static P text(P s, P e, char *data, uint32_t cap, uint32_t *len)
{
    return *s == '"' ? string(s + 1, e, (unsigned char *)data, cap, len) : NULL;
}

/* Enterprise, Integration and Service: Id and Name, both required. */
static P id_name(P s, P e, hook_uuid *id, uint32_t *len, char *name, int depth)
{
    unsigned seen = 0;
    int more;

    for (more = first_member(&s, e); more; more = next_member(&s, e)) {
        P k;
        size_t kn;
        if (!(s = member_name(s, e, &k, &kn)))
            return NULL;
        if (kn == 2 && memcmp(k, "Id", 2) == 0) {
            if (seen & 1 || !(s = uuid(s, e, id)))
                return NULL;
            seen |= 1;
        } else if (kn == 4 && memcmp(k, "Name", 4) == 0) {
            if (seen & 2 || !(s = text(s, e, name, 1024, len)))
                return NULL;
            seen |= 2;
        } else if (!(s = skip(s, e, depth + 1))) {
            return NULL;
        }
    }
    return seen == 3 ? s : NULL;
}

static P requestor(P s, P e, mews_requestor *r)
{
    unsigned seen = 0;
    int more;

    for (more = first_member(&s, e); more; more = next_member(&s, e)) {
        P k;
        size_t kn;
        if (!(s = member_name(s, e, &k, &kn)))
            return NULL;
        if (kn == 4 && memcmp(k, "Name", 4) == 0) {
            if (seen & 1 || !(s = text(s, e, r->name.data, 1024, &r->name.len)))
                return NULL;
            seen |= 1;
        } else if (kn == 5 && memcmp(k, "Email", 5) == 0) {
            if (seen & 2 || !(s = text(s, e, r->email.data, 254, &r->email.len)) ||
                !hook_check_email(r->email.data, r->email.len))
                return NULL;
            seen |= 2;
        } else if (!(s = skip(s, e, 4))) {
            return NULL;
        }
    }
    return seen == 3 ? s : NULL;
}

enum {
    M_ENTERPRISE = 1, M_REQUESTOR = 2, M_TOKEN = 4, M_CREATED = 8,
    M_ENABLED = 16, M_INTEGRATION = 32, M_SERVICE = 64, M_DELETED = 128,
    M_APIKEY = 256
};

/* Data: the members of every variant, as hookc stores them before the
 * Action is known; *seen gets the M_ bits of those present. */
static P data(P s, P e, mews_webhook_data *d, unsigned *seen)
{
    int more;

    *seen = 0;
    for (more = first_member(&s, e); more; more = next_member(&s, e)) {
        P k;
        size_t kn;
        unsigned bit = 0;
        if (!(s = member_name(s, e, &k, &kn)))
            return NULL;
        if (kn == 6 && memcmp(k, "ApiKey", 6) == 0) {
            bit = M_APIKEY;
            s = text(s, e, d->api_key.data, 512, &d->api_key.len);
            d->has_api_key = 1;
        } else if (kn == 7 && memcmp(k, "Service", 7) == 0) {
            bit = M_SERVICE;
            s = id_name(s, e, &d->service.id, &d->service.name.len,
                        d->service.name.data, 3);
            d->has_service = 1;
        } else if (kn == 9 && memcmp(k, "Requestor", 9) == 0) {
            bit = M_REQUESTOR;
            d->has_requestor = 1;
            if (*s == 'n')
                d->requestor_is_null = (s = literal(s, e, "null", 4)) != NULL;
            else
                s = requestor(s, e, &d->requestor);
        } else if (kn == 9 && memcmp(k, "IsEnabled", 9) == 0) {
            bit = M_ENABLED;
            d->has_is_enabled = 1;
            if (*s == 't')
                d->is_enabled = (s = literal(s, e, "true", 4)) != NULL;
            else
                s = literal(s, e, "false", 5);
        } else if (kn == 10 && memcmp(k, "Enterprise", 10) == 0) {
            bit = M_ENTERPRISE;
            s = id_name(s, e, &d->enterprise.id, &d->enterprise.name.len,
                        d->enterprise.name.data, 3);
            d->has_enterprise = 1;
        } else if (kn == 10 && memcmp(k, "CreatedUtc", 10) == 0) {
            bit = M_CREATED;
            s = datetime(s, e, &d->created_utc);
            d->has_created_utc = 1;
        } else if (kn == 10 && memcmp(k, "DeletedUtc", 10) == 0) {
            bit = M_DELETED;
            d->has_deleted_utc = 1;
            if (*s == 'n')
                d->deleted_utc_is_null = (s = literal(s, e, "null", 4)) != NULL;
            else
                s = datetime(s, e, &d->deleted_utc);
        } else if (kn == 11 && memcmp(k, "AccessToken", 11) == 0) {
            bit = M_TOKEN;
            s = text(s, e, d->access_token.data, 512, &d->access_token.len);
            d->has_access_token = 1;
        } else if (kn == 11 && memcmp(k, "Integration", 11) == 0) {
            bit = M_INTEGRATION;
            s = id_name(s, e, &d->integration.id, &d->integration.name.len,
                        d->integration.name.data, 3);
            d->has_integration = 1;
        } else {
            s = skip(s, e, 3);
        }
        if (!s || (*seen & bit))
            return NULL;
        *seen |= bit;
    }
    return s;
}

/* Per Action (1..7): the members it requires and those it declares. */
static const unsigned required[8] = {
    0, M_ENTERPRISE | M_TOKEN | M_CREATED | M_ENABLED | M_INTEGRATION,
    M_INTEGRATION, M_INTEGRATION, M_DELETED | M_INTEGRATION, M_INTEGRATION,
    M_INTEGRATION, M_INTEGRATION | M_APIKEY};
static const unsigned declared[8] = {
    0, M_ENTERPRISE | M_REQUESTOR | M_TOKEN | M_CREATED | M_ENABLED |
           M_INTEGRATION | M_SERVICE,
    M_INTEGRATION, M_INTEGRATION, M_DELETED | M_INTEGRATION, M_INTEGRATION,
    M_INTEGRATION, M_INTEGRATION | M_APIKEY};

static int action(P s, size_t n)
{
    static const char *const names[7] = {
        "IntegrationCreated", "IntegrationDisabled", "IntegrationEnabled",
        "IntegrationDeleted", "IntegrationCanceled", "IntegrationReinstated",
        "IntegrationApiKeyCreated"};
    int i;

    if (n < 11 || memcmp(s, "Integration", 11) != 0)
        return 0;
    for (i = 0; i < 7; i++)
        if (strlen(names[i]) == n && memcmp(names[i] + 11, s + 11, n - 11) == 0)
            return i + 1;
    return 0;
}

/* Members present but not declared by the chosen variant are dropped,
 * as hookc drops them. */
static void drop_undeclared(mews_webhook_data *d, unsigned extra)
{
    if (extra & M_ENTERPRISE) {
        d->has_enterprise = 0;
        memset(&d->enterprise, 0, sizeof d->enterprise);
    }
    if (extra & M_REQUESTOR) {
        d->has_requestor = d->requestor_is_null = 0;
        memset(&d->requestor, 0, sizeof d->requestor);
    }
    if (extra & M_TOKEN) {
        d->has_access_token = 0;
        memset(&d->access_token, 0, sizeof d->access_token);
    }
    if (extra & M_CREATED) {
        d->has_created_utc = 0;
        memset(&d->created_utc, 0, sizeof d->created_utc);
    }
    if (extra & M_ENABLED)
        d->has_is_enabled = d->is_enabled = 0;
    if (extra & M_SERVICE) {
        d->has_service = 0;
        memset(&d->service, 0, sizeof d->service);
    }
    if (extra & M_DELETED) {
        d->has_deleted_utc = d->deleted_utc_is_null = 0;
        memset(&d->deleted_utc, 0, sizeof d->deleted_utc);
    }
    if (extra & M_APIKEY) {
        d->has_api_key = 0;
        memset(&d->api_key, 0, sizeof d->api_key);
    }
}

/* The fast path alone: 1 when it accepted the message into *out. */
static int fast(mews_webhook *out, P s, P e)
{
    unsigned seen = 0, members = 0;
    int act = 0, more;

    mews_webhook_record.reset(out); /* as mews_init does */
    s = ws(s, e);
    for (more = first_member(&s, e); more; more = next_member(&s, e)) {
        P k, q;
        size_t kn;
        if (!(s = member_name(s, e, &k, &kn)))
            return 0;
        if (kn == 6 && memcmp(k, "Action", 6) == 0) {
            if (seen & 1 || *s != '"')
                return 0;
            q = scan_plain(s + 1, e);
            if (q == e || *q != '"' || !(act = action(s + 1, (size_t)(q - s - 1))))
                return 0;
            s = q + 1;
            seen |= 1;
        } else if (kn == 4 && memcmp(k, "Data", 4) == 0) {
            if (seen & 2 || !(s = data(s, e, &out->data, &members)))
                return 0;
            seen |= 2;
        } else if (!(s = skip(s, e, 2))) {
            return 0;
        }
    }
    if (!s || ws(s, e) != e || seen != 3 ||
        (members & required[act]) != required[act])
        return 0;
    if (members & ~declared[act])
        drop_undeclared(&out->data, members & ~declared[act]);
    out->action = (mews_action)act;
    return 1;
}

static mews_webhook study_out, hookc_out;

int study_direct(const char *p, size_t n, size_t cap)
{
    (void)cap;
    if (fast(&study_out, (P)p, (P)p + n))
        return 1;
    return mews_parse(&study_out, p, n, NULL) == HOOK_OK;
}

int study_direct_differs(const char *p, size_t n)
{
    int ok = study_direct(p, n, n);
    return (mews_parse(&hookc_out, p, n, NULL) == HOOK_OK) != ok ||
           !mews_equal(&study_out, &hookc_out);
}
