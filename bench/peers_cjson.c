/*
 * peers_cjson.c - cJSON peer. cJSON checks neither UTF-8 nor raw control
 * bytes (and takes any byte <= 0x20 for whitespace), so the text is
 * checked with v_text first. cJSON keeps duplicate members; the walk
 * refuses known ones seen twice, as hookc does. Known gaps: cJSON takes
 * raw TAB inside strings (v_text allows TAB, which is whitespace outside
 * them) and numbers RFC 8259 forbids, such as 01 (it calls strtod).
 */
#include <string.h>

#include <cjson/cJSON.h>

#include "peers.h"
#include "validate.h"

static int str(const cJSON *v, const char **s, size_t *n)
{
    if (!cJSON_IsString(v))
        return 0;
    *s = v->valuestring;
    *n = strlen(v->valuestring);
    return 1;
}

static int record(const cJSON *o, int b)
{
    const cJSON *c;
    unsigned seen = 0;
    if (!cJSON_IsObject(o))
        return 0;
    for (c = o->child; c; c = c->next) {
        const char *s;
        size_t n;
        int k = v_rec_key(b, c->string, strlen(c->string));
        if (k < 0)
            continue;
        if (seen & (1u << k) || !str(c, &s, &n) || !v_rec_string(k, s, n))
            return 0;
        seen |= 1u << k;
    }
    return seen == v_rec_required(b);
}

static int body(const cJSON *o, unsigned *seen)
{
    const cJSON *c;
    if (!cJSON_IsObject(o))
        return 0;
    for (c = o->child; c; c = c->next) {
        const char *s;
        size_t n;
        int b = v_body_key(c->string, strlen(c->string));
        if (b < 0)
            continue;
        if (*seen & (1u << b))
            return 0;
        *seen |= 1u << b;
        if (cJSON_IsNull(c) && (v_body_nullable & (1u << b)))
            continue;
        switch (v_body_type[b]) {
        case T_RECORD:
            if (!record(c, b))
                return 0;
            break;
        case T_BOOL:
            if (!cJSON_IsBool(c))
                return 0;
            break;
        default:
            if (!str(c, &s, &n) || !v_body_string(b, s, n))
                return 0;
        }
    }
    return 1;
}

static int walk(const cJSON *root)
{
    const cJSON *c, *data = NULL;
    int action = -1;
    unsigned seen = 0, bseen = 0;
    if (!cJSON_IsObject(root))
        return 0;
    for (c = root->child; c; c = c->next) {
        const char *s;
        size_t n;
        int r = v_root_key(c->string, strlen(c->string));
        if (r < 0)
            continue;
        if (seen & (1u << r))
            return 0;
        seen |= 1u << r;
        if (r == R_ACTION) {
            if (!str(c, &s, &n) || (action = v_action(s, n)) < 0)
                return 0;
        } else {
            data = c;
        }
    }
    if (action < 0 || !data || !body(data, &bseen))
        return 0;
    return (bseen & v_required[action]) == v_required[action];
}

int peer_cjson(const char *p, size_t n, size_t cap)
{
    const char *end = NULL;
    cJSON *root;
    int ok;
    (void)cap;
    if (!v_text(p, n))
        return 0;
    root = cJSON_ParseWithLengthOpts(p, n, &end, 0);
    if (!root)
        return 0;
    ok = walk(root);
    for (; ok && end < p + n; end++)   /* only whitespace after the value */
        ok = *end == ' ' || *end == '\t' || *end == '\n' || *end == '\r';
    cJSON_Delete(root);
    return ok;
}
