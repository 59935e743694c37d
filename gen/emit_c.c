/*
 * emit_c.c - the C emitter: PACKAGE.h (structs, enums, API) and
 * PACKAGE.c (the constant tables hookrt.h describes, member lookups and
 * the API's thin wrappers around the runtime).
 *
 * The output must compile with no warning under -std=c99 -Wall -Wextra
 * -Wpedantic, read well, and be the same bytes for the same schema, so
 * everything here walks the model in declaration order and prints no
 * time, path or pointer.
 */
#include "emit.h"

#include <stdio.h>
#include <string.h>

#include "cnames.h"
#include "hookrt.h"

#ifndef HOOKC_VERSION
#error "build with -DHOOKC_VERSION='\"x.y.z\"' (the Makefile does)"
#endif

typedef struct emitter {
    const hc_schema *schema;
    hc_arena *arena;
    const char *p;      /* C prefix: mews */
    const char *P;      /* its uppercase: MEWS */
    const char *size;   /* the member-size macro: MEWS_MEMBER_SIZE */
    hc_buf *h;
    hc_buf *c;
} emitter;

/* --- text helpers -------------------------------------------------- */

/* A C string literal holding exactly these bytes. Output stays ASCII;
 * a '?' before another is escaped so no trigraph can form. */
static void c_string(hc_buf *buf, const char *text, size_t len)
{
    size_t i;

    hc_buf_puts(buf, "\"");
    for (i = 0; i < len; i++) {
        unsigned char b = (unsigned char)text[i];

        if (b == '"' || b == '\\')
            hc_buf_printf(buf, "\\%c", b);
        else if (b == '?' && i + 1 < len && text[i + 1] == '?')
            hc_buf_puts(buf, "\\?");
        else if (b >= 0x20 && b < 0x7f)
            hc_buf_add(buf, (const char *)&b, 1);
        else
            hc_buf_printf(buf, "\\%03o", b);
    }
    hc_buf_puts(buf, "\"");
}

/* Code points that some compilers warn about even in comments (bidi
 * controls under gcc's -Wbidi-chars), or that hide in a reader's
 * editor. They are written as <U+XXXX>. */
static bool shown_as_code(unsigned long cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
           cp == 0xFEFF;
}

/* Text for inside a comment. Names are valid UTF-8 without control
 * characters (the lexer made sure); what remains to avoid is closing
 * or opening a comment. */
static void comment_text(hc_buf *buf, const char *text, size_t len)
{
    size_t i = 0;
    char last = ' ';

    while (i < len) {
        unsigned char b = (unsigned char)text[i];
        size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        unsigned long cp = b;
        size_t k;

        if (n > len - i)
            n = len - i;
        if (n > 1) {
            cp = b & (0x7F >> n);
            for (k = 1; k < n; k++)
                cp = (cp << 6) | ((unsigned char)text[i + k] & 0x3F);
        }
        if (n > 1 && shown_as_code(cp)) {
            hc_buf_printf(buf, "<U+%04lX>", cp);
            last = '>';
        } else {
            if ((last == '/' && b == '*') || (last == '*' && b == '/'))
                hc_buf_puts(buf, " ");
            hc_buf_add(buf, text + i, n);
            last = (char)b;
        }
        i += n;
    }
}

/* A JSON name as a reader would write it in the schema. */
static void name_comment(hc_buf *buf, const hc_name *name)
{
    size_t i, end;

    if (!name->quoted) {
        hc_buf_add(buf, name->text, name->len);
        return;
    }
    /* Escaped as in the schema, so the comment reads as the source. */
    hc_buf_puts(buf, "\"");
    for (i = 0; i < name->len; i = end) {
        for (end = i; end < name->len; end++)
            if (name->text[end] == '"' || name->text[end] == '\\')
                break;
        comment_text(buf, name->text + i, end - i);
        if (end < name->len)
            hc_buf_printf(buf, "\\%c", name->text[end++]);
    }
    hc_buf_puts(buf, "\"");
}

