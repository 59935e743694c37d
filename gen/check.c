/*
 * check.c - semantic checks of a parsed schema.
 *
 * The passes run in order, each on a model the previous ones made
 * sound: names and limits of each declaration, then tags and their
 * bodies (they need every record resolved), then the record graph
 * (cycles and depth), then the C names (they only make sense for a
 * schema that will be emitted).
 */
#include "check.h"

#include <string.h>

#include "cnames.h"
#include "hookrt.h"

typedef struct checker {
    hc_schema *schema;
    hc_diag *diag;
    hc_arena *arena;
    hc_map records; /* name -> hc_record * */
    hc_map enums;   /* name -> hc_enum * */
} checker;

static const char *name_of(checker *c, const hc_name *name)
{
    return hc_diag_name(c->diag, name);
}

static bool pos_before(hc_pos a, hc_pos b)
{
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

static const char *diag_name(void *ctx, const hc_name *name)
{
    return name_of(ctx, name);
}

static const char *type_text(checker *c, const hc_type *type)
{
    return hc_type_text(c->arena, type, diag_name, c);
}

/* --- package and records ------------------------------------------- */

static void check_package(checker *c)
{
    hc_schema *s = c->schema;
    const hc_name *first;
    size_t i;

    if (s->packages.len == 0) {
        hc_pos start = {1, 1};

        hc_error(c->diag, start,
                 "the schema has no package declaration: begin it with "
                 "'package NAME;'");
        return;
    }
    first = s->packages.items[0];
    s->package = *first;
    for (i = 1; i < s->packages.len; i++) {
        const hc_name *again = s->packages.items[i];

        hc_error(c->diag, again->pos,
                 "duplicate package declaration: the package is already "
                 "named '%s' on line %lu",
                 name_of(c, first), (unsigned long)first->pos.line);
    }
    if (first->len > HC_MAX_NAME)
        hc_error(c->diag, first->pos,
                 "package name is %lu bytes long; the limit is %d",
                 (unsigned long)first->len, HC_MAX_NAME);

    /* The package comes first so that a reader knows at once what the
     * file generates. */
    if ((s->records.len > 0 &&
         pos_before(((hc_record *)s->records.items[0])->keyword_pos,
                    first->pos)) ||
        (s->enums.len > 0 &&
         pos_before(((hc_enum *)s->enums.items[0])->keyword_pos,
                    first->pos)) ||
        (s->policies.len > 0 &&
         pos_before(((hc_policy_decl *)s->policies.items[0])->pos,
                    first->pos)))
        hc_error(c->diag, first->pos,
                 "the package declaration must come before any other "
                 "declaration");
}

/* The policy declared in a list of `unknown` declarations, reporting
 * any after the first. */
static hc_policy one_policy(checker *c, const hc_vec *policies,
                            const hc_record *owner)
{
    const hc_policy_decl *first;
    size_t i;

    if (policies->len == 0)
        return HC_POLICY_DEFAULT;
    first = policies->items[0];
    for (i = 1; i < policies->len; i++) {
        const hc_policy_decl *again = policies->items[i];

        hc_error(c->diag, again->pos,
                 "duplicate 'unknown' policy %s%s%s: the first is on line %lu",
                 owner != NULL ? "in record '" : "for the package",
                 owner != NULL ? name_of(c, &owner->name) : "",
                 owner != NULL ? "'" : "", (unsigned long)first->pos.line);
    }
    return first->policy;
}

static void check_records(checker *c)
{
    hc_schema *s = c->schema;
    hc_record *first_message = NULL;
    size_t i;

    s->reject_unknown =
        one_policy(c, &s->policies, NULL) == HC_POLICY_REJECT;

    for (i = 0; i < s->records.len; i++) {
        hc_record *r = s->records.items[i];
        hc_record *old;

        if (r->name.len > HC_MAX_NAME)
            hc_error(c->diag, r->name.pos,
                     "record name is %lu bytes long; the limit is %d",
                     (unsigned long)r->name.len, HC_MAX_NAME);

        old = hc_map_put(c->arena, &c->records, r->name.text, r->name.len, r);
        if (old != r) {
            hc_error(c->diag, r->name.pos,
                     "duplicate record name '%s': the first is on line %lu",
                     name_of(c, &r->name), (unsigned long)old->name.pos.line);
            hc_note(c->diag, old->name.pos, "'%s' is first declared here",
                    name_of(c, &old->name));
        }

        if (r->is_message) {
            if (first_message == NULL) {
                first_message = r;
            } else {
                hc_error(c->diag, r->name.pos,
                         "second message '%s': a schema has exactly one "
                         "message, the top-level object, and '%s' on line "
                         "%lu is already it; declare this one as a record",
                         name_of(c, &r->name),
                         name_of(c, &first_message->name),
                         (unsigned long)first_message->name.pos.line);
            }
        }
    }

    for (i = 0; i < s->enums.len; i++) {
        hc_enum *e = s->enums.items[i];
        hc_record *r;
        hc_enum *old;

        if (e->name.len > HC_MAX_NAME)
            hc_error(c->diag, e->name.pos,
                     "enum name is %lu bytes long; the limit is %d",
                     (unsigned long)e->name.len, HC_MAX_NAME);
        r = hc_map_get(&c->records, e->name.text, e->name.len);
        old = hc_map_put(c->arena, &c->enums, e->name.text, e->name.len, e);
        if (r != NULL || old != e) {
            hc_pos at = r != NULL ? r->name.pos : old->name.pos;

            hc_error(c->diag, e->name.pos,
                     "duplicate type name '%s': a %s of that name is on "
                     "line %lu; records, unions and enums share one "
                     "namespace",
                     name_of(c, &e->name), r != NULL ? "record" : "enum",
                     (unsigned long)at.line);
        }
    }

    s->message = first_message;
    if (first_message == NULL) {
        hc_pos at = {1, 1};

        if (s->packages.len > 0)
            at = s->package.pos;
        hc_error(c->diag, at,
                 "the schema has no message: declare the top-level object "
                 "with 'message NAME { ... }' or 'message NAME = union { ... }'");
    }
}

/* --- enums --------------------------------------------------------- */

/* Checks a JSON member name or tag value against the runtime's key
 * buffer: a longer name could never be matched. */
static void check_key(checker *c, const hc_name *name, const char *what)
{
    if (name->len == 0)
        hc_error(c->diag, name->pos, "%s is empty", what);
    else if (name->len > HOOK_MAX_KEY)
        hc_error(c->diag, name->pos,
                 "%s '%s' is %lu bytes long; the limit is HOOK_MAX_KEY "
                 "(%d bytes)",
                 what, name_of(c, name), (unsigned long)name->len,
                 HOOK_MAX_KEY);
}

static void check_enums(checker *c)
{
    size_t i, k;

    for (i = 0; i < c->schema->enums.len; i++) {
        hc_enum *e = c->schema->enums.items[i];
        hc_map seen = {0};

        for (k = 0; k < e->values.len; k++) {
            const hc_name *v = e->values.items[k];
            const hc_name *old;

            if (k == HC_MAX_ENUM_VALUES)
                hc_error(c->diag, v->pos,
                         "enum '%s' has more than %u values",
                         name_of(c, &e->name), HC_MAX_ENUM_VALUES);
            check_key(c, v, "enum value");
            if (v->len > e->longest)
                e->longest = v->len;
            old = hc_map_put(c->arena, &seen, v->text, v->len, (void *)v);
            if (old != v)
                hc_error(c->diag, v->pos,
                         "duplicate value '%s' of enum '%s': the first is "
                         "on line %lu",
                         name_of(c, v), name_of(c, &e->name),
                         (unsigned long)old->pos.line);
        }
    }
}

/* --- members ------------------------------------------------------- */

/* Resolves a record name; NULL after reporting when there is none. An
 * enum of that name turns the type into an enum. */
static hc_record *find_record(checker *c, hc_type *type, const char *user)
{
    hc_record *r = hc_map_get(&c->records, type->record_name.text,
                              type->record_name.len);
    hc_enum *e = hc_map_get(&c->enums, type->record_name.text,
                            type->record_name.len);

    if (r == NULL && e != NULL) {
        type->kind = HC_TYPE_ENUM;
        type->enumeration = e;
        return NULL;
    }
    if (r == NULL) {
        hc_error(c->diag, type->pos,
                 "unknown type '%s' for %s: no record, union or enum has "
                 "that name",
                 name_of(c, &type->record_name), user);
        return NULL;
    }
    if (r->is_message) {
        hc_error(c->diag, type->pos,
                 "%s cannot have the type '%s': that is the message, the "
                 "top-level object",
                 user, name_of(c, &type->record_name));
        return NULL;
    }
    return r;
}

/* An int(MIN, MAX) literal as int64_t; false after reporting. */
static bool int_value(checker *c, const hc_int_lit *lit, int64_t *out)
{
    const uint64_t limit = (uint64_t)INT64_MAX;

    if (!lit->negative && lit->magnitude > limit) {
        hc_error(c->diag, lit->pos,
                 "integer %llu does not fit in int64_t: the largest is %lld",
                 (unsigned long long)lit->magnitude, (long long)INT64_MAX);
        return false;
    }
    if (lit->negative && lit->magnitude > limit + 1) {
        hc_error(c->diag, lit->pos,
                 "integer -%llu does not fit in int64_t: the smallest is "
                 "%lld",
                 (unsigned long long)lit->magnitude, (long long)INT64_MIN);
        return false;
    }
    if (!lit->negative)
        *out = (int64_t)lit->magnitude;
    else if (lit->magnitude == limit + 1)
        *out = INT64_MIN;
    else
        *out = -(int64_t)lit->magnitude;
    return true;
}

static void check_open_len(checker *c, uint64_t len, hc_pos pos,
                           size_t longest, const char *what)
{
    if (len == 0 || len > HOOK_MAX_KEY)
        hc_error(c->diag, pos,
                 "open(%llu) of %s is out of range: it must be from 1 to "
                 "HOOK_MAX_KEY (%d) bytes",
                 (unsigned long long)len, what, HOOK_MAX_KEY);
    else if (len < longest)
        hc_error(c->diag, pos,
                 "open(%llu) of %s is shorter than its longest known value "
                 "(%lu bytes): the text of an unknown value must have room "
                 "for any value",
                 (unsigned long long)len, what, (unsigned long)longest);
}

/* Checks a type (a member's, or an array's element: `element`). */
static void check_type(checker *c, hc_type *type, const char *name,
                       bool element)
{
    const char *user = hc_sprintf(c->arena, "%s'%s'",
                                  element ? "the elements of field "
                                          : "field ", name);

    switch (type->kind) {
    case HC_TYPE_STRING:
    case HC_TYPE_EMAIL:
        if (!type->has_bound && type->kind == HC_TYPE_STRING) {
            hc_error(c->diag, type->pos,
                     "string field '%s' has no maximum length: write "
                     "string(N); generated parsers store strings inline "
                     "with no heap, so every string needs a bound in bytes",
                     name);
        } else if (type->bound == 0 || type->bound > HC_MAX_STRING_BOUND) {
            hc_error(c->diag, type->bound_pos,
                     "bound %llu of %s field '%s' is out of range: it must "
                     "be from 1 to %u bytes",
                     (unsigned long long)type->bound,
                     type->kind == HC_TYPE_STRING ? "string" : "email",
                     name, HC_MAX_STRING_BOUND);
        }
        break;
    case HC_TYPE_RECORD:
        type->record = find_record(c, type, user);
        if (type->kind == HC_TYPE_ENUM) {
            if (type->open)
                check_open_len(c, type->open_len, type->open_pos,
                               type->enumeration->longest,
                               hc_sprintf(c->arena, "enum '%s'",
                                          name_of(c, &type->record_name)));
        } else if (type->open && type->record != NULL) {
            hc_error(c->diag, type->open_pos,
                     "open(N) applies only to enums, and '%s' is a record",
                     name_of(c, &type->record_name));
        }
        break;
    case HC_TYPE_INT:
        if (int_value(c, &type->min_lit, &type->min) &&
            int_value(c, &type->max_lit, &type->max) &&
            type->min > type->max)
            hc_error(c->diag, type->min_lit.pos,
                     "int(%lld, %lld) of field '%s' is empty: MIN must not "
                     "be greater than MAX",
                     (long long)type->min, (long long)type->max, name);
        break;
    case HC_TYPE_ARRAY:
        if (type->element->kind == HC_TYPE_ARRAY) {
            hc_error(c->diag, type->element->pos,
                     "field '%s' is an array of arrays: an element may be "
                     "any type but an array (wrap the inner array in a "
                     "record)",
                     name);
            break;
        }
        if (type->count == 0 || type->count > HC_MAX_ARRAY_COUNT)
            hc_error(c->diag, type->count_pos,
                     "array bound %llu of field '%s' is out of range: it "
                     "must be from 1 to %u elements",
                     (unsigned long long)type->count, name,
                     HC_MAX_ARRAY_COUNT);
        check_type(c, type->element, name, true);
        break;
    case HC_TYPE_BOOL:
    case HC_TYPE_UUID:
    case HC_TYPE_DATETIME:
    case HC_TYPE_DECIMAL:
    case HC_TYPE_ENUM:
        break;
    }
}

static const char *modifier_name(unsigned bit)
{
    return bit == HC_MOD_OPTIONAL   ? "optional"
           : bit == HC_MOD_NULLABLE ? "nullable"
           : bit == HC_MOD_STREAM   ? "stream"
                                    : "secret";
}

static void check_modifiers(checker *c, const hc_member *m)
{
    if (m->mods.repeated != 0)
        hc_error(c->diag, m->mods.repeat_pos,
                 "modifier '%s' is repeated on field '%s'",
                 modifier_name(m->mods.repeated), name_of(c, &m->name));
    if ((m->mods.set & HC_MOD_SECRET) != 0 &&
        m->type.kind != HC_TYPE_STRING && m->type.kind != HC_TYPE_EMAIL)
        hc_error(c->diag, m->mods.secret_pos,
                 "'secret' applies only to string and email fields, and "
                 "field '%s' is %s",
                 name_of(c, &m->name), type_text(c, &m->type));
    if ((m->mods.set & HC_MOD_STREAM) != 0 && m->type.kind != HC_TYPE_ARRAY)
        hc_error(c->diag, m->mods.stream_pos,
                 "'stream' applies only to array fields, and field '%s' "
                 "is %s",
                 name_of(c, &m->name), type_text(c, &m->type));
}

/* Claims a JSON member name in a record; reports a duplicate. */
static void claim_member(checker *c, hc_map *names, const hc_record *r,
                         const hc_name *name)
{
    const hc_name *old;

    if (name->len == 0)
        return; /* reported as empty */
    old = hc_map_put(c->arena, names, name->text, name->len, (void *)name);
    if (old != name) {
        hc_error(c->diag, name->pos,
                 "duplicate member '%s' in record '%s': the first is on "
                 "line %lu",
                 name_of(c, name), name_of(c, &r->name),
                 (unsigned long)old->pos.line);
    }
}

static size_t longest_variant(const hc_tag *tag)
{
    size_t i, longest = 0;

    for (i = 0; i < tag->variants.len; i++) {
        const hc_variant *v = tag->variants.items[i];

        if (v->name.len > longest)
            longest = v->name.len;
    }
    return longest;
}

static void check_variants(checker *c, hc_tag *tag)
{
    hc_map seen = {0};
    size_t i;

    if (tag->variants.len == 0)
        hc_error(c->diag, tag->tag.pos,
                 "tag '%s' has no variants: list at least one "
                 "'VALUE: Record;'",
                 name_of(c, &tag->tag));

    for (i = 0; i < tag->variants.len; i++) {
        hc_variant *v = tag->variants.items[i];
        const hc_name *old;

        if (i == HOOK_MAX_VARIANTS)
            hc_error(c->diag, v->name.pos,
                     "tag '%s' has more than HOOK_MAX_VARIANTS (%d) "
                     "variants",
                     name_of(c, &tag->tag), HOOK_MAX_VARIANTS);

        check_key(c, &v->name, "tag value");
        old = hc_map_put(c->arena, &seen, v->name.text, v->name.len,
                         &v->name);
        if (old != &v->name)
            hc_error(c->diag, v->name.pos,
                     "duplicate variant '%s' of tag '%s': the first is on "
                     "line %lu",
                     name_of(c, &v->name), name_of(c, &tag->tag),
                     (unsigned long)old->pos.line);

        if (v->rule == HC_BODY_NONE)
            continue;
        if (tag->is_inline && v->rule == HC_BODY_OPTIONAL) {
            hc_error(c->diag, v->rule_pos,
                     "variant '%s' of the inline tag '%s' cannot be "
                     "optional: its members sit beside the tag, there is "
                     "no body to leave out (mark the members optional)",
                     name_of(c, &v->name), name_of(c, &tag->tag));
            continue;
        }
        if (v->body.kind != HC_TYPE_RECORD) {
            hc_error(c->diag, v->body.pos,
                     "the body of variant '%s' must be a record, not %s",
                     name_of(c, &v->name), type_text(c, &v->body));
            continue;
        }
        v->body.record = find_record(
            c, &v->body,
            hc_sprintf(c->arena, "variant '%s'", name_of(c, &v->name)));
        if (v->body.kind == HC_TYPE_ENUM) {
            hc_error(c->diag, v->body.pos,
                     "the body of variant '%s' must be a record, not the "
                     "enum '%s'",
                     name_of(c, &v->name), name_of(c, &v->body.record_name));
            v->body.kind = HC_TYPE_RECORD;
        }
    }
    if (tag->open)
        check_open_len(c, tag->open_len, tag->open_pos, longest_variant(tag),
                       hc_sprintf(c->arena, "tag '%s'",
                                  name_of(c, &tag->tag)));
}

static void check_members(checker *c, hc_record *r)
{
    hc_map names = {0};
    unsigned fields = 0;
    hc_policy policy;
    size_t i;

    policy = one_policy(c, &r->policies, r);
    r->reject_unknown = policy == HC_POLICY_DEFAULT
                            ? c->schema->reject_unknown
                            : policy == HC_POLICY_REJECT;

    for (i = 0; i < r->members.len; i++) {
        hc_member *m = r->members.items[i];
        unsigned before = fields;

        if (m->kind == HC_MEMBER_TAG) {
            hc_tag *tag = m->tag;

            fields += tag->is_inline ? 1 : 2;
            if (r->tag != NULL) {
                hc_error(c->diag, tag->pos,
                         "record '%s' already has a tag on line %lu: a "
                         "record selects at most one body",
                         name_of(c, &r->name),
                         (unsigned long)r->tag->pos.line);
            } else {
                r->tag = tag;
            }
            check_key(c, &tag->tag, "tag member name");
            claim_member(c, &names, r, &tag->tag);
            if (!tag->is_inline) {
                check_key(c, &tag->body, "body member name");
                claim_member(c, &names, r, &tag->body);
            }
            check_variants(c, tag);
        } else {
            fields++;
            check_key(c, &m->name, "member name");
            claim_member(c, &names, r, &m->name);
            check_type(c, &m->type, name_of(c, &m->name), false);
            check_modifiers(c, m);
        }

        if (before <= HOOK_MAX_FIELDS && fields > HOOK_MAX_FIELDS)
            hc_error(c->diag,
                     m->kind == HC_MEMBER_TAG ? m->tag->pos : m->name.pos,
                     "record '%s' has more than HOOK_MAX_FIELDS (%d) "
                     "members%s",
                     name_of(c, &r->name), HOOK_MAX_FIELDS,
                     m->kind == HC_MEMBER_TAG && !m->tag->is_inline
                         ? " (a tag counts as two: the tag and the body)"
                         : "");
    }

    /* An inline union's members come from its variants: members of its
     * own would belong to every variant, which is what a variant's
     * record is for. */
    if (r->tag != NULL && r->tag->is_inline) {
        for (i = 0; i < r->members.len; i++) {
            hc_member *m = r->members.items[i];

            if (m->kind == HC_MEMBER_FIELD) {
                hc_error(c->diag, m->name.pos,
                         "record '%s' has an inline tag, so it cannot "
                         "declare the member '%s' itself: declare it in "
                         "the variants' records",
                         name_of(c, &r->name), name_of(c, &m->name));
                break;
            }
        }
    }
}

/* --- tags and their bodies ----------------------------------------- */

static bool same_type(const hc_type *a, const hc_type *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case HC_TYPE_STRING:
    case HC_TYPE_EMAIL:
        return a->bound == b->bound;
    case HC_TYPE_RECORD:
        return a->record == b->record;
    case HC_TYPE_ENUM:
        return a->enumeration == b->enumeration && a->open == b->open &&
               a->open_len == b->open_len;
    case HC_TYPE_INT:
        return a->min == b->min && a->max == b->max;
    case HC_TYPE_ARRAY:
        return a->count == b->count && same_type(a->element, b->element);
    case HC_TYPE_BOOL:
    case HC_TYPE_UUID:
    case HC_TYPE_DATETIME:
    case HC_TYPE_DECIMAL:
        return true;
    }
    return false;
}

