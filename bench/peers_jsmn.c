/*
 * peers_jsmn.c - jsmn peer (header-only tokenizer, strict mode, one
 * static token array: no heap). jsmn checks little, so this peer checks
 * the rest itself: the text's UTF-8 and control bytes (v_text), every
 * string's escapes (v_string), every primitive (true, false, null or an
 * RFC 8259 number), and the bytes between tokens (only whitespace and
 * the right ':' or ',').
 */
#include <string.h>

#define JSMN_STATIC
#define JSMN_STRICT
#include <jsmn.h>

#include "peers.h"
#include "validate.h"

#define MAX_TOKENS (1u << 18)
static jsmntok_t toks[MAX_TOKENS];
static const char *js;
static int ntok;
static char dec[4096];

static size_t tbeg(const jsmntok_t *t) { return (size_t)t->start - (t->type == JSMN_STRING); }
static size_t tend(const jsmntok_t *t) { return (size_t)t->end + (t->type == JSMN_STRING); }

/* bytes [a, b) are whitespace around exactly one `sep` (0: none) */
static int gap(size_t a, size_t b, char sep)
{
    int seen = 0;
    for (; a < b; a++) {
        char c = js[a];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c != sep || seen)
            return 0;
        seen = 1;
    }
    return seen || !sep;
}

static int primitive(const jsmntok_t *t)
{
    const char *s = js + t->start;
    size_t n = (size_t)(t->end - t->start);
    switch (s[0]) {
    case 't': return n == 4 && memcmp(s, "true", 4) == 0;
    case 'f': return n == 5 && memcmp(s, "false", 5) == 0;
    case 'n': return n == 4 && memcmp(s, "null", 4) == 0;
    default: return v_number(s, n);
    }
}

/* The decoded string of token t, in place when it has no escapes. */
static int text(const jsmntok_t *t, const char **s, size_t *n)
{
    const char *raw = js + t->start;
    size_t len = (size_t)(t->end - t->start);
    long d;
    if (t->type != JSMN_STRING)
        return 0;
    if (memchr(raw, '\\', len) == NULL) {
        if (v_string(raw, len) < 0)
            return 0;
        *s = raw;
        *n = len;
        return 1;
    }
    if (len > sizeof dec) {   /* longer than any bound: length only */
        if ((d = v_string(raw, len)) < 0)
            return 0;
        *s = raw;   /* never checked for syntax: every such member */
        *n = (size_t)d;  /* fails its bound on length alone */
        return 1;
    }
    if ((d = v_unescape(raw, len, dec)) < 0)
        return 0;
    *s = dec;
    *n = (size_t)d;
    return 1;
}

/* Checks the value at token i and everything in it; returns the index
 * after it, or -1. */
static int any(int i)
{
    const jsmntok_t *t = &toks[i];
    int j, k, end, key = 0;
    size_t pos;
    if (t->type == JSMN_STRING)
        return v_string(js + t->start, (size_t)(t->end - t->start)) < 0 ? -1 : i + 1;
    if (t->type == JSMN_PRIMITIVE)
        return primitive(t) ? i + 1 : -1;
    /* a container: children alternate key, value in an object */
    pos = (size_t)t->start + 1;
    end = i + 1;
    for (j = 0; j < t->size; j++) {
        for (k = 0; k < (t->type == JSMN_OBJECT ? 2 : 1); k++) {
            key = t->type == JSMN_OBJECT && k == 0;
            if (end >= ntok || !gap(pos, tbeg(&toks[end]), j == 0 && k == 0 ? 0 : key || t->type == JSMN_ARRAY ? ',' : ':'))
                return -1;
            if (key && toks[end].type != JSMN_STRING)
                return -1;
            pos = tend(&toks[end]);
            if ((end = any(end)) < 0)
                return -1;
        }
    }
    return gap(pos, (size_t)t->end - 1, 0) ? end : -1;
}

/* the member's key token, its value token, and the bytes between */
static int member(int kt, int vt, size_t *pos, int first)
{
    int ok = gap(*pos, tbeg(&toks[kt]), first ? 0 : ',') &&
             toks[kt].type == JSMN_STRING &&
             gap(tend(&toks[kt]), tbeg(&toks[vt]), ':');
    *pos = tend(&toks[vt]);
    return ok;
}