/* The same as a string, for use inside a larger comment. */
static const char *safe(const emitter *e, const hc_name *name)
{
    hc_buf tmp = {0};
    char *text;

    name_comment(&tmp, name);
    text = hc_strndup(e->arena, tmp.data != NULL ? tmp.data : "", tmp.len);
    hc_buf_free(&tmp);
    return text;
}

static const char *type_comment(const emitter *e, const hc_member *m)
{
    const hc_type *t = &m->type;
    const char *text = "";

    switch (t->kind) {
    case HC_TYPE_STRING:
        text = hc_sprintf(e->arena, "string(%llu)",
                          (unsigned long long)t->bound);
        break;
    case HC_TYPE_EMAIL:
        text = hc_sprintf(e->arena, "email(%llu)",
                          (unsigned long long)t->bound);
        break;
    case HC_TYPE_BOOL:
        text = "bool";
        break;
    case HC_TYPE_UUID:
        text = "uuid";
        break;
    case HC_TYPE_DATETIME:
        text = "datetime";
        break;
    case HC_TYPE_RECORD:
        text = t->record->name.text;
        break;
    }
    return hc_sprintf(e->arena, "%s%s%s%s", text,
                      (m->mods.set & HC_MOD_OPTIONAL) ? " optional" : "",
                      (m->mods.set & HC_MOD_NULLABLE) ? " nullable" : "",
                      (m->mods.set & HC_MOD_SECRET) ? " secret" : "");
}

static void mask(hc_buf *buf, uint64_t bits)
{
    if (bits == 0)
        hc_buf_puts(buf, "0");
    else
        hc_buf_printf(buf, "UINT64_C(0x%llx)", (unsigned long long)bits);
}

static bool is_string(const hc_member *m)
{
    return m->type.kind == HC_TYPE_STRING || m->type.kind == HC_TYPE_EMAIL;
}

/* --- header: types ------------------------------------------------- */

/* One struct member with its flags: has_x before x when the member may
 * be absent, x_is_null when it may be null. */
static void struct_member(const emitter *e, const hc_member *m,
                          const char *c_name, unsigned flags,
                          const char *note)
{
    hc_buf *h = e->h;

    hc_buf_puts(h, "    /* ");
    name_comment(h, &m->name);
    hc_buf_printf(h, ": %s%s */\n", type_comment(e, m), note);
    if (flags & HC_MOD_OPTIONAL)
        hc_buf_printf(h, "    bool has_%s;\n", c_name);
    if (flags & HC_MOD_NULLABLE)
        hc_buf_printf(h, "    bool %s_is_null;\n", c_name);

    switch (m->type.kind) {
    case HC_TYPE_STRING:
    case HC_TYPE_EMAIL:
        hc_buf_printf(h, "    struct { uint32_t len; char data[%llu + 1]; } %s;\n",
                      (unsigned long long)m->type.bound, c_name);
        break;
    case HC_TYPE_BOOL:
        hc_buf_printf(h, "    bool %s;\n", c_name);
        break;
    case HC_TYPE_UUID:
        hc_buf_printf(h, "    hook_uuid %s;\n", c_name);
        break;
    case HC_TYPE_DATETIME:
        hc_buf_printf(h, "    hook_datetime %s;\n", c_name);
        break;
    case HC_TYPE_RECORD:
        hc_buf_printf(h, "    %s %s;\n", m->type.record->c_type, c_name);
        break;
    }
}

/* "; in A, B" for a body member that not every variant declares. */
static const char *variants_note(const emitter *e, const hc_tag *tag,
                                 uint64_t variants)
{
    const char *note = "";
    size_t v, shown = 0;

    if (tag->variants.len < 64 &&
        variants == (UINT64_C(1) << tag->variants.len) - 1)
        return "; every variant";
    for (v = 0; v < tag->variants.len; v++) {
        const hc_variant *var = tag->variants.items[v];

        if ((variants & (UINT64_C(1) << v)) == 0)
            continue;
        if (shown++ == 3) {
            note = hc_sprintf(e->arena, "%s, ...", note);
            break;
        }
        note = hc_sprintf(e->arena, "%s%s%s", note, shown == 1 ? "; in " : ", ",
                          safe(e, &var->name));
    }
    return note;
}

