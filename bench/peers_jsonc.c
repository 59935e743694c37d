/*
 * peers_jsonc.c - json-c peer: strict mode, one tokener reused. json-c's
 * JSON_TOKENER_VALIDATE_UTF8 lets overlong forms through, so the text is
 * checked with v_text instead. json-c's objects are hash tables that keep
 * the last of duplicate members, so duplicates cannot be seen, and it
 * turns a lone surrogate escape into U+FFFD (known gaps).
 */
#include <string.h>

#include <json-c/json.h>

#include "peers.h"
#include "validate.h"

static struct json_tokener *tok;

static int str(struct json_object *v, const char **s, size_t *n)
{
    if (!json_object_is_type(v, json_type_string))
        return 0;
    *s = json_object_get_string(v);
    *n = (size_t)json_object_get_string_len(v);
    return 1;
}

static int record(struct json_object *o, int b)
{
    unsigned seen = 0;
    if (!json_object_is_type(o, json_type_object))
        return 0;
    json_object_object_foreach(o, key, val) {
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

static int body(struct json_object *o, unsigned *seen)
{
    if (!json_object_is_type(o, json_type_object))
        return 0;
    json_object_object_foreach(o, key, val) {
        const char *s;
        size_t n;
        int b = v_body_key(key, strlen(key));
        if (b < 0)
            continue;
        *seen |= 1u << b;
        if (val == NULL && (v_body_nullable & (1u << b)))  /* null */
            continue;
        switch (v_body_type[b]) {
        case T_RECORD:
            if (!record(val, b))
                return 0;
            break;
        case T_BOOL:
            if (!json_object_is_type(val, json_type_boolean))
                return 0;
            break;
        default:
            if (!str(val, &s, &n) || !v_body_string(b, s, n))
                return 0;
        }
    }
    return 1;
}

static int walk(struct json_object *root)
{
    struct json_object *data = NULL;
    int action = -1;
    unsigned bseen = 0;
    if (!json_object_is_type(root, json_type_object))
        return 0;
    json_object_object_foreach(root, key, val) {
        const char *s;
        size_t n;
        int r = v_root_key(key, strlen(key));
        if (r == R_ACTION) {
            if (!str(val, &s, &n) || (action = v_action(s, n)) < 0)
                return 0;
        } else if (r == R_DATA) {
            if (val == NULL)
                return 0;
            data = val;
        }
    }
    if (action < 0 || !data || !body(data, &bseen))
        return 0;
    return (bseen & v_required[action]) == v_required[action];
}

int peer_jsonc(const char *p, size_t n, size_t cap)
{
    struct json_object *root;
    size_t end;
    int ok;
    (void)cap;
    if (!v_text(p, n))
        return 0;
    if (!tok) {
        tok = json_tokener_new_ex(64);
        json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    }
    json_tokener_reset(tok);
    root = json_tokener_parse_ex(tok, p, (int)n);
    if (!root)
        return 0;   /* an error, or json_tokener_continue: truncated */
    ok = walk(root);
    for (end = json_tokener_get_parse_end(tok); ok && end < n; end++)
        ok = p[end] == ' ' || p[end] == '\t' || p[end] == '\n' || p[end] == '\r';
    json_object_put(root);
    return ok;
}