/* Two declarations of a merged member mean the same when a value stored
 * for one can be read as the other. Optional may differ: that is what
 * a variant's own `required` mask is for. */
static bool same_meaning(const hc_member *a, const hc_member *b)
{
    const unsigned kept = HC_MOD_NULLABLE | HC_MOD_SECRET | HC_MOD_STREAM;

    if ((a->mods.set & kept) != (b->mods.set & kept))
        return false;
    return same_type(&a->type, &b->type);
}

static const char *meaning_text(checker *c, const hc_member *m)
{
    return hc_sprintf(c->arena, "%s%s%s%s", type_text(c, &m->type),
                      (m->mods.set & HC_MOD_NULLABLE) ? " nullable" : "",
                      (m->mods.set & HC_MOD_SECRET) ? " secret" : "",
                      (m->mods.set & HC_MOD_STREAM) ? " stream" : "");
}

static hc_field *new_field(checker *c, hc_field_kind kind,
                           const hc_name *name, hc_record *from)
{
    hc_field *f = hc_alloc(c->arena, sizeof *f);

    f->kind = kind;
    f->name = name;
    f->from = from;
    return f;
}

/* Builds the union of the variants' members: the body record, or the
 * members beside an inline tag. */
static void build_body(checker *c, hc_tag *tag)
{
    hc_map index = {0};
    hc_variant *first = NULL;
    size_t v, i;
    bool too_many = false;
    /* an inline record holds the tag too */
    size_t limit = tag->is_inline ? HOOK_MAX_FIELDS - 1 : HOOK_MAX_FIELDS;

    if (tag->is_inline)
        hc_map_put(c->arena, &index, tag->tag.text, tag->tag.len,
                   (void *)&tag->tag);
    tag->reject_unknown = tag->is_inline ? tag->owner->reject_unknown
                                         : c->schema->reject_unknown;
    for (v = 0; v < tag->variants.len; v++) {
        hc_variant *var = tag->variants.items[v];
        hc_record *body = var->body.record;

        /* An open tag's unknown value names no variant, so nothing
         * says its body must be there: the body is optional in the
         * record and each variant's rule is checked on its own. */
        if (var->rule != HC_BODY_REQUIRED || tag->open)
            tag->body_optional = true;
        if (var->rule == HC_BODY_NONE)
            continue;

        if (tag->is_inline) {
            /* The record holding the tag decides; a variant's record
             * may not say otherwise. */
            if (body->policies.len > 0 &&
                body->reject_unknown != tag->reject_unknown)
                hc_error(c->diag, var->name.pos,
                         "variant '%s' of the inline tag '%s' is record "
                         "'%s', which %s unknown members, but record '%s' "
                         "holding the tag %s them; the members share one "
                         "object, so give both the same policy",
                         name_of(c, &var->name), name_of(c, &tag->tag),
                         name_of(c, &body->name),
                         body->reject_unknown ? "rejects" : "skips",
                         name_of(c, &tag->owner->name),
                         tag->reject_unknown ? "rejects" : "skips");
        } else if (first == NULL) {
            first = var;
            tag->reject_unknown = body->reject_unknown;
        } else if (body->reject_unknown != tag->reject_unknown) {
            hc_error(c->diag, var->name.pos,
                     "variants of tag '%s' differ in their unknown-member "
                     "policy: '%s' (record '%s') %s unknown members and "
                     "'%s' (record '%s') %s them; the body is one record "
                     "to the runtime, so give both records the same policy",
                     name_of(c, &tag->tag), name_of(c, &first->name),
                     name_of(c, &first->body.record->name),
                     tag->reject_unknown ? "rejects" : "skips",
                     name_of(c, &var->name), name_of(c, &body->name),
                     body->reject_unknown ? "rejects" : "skips");
        }

        for (i = 0; i < body->members.len; i++) {
            hc_member *m = body->members.items[i];
            hc_field *bm;

            if (m->kind != HC_MEMBER_FIELD)
                continue;
            bm = hc_map_get(&index, m->name.text, m->name.len);
            if (bm == (void *)&tag->tag) {
                hc_error(c->diag, m->name.pos,
                         "member '%s' of record '%s' has the name of the "
                         "inline tag it is a variant of",
                         name_of(c, &m->name), name_of(c, &body->name));
                continue;
            }
            if (bm == NULL) {
                if (tag->body_members.len == limit && !too_many) {
                    too_many = true;
                    hc_error(c->diag, var->name.pos,
                             "the %s '%s' of tag '%s' would have more "
                             "than HOOK_MAX_FIELDS (%d) distinct members "
                             "with variant '%s'",
                             tag->is_inline ? "record" : "body",
                             name_of(c, tag->is_inline ? &tag->owner->name
                                                       : &tag->body),
                             name_of(c, &tag->tag), HOOK_MAX_FIELDS,
                             name_of(c, &var->name));
                }
                bm = new_field(c, HC_FIELD_MEMBER, &m->name, body);
                bm->member = m;
                bm->origin = &var->name;
                bm->flags = HC_MOD_OPTIONAL |
                            (m->mods.set & (HC_MOD_NULLABLE | HC_MOD_SECRET |
                                            HC_MOD_STREAM));
                hc_map_put(c->arena, &index, m->name.text, m->name.len, bm);
                hc_vec_push(c->arena, &tag->body_members, bm);
            } else if (!same_meaning(bm->member, m)) {
                hc_error(c->diag, m->name.pos,
                         "%s member '%s' is %s in variant '%s' but %s in "
                         "variant '%s': a %s member must mean the same in "
                         "every variant",
                         tag->is_inline ? "variant" : "body",
                         name_of(c, &m->name), meaning_text(c, m),
                         name_of(c, &var->name), meaning_text(c, bm->member),
                         name_of(c, bm->origin),
                         tag->is_inline ? "variant" : "body");
                hc_note(c->diag, bm->member->name.pos,
                        "'%s' is declared here for variant '%s'",
                        name_of(c, &m->name), name_of(c, bm->origin));
            }
            bm->variants |= UINT64_C(1) << (v % 64);
        }
    }
    if (too_many)
        return;

    /* Each variant's masks, over the body's member indexes. */
    for (i = 0; i < tag->body_members.len; i++) {
        hc_field *bm = tag->body_members.items[i];

        for (v = 0; v < tag->variants.len; v++) {
            hc_variant *var = tag->variants.items[v];
            hc_record *body = var->body.record;
            size_t k;

            if (var->rule == HC_BODY_NONE)
                continue;
            for (k = 0; k < body->members.len; k++) {
                hc_member *m = body->members.items[k];

                if (m->kind != HC_MEMBER_FIELD ||
                    m->name.len != bm->name->len ||
                    memcmp(m->name.text, bm->name->text, m->name.len) != 0)
                    continue;
                var->members |= UINT64_C(1) << i;
                if ((m->mods.set & HC_MOD_OPTIONAL) == 0)
                    var->required |= UINT64_C(1) << i;
            }
        }
    }
}

