/*
 * emit_json.c - PACKAGE.schema.json: the message as a JSON Schema
 * (draft 2020-12), for tools outside C (ajv, editors, API docs).
 *
 * It mirrors the runtime's rules where JSON Schema can say them; the
 * differences are listed in docs/schema-language.md ("JSON Schema
 * export"). The document is built as a small tree, then printed with
 * two-space indentation in a fixed order: same schema, same bytes.
 */
#include "emit.h"

#ifndef HOOKC_VERSION
#error "build with -DHOOKC_VERSION='\"x.y.z\"' (the Makefile does)"
#endif

#include <string.h>

/* --- a JSON tree --------------------------------------------------- */

typedef enum jkind { J_OBJECT, J_ARRAY, J_STRING, J_RAW } jkind;

typedef struct jnode {
    jkind kind;
    const char *text; /* STRING: bytes; RAW: a literal */
    size_t len;
    hc_vec keys;      /* OBJECT: jnode * (STRING) */
    hc_vec items;     /* OBJECT: values; ARRAY: items */
} jnode;

typedef struct jctx {
    const hc_schema *schema;
    hc_arena *arena;
} jctx;

static jnode *jnew(jctx *j, jkind kind)
{
    jnode *n = hc_alloc(j->arena, sizeof *n);

    n->kind = kind;
    return n;
}

static jnode *jstr(jctx *j, const char *text, size_t len)
{
    jnode *n = jnew(j, J_STRING);

    n->text = text;
    n->len = len;
    return n;
}

static jnode *jcstr(jctx *j, const char *text)
{
    return jstr(j, text, strlen(text));
}

static jnode *jraw(jctx *j, const char *text)
{
    jnode *n = jnew(j, J_RAW);

    n->text = text;
    return n;
}

static jnode *jnum(jctx *j, long long v)
{
    return jraw(j, hc_sprintf(j->arena, "%lld", v));
}

static void jset(jctx *j, jnode *obj, const char *key, size_t len,
                 jnode *value)
{
    hc_vec_push(j->arena, &obj->keys, jstr(j, key, len));
    hc_vec_push(j->arena, &obj->items, value);
}

static void jput(jctx *j, jnode *obj, const char *key, jnode *value)
{
    jset(j, obj, key, strlen(key), value);
}

static void jpush(jctx *j, jnode *arr, jnode *value)
{
    hc_vec_push(j->arena, &arr->items, value);
}

/* A JSON string: schema names are UTF-8 without control characters, so
 * only '"' and '\' need escapes. */
static void print_string(hc_buf *b, const char *text, size_t len)
{
    size_t i;

    hc_buf_puts(b, "\"");
    for (i = 0; i < len; i++) {
        if (text[i] == '"' || text[i] == '\\')
            hc_buf_puts(b, "\\");
        hc_buf_add(b, text + i, 1);
    }
    hc_buf_puts(b, "\"");
}

static bool is_flat(const jnode *n)
{
    size_t i;

    if (n->kind != J_ARRAY)
        return false;
    for (i = 0; i < n->items.len; i++)
        if (((const jnode *)n->items.items[i])->kind == J_OBJECT ||
            ((const jnode *)n->items.items[i])->kind == J_ARRAY)
            return false;
    return true;
}

static void print_node(hc_buf *b, const jnode *n, unsigned depth)
{
    size_t i;

    switch (n->kind) {
    case J_STRING:
        print_string(b, n->text, n->len);
        return;
    case J_RAW:
        hc_buf_puts(b, n->text);
        return;
    case J_ARRAY:
        if (is_flat(n)) {
            /* scalars on one line: ["a", "b"] */
            hc_buf_puts(b, "[");
            for (i = 0; i < n->items.len; i++) {
                if (i > 0)
                    hc_buf_puts(b, ", ");
                print_node(b, n->items.items[i], depth + 1);
            }
            hc_buf_puts(b, "]");
            return;
        }
        hc_buf_puts(b, "[\n");
        for (i = 0; i < n->items.len; i++) {
            hc_buf_printf(b, "%*s", (int)(2 * (depth + 1)), "");
            print_node(b, n->items.items[i], depth + 1);
            hc_buf_puts(b, i + 1 < n->items.len ? ",\n" : "\n");
        }
        hc_buf_printf(b, "%*s]", (int)(2 * depth), "");
        return;
    case J_OBJECT:
        if (n->keys.len == 0) {
            hc_buf_puts(b, "{}");
            return;
        }
        hc_buf_puts(b, "{\n");
        for (i = 0; i < n->keys.len; i++) {
            const jnode *k = n->keys.items[i];

            hc_buf_printf(b, "%*s", (int)(2 * (depth + 1)), "");
            print_string(b, k->text, k->len);
            hc_buf_puts(b, ": ");
            print_node(b, n->items.items[i], depth + 1);
            hc_buf_puts(b, i + 1 < n->keys.len ? ",\n" : "\n");
        }
        hc_buf_printf(b, "%*s}", (int)(2 * depth), "");
        return;
    }
}