static void tag_types(const emitter *e, const hc_record *r)
{
    const hc_tag *tag = r->tag;
    hc_buf *h = e->h;
    size_t i;

    hc_buf_printf(h, "/* Which variant the body '%s' of %s holds, from the tag "
                  "'%s'. */\n",
                  safe(e, &tag->body), r->name.text, safe(e, &tag->tag));
    hc_buf_printf(h, "typedef enum %s {\n", tag->c_enum);
    hc_buf_printf(h, "    %s_NONE = 0, /* not seen, or not a known value */\n",
                  hc_upper(e->arena, tag->c_enum));
    for (i = 0; i < tag->variants.len; i++) {
        const hc_variant *v = tag->variants.items[i];

        hc_buf_puts(h, "    /* ");
        name_comment(h, &v->name);
        hc_buf_printf(h, ": %s */\n", v->body.record->name.text);
        hc_buf_printf(h, "    %s = %lu,\n", v->c_const, (unsigned long)i + 1);
    }
    hc_buf_printf(h, "} %s;\n\n", tag->c_enum);

    hc_buf_printf(h, "/* The body '%s' of %s: the members of all its variants, "
                  "each once.\n * has_ flags say which were present. */\n",
                  safe(e, &tag->body), r->name.text);
    hc_buf_printf(h, "typedef struct %s {\n", tag->c_body);
    for (i = 0; i < tag->body_members.len; i++) {
        const hc_body_member *bm = tag->body_members.items[i];

        struct_member(e, bm->first, bm->c_name,
                      HC_MOD_OPTIONAL | (bm->first->mods.set & HC_MOD_NULLABLE),
                      variants_note(e, tag, bm->variants));
    }
    if (tag->body_members.len == 0)
        hc_buf_puts(h, "    char unused_; /* C has no empty structs */\n");
    hc_buf_printf(h, "} %s;\n\n", tag->c_body);
}

static void record_type(const emitter *e, const hc_record *r)
{
    hc_buf *h = e->h;
    size_t i;

    if (r->tag != NULL)
        tag_types(e, r);

    hc_buf_printf(h, "/* %s %s */\n", r->is_message ? "message" : "record",
                  r->name.text);
    hc_buf_printf(h, "typedef struct %s {\n", r->c_type);
    for (i = 0; i < r->members.len; i++) {
        const hc_member *m = r->members.items[i];

        if (m->kind == HC_MEMBER_FIELD) {
            struct_member(e, m, m->c_name, m->mods.set, "");
            continue;
        }
        hc_buf_puts(h, "    /* tag ");
        name_comment(h, &m->tag->tag);
        hc_buf_puts(h, " */\n");
        hc_buf_printf(h, "    %s %s;\n", m->tag->c_enum, m->tag->c_tag_member);
        hc_buf_puts(h, "    /* body ");
        name_comment(h, &m->tag->body);
        hc_buf_puts(h, " */\n");
        hc_buf_printf(h, "    %s %s;\n", m->tag->c_body, m->tag->c_body_member);
    }
    if (r->members.len == 0)
        hc_buf_puts(h, "    char unused_; /* C has no empty structs */\n");
    hc_buf_printf(h, "} %s;\n\n", r->c_type);
}