static void check_tags(checker *c)
{
    size_t i, v;

    for (i = 0; i < c->schema->records.len; i++) {
        hc_record *r = c->schema->records.items[i];
        hc_tag *tag = r->tag;
        bool bodies_ok = true;

        if (tag == NULL)
            continue;
        if (tag->variants.len == 0 || tag->variants.len > HOOK_MAX_VARIANTS)
            continue;
        for (v = 0; v < tag->variants.len; v++) {
            hc_variant *var = tag->variants.items[v];
            hc_record *body = var->body.record;

            if (var->rule == HC_BODY_NONE)
                continue;
            if (body == NULL) {
                bodies_ok = false;
            } else if (body->tag != NULL) {
                hc_error(c->diag, var->body.pos,
                         "record '%s' has a tag of its own, so it cannot be "
                         "the body of variant '%s'",
                         name_of(c, &body->name), name_of(c, &var->name));
                bodies_ok = false;
            } else if (body->is_union) {
                hc_error(c->diag, var->body.pos,
                         "'%s' is a union, so it cannot be the body of "
                         "variant '%s': a body must be a record",
                         name_of(c, &body->name), name_of(c, &var->name));
                bodies_ok = false;
            }
        }
        if (bodies_ok)
            build_body(c, tag);
    }
}