static int record(int i, int b)
{
    const jsmntok_t *t = &toks[i];
    int j, c = i + 1;
    unsigned seen = 0;
    size_t pos = (size_t)t->start + 1;
    if (t->type != JSMN_OBJECT)
        return -1;
    for (j = 0; j < t->size; j++) {
        const char *s;
        size_t n;
        int k;
        if (c + 1 >= ntok || !member(c, c + 1, &pos, j == 0) || !text(&toks[c], &s, &n))
            return -1;
        k = v_rec_key(b, s, n);
        if (k >= 0) {
            if (seen & (1u << k) || !text(&toks[c + 1], &s, &n) ||
                !v_rec_string(k, s, n))
                return -1;
            seen |= 1u << k;
        }
        if ((c = any(c + 1)) < 0)
            return -1;
    }
    if (seen != v_rec_required(b) || !gap(pos, (size_t)t->end - 1, 0))
        return -1;
    return c;
}

static int is_null(const jsmntok_t *t)
{
    return t->type == JSMN_PRIMITIVE && js[t->start] == 'n';
}

static int body(int i, unsigned *seen)
{
    const jsmntok_t *t = &toks[i];
    int j, c = i + 1;
    size_t pos = (size_t)t->start + 1;
    if (t->type != JSMN_OBJECT)
        return -1;
    for (j = 0; j < t->size; j++) {
        const char *s;
        size_t n;
        int b, v = c + 1;
        if (v >= ntok || !member(c, v, &pos, j == 0) || !text(&toks[c], &s, &n))
            return -1;
        b = v_body_key(s, n);
        if (b < 0) {
            if ((c = any(v)) < 0)
                return -1;
            continue;
        }
        if (*seen & (1u << b))
            return -1;
        *seen |= 1u << b;
        if (is_null(&toks[v]) && (v_body_nullable & (1u << b))) {
            if ((c = any(v)) < 0)
                return -1;
            continue;
        }
        switch (v_body_type[b]) {
        case T_RECORD:
            if ((c = record(v, b)) < 0)
                return -1;
            break;
        case T_BOOL:
            if (toks[v].type != JSMN_PRIMITIVE || (js[toks[v].start] != 't' && js[toks[v].start] != 'f') ||
                (c = any(v)) < 0)
                return -1;
            break;
        default:
            if (!text(&toks[v], &s, &n) || !v_body_string(b, s, n))
                return -1;
            c = v + 1;
        }
    }
    return gap(pos, (size_t)t->end - 1, 0) ? c : -1;
}

int peer_jsmn(const char *p, size_t n, size_t cap)
{
    jsmn_parser parser;
    const jsmntok_t *t;
    int j, c = 1, action = -1, data = 0;
    unsigned rseen = 0, bseen = 0;
    size_t pos;
    (void)cap;

    if (!v_text(p, n))
        return 0;
    js = p;
    jsmn_init(&parser);
    ntok = jsmn_parse(&parser, p, n, toks, MAX_TOKENS);
    if (ntok < 1 || toks[0].type != JSMN_OBJECT)
        return 0;
    t = &toks[0];
    if (!gap(0, (size_t)t->start, 0) || !gap((size_t)t->end, n, 0))
        return 0;
    pos = (size_t)t->start + 1;
    for (j = 0; j < t->size; j++) {
        const char *s;
        size_t len;
        int r, v = c + 1;
        if (v >= ntok || !member(c, v, &pos, j == 0) || !text(&toks[c], &s, &len))
            return 0;
        r = v_root_key(s, len);
        if (r >= 0 && (rseen & (1u << r)))
            return 0;
        if (r >= 0)
            rseen |= 1u << r;
        if (r == R_ACTION) {
            if (!text(&toks[v], &s, &len) || (action = v_action(s, len)) < 0)
                return 0;
            c = v + 1;
        } else if (r == R_DATA) {
            data = 1;
            if ((c = body(v, &bseen)) < 0)
                return 0;
        } else if ((c = any(v)) < 0) {
            return 0;
        }
    }
    if (c != ntok || !gap(pos, (size_t)t->end - 1, 0))
        return 0;
    return action >= 0 && data &&
           (bseen & v_required[action]) == v_required[action];
}