static void header(const emitter *e, const char *source)
{
    const hc_schema *s = e->schema;
    const char *msg = s->message->c_type;
    const char *p = e->p;
    hc_buf *h = e->h;
    size_t i;

    hc_buf_printf(h, "/* %s.h - generated by hookc %s from %s. Do not edit. */\n",
                  s->package.text, HOOKC_VERSION, source);
    hc_buf_printf(h, "#ifndef %s_H\n#define %s_H\n\n", e->P, e->P);
    hc_buf_puts(h, "#include <stdbool.h>\n#include \"hookrt.h\"\n\n");
    hc_buf_printf(h, "#if HOOKRT_ABI != %d\n", HOOKRT_ABI);
    hc_buf_printf(h, "#error \"%s.h was generated for hookrt ABI %d; "
                  "regenerate it with a matching hookc\"\n#endif\n\n",
                  s->package.text, HOOKRT_ABI);
    hc_buf_puts(h, "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");

    for (i = 0; i < s->emit_order.len; i++)
        record_type(e, s->emit_order.items[i]);

    hc_buf_printf(h, "/* A parser for one %s document; it uses no heap. */\n",
                  s->message->name.text);
    hc_buf_printf(h, "typedef struct %s_parser {\n    hook_parser rt;\n} "
                  "%s_parser;\n\n", p, p);

    hc_buf_printf(h,
        "/* Streaming: init, feed chunks of any size, then finish for the\n"
        " * verdict. `out` is cleared at init and again if the document is\n"
        " * rejected. */\n"
        "void %s_init(%s_parser *p, %s *out);\n"
        "hook_code %s_feed(%s_parser *p, const void *data, size_t len);\n"
        "hook_code %s_finish(%s_parser *p);\n"
        "const hook_error *%s_error(const %s_parser *p);\n\n",
        p, p, msg, p, p, p, p, p, p);
    hc_buf_printf(h,
        "/* One call for a whole document; the error is copied to *err\n"
        " * when err is not NULL. */\n"
        "hook_code %s_parse(%s *out, const void *data, size_t len,\n"
        "    hook_error *err);\n\n",
        p, msg);
    hc_buf_printf(h,
        "/* The message as canonical JSON, like snprintf (see hook_print). */\n"
        "size_t %s_print(const %s *msg, char *buf, size_t cap, "
        "unsigned flags);\n\n",
        p, msg);

    for (i = 0; i < s->emit_order.len; i++) {
        const hc_record *r = s->emit_order.items[i];

        if (r->tag == NULL)
            continue;
        hc_buf_printf(h, "/* The tag value of a variant; NULL for %s_NONE or "
                      "out of range. */\n",
                      hc_upper(e->arena, r->tag->c_enum));
        hc_buf_printf(h, "const char *%s_name(%s v);\n\n", r->tag->c_enum,
                      r->tag->c_enum);
    }
    hc_buf_printf(h, "/* The schema tables, for hookrt's functions. */\n"
                  "extern const hook_record %s_record;\n\n", msg);
    hc_buf_puts(h, "#ifdef __cplusplus\n}\n#endif\n\n");
    hc_buf_printf(h, "#endif /* %s_H */\n", e->P);
}

/* --- source: tables ------------------------------------------------ */

/* One entry of a field table. */
typedef struct field_entry {
    const hc_name *name;
    const char *comment;
    const char *type;    /* HOOK_T_... */
    unsigned flags;      /* HC_MOD_... */
    uint64_t max_len;
    const char *owner;   /* the struct holding it */
    const char *c_name;
    bool string;
    const char *size;    /* NULL: the member's own size */
    const char *record;  /* the table of its record, or NULL */
    uint64_t variants;
} field_entry;

static void field_flags(hc_buf *c, unsigned flags)
{
    const char *sep = "";

    if (flags == 0)
        hc_buf_puts(c, "0");
    if (flags & HC_MOD_OPTIONAL) {
        hc_buf_puts(c, "HOOK_F_OPTIONAL");
        sep = " | ";
    }
    if (flags & HC_MOD_NULLABLE) {
        hc_buf_printf(c, "%sHOOK_F_NULLABLE", sep);
        sep = " | ";
    }
    if (flags & HC_MOD_SECRET)
        hc_buf_printf(c, "%sHOOK_F_SECRET", sep);
}