/* --- schemas of types ---------------------------------------------- */

static const char uuid_pattern[] =
    "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-"
    "[0-9A-Fa-f]{12}$";

static jnode *ref(jctx *j, const char *def)
{
    jnode *n = jnew(j, J_OBJECT);

    jput(j, n, "$ref", jcstr(j, hc_sprintf(j->arena, "#/$defs/%s", def)));
    return n;
}

static jnode *string_schema(jctx *j, uint64_t max_len)
{
    jnode *n = jnew(j, J_OBJECT);

    jput(j, n, "type", jcstr(j, "string"));
    /* JSON Schema counts code points, hookc bytes: the byte bound as a
     * code-point bound accepts a superset. */
    jput(j, n, "maxLength", jnum(j, (long long)max_len));
    return n;
}

static jnode *type_schema(jctx *j, const hc_type *t)
{
    jnode *n;

    switch (t->kind) {
    case HC_TYPE_STRING:
        return string_schema(j, t->bound);
    case HC_TYPE_EMAIL:
        n = string_schema(j, t->bound);
        jput(j, n, "format", jcstr(j, "email"));
        return n;
    case HC_TYPE_BOOL:
        n = jnew(j, J_OBJECT);
        jput(j, n, "type", jcstr(j, "boolean"));
        return n;
    case HC_TYPE_UUID:
        n = jnew(j, J_OBJECT);
        jput(j, n, "type", jcstr(j, "string"));
        jput(j, n, "format", jcstr(j, "uuid"));
        jput(j, n, "pattern", jcstr(j, uuid_pattern));
        return n;
    case HC_TYPE_DATETIME:
        n = jnew(j, J_OBJECT);
        jput(j, n, "type", jcstr(j, "string"));
        jput(j, n, "format", jcstr(j, "date-time"));
        return n;
    case HC_TYPE_INT:
        n = jnew(j, J_OBJECT);
        jput(j, n, "type", jcstr(j, "integer"));
        jput(j, n, "minimum", jnum(j, (long long)t->min));
        jput(j, n, "maximum", jnum(j, (long long)t->max));
        return n;
    case HC_TYPE_DECIMAL:
        n = jnew(j, J_OBJECT);
        jput(j, n, "type", jcstr(j, "number"));
        return n;
    case HC_TYPE_ENUM:
        if (t->open)
            return string_schema(j, t->open_len);
        return ref(j, t->enumeration->name.text);
    case HC_TYPE_RECORD:
        return ref(j, t->record->name.text);
    case HC_TYPE_ARRAY:
        n = jnew(j, J_OBJECT);
        jput(j, n, "type", jcstr(j, "array"));
        jput(j, n, "items", type_schema(j, t->element));
        jput(j, n, "maxItems", jnum(j, (long long)t->count));
        return n;
    }
    return jnew(j, J_OBJECT);
}

/* `null` allowed too: a second type, or anyOf around a $ref. */
static jnode *nullable(jctx *j, jnode *n)
{
    size_t i;
    jnode *any, *null;

    for (i = 0; i < n->keys.len; i++) {
        jnode *k = n->keys.items[i];

        if (strcmp(k->text, "type") == 0) {
            jnode *types = jnew(j, J_ARRAY);

            jpush(j, types, n->items.items[i]);
            jpush(j, types, jcstr(j, "null"));
            n->items.items[i] = types;
            return n;
        }
    }
    null = jnew(j, J_OBJECT);
    jput(j, null, "type", jcstr(j, "null"));
    any = jnew(j, J_ARRAY);
    jpush(j, any, n);
    jpush(j, any, null);
    n = jnew(j, J_OBJECT);
    jput(j, n, "anyOf", any);
    return n;
}

/* --- schemas of records -------------------------------------------- */

static const char *body_def(jctx *j, const hc_tag *tag)
{
    return hc_sprintf(j->arena, "%s.body", tag->owner->name.text);
}

static jnode *field_schema(jctx *j, const hc_field *f)
{
    jnode *n;
    size_t v;

    if (f->kind == HC_FIELD_BODY)
        return ref(j, body_def(j, f->tag));
    if (f->kind == HC_FIELD_TAG) {
        jnode *values;

        if (f->tag->open)
            return string_schema(j, f->tag->open_len);
        n = jnew(j, J_OBJECT);
        values = jnew(j, J_ARRAY);
        for (v = 0; v < f->tag->variants.len; v++) {
            const hc_variant *var = f->tag->variants.items[v];

            jpush(j, values, jstr(j, var->name.text, var->name.len));
        }
        jput(j, n, "enum", values);
        return n;
    }
    n = type_schema(j, &f->member->type);
    if (f->flags & HC_MOD_NULLABLE)
        n = nullable(j, n);
    return n;
}

