/*
 * peers_jansson.c - jansson peer: json_loadb with JSON_REJECT_DUPLICATES
 * (jansson checks UTF-8, control bytes and trailing data itself).
 * Differences from hookc outside the corpus: jansson refuses \u0000 and
 * duplicate unknown members, which hookc accepts.
 */
#include <string.h>

#include <jansson.h>

#include "peers.h"
#include "validate.h"

static int str(json_t *v, const char **s, size_t *n)
{
    if (!json_is_string(v))
        return 0;
    *s = json_string_value(v);
    *n = json_string_length(v);
    return 1;
}

static int record(json_t *o, int b)
{
    const char *key;
    json_t *val;
    unsigned seen = 0;
    if (!json_is_object(o))
        return 0;
    json_object_foreach(o, key, val) {
        const char *s;
        size_t n;
        int k = v_rec_key(b, key, strlen(key));
        if (k < 0)
            continue;
        if (!str(val, &s, &n) || !v_rec_string(k, s, n))
            return 0;
        seen |= 1u << k;
    }
    return seen == v_rec_required(b);
}

static int body(json_t *o, unsigned *seen)
{
    const char *key;
    json_t *val;
    if (!json_is_object(o))
        return 0;
    json_object_foreach(o, key, val) {
        const char *s;
        size_t n;
        int b = v_body_key(key, strlen(key));
        if (b < 0)
            continue;
        *seen |= 1u << b;
        if (json_is_null(val) && (v_body_nullable & (1u << b)))
            continue;
        switch (v_body_type[b]) {
        case T_RECORD:
            if (!record(val, b))
                return 0;
            break;
        case T_BOOL:
            if (!json_is_boolean(val))
                return 0;
            break;
        default:
            if (!str(val, &s, &n) || !v_body_string(b, s, n))
                return 0;
        }
    }
    return 1;
}

static int walk(json_t *root)
{
    const char *key;
    json_t *val, *data = NULL;
    int action = -1;
    unsigned bseen = 0;
    if (!json_is_object(root))
        return 0;
    json_object_foreach(root, key, val) {
        const char *s;
        size_t n;
        int r = v_root_key(key, strlen(key));
        if (r == R_ACTION) {
            if (!str(val, &s, &n) || (action = v_action(s, n)) < 0)
                return 0;
        } else if (r == R_DATA) {
            data = val;
        }
    }
    if (action < 0 || !data || !body(data, &bseen))
        return 0;
    return (bseen & v_required[action]) == v_required[action];
}

int peer_jansson(const char *p, size_t n, size_t cap)
{
    json_error_t err;
    json_t *root;
    int ok;
    (void)cap;
    root = json_loadb(p, n, JSON_REJECT_DUPLICATES, &err);
    if (!root)
        return 0;
    ok = walk(root);
    json_decref(root);
    return ok;
}