static void field(const emitter *e, size_t index, const field_entry *f)
{
    hc_buf *c = e->c;
    const char *value = f->string ? hc_sprintf(e->arena, "%s.data", f->c_name)
                                  : f->c_name;

    hc_buf_printf(c, "    /* %lu: ", (unsigned long)index);
    name_comment(c, f->name);
    hc_buf_printf(c, ": %s */\n    {\n        .name = ", f->comment);
    c_string(c, f->name->text, f->name->len);
    hc_buf_printf(c, ", .name_len = %lu,\n", (unsigned long)f->name->len);
    hc_buf_printf(c, "        .type = %s, .max_len = %llu,\n", f->type,
                  (unsigned long long)f->max_len);
    hc_buf_puts(c, "        .flags = ");
    field_flags(c, f->flags);
    hc_buf_puts(c, ",\n");
    hc_buf_printf(c, "        .value = offsetof(%s, %s),\n", f->owner, value);
    if (f->string)
        hc_buf_printf(c, "        .length = offsetof(%s, %s.len),\n", f->owner,
                      f->c_name);
    else
        hc_buf_puts(c, "        .length = 0,\n");
    if (f->flags & HC_MOD_OPTIONAL)
        hc_buf_printf(c, "        .present = offsetof(%s, has_%s),\n", f->owner,
                      f->c_name);
    else
        hc_buf_puts(c, "        .present = 0,\n");
    if (f->flags & HC_MOD_NULLABLE)
        hc_buf_printf(c, "        .is_null = offsetof(%s, %s_is_null),\n",
                      f->owner, f->c_name);
    else
        hc_buf_puts(c, "        .is_null = 0,\n");
    if (f->size != NULL)
        hc_buf_printf(c, "        .size = %s,\n", f->size);
    else
        hc_buf_printf(c, "        .size = %s(%s, %s),\n", e->size, f->owner,
                      value);
    if (f->record != NULL)
        hc_buf_printf(c, "        .record = &%s,\n", f->record);
    else
        hc_buf_puts(c, "        .record = NULL,\n");
    hc_buf_puts(c, "        .variants = ");
    mask(c, f->variants);
    hc_buf_puts(c, ",\n    },\n");
}

static const char *type_enum(hc_type_kind kind)
{
    switch (kind) {
    case HC_TYPE_STRING:
        return "HOOK_T_STRING";
    case HC_TYPE_EMAIL:
        return "HOOK_T_EMAIL";
    case HC_TYPE_BOOL:
        return "HOOK_T_BOOL";
    case HC_TYPE_UUID:
        return "HOOK_T_UUID";
    case HC_TYPE_DATETIME:
        return "HOOK_T_DATETIME";
    case HC_TYPE_RECORD:
        return "HOOK_T_RECORD";
    }
    return "HOOK_T_STRING";
}

static field_entry member_entry(const emitter *e, const hc_member *m,
                                const char *owner, const char *c_name)
{
    field_entry f;

    memset(&f, 0, sizeof f);
    f.name = &m->name;
    f.comment = type_comment(e, m);
    f.type = type_enum(m->type.kind);
    f.flags = m->mods.set;
    f.owner = owner;
    f.c_name = c_name;
    f.string = is_string(m);
    if (f.string)
        f.max_len = m->type.bound;
    if (m->type.kind == HC_TYPE_RECORD)
        f.record = hc_sprintf(e->arena, "%s_record", m->type.record->c_type);
    return f;
}

/* A name lookup: switch on the length, then compare each candidate of
 * that length, in declaration order. */
typedef struct key {
    const hc_name *name;
    size_t index;
} key;

static void lookup(const emitter *e, const char *fn, const char *what,
                   key *keys, size_t count)
{
    hc_buf *c = e->c;
    size_t i, j;

    /* Stable insertion sort by length: tables are at most 64 long. */
    for (i = 1; i < count; i++) {
        key k = keys[i];

        for (j = i; j > 0 && keys[j - 1].name->len > k.name->len; j--)
            keys[j] = keys[j - 1];
        keys[j] = k;
    }

    hc_buf_printf(c, "/* %s -> its index, or -1. */\n", what);
    hc_buf_printf(c, "static int %s(const char *k, size_t n)\n{\n", fn);
    if (count == 0) {
        hc_buf_puts(c, "    (void)k;\n    (void)n;\n    return -1;\n}\n\n");
        return;
    }
    hc_buf_puts(c, "    switch (n) {\n");
    for (i = 0; i < count; i++) {
        const hc_name *name = keys[i].name;

        if (i == 0 || keys[i - 1].name->len != name->len)
            hc_buf_printf(c, "    case %lu:\n", (unsigned long)name->len);
        hc_buf_puts(c, "        /* ");
        name_comment(c, name);
        hc_buf_puts(c, " */\n        if (memcmp(k, ");
        c_string(c, name->text, name->len);
        hc_buf_printf(c, ", %lu) == 0)\n            return %lu;\n",
                      (unsigned long)name->len, (unsigned long)keys[i].index);
        if (i + 1 == count || keys[i + 1].name->len != name->len)
            hc_buf_puts(c, "        break;\n");
    }
    hc_buf_puts(c, "    default:\n        break;\n    }\n    return -1;\n}\n\n");
}