/* --- field tables -------------------------------------------------- */

/* The table of a record that is not a union: its members in order, a
 * tag as the tag and the body, an inline tag as the tag and the
 * variants' members. */
static void build_fields(checker *c, hc_record *r)
{
    size_t i;

    r->tag_field = r->body_field = -1;
    r->has_fields = true;
    for (i = 0; i < r->members.len; i++) {
        hc_member *m = r->members.items[i];
        hc_field *f;

        if (m->kind == HC_MEMBER_FIELD) {
            f = new_field(c, HC_FIELD_MEMBER, &m->name, r);
            f->member = m;
            f->flags = m->mods.set;
            if ((f->flags & HC_MOD_OPTIONAL) == 0)
                r->required |= UINT64_C(1) << (r->fields.len % 64);
            hc_vec_push(c->arena, &r->fields, f);
            continue;
        }

        f = new_field(c, HC_FIELD_TAG, &m->tag->tag, r);
        f->tag = m->tag;
        r->tag_field = (int)r->fields.len;
        r->required |= UINT64_C(1) << (r->fields.len % 64);
        hc_vec_push(c->arena, &r->fields, f);
        if (m->tag->is_inline) {
            size_t k, v;

            for (k = 0; k < m->tag->body_members.len; k++)
                hc_vec_push(c->arena, &r->fields,
                            m->tag->body_members.items[k]);
            /* The variants' masks index this record's table, where the
             * tag comes first. */
            for (v = 0; v < m->tag->variants.len; v++) {
                hc_variant *var = m->tag->variants.items[v];

                var->members <<= 1;
                var->required <<= 1;
            }
            continue;
        }
        f = new_field(c, HC_FIELD_BODY, &m->tag->body, r);
        f->tag = m->tag;
        if (m->tag->body_optional)
            f->flags = HC_MOD_OPTIONAL;
        else
            r->required |= UINT64_C(1) << (r->fields.len % 64);
        r->body_field = (int)r->fields.len;
        hc_vec_push(c->arena, &r->fields, f);
    }
}

/* Whether a field of a union means the same as another alternative's. */
static bool same_field(const hc_field *a, const hc_field *b)
{
    if (a->kind != HC_FIELD_MEMBER || b->kind != HC_FIELD_MEMBER)
        return false;
    return same_meaning(a->member, b->member);
}

static const char *field_text(checker *c, const hc_field *f)
{
    if (f->kind == HC_FIELD_TAG)
        return "a tag";
    if (f->kind == HC_FIELD_BODY)
        return "a tag's body";
    return meaning_text(c, f->member);
}

/* A presence union: the alternatives' members merged into one table,
 * each alternative's masks over it, and its keys. */
