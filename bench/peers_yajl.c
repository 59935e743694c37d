/*
 * peers_yajl.c - yajl peer: streaming callbacks, the schema walked as a
 * small state machine (levels root / Data / record, plus a nesting
 * counter while inside an unknown member). yajl checks control bytes
 * and trailing data itself, but its UTF-8 check lets overlong forms and
 * surrogates through, so every decoded key and string goes through
 * v_utf8 (which keeps the check streaming). yajl turns a lone surrogate
 * escape into '?' (a known gap). A handle is made per message (yajl 2
 * cannot be reset).
 */
#include <string.h>

#include <yajl/yajl_parse.h>

#include "peers.h"
#include "validate.h"

typedef struct ctx {
    int level;  /* 0 outside, 1 root object, 2 Data, 3 a record in Data */
    int skip;   /* nesting inside an ignored value; 0 when not in one */
    int rkey, bkey, kkey; /* member being read at levels 1, 2, 3 */
    unsigned rseen, bseen, kseen;
    int action;
    int done;
} ctx;

/* Called at the start of any value: 1 if the value is ignored. */
static int ignored(ctx *c)
{
    if (c->skip)
        return 1;
    switch (c->level) {
    case 1: return c->rkey < 0;
    case 2: return c->bkey < 0;
    case 3: return c->kkey < 0;
    default: return 0;
    }
}

static int on_null(void *u)
{
    ctx *c = u;
    return ignored(c) || (c->level == 2 && (v_body_nullable & (1u << c->bkey)));
}

static int on_bool(void *u, int v)
{
    ctx *c = u;
    (void)v;
    return ignored(c) || (c->level == 2 && c->bkey == B_ISENABLED);
}

static int on_number(void *u, const char *s, size_t n)
{
    (void)s;
    (void)n;
    return ignored(u);
}

static int on_string(void *u, const unsigned char *v, size_t n)
{
    ctx *c = u;
    const char *s = (const char *)v;
    if (!v_utf8(s, n))
        return 0;
    if (ignored(c))
        return 1;
    switch (c->level) {
    case 1:
        if (c->rkey != R_ACTION)
            return 0;
        return (c->action = v_action(s, n)) >= 0;
    case 2:
        return v_body_string(c->bkey, s, n);
    case 3:
        return v_rec_string(c->kkey, s, n);
    default:
        return 0;
    }
}

static int on_key(void *u, const unsigned char *v, size_t n)
{
    ctx *c = u;
    const char *s = (const char *)v;
    int k;
    unsigned *seen;
    if (!v_utf8(s, n))
        return 0;
    if (c->skip)
        return 1;
    switch (c->level) {
    case 1: k = c->rkey = v_root_key(s, n); seen = &c->rseen; break;
    case 2: k = c->bkey = v_body_key(s, n); seen = &c->bseen; break;
    default:
        k = c->kkey = v_rec_key(c->bkey, s, n);
        seen = &c->kseen;
    }
    if (k < 0)
        return 1;
    if (*seen & (1u << k))
        return 0;
    *seen |= 1u << k;
    return 1;
}

static int on_start_map(void *u)
{
    ctx *c = u;
    if (c->skip) {
        c->skip++;
        return 1;
    }
    switch (c->level) {
    case 0:
        c->level = 1;
        return 1;
    case 1:
        if (c->rkey < 0) {
            c->skip = 1;
            return 1;
        }
        if (c->rkey != R_DATA)
            return 0;
        c->level = 2;
        return 1;
    case 2:
        if (c->bkey < 0) {
            c->skip = 1;
            return 1;
        }
        if (v_body_type[c->bkey] != T_RECORD)
            return 0;
        c->level = 3;
        c->kseen = 0;
        return 1;
    default:
        if (c->kkey < 0) {
            c->skip = 1;
            return 1;
        }
        return 0;
    }
}

static int on_end_map(void *u)
{
    ctx *c = u;
    if (c->skip) {
        c->skip--;
        return 1;
    }
    if (c->level == 3 && c->kseen != v_rec_required(c->bkey))
        return 0;
    if (--c->level == 0)
        c->done = 1;
    return 1;
}

static int on_start_array(void *u)
{
    ctx *c = u;
    if (c->skip || (c->level > 0 && ignored(c))) {
        c->skip++;
        return 1;
    }
    return 0;
}

static int on_end_array(void *u)
{
    ((ctx *)u)->skip--;
    return 1;
}

static const yajl_callbacks callbacks = {
    on_null, on_bool, NULL, NULL, on_number, on_string, on_start_map,
    on_key, on_end_map, on_start_array, on_end_array};

static int run(const char *p, size_t n, size_t piece)
{
    ctx c;
    yajl_handle h;
    size_t off;
    int ok = 1;

    memset(&c, 0, sizeof c);
    c.action = -1;
    h = yajl_alloc(&callbacks, NULL, &c);
    if (!h)
        return 0;
    for (off = 0; ok && off < n; off += piece) {
        size_t k = n - off < piece ? n - off : piece;
        ok = yajl_parse(h, (const unsigned char *)p + off, k) == yajl_status_ok;
    }
    ok = ok && yajl_complete_parse(h) == yajl_status_ok;
    yajl_free(h);
    return ok && c.done && c.action >= 0 && (c.rseen & (1u << R_DATA)) &&
           (c.bseen & v_required[c.action]) == v_required[c.action];
}

int peer_yajl(const char *p, size_t n, size_t cap)
{
    (void)cap;
    return run(p, n, n ? n : 1);
}

int peer_yajl_chunked(const char *p, size_t n, size_t cap)
{
    (void)cap;
    return run(p, n, 64);
}