static void record_table(const emitter *e, const char *c_type,
                         const char *json_name, size_t field_count,
                         bool reject_unknown, uint64_t required,
                         const hc_record *envelope, size_t tag_field,
                         bool exported)
{
    hc_buf *c = e->c;

    hc_buf_printf(c, "%sconst hook_record %s_record = {\n",
                  exported ? "" : "static ", c_type);
    hc_buf_puts(c, "    .name = ");
    c_string(c, json_name, strlen(json_name));
    hc_buf_puts(c, ",\n");
    if (field_count > 0)
        hc_buf_printf(c, "    .fields = %s_fields,\n", c_type);
    else
        hc_buf_puts(c, "    .fields = NULL,\n");
    hc_buf_printf(c, "    .field_count = %lu,\n", (unsigned long)field_count);
    hc_buf_printf(c, "    .reject_unknown = %d,\n", reject_unknown ? 1 : 0);
    hc_buf_puts(c, "    .required = ");
    mask(c, required);
    hc_buf_printf(c, ",\n    .lookup = %s_lookup,\n", c_type);
    if (envelope == NULL) {
        hc_buf_puts(c, "    .tag_field = -1,\n    .body_field = -1,\n"
                    "    .variants = NULL,\n    .variant_count = 0,\n"
                    "    .variant_lookup = NULL,\n};\n\n");
        return;
    }
    hc_buf_printf(c, "    .tag_field = %lu,\n    .body_field = %lu,\n",
                  (unsigned long)tag_field, (unsigned long)tag_field + 1);
    hc_buf_printf(c, "    .variants = %s_variants,\n",
                  envelope->tag->c_enum);
    hc_buf_printf(c, "    .variant_count = %lu,\n",
                  (unsigned long)envelope->tag->variants.len);
    hc_buf_printf(c, "    .variant_lookup = %s_variant_lookup,\n};\n\n",
                  envelope->tag->c_enum);
}

/* The body record, the variants and their lookup, and the name
 * function of an envelope's tag. */
