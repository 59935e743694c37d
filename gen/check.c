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
} checker;

static const char *name_of(checker *c, const hc_name *name)
{
    return hc_diag_name(c->diag, name);
}

static bool pos_before(hc_pos a, hc_pos b)
{
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

static const char *type_text(checker *c, const hc_type *type)
{
    switch (type->kind) {
    case HC_TYPE_STRING:
        return hc_sprintf(c->arena, "string(%llu)",
                          (unsigned long long)type->bound);
    case HC_TYPE_EMAIL:
        return hc_sprintf(c->arena, "email(%llu)",
                          (unsigned long long)type->bound);
    case HC_TYPE_BOOL:
        return "bool";
    case HC_TYPE_UUID:
        return "uuid";
    case HC_TYPE_DATETIME:
        return "datetime";
    case HC_TYPE_RECORD:
        return name_of(c, &type->record_name);
    }
    return "?";
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

    s->message = first_message;
    if (first_message == NULL) {
        hc_pos at = {1, 1};

        if (s->packages.len > 0)
            at = s->package.pos;
        hc_error(c->diag, at,
                 "the schema has no message: declare the top-level object "
                 "with 'message NAME { ... }'");
    }
}

/* --- members ------------------------------------------------------- */

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

/* Resolves a record name; NULL after reporting when there is none. */
static hc_record *find_record(checker *c, const hc_type *type,
                              const char *user)
{
    hc_record *r = hc_map_get(&c->records, type->record_name.text,
                              type->record_name.len);

    if (r == NULL) {
        hc_error(c->diag, type->pos,
                 "unknown type '%s' for %s: no record has that name",
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

static void check_type(checker *c, hc_member *m)
{
    hc_type *type = &m->type;
    const char *name = name_of(c, &m->name);

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
        type->record =
            find_record(c, type, hc_sprintf(c->arena, "field '%s'", name));
        break;
    case HC_TYPE_BOOL:
    case HC_TYPE_UUID:
    case HC_TYPE_DATETIME:
        break;
    }
}

static const char *modifier_name(unsigned bit)
{
    return bit == HC_MOD_OPTIONAL   ? "optional"
           : bit == HC_MOD_NULLABLE ? "nullable"
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

        if (v->body.kind != HC_TYPE_RECORD) {
            hc_error(c->diag, v->body.pos,
                     "the body of variant '%s' must be a record, not %s",
                     name_of(c, &v->name), type_text(c, &v->body));
            continue;
        }
        v->body.record = find_record(
            c, &v->body,
            hc_sprintf(c->arena, "variant '%s'", name_of(c, &v->name)));
    }
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

            fields += 2;
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
            check_key(c, &tag->body, "body member name");
            claim_member(c, &names, r, &tag->tag);
            claim_member(c, &names, r, &tag->body);
            check_variants(c, tag);
        } else {
            fields++;
            check_key(c, &m->name, "member name");
            claim_member(c, &names, r, &m->name);
            check_type(c, m);
            check_modifiers(c, m);
        }

        if (before <= HOOK_MAX_FIELDS && fields > HOOK_MAX_FIELDS)
            hc_error(c->diag,
                     m->kind == HC_MEMBER_TAG ? m->tag->pos : m->name.pos,
                     "record '%s' has more than HOOK_MAX_FIELDS (%d) "
                     "members%s",
                     name_of(c, &r->name), HOOK_MAX_FIELDS,
                     m->kind == HC_MEMBER_TAG
                         ? " (a tag counts as two: the tag and the body)"
                         : "");
    }
}

/* --- tags and their bodies ----------------------------------------- */

/* Two declarations of a body member mean the same when a value stored
 * for one can be read as the other. Optional may differ: that is what
 * a variant's own `required` mask is for. */
static bool same_meaning(const hc_member *a, const hc_member *b)
{
    const unsigned kept = HC_MOD_NULLABLE | HC_MOD_SECRET;

    if (a->type.kind != b->type.kind)
        return false;
    if ((a->mods.set & kept) != (b->mods.set & kept))
        return false;
    if (a->type.kind == HC_TYPE_STRING || a->type.kind == HC_TYPE_EMAIL)
        return a->type.bound == b->type.bound;
    if (a->type.kind == HC_TYPE_RECORD)
        return a->type.record == b->type.record;
    return true;
}