/* ["A", "B"]: the names of the fields whose bits are set. */
static jnode *names_of(jctx *j, const hc_vec *fields, uint64_t bits)
{
    jnode *list = jnew(j, J_ARRAY);
    size_t i;

    for (i = 0; i < fields->len && i < 64; i++) {
        const hc_field *f = fields->items[i];

        if (bits & (UINT64_C(1) << i))
            jpush(j, list, jstr(j, f->name->text, f->name->len));
    }
    return list;
}

/* {"required": [...], "properties": {"X": false}}: what one variant or
 * alternative requires, and the members it must not have (only when
 * unknown members are rejected: otherwise the runtime drops them). */
static jnode *shape(jctx *j, const hc_vec *fields, uint64_t members,
                    uint64_t required, uint64_t keep, bool reject)
{
    jnode *n = jnew(j, J_OBJECT);
    size_t i;

    if (required != 0)
        jput(j, n, "required", names_of(j, fields, required));
    if (reject) {
        jnode *props = jnew(j, J_OBJECT);

        for (i = 0; i < fields->len && i < 64; i++) {
            const hc_field *f = fields->items[i];

            if (((members | keep) & (UINT64_C(1) << i)) == 0)
                jset(j, props, f->name->text, f->name->len,
                     jraw(j, "false"));
        }
        if (props->keys.len > 0)
            jput(j, n, "properties", props);
    }
    return n;
}

static jnode *tag_is(jctx *j, const hc_tag *tag, const hc_variant *v)
{
    jnode *cond = jnew(j, J_OBJECT), *props = jnew(j, J_OBJECT);
    jnode *value = jnew(j, J_OBJECT), *req = jnew(j, J_ARRAY);

    jput(j, value, "const", jstr(j, v->name.text, v->name.len));
    jset(j, props, tag->tag.text, tag->tag.len, value);
    jput(j, cond, "properties", props);
    jpush(j, req, jstr(j, tag->tag.text, tag->tag.len));
    jput(j, cond, "required", req);
    return cond;
}

/* One if/then per variant: JSON Schema reads members in any order, so
 * a tag after its body needs nothing special. */
static jnode *variant_rules(jctx *j, const hc_record *r)
{
    const hc_tag *tag = r->tag;
    jnode *all = jnew(j, J_ARRAY);
    size_t v;

    for (v = 0; v < tag->variants.len; v++) {
        const hc_variant *var = tag->variants.items[v];
        jnode *rule = jnew(j, J_OBJECT), *then;

        if (tag->is_inline) {
            then = shape(j, &r->fields, var->members, var->required,
                         UINT64_C(1) << r->tag_field, r->reject_unknown);
        } else {
            const char *body = tag->body.text;
            size_t body_len = tag->body.len;

            then = jnew(j, J_OBJECT);
            if (var->rule == HC_BODY_NONE) {
                jnode *not = jnew(j, J_OBJECT), *req = jnew(j, J_ARRAY);

                if (!tag->reject_unknown)
                    continue; /* a stray body is dropped */
                jpush(j, req, jstr(j, body, body_len));
                jput(j, not, "required", req);
                jput(j, then, "not", not);
            } else {
                jnode *props = jnew(j, J_OBJECT);

                if (var->rule == HC_BODY_REQUIRED) {
                    jnode *req = jnew(j, J_ARRAY);

                    jpush(j, req, jstr(j, body, body_len));
                    jput(j, then, "required", req);
                }
                jset(j, props, body, body_len,
                     shape(j, &tag->body_members, var->members,
                           var->required, 0, tag->reject_unknown));
                jput(j, then, "properties", props);
            }
        }
        jput(j, rule, "if", tag_is(j, tag, var));
        jput(j, rule, "then", then);
        jpush(j, all, rule);
    }
    return all;
}

static jnode *any_required(jctx *j, const hc_vec *fields, uint64_t bits)
{
    jnode *any = jnew(j, J_ARRAY);
    size_t i;

    for (i = 0; i < fields->len && i < 64; i++) {
        const hc_field *f = fields->items[i];

        if (bits & (UINT64_C(1) << i)) {
            jnode *one = jnew(j, J_OBJECT), *req = jnew(j, J_ARRAY);

            jpush(j, req, jstr(j, f->name->text, f->name->len));
            jput(j, one, "required", req);
            jpush(j, any, one);
        }
    }
    return any;
}

/* oneOf the alternatives: each requires its own members and has none
 * of the others' keys, so at most one can match, as in the runtime. */