static void tag_tables(const emitter *e, const hc_record *r)
{
    const hc_tag *tag = r->tag;
    size_t n = tag->body_members.len, nv = tag->variants.len, i;
    key *keys = hc_alloc(e->arena, (n > nv ? n : nv) * sizeof *keys + 1);
    hc_buf *c = e->c;
    const char *body_name =
        hc_sprintf(e->arena, "%s.%s", r->name.text, tag->body.text);

    hc_buf_printf(c, "/* The body '%s' of %s: every member may be absent, "
                  "as variants differ;\n * .variants says which declare "
                  "it. */\n",
                  safe(e, &tag->body), r->name.text);
    if (n > 0)
        hc_buf_printf(c, "static const hook_field %s_fields[] = {\n",
                      tag->c_body);
    for (i = 0; i < n; i++) {
        const hc_body_member *bm = tag->body_members.items[i];
        field_entry f = member_entry(e, bm->first, tag->c_body, bm->c_name);

        f.flags = HC_MOD_OPTIONAL |
                  (bm->first->mods.set & (HC_MOD_NULLABLE | HC_MOD_SECRET));
        f.variants = bm->variants;
        field(e, i, &f);
        keys[i].name = &bm->first->name;
        keys[i].index = i;
    }
    if (n > 0)
        hc_buf_puts(c, "};\n\n");
    lookup(e, hc_sprintf(e->arena, "%s_lookup", tag->c_body),
           hc_sprintf(e->arena, "Member name in the body of %s", r->name.text),
           keys, n);
    record_table(e, tag->c_body, body_name, n, tag->reject_unknown, 0, NULL,
                 0, false);

    hc_buf_printf(c, "/* The values of the tag '%s', in declaration order: "
                  "variant i is\n * %s value i + 1. .members and .required "
                  "index the body's fields. */\n",
                  safe(e, &tag->tag), tag->c_enum);
    hc_buf_printf(c, "static const hook_variant %s_variants[] = {\n",
                  tag->c_enum);
    for (i = 0; i < nv; i++) {
        const hc_variant *v = tag->variants.items[i];

        hc_buf_printf(c, "    /* %lu: ", (unsigned long)i);
        name_comment(c, &v->name);
        hc_buf_printf(c, " -> %s */\n    {\n        .name = ",
                      v->body.record->name.text);
        c_string(c, v->name.text, v->name.len);
        hc_buf_printf(c, ", .name_len = %lu,\n        .members = ",
                      (unsigned long)v->name.len);
        mask(c, v->members);
        hc_buf_puts(c, ",\n        .required = ");
        mask(c, v->required);
        hc_buf_puts(c, ",\n    },\n");
        keys[i].name = &v->name;
        keys[i].index = i;
    }
    hc_buf_puts(c, "};\n\n");
    lookup(e, hc_sprintf(e->arena, "%s_variant_lookup", tag->c_enum),
           hc_sprintf(e->arena, "Value of the tag '%s'", safe(e, &tag->tag)), keys,
           nv);

    hc_buf_printf(c, "const char *%s_name(%s v)\n{\n", tag->c_enum,
                  tag->c_enum);
    hc_buf_printf(c, "    if ((int)v < 1 || (int)v > %lu)\n        return NULL;\n",
                  (unsigned long)nv);
    hc_buf_printf(c, "    return %s_variants[(int)v - 1].name;\n}\n\n",
                  tag->c_enum);
}

static void record_tables(const emitter *e, const hc_record *r)
{
    hc_buf *c = e->c;
    size_t count = 0, i, tag_field = 0;
    key *keys = hc_alloc(e->arena, (2 * r->members.len + 1) * sizeof *keys);
    uint64_t required = 0;

    if (r->tag != NULL)
        tag_tables(e, r);

    hc_buf_printf(c, "/* %s %s */\n", r->is_message ? "message" : "record",
                  r->name.text);
    if (r->members.len > 0)
        hc_buf_printf(c, "static const hook_field %s_fields[] = {\n",
                      r->c_type);
    for (i = 0; i < r->members.len; i++) {
        const hc_member *m = r->members.items[i];
        field_entry f;

        if (m->kind == HC_MEMBER_FIELD) {
            f = member_entry(e, m, r->c_type, m->c_name);
            if ((m->mods.set & HC_MOD_OPTIONAL) == 0)
                required |= UINT64_C(1) << count;
            field(e, count, &f);
            keys[count].name = &m->name;
            keys[count].index = count;
            count++;
            continue;
        }

        /* A tag is two fields, both required: the tag, then the body. */
        tag_field = count;
        memset(&f, 0, sizeof f);
        f.name = &m->tag->tag;
        f.comment = "tag";
        f.type = "HOOK_T_TAG";
        f.owner = r->c_type;
        f.c_name = m->tag->c_tag_member;
        f.size = "sizeof(int)";
        field(e, count, &f);
        keys[count].name = f.name;
        keys[count].index = count;
        required |= UINT64_C(1) << count;
        count++;

        f.name = &m->tag->body;
        f.comment = "body";
        f.type = "HOOK_T_BODY";
        f.c_name = m->tag->c_body_member;
        f.size = NULL;
        f.record = hc_sprintf(e->arena, "%s_record", m->tag->c_body);
        field(e, count, &f);
        keys[count].name = f.name;
        keys[count].index = count;
        required |= UINT64_C(1) << count;
        count++;
    }
    if (r->members.len > 0)
        hc_buf_puts(c, "};\n\n");
    lookup(e, hc_sprintf(e->arena, "%s_lookup", r->c_type),
           hc_sprintf(e->arena, "Member name in %s", r->name.text), keys,
           count);
    record_table(e, r->c_type, r->name.text, count, r->reject_unknown,
                 required, r->tag != NULL ? r : NULL, tag_field,
                 r->is_message);
}