static void build_union(checker *c, hc_record *u)
{
    hc_map index = {0}, seen = {0};
    hc_policy policy = one_policy(c, &u->policies, u);
    hc_alternative *tagged = NULL;
    size_t a, i, k;

    u->reject_unknown = policy == HC_POLICY_DEFAULT
                            ? c->schema->reject_unknown
                            : policy == HC_POLICY_REJECT;
    u->tag_field = u->body_field = -1;
    u->has_fields = true;
    if (u->alternatives.len < 2)
        hc_error(c->diag, u->name.pos,
                 "union '%s' has %s alternative%s: list at least two "
                 "records",
                 name_of(c, &u->name), u->alternatives.len == 0 ? "no" : "one",
                 u->alternatives.len == 0 ? "s" : "");
    if (u->alternatives.len > HOOK_MAX_VARIANTS) {
        hc_error(c->diag, u->name.pos,
                 "union '%s' has more than %d alternatives",
                 name_of(c, &u->name), HOOK_MAX_VARIANTS);
        return;
    }

    for (a = 0; a < u->alternatives.len; a++) {
        hc_alternative *alt = u->alternatives.items[a];
        hc_record *r = hc_map_get(&c->records, alt->name.text, alt->name.len);
        const hc_name *old;

        old = hc_map_put(c->arena, &seen, alt->name.text, alt->name.len,
                         &alt->name);
        if (old != &alt->name) {
            hc_error(c->diag, alt->name.pos,
                     "'%s' is listed twice in union '%s'",
                     name_of(c, &alt->name), name_of(c, &u->name));
            return;
        }
        if (r == NULL) {
            bool is_enum = hc_map_get(&c->enums, alt->name.text,
                                      alt->name.len) != NULL;
            hc_error(c->diag, alt->name.pos,
                     is_enum ? "alternative '%s' of union '%s' must be a "
                               "record (it is an enum)"
                             : "unknown alternative '%s' of union '%s': no "
                               "record has that name",
                     name_of(c, &alt->name), name_of(c, &u->name));
            return;
        }
        if (r->is_union || r->is_message ||
            (r->tag != NULL && r->tag->is_inline)) {
            hc_error(c->diag, alt->name.pos,
                     "alternative '%s' of union '%s' must be a record %s",
                     name_of(c, &alt->name), name_of(c, &u->name),
                     r->is_union     ? "(it is a union itself)"
                     : r->is_message ? "(it is the message)"
                                     : "without an inline tag (the "
                                       "runtime keeps one variant table "
                                       "per object; wrap it in a record)");
            return;
        }
        if (r->tag != NULL) {
            if (tagged != NULL) {
                hc_error(c->diag, alt->name.pos,
                         "alternatives '%s' and '%s' of union '%s' both "
                         "have a tag; a union may hold at most one",
                         name_of(c, &tagged->name), name_of(c, &alt->name),
                         name_of(c, &u->name));
                return;
            }
            tagged = alt;
            u->tag = r->tag;
        }
        if (r->policies.len > 0 && r->reject_unknown != u->reject_unknown)
            hc_error(c->diag, alt->name.pos,
                     "alternative '%s' of union '%s' %s unknown members but "
                     "the union %s them; the members share one object, so "
                     "give both the same policy",
                     name_of(c, &alt->name), name_of(c, &u->name),
                     r->reject_unknown ? "rejects" : "skips",
                     u->reject_unknown ? "rejects" : "skips");
        alt->record = r;

        for (i = 0; i < r->fields.len; i++) {
            hc_field *f = r->fields.items[i];
            hc_field *old_f = hc_map_get(&index, f->name->text, f->name->len);
            size_t at;

            if (old_f == NULL) {
                hc_field *copy = hc_alloc(c->arena, sizeof *copy);

                if (u->fields.len == HOOK_MAX_FIELDS) {
                    hc_error(c->diag, alt->name.pos,
                             "union '%s' would have more than "
                             "HOOK_MAX_FIELDS (%d) distinct members with "
                             "alternative '%s'",
                             name_of(c, &u->name), HOOK_MAX_FIELDS,
                             name_of(c, &alt->name));
                    return;
                }
                *copy = *f;
                copy->flags |= HC_MOD_OPTIONAL;
                copy->origin = &alt->name;
                copy->variants = f->variants;
                if (f->kind == HC_FIELD_TAG)
                    u->tag_field = (int)u->fields.len;
                if (f->kind == HC_FIELD_BODY)
                    u->body_field = (int)u->fields.len;
                hc_map_put(c->arena, &index, f->name->text, f->name->len,
                           copy);
                hc_vec_push(c->arena, &u->fields, copy);
                old_f = copy;
            } else if (!same_field(old_f, f)) {
                hc_error(c->diag, f->name->pos,
                         "member '%s' is %s in alternative '%s' but %s in "
                         "alternative '%s' of union '%s': a member must "
                         "mean the same in every alternative",
                         name_of(c, f->name), field_text(c, f),
                         name_of(c, &alt->name), field_text(c, old_f),
                         name_of(c, old_f->origin), name_of(c, &u->name));
                return;
            }
            for (at = 0; u->fields.items[at] != old_f; at++)
                ;
            alt->members |= UINT64_C(1) << at;
            if (r->required & (UINT64_C(1) << i))
                alt->required |= UINT64_C(1) << at;
        }
    }

    /* Keys: members no other alternative has. One of them must be
     * required, or a document of that shape could carry none and the
     * runtime could not tell which alternative it is. */
    for (a = 0; a < u->alternatives.len; a++) {
        hc_alternative *alt = u->alternatives.items[a];
        uint64_t others = 0;

        for (k = 0; k < u->alternatives.len; k++)
            if (k != a)
                others |= ((hc_alternative *)u->alternatives.items[k])->members;
        alt->keys = alt->members & ~others;
        if ((alt->keys & alt->required) == 0)
            hc_error(c->diag, alt->name.pos,
                     "alternative '%s' of union '%s' has no required member "
                     "that the other alternatives lack: the runtime tells "
                     "alternatives apart by such key members, and a "
                     "document of this alternative could carry none; add "
                     "one, or make one of its own members required",
                     name_of(c, &alt->name), name_of(c, &u->name));
    }
}

static void check_fields(checker *c)
{
    size_t i;

    for (i = 0; i < c->schema->records.len; i++) {
        hc_record *r = c->schema->records.items[i];

        if (!r->is_union)
            build_fields(c, r);
    }
    for (i = 0; i < c->schema->records.len; i++) {
        hc_record *r = c->schema->records.items[i];

        if (r->is_union)
            build_union(c, r);
    }
}

/* --- the record graph ---------------------------------------------- */

/* An edge of the record graph: a field of record type, an array (its
 * element record sits two levels below: the array, then the object), or
 * a variant (its body record sits one level below the envelope). */
typedef struct edge {
    hc_record *to;
    hc_pos pos;
    const hc_name *label;
    unsigned weight;
} edge;

static void add_edge(checker *c, hc_vec *edges, hc_record *to, hc_pos pos,
                     const hc_name *label, unsigned weight)
{
    edge *e = hc_alloc(c->arena, sizeof *e);

    e->to = to;
    e->pos = pos;
    e->label = label;
    e->weight = weight;
    hc_vec_push(c->arena, edges, e);
}

static hc_vec edges_of(checker *c, hc_record *r)
{
    hc_vec edges = {0};
    size_t i, v;

    r->base_height = 1;
    for (i = 0; i < r->fields.len; i++) {
        hc_field *f = r->fields.items[i];

        if (f->kind == HC_FIELD_MEMBER) {
            hc_type *t = &f->member->type;

            if (t->kind == HC_TYPE_RECORD && t->record != NULL)
                add_edge(c, &edges, t->record, t->pos, f->name, 1);
            if (t->kind == HC_TYPE_ARRAY &&
                t->element->kind == HC_TYPE_RECORD &&
                t->element->record != NULL)
                add_edge(c, &edges, t->element->record, t->element->pos,
                         f->name, 2);
            else if (t->kind == HC_TYPE_ARRAY)
                r->base_height = 2;
        }
        if (f->kind != HC_FIELD_BODY)
            continue;
        for (v = 0; v < f->tag->variants.len; v++) {
            hc_variant *var = f->tag->variants.items[v];

            if (var->body.record != NULL && var->rule != HC_BODY_NONE)
                add_edge(c, &edges, var->body.record, var->body.pos,
                         &var->name, 1);
        }
    }
    return edges;
}

typedef struct dfs_frame {
    hc_record *record;
    hc_vec edges;
    size_t next;
} dfs_frame;

/* States of a record in a graph walk (hc_record.walk). */
enum { WHITE, GREY, BLACK, ORDERED };