static jnode *alternatives(jctx *j, const hc_record *r)
{
    jnode *one = jnew(j, J_ARRAY);
    size_t a, k;

    for (a = 0; a < r->alternatives.len; a++) {
        const hc_alternative *alt = r->alternatives.items[a];
        uint64_t others = 0;
        jnode *n = shape(j, &r->fields, alt->members, alt->required, 0,
                         r->reject_unknown);
        jnode *not = jnew(j, J_OBJECT);

        for (k = 0; k < r->alternatives.len; k++)
            if (k != a)
                others |= ((const hc_alternative *)r->alternatives.items[k])
                              ->keys;
        jput(j, not, "anyOf", any_required(j, &r->fields, others));
        jput(j, n, "title", jstr(j, alt->name.text, alt->name.len));
        jput(j, n, "not", not);
        jpush(j, one, n);
    }
    return one;
}

static jnode *object_schema(jctx *j, const hc_vec *fields, uint64_t required,
                            bool reject)
{
    jnode *n = jnew(j, J_OBJECT), *props = jnew(j, J_OBJECT);
    size_t i;

    jput(j, n, "type", jcstr(j, "object"));
    for (i = 0; i < fields->len; i++) {
        const hc_field *f = fields->items[i];

        jset(j, props, f->name->text, f->name->len, field_schema(j, f));
    }
    jput(j, n, "properties", props);
    if (required != 0)
        jput(j, n, "required", names_of(j, fields, required));
    if (reject)
        jput(j, n, "additionalProperties", jraw(j, "false"));
    return n;
}

static jnode *record_schema(jctx *j, const hc_record *r)
{
    jnode *n = object_schema(j, &r->fields, r->required, r->reject_unknown);

    if (r->tag != NULL) {
        jnode *rules = variant_rules(j, r);

        if (rules->items.len > 0) /* none when no variant says anything */
            jput(j, n, "allOf", rules);
    }
    if (r->is_union)
        jput(j, n, "oneOf", alternatives(j, r));
    return n;
}

static jnode *enum_schema(jctx *j, const hc_enum *e)
{
    jnode *n = jnew(j, J_OBJECT), *values = jnew(j, J_ARRAY);
    size_t i;

    for (i = 0; i < e->values.len; i++) {
        const hc_name *v = e->values.items[i];

        jpush(j, values, jstr(j, v->text, v->len));
    }
    jput(j, n, "enum", values);
    return n;
}

void hc_emit_json(const hc_emit_ctx *ctx, hc_outputs *outputs)
{
    const hc_schema *s = ctx->schema;
    jctx j;
    jnode *root, *defs;
    hc_buf *out;
    hc_map bodies = {0};
    size_t i, k;

    j.schema = s;
    j.arena = ctx->arena;
    root = jnew(&j, J_OBJECT);
    defs = jnew(&j, J_OBJECT);

    jput(&j, root, "$schema",
         jcstr(&j, "https://json-schema.org/draft/2020-12/schema"));
    jput(&j, root, "title",
         jcstr(&j, hc_sprintf(ctx->arena, "%s.%s", s->package.text,
                              s->message->name.text)));
    jput(&j, root, "description",
         jcstr(&j, hc_sprintf(ctx->arena,
                              "Generated by hookc %s from %s. Do not edit.",
                              HOOKC_VERSION, ctx->source_name)));
    jput(&j, root, "$ref",
         jcstr(&j, hc_sprintf(ctx->arena, "#/$defs/%s",
                              s->message->name.text)));

    for (i = 0; i < s->enums.len; i++) {
        const hc_enum *e = s->enums.items[i];

        if (e->used)
            jput(&j, defs, e->name.text, enum_schema(&j, e));
    }
    /* Dependencies first, each body before the record holding it. */
    for (i = 0; i < s->emit_order.len; i++) {
        const hc_record *r = s->emit_order.items[i];

        for (k = 0; k < r->fields.len; k++) {
            const hc_field *f = r->fields.items[k];

            const char *name;

            if (f->kind != HC_FIELD_BODY)
                continue;
            name = body_def(&j, f->tag);
            if (hc_map_get(&bodies, name, strlen(name)) != NULL)
                continue; /* a union and its alternative share it */
            hc_map_put(ctx->arena, &bodies, name, strlen(name), f->tag);
            jput(&j, defs, name,
                     object_schema(&j, &f->tag->body_members, 0,
                                   f->tag->reject_unknown));
        }
        jput(&j, defs, r->name.text, record_schema(&j, r));
    }
    jput(&j, root, "$defs", defs);

    out = hc_output_add(outputs, hc_sprintf(ctx->arena, "%s.schema.json",
                                            s->package.text));
    print_node(out, root, 0);
    hc_buf_puts(out, "\n");
}