static void source(const emitter *e, const char *source_name)
{
    const hc_schema *s = e->schema;
    const char *msg = s->message->c_type;
    const char *p = e->p;
    hc_buf *c = e->c;
    size_t i;

    hc_buf_printf(c, "/* %s.c - generated by hookc %s from %s. Do not edit. */\n",
                  s->package.text, HOOKC_VERSION, source_name);
    hc_buf_printf(c, "#include <stddef.h>\n#include <string.h>\n\n"
                  "#include \"%s.h\"\n\n", s->package.text);

    hc_buf_puts(c, "/* The runtime writes presence and null flags as single "
                "bytes, and a tag\n * as an int holding the variant index + 1. */\n");
    hc_buf_printf(c, "typedef char %s_check_bool_is_byte[sizeof(bool) == 1 ? 1 : -1];\n",
                  p);
    for (i = 0; i < s->emit_order.len; i++) {
        const hc_record *r = s->emit_order.items[i];

        if (r->tag != NULL)
            hc_buf_printf(c, "typedef char %s_check_%s_is_int"
                          "[sizeof(%s) == sizeof(int) ? 1 : -1];\n",
                          p, r->tag->c_enum + strlen(p) + 1, r->tag->c_enum);
    }
    hc_buf_printf(c, "\n/* Bytes of storage of a struct member. */\n"
                  "#define %s(type, member) sizeof(((type *)0)->member)\n\n",
                  e->size);

    for (i = 0; i < s->emit_order.len; i++)
        record_tables(e, s->emit_order.items[i]);

    hc_buf_printf(c,
        "void %s_init(%s_parser *p, %s *out)\n{\n"
        "    hook_init(&p->rt, &%s_record, out, sizeof *out);\n}\n\n",
        p, p, msg, msg);
    hc_buf_printf(c,
        "hook_code %s_feed(%s_parser *p, const void *data, size_t len)\n{\n"
        "    return hook_feed(&p->rt, data, len);\n}\n\n", p, p);
    hc_buf_printf(c,
        "hook_code %s_finish(%s_parser *p)\n{\n"
        "    return hook_finish(&p->rt);\n}\n\n", p, p);
    hc_buf_printf(c,
        "const hook_error *%s_error(const %s_parser *p)\n{\n"
        "    return hook_get_error(&p->rt);\n}\n\n", p, p);
    hc_buf_printf(c,
        "hook_code %s_parse(%s *out, const void *data, size_t len,\n"
        "    hook_error *err)\n{\n"
        "    %s_parser p;\n    hook_code code;\n\n"
        "    %s_init(&p, out);\n"
        "    /* An error here is sticky: finish returns it again. */\n"
        "    (void)%s_feed(&p, data, len);\n"
        "    code = %s_finish(&p);\n"
        "    if (err != NULL)\n        *err = *%s_error(&p);\n"
        "    return code;\n}\n\n",
        p, msg, p, p, p, p, p);
    hc_buf_printf(c,
        "size_t %s_print(const %s *msg, char *buf, size_t cap, unsigned flags)\n"
        "{\n    return hook_print(&%s_record, msg, buf, cap, flags);\n}\n",
        p, msg, msg);
}

void hc_emit_c(const hc_emit_ctx *ctx, hc_outputs *outputs)
{
    const hc_schema *s = ctx->schema;
    emitter e;

    memset(&e, 0, sizeof e);
    e.schema = s;
    e.arena = ctx->arena;
    e.p = s->prefix;
    e.P = hc_upper(ctx->arena, s->prefix);
    e.size = hc_sprintf(ctx->arena, "%s_MEMBER_SIZE", e.P);
    e.h = hc_output_add(outputs, hc_sprintf(ctx->arena, "%s.h",
                                            s->package.text));
    e.c = hc_output_add(outputs, hc_sprintf(ctx->arena, "%s.c",
                                            s->package.text));
    header(&e, ctx->source_name);
    source(&e, ctx->source_name);
}