/* "A.b -> B.c -> A", cut short when long. */
static const char *cycle_text(checker *c, dfs_frame *stack, size_t from,
                              size_t top, const hc_record *back_to)
{
    const char *text = "";
    size_t i, shown = 0;

    for (i = from; i <= top; i++) {
        const edge *e = stack[i].edges.items[stack[i].next - 1];

        if (shown++ == 8) {
            text = hc_sprintf(c->arena, "%s... -> ", text);
            i = top;
            e = stack[i].edges.items[stack[i].next - 1];
        }
        text = hc_sprintf(c->arena, "%s%s.%s -> ", text,
                          name_of(c, &stack[i].record->name),
                          name_of(c, e->label));
    }
    return hc_sprintf(c->arena, "%s%s", text, name_of(c, &back_to->name));
}

static void raise_height(hc_record *r, unsigned height)
{
    if (r->height < height)
        r->height = height;
}

static void push_frame(checker *c, dfs_frame *stack, size_t top,
                       hc_record *r)
{
    stack[top].record = r;
    stack[top].edges = edges_of(c, r);
    stack[top].next = 0;
    r->walk = GREY;
    r->walk_index = top;
    r->height = r->base_height;
}

/* Finds cycles and computes each record's height, without recursion: a
 * long chain of records must not exhaust the C stack. Returns false
 * after reporting a cycle. */
static bool check_cycles(checker *c)
{
    size_t n = c->schema->records.len, i;
    dfs_frame *stack = hc_alloc(c->arena, (n + 1) * sizeof *stack);
    bool ok = true;

    for (i = 0; i < n; i++) {
        hc_record *root = c->schema->records.items[i];
        size_t top = 0;

        if (root->walk != WHITE)
            continue;
        push_frame(c, stack, 0, root);
        for (;;) {
            dfs_frame *f = &stack[top];
            const edge *e;

            if (f->next == f->edges.len) {
                f->record->walk = BLACK;
                if (top == 0)
                    break;
                top--;
                e = stack[top].edges.items[stack[top].next - 1];
                raise_height(stack[top].record, f->record->height + e->weight);
                continue;
            }
            e = f->edges.items[f->next++];
            if (e->to->walk == WHITE) {
                push_frame(c, stack, ++top, e->to);
            } else if (e->to->walk == BLACK) {
                raise_height(f->record, e->to->height + e->weight);
            } else {
                ok = false;
                hc_error(c->diag, e->pos,
                         "record '%s' contains itself: %s; records are "
                         "stored inline in their parent's struct, so a "
                         "cycle would make it infinitely large",
                         name_of(c, &e->to->name),
                         cycle_text(c, stack, e->to->walk_index, top,
                                    e->to));
            }
        }
    }
    return ok;
}

/* The runtime keeps one frame per record or array level, the message
 * being the first and a tag's body one more. */
static void check_depth(checker *c)
{
    hc_record *r = c->schema->message;
    const char *path;
    unsigned shown = 0;

    if (r->height <= HOOK_MAX_RECORDS)
        return;

    /* Follow the deepest edge down to show where the depth comes from. */
    path = name_of(c, &r->name);
    while (r->height > r->base_height) {
        hc_vec edges = edges_of(c, r);
        hc_record *deepest = NULL;
        size_t i;

        for (i = 0; i < edges.len; i++) {
            edge *e = edges.items[i];

            if (e->to->height + e->weight == r->height) {
                deepest = e->to;
                if (e->weight == 2 && ++shown <= 20)
                    path = hc_sprintf(c->arena, "%s > %s[]", path,
                                      name_of(c, e->label));
                break;
            }
        }
        if (deepest == NULL)
            break;
        r = deepest;
        if (++shown <= 20)
            path = hc_sprintf(c->arena, "%s > %s", path,
                              name_of(c, &r->name));
    }
    if (r->base_height == 2 && ++shown <= 20)
        path = hc_sprintf(c->arena, "%s > []", path);
    if (shown > 20)
        path = hc_sprintf(c->arena, "%s > ...", path);

    hc_error(c->diag, c->schema->message->name.pos,
             "records nest %u levels deep (%s); the limit is "
             "HOOK_MAX_RECORDS (%d), counting the message as 1 and a "
             "tag's body or an array as a level",
             c->schema->message->height, path, HOOK_MAX_RECORDS);
}

/* The record of a field's type or of its elements, or NULL. */
static hc_record *field_record(const hc_field *f)
{
    const hc_type *t;

    if (f->kind != HC_FIELD_MEMBER)
        return NULL;
    t = &f->member->type;
    if (t->kind == HC_TYPE_ARRAY)
        t = t->element;
    return t->kind == HC_TYPE_RECORD ? t->record : NULL;
}

static hc_enum *field_enum(const hc_field *f)
{
    const hc_type *t;

    if (f->kind != HC_FIELD_MEMBER)
        return NULL;
    t = &f->member->type;
    if (t->kind == HC_TYPE_ARRAY)
        t = t->element;
    return t->kind == HC_TYPE_ENUM ? t->enumeration : NULL;
}

static void mark_fields(hc_vec *fields);

/* Marks what the message reaches; records reached through a field get a
 * struct. Depth is bounded by now, so recursion is safe. */
static void mark_reachable(hc_record *r)
{
    if (r->reachable)
        return;
    r->reachable = true;
    mark_fields(&r->fields);
    if (r->is_union) {
        size_t a;

        for (a = 0; a < r->alternatives.len; a++)
            ((hc_alternative *)r->alternatives.items[a])->record->reachable =
                true;
    }
}

static void mark_fields(hc_vec *fields)
{
    size_t i, v;

    for (i = 0; i < fields->len; i++) {
        hc_field *f = fields->items[i];
        hc_record *to = field_record(f);
        hc_enum *e = field_enum(f);

        if (e != NULL)
            e->used = true;
        if (to != NULL) {
            to->used_as_field = true;
            mark_reachable(to);
        }
        if (f->kind != HC_FIELD_BODY)
            continue;
        mark_fields(&f->tag->body_members);
        for (v = 0; v < f->tag->variants.len; v++) {
            hc_variant *var = f->tag->variants.items[v];

            if (var->rule != HC_BODY_NONE)
                var->body.record->reachable = true;
        }
    }
}

/* Structs in an order where every struct follows the ones it holds: an
 * envelope's body holds its variants' field types. */
static void order_structs(checker *c, hc_record *r)
{
    size_t i, k;

    if (r->walk == ORDERED)
        return;
    r->walk = ORDERED;
    for (i = 0; i < r->fields.len; i++) {
        hc_field *f = r->fields.items[i];

        if (field_record(f) != NULL)
            order_structs(c, field_record(f));
        if (f->kind != HC_FIELD_BODY)
            continue;
        for (k = 0; k < f->tag->body_members.len; k++) {
            hc_field *bm = f->tag->body_members.items[k];

            if (field_record(bm) != NULL)
                order_structs(c, field_record(bm));
        }
    }
    hc_vec_push(c->arena, &c->schema->emit_order, r);
}

/* --- C names ------------------------------------------------------- */

/* Who claimed a C identifier: for the message of a collision. */
typedef struct claim {
    const char *what;
    hc_pos pos;
    bool has_pos; /* false: a name the generator always emits */
} claim;

static void claim_c_name(checker *c, hc_map *scope, const char *c_name,
                         const char *what, const hc_pos *pos)
{
    claim *mine = hc_alloc(c->arena, sizeof *mine);
    claim *old;

    mine->what = what;
    mine->has_pos = pos != NULL;
    if (pos != NULL)
        mine->pos = *pos;
    old = hc_map_put(c->arena, scope, c_name, strlen(c_name), mine);
    if (old == mine)
        return;

    if (mine->has_pos) {
        hc_error(c->diag, mine->pos,
                 "%s and %s both become the C name '%s'; rename one", what,
                 old->what, c_name);
        if (old->has_pos)
            hc_note(c->diag, old->pos, "%s is declared here", old->what);
    } else if (old->has_pos) {
        hc_error(c->diag, old->pos,
                 "%s and %s both become the C name '%s'; rename one",
                 old->what, what, c_name);
    }
}

/* Does a field's value need a struct of its own per element? */
static bool element_needs_item(const hc_type *t)
{
    return t->kind == HC_TYPE_STRING || t->kind == HC_TYPE_EMAIL ||
           (t->kind == HC_TYPE_ENUM && t->open);
}

/* The C names of one table's field, claimed in the table's struct
 * scope, and the global names it brings (element types and tables,
 * stream callbacks). `owner` is the struct holding the table. */