static const char *meaning_text(checker *c, const hc_member *m)
{
    return hc_sprintf(c->arena, "%s%s%s", type_text(c, &m->type),
                      (m->mods.set & HC_MOD_NULLABLE) ? " nullable" : "",
                      (m->mods.set & HC_MOD_SECRET) ? " secret" : "");
}

/* Builds the union of the variants' members, the body record. */
static void build_body(checker *c, hc_tag *tag)
{
    hc_map index = {0};
    hc_variant *first = tag->variants.items[0];
    size_t v, i;
    bool too_many = false;

    tag->reject_unknown = first->body.record->reject_unknown;
    for (v = 0; v < tag->variants.len; v++) {
        hc_variant *var = tag->variants.items[v];
        hc_record *body = var->body.record;

        if (body->reject_unknown != tag->reject_unknown) {
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
            hc_body_member *bm;

            if (m->kind != HC_MEMBER_FIELD)
                continue;
            bm = hc_map_get(&index, m->name.text, m->name.len);
            if (bm == NULL) {
                if (tag->body_members.len == HOOK_MAX_FIELDS && !too_many) {
                    too_many = true;
                    hc_error(c->diag, var->name.pos,
                             "the body '%s' of tag '%s' would have more "
                             "than HOOK_MAX_FIELDS (%d) distinct members "
                             "with variant '%s'",
                             name_of(c, &tag->body), name_of(c, &tag->tag),
                             HOOK_MAX_FIELDS, name_of(c, &var->name));
                }
                bm = hc_alloc(c->arena, sizeof *bm);
                bm->first = m;
                bm->first_variant = var;
                hc_map_put(c->arena, &index, m->name.text, m->name.len, bm);
                hc_vec_push(c->arena, &tag->body_members, bm);
            } else if (!same_meaning(bm->first, m)) {
                hc_error(c->diag, m->name.pos,
                         "body member '%s' is %s in variant '%s' but %s in "
                         "variant '%s': a body member must mean the same in "
                         "every variant",
                         name_of(c, &m->name), meaning_text(c, m),
                         name_of(c, &var->name), meaning_text(c, bm->first),
                         name_of(c, &bm->first_variant->name));
                hc_note(c->diag, bm->first->name.pos,
                        "'%s' is declared here for variant '%s'",
                        name_of(c, &m->name),
                        name_of(c, &bm->first_variant->name));
            }
            bm->variants |= UINT64_C(1) << (v % 64);
        }
    }
    if (too_many)
        return;

    /* Each variant's masks, over the body's member indexes. */
    for (i = 0; i < tag->body_members.len; i++) {
        hc_body_member *bm = tag->body_members.items[i];

        for (v = 0; v < tag->variants.len; v++) {
            hc_variant *var = tag->variants.items[v];
            hc_record *body = var->body.record;
            size_t k;

            for (k = 0; k < body->members.len; k++) {
                hc_member *m = body->members.items[k];

                if (m->kind != HC_MEMBER_FIELD ||
                    m->name.len != bm->first->name.len ||
                    memcmp(m->name.text, bm->first->name.text,
                           m->name.len) != 0)
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

            if (body == NULL) {
                bodies_ok = false;
            } else if (body->tag != NULL) {
                hc_error(c->diag, var->body.pos,
                         "record '%s' has a tag of its own, so it cannot be "
                         "the body of variant '%s'",
                         name_of(c, &body->name), name_of(c, &var->name));
                bodies_ok = false;
            }
        }
        if (bodies_ok)
            build_body(c, tag);
    }
}

/* --- the record graph ---------------------------------------------- */

/* An edge of the record graph: a field of record type, or a variant
 * (its body record sits one level below the envelope, like a field). */
typedef struct edge {
    hc_record *to;
    hc_pos pos;
    const hc_name *label;
} edge;

static void add_edge(checker *c, hc_vec *edges, hc_record *to, hc_pos pos,
                     const hc_name *label)
{
    edge *e = hc_alloc(c->arena, sizeof *e);

    e->to = to;
    e->pos = pos;
    e->label = label;
    hc_vec_push(c->arena, edges, e);
}

static hc_vec edges_of(checker *c, const hc_record *r)
{
    hc_vec edges = {0};
    size_t i, v;

    for (i = 0; i < r->members.len; i++) {
        hc_member *m = r->members.items[i];

        if (m->kind == HC_MEMBER_FIELD && m->type.record != NULL)
            add_edge(c, &edges, m->type.record, m->type.pos, &m->name);
        if (m->kind != HC_MEMBER_TAG)
            continue;
        for (v = 0; v < m->tag->variants.len; v++) {
            hc_variant *var = m->tag->variants.items[v];

            if (var->body.record != NULL)
                add_edge(c, &edges, var->body.record, var->body.pos,
                         &var->name);
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
    r->height = 1;
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
                raise_height(stack[top].record, f->record->height + 1);
                continue;
            }
            e = f->edges.items[f->next++];
            if (e->to->walk == WHITE) {
                push_frame(c, stack, ++top, e->to);
            } else if (e->to->walk == BLACK) {
                raise_height(f->record, e->to->height + 1);
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

/* The runtime keeps one frame per record level, the message being the
 * first and a tag's body one more. */
static void check_depth(checker *c)
{
    hc_record *r = c->schema->message;
    const char *path;
    unsigned shown = 0;

    if (r->height <= HOOK_MAX_RECORDS)
        return;

    /* Follow the deepest edge down to show where the depth comes from. */
    path = name_of(c, &r->name);
    while (r->height > 1) {
        hc_vec edges = edges_of(c, r);
        hc_record *deepest = NULL;
        size_t i;

        for (i = 0; i < edges.len; i++) {
            edge *e = edges.items[i];

            if (e->to->height + 1 == r->height) {
                deepest = e->to;
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
    if (shown > 20)
        path = hc_sprintf(c->arena, "%s > ...", path);

    hc_error(c->diag, c->schema->message->name.pos,
             "records nest %u levels deep (%s); the limit is "
             "HOOK_MAX_RECORDS (%d), counting the message as 1 and a "
             "tag's body as a level",
             c->schema->message->height, path, HOOK_MAX_RECORDS);
}

/* Marks what the message reaches; records reached through a field get a
 * struct. Depth is bounded by now, so recursion is safe. */
static void mark_reachable(hc_record *r)
{
    size_t i, v;

    if (r->reachable)
        return;
    r->reachable = true;
    for (i = 0; i < r->members.len; i++) {
        hc_member *m = r->members.items[i];

        if (m->kind == HC_MEMBER_FIELD && m->type.record != NULL) {
            m->type.record->used_as_field = true;
            mark_reachable(m->type.record);
        }
        if (m->kind != HC_MEMBER_TAG)
            continue;
        for (v = 0; v < m->tag->variants.len; v++) {
            hc_variant *var = m->tag->variants.items[v];

            mark_reachable(var->body.record);
        }
    }
}

/* Structs in an order where every struct follows the ones it holds: an
 * envelope's body holds its variants' field types. */
static void order_structs(checker *c, hc_record *r)
{
    size_t i, v, k;

    if (r->walk == ORDERED)
        return;
    r->walk = ORDERED;
    for (i = 0; i < r->members.len; i++) {
        hc_member *m = r->members.items[i];

        if (m->kind == HC_MEMBER_FIELD && m->type.record != NULL)
            order_structs(c, m->type.record);
        if (m->kind != HC_MEMBER_TAG)
            continue;
        for (v = 0; v < m->tag->variants.len; v++) {
            hc_record *body = ((hc_variant *)m->tag->variants.items[v])
                                  ->body.record;

            for (k = 0; k < body->members.len; k++) {
                hc_member *bm = body->members.items[k];

                if (bm->kind == HC_MEMBER_FIELD && bm->type.record != NULL)
                    order_structs(c, bm->type.record);
            }
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

static void name_struct_member(checker *c, hc_map *scope, hc_member *m,
                               const char *c_name, unsigned mods)
{
    const char *json = name_of(c, &m->name);

    claim_c_name(c, scope, c_name,
                 hc_sprintf(c->arena, "member '%s'", json), &m->name.pos);
    if (mods & HC_MOD_OPTIONAL)
        claim_c_name(c, scope, hc_sprintf(c->arena, "has_%s", c_name),
                     hc_sprintf(c->arena, "the presence flag of '%s'", json),
                     &m->name.pos);
    if (mods & HC_MOD_NULLABLE)
        claim_c_name(c, scope, hc_sprintf(c->arena, "%s_is_null", c_name),
                     hc_sprintf(c->arena, "the null flag of '%s'", json),
                     &m->name.pos);
}

static void name_tag(checker *c, hc_map *global, hc_record *r)
{
    hc_tag *tag = r->tag;
    const char *tag_name = name_of(c, &tag->tag);
    const char *p = c->schema->prefix;
    const char *tag_snake = hc_snake(c->arena, &tag->tag);
    hc_map body_scope = {0};
    size_t i;

    tag->c_enum = hc_sprintf(c->arena, "%s_%s", p, tag_snake);
    tag->c_body = hc_sprintf(c->arena, "%s_%s", r->c_type,
                             hc_snake(c->arena, &tag->body));
    tag->c_tag_member = hc_member_c_name(c->arena, &tag->tag);
    tag->c_body_member = hc_member_c_name(c->arena, &tag->body);

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

    /* Every body member has a presence flag: variants differ. */
    for (i = 0; i < tag->body_members.len; i++) {
        hc_body_member *bm = tag->body_members.items[i];

        bm->c_name = hc_member_c_name(c->arena, &bm->first->name);
        name_struct_member(c, &body_scope, bm->first, bm->c_name,
                           HC_MOD_OPTIONAL |
                               (bm->first->mods.set & HC_MOD_NULLABLE));
    }
}

static void name_record(checker *c, hc_map *global, hc_record *r)
{
    const char *rec = name_of(c, &r->name);
    hc_map scope = {0};
    size_t i;

    claim_c_name(c, global, r->c_type,
                 hc_sprintf(c->arena, "%s '%s'",
                            r->is_message ? "message" : "record", rec),
                 &r->name.pos);
    claim_c_name(c, global, hc_sprintf(c->arena, "%s_fields", r->c_type),
                 hc_sprintf(c->arena, "the field table of '%s'", rec),
                 &r->name.pos);
    claim_c_name(c, global, hc_sprintf(c->arena, "%s_lookup", r->c_type),
                 hc_sprintf(c->arena, "the member lookup of '%s'", rec),
                 &r->name.pos);
    claim_c_name(c, global, hc_sprintf(c->arena, "%s_record", r->c_type),
                 hc_sprintf(c->arena, "the record table of '%s'", rec),
                 &r->name.pos);

    for (i = 0; i < r->members.len; i++) {
        hc_member *m = r->members.items[i];

        if (m->kind == HC_MEMBER_FIELD) {
            m->c_name = hc_member_c_name(c->arena, &m->name);
            name_struct_member(c, &scope, m, m->c_name, m->mods.set);
            continue;
        }
        claim_c_name(c, &scope, m->tag->c_tag_member,
                     hc_sprintf(c->arena, "tag '%s'",
                                name_of(c, &m->tag->tag)),
                     &m->tag->tag.pos);
        claim_c_name(c, &scope, m->tag->c_body_member,
                     hc_sprintf(c->arena, "body '%s'",
                                name_of(c, &m->tag->body)),
                     &m->tag->body.pos);
    }
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
    for (i = 0; i < s->records.len; i++) {
        hc_record *r = s->records.items[i];

        if (!r->used_as_field && !r->is_message)
            continue;
        r->c_type = hc_sprintf(c->arena, "%s_%s", p,
                               hc_snake(c->arena, &r->name));
        if (r->tag != NULL)
            name_tag(c, &global, r);
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
    for (i = 0; i < schema->records.len; i++)
        check_members(&c, schema->records.items[i]);
    check_tags(&c);
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