static void name_field(checker *c, hc_map *global, hc_map *scope,
                       hc_field *f, const char *owner)
{
    const char *json = name_of(c, f->name);
    const hc_pos *pos = &f->name->pos;
    const char *p = c->schema->prefix;

    if (f->kind == HC_FIELD_TAG) {
        f->c_name = f->tag->c_tag_member;
        claim_c_name(c, scope, f->c_name,
                     hc_sprintf(c->arena, "tag '%s'", json), pos);
    } else if (f->kind == HC_FIELD_BODY) {
        f->c_name = f->tag->c_body_member;
        claim_c_name(c, scope, f->c_name,
                     hc_sprintf(c->arena, "body '%s'", json), pos);
    } else {
        f->c_name = hc_member_c_name(c->arena, f->name);
        claim_c_name(c, scope, f->c_name,
                     hc_sprintf(c->arena, "member '%s'", json), pos);
    }
    if (f->flags & HC_MOD_OPTIONAL)
        claim_c_name(c, scope, hc_sprintf(c->arena, "has_%s", f->c_name),
                     hc_sprintf(c->arena, "the presence flag of '%s'", json),
                     pos);
    if (f->flags & HC_MOD_NULLABLE)
        claim_c_name(c, scope, hc_sprintf(c->arena, "%s_is_null", f->c_name),
                     hc_sprintf(c->arena, "the null flag of '%s'", json),
                     pos);
    if ((f->kind == HC_FIELD_TAG && f->tag->open) ||
        (f->kind == HC_FIELD_MEMBER && f->member->type.kind == HC_TYPE_ENUM &&
         f->member->type.open))
        claim_c_name(c, scope, hc_sprintf(c->arena, "%s_text", f->c_name),
                     hc_sprintf(c->arena, "the unknown-value text of '%s'",
                                json),
                     pos);

    if (f->kind == HC_FIELD_MEMBER && f->member->type.kind == HC_TYPE_ARRAY) {
        const char *base = hc_sprintf(c->arena, "%s_%s", owner, f->c_name);

        if (element_needs_item(f->member->type.element))
            claim_c_name(c, global, hc_sprintf(c->arena, "%s_item", base),
                         hc_sprintf(c->arena, "the element type of '%s'",
                                    json),
                         pos);
        claim_c_name(c, global, hc_sprintf(c->arena, "%s_element", base),
                     hc_sprintf(c->arena, "the element table of '%s'", json),
                     pos);
        if (f->flags & HC_MOD_STREAM)
            claim_c_name(c, global,
                         hc_sprintf(c->arena, "%s_on_%s_%s", p,
                                    owner + strlen(p) + 1, f->c_name),
                         hc_sprintf(c->arena, "the element callback setter "
                                    "of '%s'", json),
                         pos);
    }
}

static void name_fields(checker *c, hc_map *global, hc_map *scope,
                        hc_vec *fields, const char *owner)
{
    size_t i;

    for (i = 0; i < fields->len; i++)
        name_field(c, global, scope, fields->items[i], owner);
}

static void name_tag(checker *c, hc_map *global, hc_tag *tag)
{
    const char *tag_name = name_of(c, &tag->tag);
    const char *p = c->schema->prefix;
    const char *tag_snake = hc_snake(c->arena, &tag->tag);
    size_t i;

    if (tag->named)
        return;
    tag->named = true;
    tag->c_enum = hc_sprintf(c->arena, "%s_%s", p, tag_snake);
    tag->c_tag_member = hc_member_c_name(c->arena, &tag->tag);

    claim_c_name(c, global, tag->c_enum,
                 hc_sprintf(c->arena, "the enum of tag '%s'", tag_name),
                 &tag->tag.pos);
    claim_c_name(c, global, hc_sprintf(c->arena, "%s_name", tag->c_enum),
                 hc_sprintf(c->arena, "the name function of tag '%s'",
                            tag_name),
                 &tag->tag.pos);
    claim_c_name(c, global,
                 hc_sprintf(c->arena, "%s_check_%s_is_int", p, tag_snake),
                 hc_sprintf(c->arena, "the size check of tag '%s'",
                            tag_name),
                 &tag->tag.pos);
    claim_c_name(c, global, hc_sprintf(c->arena, "%s_variants", tag->c_enum),
                 hc_sprintf(c->arena, "the variant table of tag '%s'",
                            tag_name),
                 &tag->tag.pos);
    claim_c_name(c, global,
                 hc_sprintf(c->arena, "%s_variant_lookup", tag->c_enum),
                 hc_sprintf(c->arena, "the variant lookup of tag '%s'",
                            tag_name),
                 &tag->tag.pos);
    claim_c_name(c, global,
                 hc_sprintf(c->arena, "%s_NONE", hc_upper(c->arena,
                                                          tag->c_enum)),
                 hc_sprintf(c->arena, "the no-variant constant of tag '%s'",
                            tag_name),
                 &tag->tag.pos);
    for (i = 0; i < tag->variants.len; i++) {
        hc_variant *v = tag->variants.items[i];

        v->c_const = hc_upper(
            c->arena, hc_sprintf(c->arena, "%s_%s", tag->c_enum,
                                 hc_snake(c->arena, &v->name)));
        claim_c_name(c, global, v->c_const,
                     hc_sprintf(c->arena, "variant '%s' of tag '%s'",
                                name_of(c, &v->name), tag_name),
                     &v->name.pos);
    }
    if (tag->is_inline)
        return;

    tag->c_body = hc_sprintf(c->arena, "%s_%s_%s", p,
                             hc_snake(c->arena, &tag->owner->name),
                             hc_snake(c->arena, &tag->body));
    tag->c_body_member = hc_member_c_name(c->arena, &tag->body);
    claim_c_name(c, global, tag->c_body,
                 hc_sprintf(c->arena, "the body struct of tag '%s'",
                            tag_name),
                 &tag->body.pos);
    claim_c_name(c, global, hc_sprintf(c->arena, "%s_fields", tag->c_body),
                 hc_sprintf(c->arena, "the body field table of tag '%s'",
                            tag_name),
                 &tag->body.pos);
    claim_c_name(c, global, hc_sprintf(c->arena, "%s_lookup", tag->c_body),
                 hc_sprintf(c->arena, "the body member lookup of tag '%s'",
                            tag_name),
                 &tag->body.pos);
    claim_c_name(c, global, hc_sprintf(c->arena, "%s_record", tag->c_body),
                 hc_sprintf(c->arena, "the body record table of tag '%s'",
                            tag_name),
                 &tag->body.pos);

    {
        /* Every body member has a presence flag: variants differ. */
        hc_map body_scope = {0};

        name_fields(c, global, &body_scope, &tag->body_members, tag->c_body);
    }
}

static void name_enum(checker *c, hc_map *global, hc_enum *en)
{
    const char *p = c->schema->prefix;
    const char *snake = hc_snake(c->arena, &en->name);
    const char *what = name_of(c, &en->name);
    static const char *const parts[] = {"name", "names", "name_lens",
                                        "lookup", "enum"};
    size_t i;

    en->c_type = hc_sprintf(c->arena, "%s_%s", p, snake);
    claim_c_name(c, global, en->c_type,
                 hc_sprintf(c->arena, "enum '%s'", what), &en->name.pos);
    for (i = 0; i < sizeof parts / sizeof parts[0]; i++)
        claim_c_name(c, global,
                     hc_sprintf(c->arena, "%s_%s", en->c_type, parts[i]),
                     hc_sprintf(c->arena, "the %s of enum '%s'", parts[i],
                                what),
                     &en->name.pos);
    claim_c_name(c, global,
                 hc_sprintf(c->arena, "%s_check_%s_is_int", p, snake),
                 hc_sprintf(c->arena, "the size check of enum '%s'", what),
                 &en->name.pos);
    claim_c_name(c, global,
                 hc_upper(c->arena, hc_sprintf(c->arena, "%s_UNKNOWN",
                                               en->c_type)),
                 hc_sprintf(c->arena, "the unknown constant of enum '%s'",
                            what),
                 &en->name.pos);
    en->c_consts = hc_alloc(c->arena,
                            (en->values.len + 1) * sizeof *en->c_consts);
    for (i = 0; i < en->values.len; i++) {
        const hc_name *v = en->values.items[i];

        en->c_consts[i] = hc_upper(
            c->arena, hc_sprintf(c->arena, "%s_%s", en->c_type,
                                 hc_snake(c->arena, v)));
        claim_c_name(c, global, en->c_consts[i],
                     hc_sprintf(c->arena, "value '%s' of enum '%s'",
                                name_of(c, v), what),
                     &v->pos);
    }
}

static void name_record(checker *c, hc_map *global, hc_record *r)
{
    const char *rec = name_of(c, &r->name);
    const char *kind = r->is_message ? "message"
                       : r->is_union ? "union"
                                     : "record";
    hc_map scope = {0};
    size_t i;

    claim_c_name(c, global, r->c_type,
                 hc_sprintf(c->arena, "%s '%s'", kind, rec), &r->name.pos);
    claim_c_name(c, global, hc_sprintf(c->arena, "%s_fields", r->c_type),
                 hc_sprintf(c->arena, "the field table of '%s'", rec),
                 &r->name.pos);
    claim_c_name(c, global, hc_sprintf(c->arena, "%s_lookup", r->c_type),
                 hc_sprintf(c->arena, "the member lookup of '%s'", rec),
                 &r->name.pos);
    claim_c_name(c, global, hc_sprintf(c->arena, "%s_record", r->c_type),
                 hc_sprintf(c->arena, "the record table of '%s'", rec),
                 &r->name.pos);

    if (r->is_union) {
        r->c_kind = hc_sprintf(c->arena, "%s_kind", r->c_type);
        claim_c_name(c, global, r->c_kind,
                     hc_sprintf(c->arena, "the kind enum of union '%s'", rec),
                     &r->name.pos);
        claim_c_name(c, global,
                     hc_sprintf(c->arena, "%s_alternatives", r->c_type),
                     hc_sprintf(c->arena, "the alternative table of '%s'",
                                rec),
                     &r->name.pos);
        claim_c_name(c, global,
                     hc_sprintf(c->arena, "%s_check_%s_kind_is_int",
                                c->schema->prefix,
                                r->c_type + strlen(c->schema->prefix) + 1),
                     hc_sprintf(c->arena, "the size check of union '%s'", rec),
                     &r->name.pos);
        claim_c_name(c, global,
                     hc_upper(c->arena, hc_sprintf(c->arena, "%s_NONE",
                                                   r->c_type)),
                     hc_sprintf(c->arena, "the no-alternative constant of "
                                "'%s'", rec),
                     &r->name.pos);
        for (i = 0; i < r->alternatives.len; i++) {
            hc_alternative *alt = r->alternatives.items[i];

            alt->c_const = hc_upper(
                c->arena, hc_sprintf(c->arena, "%s_%s", r->c_type,
                                     hc_snake(c->arena, &alt->name)));
            claim_c_name(c, global, alt->c_const,
                         hc_sprintf(c->arena, "alternative '%s' of '%s'",
                                    name_of(c, &alt->name), rec),
                         &alt->name.pos);
        }
        claim_c_name(c, &scope, "kind",
                     hc_sprintf(c->arena, "the kind member of union '%s'",
                                rec),
                     NULL);
    }
    name_fields(c, global, &scope, &r->fields, r->c_type);
}

static const char *const std_names[] = {
    "size_t", "ptrdiff_t", "wchar_t", "max_align_t",
    "int8_t", "int16_t", "int32_t", "int64_t",
    "uint8_t", "uint16_t", "uint32_t", "uint64_t",
    "int_least8_t", "int_least16_t", "int_least32_t", "int_least64_t",
    "uint_least8_t", "uint_least16_t", "uint_least32_t", "uint_least64_t",
    "int_fast8_t", "int_fast16_t", "int_fast32_t", "int_fast64_t",
    "uint_fast8_t", "uint_fast16_t", "uint_fast32_t", "uint_fast64_t",
    "intptr_t", "uintptr_t", "intmax_t", "uintmax_t",
    "INT_LEAST8_MIN", "INT_LEAST16_MIN", "INT_LEAST32_MIN", "INT_LEAST64_MIN",
    "INT_LEAST8_MAX", "INT_LEAST16_MAX", "INT_LEAST32_MAX", "INT_LEAST64_MAX",
    "UINT_LEAST8_MAX", "UINT_LEAST16_MAX", "UINT_LEAST32_MAX",
    "UINT_LEAST64_MAX",
    "INT_FAST8_MIN", "INT_FAST16_MIN", "INT_FAST32_MIN", "INT_FAST64_MIN",
    "INT_FAST8_MAX", "INT_FAST16_MAX", "INT_FAST32_MAX", "INT_FAST64_MAX",
    "UINT_FAST8_MAX", "UINT_FAST16_MAX", "UINT_FAST32_MAX", "UINT_FAST64_MAX",
    "SIG_ATOMIC_MIN", "SIG_ATOMIC_MAX",
};

static void check_c_names(checker *c)
{
    hc_schema *s = c->schema;
    const char *p;
    hc_map global = {0};
    static const char *const functions[] = {
        "init", "feed", "finish", "error", "parse", "print",
    };
    size_t i;

    s->prefix = p = hc_snake(c->arena, &s->package);
    if (strncmp(p, "hook", 4) == 0 && (p[4] == '\0' || p[4] == '_'))
        hc_error(c->diag, s->package.pos,
                 "package name '%s' gives the C prefix '%s', which would "
                 "clash with the runtime's hook_ names; choose another",
                 name_of(c, &s->package), p);

    /* Names the included headers declare that a prefix and a record or
     * tag name could spell: package int8 with record T is int8_t. */
    for (i = 0; i < sizeof std_names / sizeof std_names[0]; i++)
        claim_c_name(c, &global, std_names[i],
                     hc_sprintf(c->arena, "the standard name '%s'",
                                std_names[i]),
                     NULL);
    claim_c_name(c, &global, hc_sprintf(c->arena, "%s_parser", p),
                 "the parser type", NULL);
    for (i = 0; i < sizeof functions / sizeof functions[0]; i++)
        claim_c_name(c, &global,
                     hc_sprintf(c->arena, "%s_%s", p, functions[i]),
                     hc_sprintf(c->arena, "the function '%s_%s'", p,
                                functions[i]),
                     NULL);
    claim_c_name(c, &global, hc_sprintf(c->arena, "%s_check_bool_is_byte", p),
                 "the size check of bool", NULL);
    claim_c_name(c, &global, hc_upper(c->arena, hc_sprintf(c->arena, "%s_H", p)),
                 "the include guard", NULL);
    claim_c_name(c, &global,
                 hc_upper(c->arena, hc_sprintf(c->arena, "%s_MEMBER_SIZE", p)),
                 "the macro MEMBER_SIZE", NULL);

    /* Declaration order, so that the later of two names is reported. */
    for (i = 0; i < s->enums.len; i++) {
        hc_enum *en = s->enums.items[i];

        if (en->used)
            name_enum(c, &global, en);
    }
    for (i = 0; i < s->records.len; i++) {
        hc_record *r = s->records.items[i];

        if (!r->used_as_field && !r->is_message)
            continue;
        r->c_type = hc_sprintf(c->arena, "%s_%s", p,
                               hc_snake(c->arena, &r->name));
        if (r->tag != NULL)
            name_tag(c, &global, r->tag);
        name_record(c, &global, r);
    }
}

bool hc_check(hc_schema *schema, hc_diag *diag, hc_arena *arena)
{
    checker c;
    size_t i;

    memset(&c, 0, sizeof c);
    c.schema = schema;
    c.diag = diag;
    c.arena = arena;

    check_package(&c);
    check_records(&c);
    check_enums(&c);
    for (i = 0; i < schema->records.len; i++) {
        hc_record *r = schema->records.items[i];

        if (!r->is_union)
            check_members(&c, r);
    }
    check_tags(&c);
    if (diag->errors > 0)
        return false;
    check_fields(&c);
    if (diag->errors > 0)
        return false;

    if (!check_cycles(&c))
        return false;
    check_depth(&c);
    if (diag->errors > 0)
        return false;

    mark_reachable(schema->message);
    order_structs(&c, schema->message);
    check_c_names(&c);
    return diag->errors == 0;
}
