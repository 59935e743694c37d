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
    hc_vec tags;    /* hc_tag *: those whose types or tables are out */
    hc_vec streams; /* stream *: the streamed arrays' setters */
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

static const char *written_name(void *ctx, const hc_name *name)
{
    (void)ctx;
    return name->text;
}

static const char *type_text(const emitter *e, const hc_type *t)
{
    return hc_type_text(e->arena, t, written_name, NULL);
}

static const char *mods_text(const emitter *e, unsigned mods)
{
    return hc_sprintf(e->arena, "%s%s%s%s",
                      (mods & HC_MOD_OPTIONAL) ? " optional" : "",
                      (mods & HC_MOD_NULLABLE) ? " nullable" : "",
                      (mods & HC_MOD_SECRET) ? " secret" : "",
                      (mods & HC_MOD_STREAM) ? " stream" : "");
}

/* What a field is, for the comment above it. */
static const char *field_comment(const emitter *e, const hc_field *f)
{
    if (f->kind == HC_FIELD_TAG)
        return f->tag->open
                   ? hc_sprintf(e->arena, "tag open(%llu)%s",
                                (unsigned long long)f->tag->open_len,
                                mods_text(e, f->flags))
                   : hc_sprintf(e->arena, "tag%s", mods_text(e, f->flags));
    if (f->kind == HC_FIELD_BODY)
        return hc_sprintf(e->arena, "body%s", mods_text(e, f->flags));
    /* as declared: in a merged table every member may be absent */
    return hc_sprintf(e->arena, "%s%s", type_text(e, &f->member->type),
                      mods_text(e, f->member->mods.set));
}

static void mask(hc_buf *buf, uint64_t bits)
{
    if (bits == 0)
        hc_buf_puts(buf, "0");
    else
        hc_buf_printf(buf, "UINT64_C(0x%llx)", (unsigned long long)bits);
}

static bool is_string_type(const hc_type *t)
{
    return t->kind == HC_TYPE_STRING || t->kind == HC_TYPE_EMAIL;
}

static bool is_open_enum(const hc_type *t)
{
    return t->kind == HC_TYPE_ENUM && t->open;
}

/* Strings and open enums are stored with a length beside them: as an
 * array's element they get a struct type of their own. */
static bool needs_item(const hc_type *t)
{
    return is_string_type(t) || is_open_enum(t);
}

static const hc_type *array_of(const hc_field *f)
{
    if (f->kind != HC_FIELD_MEMBER || f->member->type.kind != HC_TYPE_ARRAY)
        return NULL;
    return &f->member->type;
}

static const char *item_name(const emitter *e, const char *owner,
                             const hc_field *f)
{
    return hc_sprintf(e->arena, "%s_%s_item", owner, f->c_name);
}

/* The C type of a value that is one word: not a string, not an open
 * enum, not an array. */
static const char *plain_c_type(const hc_type *t)
{
    switch (t->kind) {
    case HC_TYPE_BOOL:
        return "bool";
    case HC_TYPE_UUID:
        return "hook_uuid";
    case HC_TYPE_DATETIME:
        return "hook_datetime";
    case HC_TYPE_RECORD:
        return t->record->c_type;
    case HC_TYPE_INT:
        return "int64_t";
    case HC_TYPE_DECIMAL:
        return "hook_decimal";
    case HC_TYPE_ENUM:
        return t->enumeration->c_type;
    case HC_TYPE_STRING:
    case HC_TYPE_EMAIL:
    case HC_TYPE_ARRAY:
        break;
    }
    return "char";
}

/* The C type of one element of an array field. */
static const char *element_c_type(const emitter *e, const char *owner,
                                  const hc_field *f)
{
    const hc_type *el = array_of(f)->element;

    return needs_item(el) ? item_name(e, owner, f) : plain_c_type(el);
}

static const char *text_struct(const emitter *e, uint64_t bound)
{
    return hc_sprintf(e->arena, "struct { uint32_t len; char data[%llu + 1]; }",
                      (unsigned long long)bound);
}

/* --- header: types ------------------------------------------------- */

/* The element types an array field of `owner` needs, before it. */
static void item_types(const emitter *e, const char *owner,
                       const hc_vec *fields)
{
    hc_buf *h = e->h;
    size_t i;

    for (i = 0; i < fields->len; i++) {
        const hc_field *f = fields->items[i];
        const hc_type *t = array_of(f);
        const char *item;

        if (t == NULL || !needs_item(t->element))
            continue;
        item = item_name(e, owner, f);
        hc_buf_puts(h, "/* An element of ");
        name_comment(h, f->name);
        hc_buf_printf(h, ": %s */\n", type_text(e, t->element));
        if (is_string_type(t->element)) {
            hc_buf_printf(h, "typedef struct %s {\n    uint32_t len;\n"
                          "    char data[%llu + 1];\n} %s;\n\n",
                          item, (unsigned long long)t->element->bound, item);
            continue;
        }
        hc_buf_printf(h, "typedef struct %s {\n    %s value;\n"
                      "    /* an unknown value's text */\n"
                      "    %s text;\n} %s;\n\n",
                      item, t->element->enumeration->c_type,
                      text_struct(e, t->element->open_len), item);
    }
}

/* One struct member with its flags: has_x before x when the member may
 * be absent, x_is_null when it may be null. */
static void struct_member(const emitter *e, const char *owner,
                          const hc_field *f, const char *note)
{
    hc_buf *h = e->h;
    const char *c = f->c_name;

    hc_buf_puts(h, "    /* ");
    if (f->kind == HC_FIELD_TAG)
        hc_buf_puts(h, "tag ");
    else if (f->kind == HC_FIELD_BODY)
        hc_buf_puts(h, "body ");
    name_comment(h, f->name);
    if (f->kind == HC_FIELD_MEMBER)
        hc_buf_printf(h, ": %s%s", field_comment(e, f), note);
    else if (f->flags != 0 || (f->kind == HC_FIELD_TAG && f->tag->open))
        hc_buf_printf(h, " (%s)", field_comment(e, f));
    hc_buf_puts(h, " */\n");
    if (f->flags & HC_MOD_OPTIONAL)
        hc_buf_printf(h, "    bool has_%s;\n", c);
    if (f->flags & HC_MOD_NULLABLE)
        hc_buf_printf(h, "    bool %s_is_null;\n", c);

    if (f->kind == HC_FIELD_TAG) {
        hc_buf_printf(h, "    %s %s;\n", f->tag->c_enum, c);
        if (f->tag->open)
            hc_buf_printf(h, "    %s %s_text; /* an unknown value */\n",
                          text_struct(e, f->tag->open_len), c);
        return;
    }
    if (f->kind == HC_FIELD_BODY) {
        hc_buf_printf(h, "    %s %s;\n", f->tag->c_body, c);
        return;
    }
    switch (f->member->type.kind) {
    case HC_TYPE_STRING:
    case HC_TYPE_EMAIL:
        hc_buf_printf(h, "    %s %s;\n",
                      text_struct(e, f->member->type.bound), c);
        break;
    case HC_TYPE_ARRAY:
        hc_buf_printf(h, "    struct { uint32_t count; %s items[%llu]; } %s;\n",
                      element_c_type(e, owner, f),
                      (unsigned long long)((f->flags & HC_MOD_STREAM)
                                               ? 1
                                               : f->member->type.count),
                      c);
        break;
    default:
        hc_buf_printf(h, "    %s %s;\n", plain_c_type(&f->member->type), c);
        if (is_open_enum(&f->member->type))
            hc_buf_printf(h, "    %s %s_text; /* an unknown value */\n",
                          text_struct(e, f->member->type.open_len), c);
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

static bool tag_done(emitter *e, const hc_tag *tag)
{
    size_t i;

    for (i = 0; i < e->tags.len; i++)
        if (e->tags.items[i] == tag)
            return true;
    hc_vec_push(e->arena, &e->tags, (void *)tag);
    return false;
}

static void tag_types(emitter *e, const hc_tag *tag)
{
    const char *owner = tag->owner->name.text;
    hc_buf *h = e->h;
    size_t i;

    if (tag->is_inline)
        hc_buf_printf(h, "/* Which variant %s is, from the tag '%s'. */\n",
                      owner, safe(e, &tag->tag));
    else
        hc_buf_printf(h, "/* Which variant the body '%s' of %s holds, from "
                      "the tag '%s'. */\n",
                      safe(e, &tag->body), owner, safe(e, &tag->tag));
    hc_buf_printf(h, "typedef enum %s {\n", tag->c_enum);
    hc_buf_printf(h, "    %s_NONE = 0, /* not seen, or not a known value */\n",
                  hc_upper(e->arena, tag->c_enum));
    for (i = 0; i < tag->variants.len; i++) {
        const hc_variant *v = tag->variants.items[i];

        hc_buf_puts(h, "    /* ");
        name_comment(h, &v->name);
        if (v->rule == HC_BODY_NONE)
            hc_buf_puts(h, ": no body */\n");
        else
            hc_buf_printf(h, ": %s%s */\n", v->body.record->name.text,
                          v->rule == HC_BODY_OPTIONAL ? " optional" : "");
        hc_buf_printf(h, "    %s = %lu,\n", v->c_const, (unsigned long)i + 1);
    }
    hc_buf_printf(h, "} %s;\n\n", tag->c_enum);
    if (tag->is_inline)
        return;

    item_types(e, tag->c_body, &tag->body_members);
    hc_buf_printf(h, "/* The body '%s' of %s: the members of all its variants, "
                  "each once.\n * has_ flags say which were present. */\n",
                  safe(e, &tag->body), owner);
    hc_buf_printf(h, "typedef struct %s {\n", tag->c_body);
    for (i = 0; i < tag->body_members.len; i++) {
        const hc_field *bm = tag->body_members.items[i];

        struct_member(e, tag->c_body, bm,
                      variants_note(e, tag, bm->variants));
    }
    if (tag->body_members.len == 0)
        hc_buf_puts(h, "    char unused_; /* C has no empty structs */\n");
    hc_buf_printf(h, "} %s;\n\n", tag->c_body);
}

static void enum_type(const emitter *e, const hc_enum *en)
{
    hc_buf *h = e->h;
    size_t i;

    hc_buf_printf(h, "/* enum %s */\n", en->name.text);
    hc_buf_printf(h, "typedef enum %s {\n", en->c_type);
    hc_buf_printf(h, "    %s_UNKNOWN = 0, /* not seen, or not a known value "
                  "*/\n", hc_upper(e->arena, en->c_type));
    for (i = 0; i < en->values.len; i++) {
        const hc_name *v = en->values.items[i];

        hc_buf_printf(h, "    %s = %lu, /* ", en->c_consts[i],
                      (unsigned long)i + 1);
        name_comment(h, v);
        hc_buf_puts(h, " */\n");
    }
    hc_buf_printf(h, "} %s;\n\n", en->c_type);
}

static void union_kind(const emitter *e, const hc_record *r)
{
    hc_buf *h = e->h;
    size_t i;

    hc_buf_printf(h, "/* Which alternative of %s a document is: the one whose "
                  "key members\n * are present. */\n", r->name.text);
    hc_buf_printf(h, "typedef enum %s {\n", r->c_kind);
    hc_buf_printf(h, "    %s_NONE = 0,\n", hc_upper(e->arena, r->c_type));
    for (i = 0; i < r->alternatives.len; i++) {
        const hc_alternative *alt = r->alternatives.items[i];

        hc_buf_printf(h, "    %s = %lu,\n", alt->c_const,
                      (unsigned long)i + 1);
    }
    hc_buf_printf(h, "} %s;\n\n", r->c_kind);
}

static void record_type(emitter *e, const hc_record *r)
{
    hc_buf *h = e->h;
    size_t i;

    if (r->tag != NULL && !tag_done(e, r->tag))
        tag_types(e, r->tag);
    if (r->is_union)
        union_kind(e, r);
    item_types(e, r->c_type, &r->fields);

    hc_buf_printf(h, "/* %s %s */\n",
                  r->is_message ? "message" : r->is_union ? "union" : "record",
                  r->name.text);
    hc_buf_printf(h, "typedef struct %s {\n", r->c_type);
    if (r->is_union)
        hc_buf_printf(h, "    /* the alternative found */\n    %s kind;\n",
                      r->c_kind);
    for (i = 0; i < r->fields.len; i++) {
        const hc_field *f = r->fields.items[i];
        const char *note = "";

        if (r->tag != NULL && r->tag->is_inline && f->kind == HC_FIELD_MEMBER)
            note = variants_note(e, r->tag, f->variants);
        struct_member(e, r->c_type, f, note);
    }
    if (r->fields.len == 0 && !r->is_union)
        hc_buf_puts(h, "    char unused_; /* C has no empty structs */\n");
    hc_buf_printf(h, "} %s;\n\n", r->c_type);
}

/* A streamed array's callback setter. */
typedef struct stream {
    const char *fn;
    const char *table;
    size_t index;
    const char *element;
    const hc_name *name;
} stream;

static void header(emitter *e, const char *source)
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

    for (i = 0; i < s->enums.len; i++) {
        const hc_enum *en = s->enums.items[i];

        if (en->used)
            enum_type(e, en);
    }
    for (i = 0; i < s->emit_order.len; i++)
        record_type(e, s->emit_order.items[i]);

    hc_buf_printf(h, "/* A parser for one %s document; it uses no heap. */\n",
                  s->message->name.text);
    hc_buf_printf(h, "typedef struct %s_parser {\n    hook_parser rt;\n} "
                  "%s_parser;\n\n", p, p);

    hc_buf_printf(h,
        "/* Streaming: init, feed chunks of any size, then finish for the\n"
        " * verdict. init empties every value in `out` (not every byte: see\n"
        " * hook_init); a rejected document leaves it zeroed. */\n"
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
    hc_buf_printf(h,
        "/* 1 when a and b hold the same values (see hook_equal); compare\n"
        " * messages with this, not memcmp. */\n"
        "int %s_equal(const %s *a, const %s *b);\n\n",
        p, msg, msg);

    for (i = 0; i < e->tags.len; i++) {
        const hc_tag *tag = e->tags.items[i];

        hc_buf_printf(h, "/* The tag value of a variant; NULL for %s_NONE or "
                      "out of range. */\n",
                      hc_upper(e->arena, tag->c_enum));
        hc_buf_printf(h, "const char *%s_name(%s v);\n\n", tag->c_enum,
                      tag->c_enum);
    }
    for (i = 0; i < s->enums.len; i++) {
        const hc_enum *en = s->enums.items[i];

        if (!en->used)
            continue;
        hc_buf_printf(h, "/* The text of an enum value; NULL for %s_UNKNOWN "
                      "or out of range. */\n",
                      hc_upper(e->arena, en->c_type));
        hc_buf_printf(h, "const char *%s_name(%s v);\n\n", en->c_type,
                      en->c_type);
    }
    for (i = 0; i < e->streams.len; i++) {
        const stream *st = e->streams.items[i];

        hc_buf_puts(h, "/* Streamed array ");
        name_comment(h, st->name);
        hc_buf_printf(h, ": `fn` gets each element as a `const %s *`,\n"
                      " * valid only during the call. Call after init; "
                      "returns 0, or -1 when\n * HOOK_MAX_CALLBACKS are "
                      "set. */\n", st->element);
        hc_buf_printf(h, "int %s(%s_parser *p, hook_element_fn fn, void *ctx);"
                      "\n\n", st->fn, p);
    }
    hc_buf_printf(h, "/* The schema tables, for hookrt's functions. */\n"
                  "extern const hook_record %s_record;\n\n", msg);
    hc_buf_puts(h, "#ifdef __cplusplus\n}\n#endif\n\n");
    hc_buf_printf(h, "#endif /* %s_H */\n", e->P);
}

/* --- source: tables ------------------------------------------------ */

/* One hook_field, as C expressions. NULL members print as 0 (or NULL
 * for pointers); the ABI 2 members print only when used. */
typedef struct entry {
    const hc_name *name;
    const char *comment;
    const char *type;    /* HOOK_T_... */
    unsigned flags;      /* HC_MOD_... */
    bool open;
    uint64_t max_len;
    const char *value;
    const char *length;
    const char *present;
    const char *is_null;
    const char *size;
    const char *record;
    uint64_t variants;
    bool range;
    int64_t min, max;
    const char *enumeration;
    const char *text;
    const char *element;
    const char *element_size;
    uint64_t max_count;
} entry;

static void field_flags(hc_buf *c, unsigned flags, bool open)
{
    const char *sep = "";

    if (flags == 0 && !open)
        hc_buf_puts(c, "0");
    if (flags & HC_MOD_OPTIONAL) {
        hc_buf_puts(c, "HOOK_F_OPTIONAL");
        sep = " | ";
    }
    if (flags & HC_MOD_NULLABLE) {
        hc_buf_printf(c, "%sHOOK_F_NULLABLE", sep);
        sep = " | ";
    }
    if (flags & HC_MOD_SECRET) {
        hc_buf_printf(c, "%sHOOK_F_SECRET", sep);
        sep = " | ";
    }
    if (open) {
        hc_buf_printf(c, "%sHOOK_F_OPEN", sep);
        sep = " | ";
    }
    if (flags & HC_MOD_STREAM)
        hc_buf_printf(c, "%sHOOK_F_STREAM", sep);
}

static void int64_literal(hc_buf *c, int64_t v)
{
    if (v == INT64_MIN)
        hc_buf_puts(c, "INT64_MIN");
    else
        hc_buf_printf(c, "INT64_C(%lld)", (long long)v);
}

static void print_entry(const emitter *e, const char *indent, const entry *f)
{
    hc_buf *c = e->c;

    hc_buf_printf(c, "%s{\n%s    .name = ", indent, indent);
    c_string(c, f->name->text, f->name->len);
    hc_buf_printf(c, ", .name_len = %lu,\n", (unsigned long)f->name->len);
    hc_buf_printf(c, "%s    .type = %s, .max_len = %llu,\n", indent, f->type,
                  (unsigned long long)f->max_len);
    hc_buf_printf(c, "%s    .flags = ", indent);
    field_flags(c, f->flags, f->open);
    hc_buf_puts(c, ",\n");
    hc_buf_printf(c, "%s    .value = %s,\n", indent, f->value);
    hc_buf_printf(c, "%s    .length = %s,\n", indent,
                  f->length != NULL ? f->length : "0");
    hc_buf_printf(c, "%s    .present = %s,\n", indent,
                  f->present != NULL ? f->present : "0");
    hc_buf_printf(c, "%s    .is_null = %s,\n", indent,
                  f->is_null != NULL ? f->is_null : "0");
    hc_buf_printf(c, "%s    .size = %s,\n", indent, f->size);
    hc_buf_printf(c, "%s    .record = %s,\n", indent,
                  f->record != NULL ? f->record : "NULL");
    hc_buf_printf(c, "%s    .variants = ", indent);
    mask(c, f->variants);
    hc_buf_puts(c, ",\n");
    if (f->range) {
        hc_buf_printf(c, "%s    .min = ", indent);
        int64_literal(c, f->min);
        hc_buf_puts(c, ", .max = ");
        int64_literal(c, f->max);
        hc_buf_puts(c, ",\n");
    }
    if (f->enumeration != NULL)
        hc_buf_printf(c, "%s    .enumeration = %s,\n", indent,
                      f->enumeration);
    if (f->text != NULL)
        hc_buf_printf(c, "%s    .text = %s,\n", indent, f->text);
    if (f->element != NULL)
        hc_buf_printf(c, "%s    .element = %s,\n%s    .element_size = %s,\n"
                      "%s    .max_count = %llu,\n",
                      indent, f->element, indent, f->element_size, indent,
                      (unsigned long long)f->max_count);
    hc_buf_printf(c, "%s}", indent);
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
    case HC_TYPE_INT:
        return "HOOK_T_INT";
    case HC_TYPE_DECIMAL:
        return "HOOK_T_DECIMAL";
    case HC_TYPE_ENUM:
        return "HOOK_T_ENUM";
    case HC_TYPE_ARRAY:
        return "HOOK_T_ARRAY";
    }
    return "HOOK_T_STRING";
}

static const char *offset(const emitter *e, const char *owner,
                          const char *member)
{
    return hc_sprintf(e->arena, "offsetof(%s, %s)", owner, member);
}

/* The parts of an entry a value's type decides. `owner` holds the value
 * at `at` (a member path, or NULL: the value is the whole element). */
static void type_entry(const emitter *e, entry *f, const hc_type *t,
                       const char *owner, const char *at)
{
    f->type = type_enum(t->kind);
    if (at == NULL) {
        f->value = "0";
        f->size = hc_sprintf(e->arena, "sizeof(%s)", owner);
    } else {
        f->value = offset(e, owner, at);
        f->size = hc_sprintf(e->arena, "%s(%s, %s)", e->size, owner, at);
    }
    switch (t->kind) {
    case HC_TYPE_STRING:
    case HC_TYPE_EMAIL:
        f->max_len = t->bound;
        /* the bytes at data, the length apart */
        at = at == NULL ? "" : hc_sprintf(e->arena, "%s.", at);
        f->value = offset(e, owner, hc_sprintf(e->arena, "%sdata", at));
        f->length = offset(e, owner, hc_sprintf(e->arena, "%slen", at));
        f->size = hc_sprintf(e->arena, "%s(%s, %sdata)", e->size, owner, at);
        break;
    case HC_TYPE_RECORD:
        f->record = hc_sprintf(e->arena, "&%s_record", t->record->c_type);
        break;
    case HC_TYPE_INT:
        f->range = true;
        f->min = t->min;
        f->max = t->max;
        break;
    case HC_TYPE_ENUM:
        f->enumeration = hc_sprintf(e->arena, "&%s_enum",
                                    t->enumeration->c_type);
        if (t->open) {
            /* an element: {value, text}; a member: x and x_text */
            const char *text = at == NULL ? "text"
                                          : hc_sprintf(e->arena, "%s_text", at);
            const char *value = at == NULL ? "value" : at;

            f->open = true;
            f->max_len = t->open_len;
            f->value = offset(e, owner, value);
            f->size = hc_sprintf(e->arena, "%s(%s, %s)", e->size, owner, value);
            f->text = offset(e, owner, hc_sprintf(e->arena, "%s.data", text));
            f->length = offset(e, owner, hc_sprintf(e->arena, "%s.len", text));
        }
        break;
    case HC_TYPE_BOOL:
    case HC_TYPE_UUID:
    case HC_TYPE_DATETIME:
    case HC_TYPE_DECIMAL:
    case HC_TYPE_ARRAY:
        break;
    }
}

static const char *element_table(const emitter *e, const char *owner,
                                 const hc_field *f)
{
    return hc_sprintf(e->arena, "%s_%s_element", owner, f->c_name);
}

/* The entry of a table's field. */
static entry field_entry(const emitter *e, const char *owner,
                         const hc_field *f)
{
    entry x;
    const char *c = f->c_name;

    memset(&x, 0, sizeof x);
    x.name = f->name;
    x.comment = field_comment(e, f);
    x.flags = f->flags;
    x.variants = f->variants;
    if (f->flags & HC_MOD_OPTIONAL)
        x.present = offset(e, owner, hc_sprintf(e->arena, "has_%s", c));
    if (f->flags & HC_MOD_NULLABLE)
        x.is_null = offset(e, owner, hc_sprintf(e->arena, "%s_is_null", c));

    if (f->kind == HC_FIELD_TAG) {
        x.type = "HOOK_T_TAG";
        x.value = offset(e, owner, c);
        x.size = "sizeof(int)";
        x.variants = 0;
        if (f->tag->open) {
            x.open = true;
            x.max_len = f->tag->open_len;
            x.text = offset(e, owner, hc_sprintf(e->arena, "%s_text.data", c));
            x.length = offset(e, owner, hc_sprintf(e->arena, "%s_text.len", c));
        }
        return x;
    }
    if (f->kind == HC_FIELD_BODY) {
        x.type = "HOOK_T_BODY";
        x.value = offset(e, owner, c);
        x.size = hc_sprintf(e->arena, "%s(%s, %s)", e->size, owner, c);
        x.record = hc_sprintf(e->arena, "&%s_record", f->tag->c_body);
        x.variants = 0;
        return x;
    }
    if (array_of(f) != NULL) {
        const char *items = hc_sprintf(e->arena, "%s.items", c);

        x.type = "HOOK_T_ARRAY";
        x.value = offset(e, owner, items);
        x.length = offset(e, owner, hc_sprintf(e->arena, "%s.count", c));
        x.size = hc_sprintf(e->arena, "%s(%s, %s)", e->size, owner, items);
        x.element = hc_sprintf(e->arena, "&%s", element_table(e, owner, f));
        x.element_size = hc_sprintf(e->arena, "%s(%s, %s[0])", e->size, owner,
                                    items);
        x.max_count = f->member->type.count;
        return x;
    }
    type_entry(e, &x, &f->member->type, owner, c);
    return x;
}

/* The element tables of a table's arrays, before the table. */
static void element_tables(const emitter *e, const char *owner,
                           const hc_vec *fields)
{
    hc_buf *c = e->c;
    size_t i;

    for (i = 0; i < fields->len; i++) {
        const hc_field *f = fields->items[i];
        const hc_type *t = array_of(f);
        entry x;

        if (t == NULL)
            continue;
        memset(&x, 0, sizeof x);
        x.name = f->name;
        type_entry(e, &x, t->element, element_c_type(e, owner, f),
                   needs_item(t->element) ? "" : NULL);
        if (needs_item(t->element)) {
            /* offsets from the element's start: fix the "." prefix */
            const char *item = element_c_type(e, owner, f);

            if (is_string_type(t->element)) {
                x.value = offset(e, item, "data");
                x.length = offset(e, item, "len");
                x.size = hc_sprintf(e->arena, "%s(%s, data)", e->size, item);
            } else {
                x.value = offset(e, item, "value");
                x.size = hc_sprintf(e->arena, "%s(%s, value)", e->size, item);
                x.text = offset(e, item, "text.data");
                x.length = offset(e, item, "text.len");
            }
        }
        hc_buf_puts(c, "/* One element of ");
        name_comment(c, f->name);
        hc_buf_printf(c, ": %s; offsets are from the element's start. */\n",
                      type_text(e, t->element));
        hc_buf_printf(c, "static const hook_field %s = ",
                      element_table(e, owner, f));
        print_entry(e, "", &x);
        hc_buf_puts(c, ";\n\n");
    }
}

/* A field table, its element tables first. */
static void field_table(const emitter *e, const char *owner, const hc_vec *fields)
{
    hc_buf *c = e->c;
    size_t i;

    element_tables(e, owner, fields);
    if (fields->len == 0)
        return;
    hc_buf_printf(c, "static const hook_field %s_fields[] = {\n", owner);
    for (i = 0; i < fields->len; i++) {
        const hc_field *f = fields->items[i];
        entry x = field_entry(e, owner, f);

        hc_buf_printf(c, "    /* %lu: ", (unsigned long)i);
        name_comment(c, f->name);
        hc_buf_printf(c, ": %s */\n", x.comment);
        print_entry(e, "    ", &x);
        hc_buf_puts(c, ",\n");

    }
    hc_buf_puts(c, "};\n\n");
}

static void lookup_of(const emitter *e, const char *owner, const char *what,
                      const hc_vec *fields)
{
    key *keys = hc_alloc(e->arena, (fields->len + 1) * sizeof *keys);
    size_t i;

    for (i = 0; i < fields->len; i++) {
        keys[i].name = ((const hc_field *)fields->items[i])->name;
        keys[i].index = i;
    }
    lookup(e, hc_sprintf(e->arena, "%s_lookup", owner), what, keys,
           fields->len);
}

/* The reset of a table's struct: each value back to empty, from the
 * offsets its entries hold (hook_init's promise, in hookrt.h). Strings
 * and open texts lose their length and first byte, arrays their count;
 * nested records and bodies are reset in turn; every other value is
 * zeroed. */
static void reset_function(const emitter *e, const char *c_type,
                           const hc_record *r, const hc_vec *fields)
{
    hc_buf *c = e->c;
    size_t i;

    hc_buf_printf(c, "static void %s_reset(void *out)\n{\n", c_type);
    if (fields->len == 0 && (r == NULL || !r->is_union)) {
        hc_buf_puts(c, "    (void)out;\n}\n\n");
        return;
    }
    hc_buf_puts(c, "    unsigned char *b = out;\n\n");
    if (r != NULL && r->is_union)
        hc_buf_printf(c, "    memset(b + offsetof(%s, kind), 0, "
                      "sizeof(int));\n", c_type);
    for (i = 0; i < fields->len; i++) {
        const hc_field *f = fields->items[i];
        entry x = field_entry(e, c_type, f);
        const hc_type *t = f->kind == HC_FIELD_MEMBER ? &f->member->type
                                                      : NULL;

        if (x.present != NULL)
            hc_buf_printf(c, "    b[%s] = 0;\n", x.present);
        if (x.is_null != NULL)
            hc_buf_printf(c, "    b[%s] = 0;\n", x.is_null);
        if (f->kind == HC_FIELD_BODY) {
            hc_buf_printf(c, "    %s_reset(b + %s);\n", f->tag->c_body,
                          x.value);
        } else if (t != NULL && t->kind == HC_TYPE_RECORD) {
            hc_buf_printf(c, "    %s_reset(b + %s);\n", t->record->c_type,
                          x.value);
        } else if (array_of(f) != NULL) {
            hc_buf_printf(c, "    memset(b + %s, 0, sizeof(uint32_t));\n",
                          x.length);
        } else if (t != NULL && is_string_type(t)) {
            hc_buf_printf(c, "    memset(b + %s, 0, sizeof(uint32_t));\n",
                          x.length);
            hc_buf_printf(c, "    b[%s] = 0;\n", x.value);
        } else {
            hc_buf_printf(c, "    memset(b + %s, 0, %s);\n", x.value, x.size);
            if (x.open)
                hc_buf_printf(c, "    memset(b + %s, 0, sizeof(uint32_t));\n"
                              "    b[%s] = 0;\n", x.length, x.text);
        }
    }
    hc_buf_puts(c, "}\n\n");
}

static void record_table(const emitter *e, const char *c_type,
                         const char *json_name, const hc_record *r,
                         const hc_vec *fields, bool reject_unknown,
                         uint64_t required, bool exported)
{
    hc_buf *c = e->c;
    const hc_tag *tag = r != NULL ? r->tag : NULL;

    reset_function(e, c_type, r, fields);
    hc_buf_printf(c, "%sconst hook_record %s_record = {\n",
                  exported ? "" : "static ", c_type);
    hc_buf_puts(c, "    .name = ");
    c_string(c, json_name, strlen(json_name));
    hc_buf_puts(c, ",\n");
    if (fields->len > 0)
        hc_buf_printf(c, "    .fields = %s_fields,\n", c_type);
    else
        hc_buf_puts(c, "    .fields = NULL,\n");
    hc_buf_printf(c, "    .field_count = %lu,\n", (unsigned long)fields->len);
    hc_buf_printf(c, "    .reject_unknown = %d,\n", reject_unknown ? 1 : 0);
    hc_buf_puts(c, "    .required = ");
    mask(c, required);
    hc_buf_printf(c, ",\n    .lookup = %s_lookup,\n", c_type);
    if (tag == NULL) {
        hc_buf_puts(c, "    .tag_field = -1,\n    .body_field = -1,\n"
                    "    .variants = NULL,\n    .variant_count = 0,\n"
                    "    .variant_lookup = NULL,\n");
    } else {
        hc_buf_printf(c, "    .tag_field = %d,\n    .body_field = %d,\n",
                      r->tag_field, r->body_field);
        hc_buf_printf(c, "    .variants = %s_variants,\n", tag->c_enum);
        hc_buf_printf(c, "    .variant_count = %lu,\n",
                      (unsigned long)tag->variants.len);
        hc_buf_printf(c, "    .variant_lookup = %s_variant_lookup,\n",
                      tag->c_enum);
    }
    if (r != NULL && r->is_union) {
        hc_buf_printf(c, "    .alternatives = %s_alternatives,\n", c_type);
        hc_buf_printf(c, "    .alternative_count = %lu,\n",
                      (unsigned long)r->alternatives.len);
        hc_buf_printf(c, "    .chosen = offsetof(%s, kind),\n", c_type);
    }
    hc_buf_printf(c, "    .reset = %s_reset,\n", c_type);
    hc_buf_puts(c, "};\n\n");
}

static const char *rule_name(hc_body_rule rule)
{
    return rule == HC_BODY_NONE       ? "HOOK_BODY_NONE"
           : rule == HC_BODY_OPTIONAL ? "HOOK_BODY_OPTIONAL"
                                      : "HOOK_BODY_REQUIRED";
}

/* The body record (not inline), the variants and their lookup, and the
 * name function of a tag. */
static void tag_tables(emitter *e, const hc_tag *tag)
{
    size_t nv = tag->variants.len, i;
    key *keys = hc_alloc(e->arena, (nv + 1) * sizeof *keys);
    hc_buf *c = e->c;
    const char *owner = tag->owner->name.text;

    if (!tag->is_inline) {
        hc_buf_printf(c, "/* The body '%s' of %s: every member may be absent, "
                      "as variants differ;\n * .variants says which declare "
                      "it. */\n",
                      safe(e, &tag->body), owner);
        field_table(e, tag->c_body, &tag->body_members);
        lookup_of(e, tag->c_body,
                  hc_sprintf(e->arena, "Member name in the body of %s", owner),
                  &tag->body_members);
        record_table(e, tag->c_body,
                     hc_sprintf(e->arena, "%s.%s", owner, tag->body.text),
                     NULL, &tag->body_members, tag->reject_unknown, 0, false);
    }

    hc_buf_printf(c, "/* The values of the tag '%s', in declaration order: "
                  "variant i is\n * %s value i + 1. .members and .required "
                  "index the %s fields. */\n",
                  safe(e, &tag->tag), tag->c_enum,
                  tag->is_inline ? "record's" : "body's");
    hc_buf_printf(c, "static const hook_variant %s_variants[] = {\n",
                  tag->c_enum);
    for (i = 0; i < nv; i++) {
        const hc_variant *v = tag->variants.items[i];

        hc_buf_printf(c, "    /* %lu: ", (unsigned long)i);
        name_comment(c, &v->name);
        if (v->rule == HC_BODY_NONE)
            hc_buf_puts(c, ", no body */\n    {\n        .name = ");
        else
            hc_buf_printf(c, " -> %s */\n    {\n        .name = ",
                          v->body.record->name.text);
        c_string(c, v->name.text, v->name.len);
        hc_buf_printf(c, ", .name_len = %lu,\n        .members = ",
                      (unsigned long)v->name.len);
        mask(c, v->members);
        hc_buf_puts(c, ",\n        .required = ");
        mask(c, v->required);
        hc_buf_printf(c, ",\n        .body = %s,\n    },\n", rule_name(v->rule));
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

static void enum_tables(const emitter *e, const hc_enum *en)
{
    hc_buf *c = e->c;
    size_t n = en->values.len, i;
    key *keys = hc_alloc(e->arena, (n + 1) * sizeof *keys);

    hc_buf_printf(c, "/* enum %s: value i is %s constant i + 1. */\n",
                  en->name.text, en->c_type);
    hc_buf_printf(c, "static const char *const %s_names[] = {\n", en->c_type);
    for (i = 0; i < n; i++) {
        const hc_name *v = en->values.items[i];

        hc_buf_puts(c, "    ");
        c_string(c, v->text, v->len);
        hc_buf_puts(c, ",\n");
        keys[i].name = v;
        keys[i].index = i;
    }
    hc_buf_puts(c, "};\n\n");
    hc_buf_printf(c, "static const uint16_t %s_name_lens[] = {", en->c_type);
    for (i = 0; i < n; i++)
        hc_buf_printf(c, "%s%lu,", i % 12 == 0 ? "\n    " : " ",
                      (unsigned long)((const hc_name *)en->values.items[i])
                          ->len);
    hc_buf_puts(c, "\n};\n\n");
    lookup(e, hc_sprintf(e->arena, "%s_lookup", en->c_type),
           hc_sprintf(e->arena, "Value of enum %s", en->name.text), keys, n);
    hc_buf_printf(c, "static const hook_enum %s_enum = {\n"
                  "    .names = %s_names,\n    .name_lens = %s_name_lens,\n"
                  "    .count = %lu,\n    .lookup = %s_lookup,\n};\n\n",
                  en->c_type, en->c_type, en->c_type, (unsigned long)n,
                  en->c_type);
    hc_buf_printf(c, "const char *%s_name(%s v)\n{\n", en->c_type, en->c_type);
    hc_buf_printf(c, "    if ((int)v < 1 || (int)v > %lu)\n        return NULL;\n",
                  (unsigned long)n);
    hc_buf_printf(c, "    return %s_names[(int)v - 1];\n}\n\n", en->c_type);
}

static void alternative_table(const emitter *e, const hc_record *r)
{
    hc_buf *c = e->c;
    size_t i;

    hc_buf_printf(c, "/* The alternatives of %s: alternative i is %s value "
                  "i + 1. The masks\n * index %s's fields; .keys are the "
                  "members no other alternative has. */\n",
                  r->name.text, r->c_kind, r->name.text);
    hc_buf_printf(c, "static const hook_alternative %s_alternatives[] = {\n",
                  r->c_type);
    for (i = 0; i < r->alternatives.len; i++) {
        const hc_alternative *alt = r->alternatives.items[i];

        hc_buf_printf(c, "    /* %lu */\n    {\n        .name = ",
                      (unsigned long)i);
        c_string(c, alt->name.text, alt->name.len);
        hc_buf_puts(c, ",\n        .members = ");
        mask(c, alt->members);
        hc_buf_puts(c, ",\n        .required = ");
        mask(c, alt->required);
        hc_buf_puts(c, ",\n        .keys = ");
        mask(c, alt->keys);
        hc_buf_puts(c, ",\n    },\n");
    }
    hc_buf_puts(c, "};\n\n");
}

static void record_tables(emitter *e, const hc_record *r)
{
    hc_buf *c = e->c;

    if (r->tag != NULL && !tag_done(e, r->tag))
        tag_tables(e, r->tag);
    if (r->is_union)
        alternative_table(e, r);

    hc_buf_printf(c, "/* %s %s */\n",
                  r->is_message ? "message" : r->is_union ? "union" : "record",
                  r->name.text);
    field_table(e, r->c_type, &r->fields);
    lookup_of(e, r->c_type, hc_sprintf(e->arena, "Member name in %s",
                                       r->name.text),
              &r->fields);
    record_table(e, r->c_type, r->name.text, r, &r->fields, r->reject_unknown,
                 r->required, r->is_message);
}

/* --- source: the direct path ------------------------------------- */

/*
 * <pkg>_parse first reads a whole document through one reader per
 * record, written here: member names dispatched by the record's lookup,
 * each value read straight into its place by a hook_dx_ function, unknown
 * members skipped. A reader gives up (NULL) on anything it does not take
 * on, and <pkg>_parse then parses with hook_feed, which decides. Written
 * only for schemas whose every value the readers know: strings, e-mails,
 * uuids, date-times, booleans and records of those, under closed tags
 * that are not inline; other schemas parse with hook_feed alone.
 */

static bool direct_record(const emitter *e, const hc_record *r,
                          unsigned depth, const char **why);

/* The hook_dx_ function reading a value of this kind ("string" names
 * hook_dx_string), or NULL: records have readers of their own, other
 * kinds none. */
static const char *direct_value(hc_type_kind kind)
{
    switch (kind) {
    case HC_TYPE_STRING:
        return "string";
    case HC_TYPE_EMAIL:
        return "email";
    case HC_TYPE_UUID:
        return "uuid";
    case HC_TYPE_DATETIME:
        return "datetime";
    case HC_TYPE_BOOL:
        return "bool";
    default:
        return NULL;
    }
}

/* Whether the readers know every value of these fields (of `owner`);
 * if not, *why names the first they do not. */
static bool direct_fields(const emitter *e, const char *owner,
                          const hc_vec *fields, unsigned depth,
                          const char **why)
{
    size_t i;

    for (i = 0; i < fields->len; i++) {
        const hc_field *f = fields->items[i];

        if (f->kind != HC_FIELD_MEMBER)
            continue; /* the tag and body: direct_record */
        if (array_of(f) == NULL && direct_value(f->member->type.kind))
            continue;
        if (array_of(f) == NULL && f->member->type.kind == HC_TYPE_RECORD) {
            if (!direct_record(e, f->member->type.record, depth + 1, why))
                return false;
            continue;
        }
        *why = hc_sprintf(e->arena, "%s.%s is %s", owner, f->name->text,
                          type_text(e, &f->member->type));
        return false;
    }
    return true;
}

static bool direct_record(const emitter *e, const hc_record *r,
                          unsigned depth, const char **why)
{
    const char *name = r->name.text;

    if (r->is_union) {
        *why = hc_sprintf(e->arena, "%s is a union", name);
        return false;
    }
    if (depth > HOOK_MAX_RECORDS) { /* hc_check refuses such schemas */
        *why = hc_sprintf(e->arena, "%s nests records too deeply", name);
        return false;
    }
    if (r->tag != NULL && (r->tag->is_inline || r->tag->open)) {
        *why = hc_sprintf(e->arena, "the tag of %s is %s", name,
                          r->tag->open ? "open" : "inline");
        return false;
    }
    if (r->tag != NULL &&
        !direct_fields(e, hc_sprintf(e->arena, "%s.%s", name,
                                     r->tag->body.text),
                       &r->tag->body_members, depth + 1, why))
        return false;
    return direct_fields(e, name, &r->fields, depth, why);
}

/* One reader: of a record (r), or of the body of r's tag (body). */
typedef struct reader {
    const char *c_type;
    const hc_vec *fields;
    const hc_record *r;
    bool body;
    bool reject_unknown;
    uint64_t required;
} reader;

static void add_readers(emitter *e, hc_vec *out, const hc_record *r);

static void add_field_readers(emitter *e, hc_vec *out, const hc_vec *fields)
{
    size_t i;

    for (i = 0; i < fields->len; i++) {
        const hc_field *f = fields->items[i];

        if (f->kind == HC_FIELD_MEMBER &&
            f->member->type.kind == HC_TYPE_RECORD)
            add_readers(e, out, f->member->type.record);
    }
}

static void add_reader(emitter *e, hc_vec *out, const hc_record *r,
                       bool body)
{
    reader *x = hc_alloc(e->arena, sizeof *x);

    x->r = r;
    x->body = body;
    x->c_type = body ? r->tag->c_body : r->c_type;
    x->fields = body ? &r->tag->body_members : &r->fields;
    x->reject_unknown = body ? r->tag->reject_unknown : r->reject_unknown;
    x->required = body ? 0 : r->required;
    hc_vec_push(e->arena, out, x);
}

/* The readers r needs, each once, those it calls first. */
static void add_readers(emitter *e, hc_vec *out, const hc_record *r)
{
    size_t i;

    for (i = 0; i < out->len; i++) {
        const reader *x = out->items[i];
        if (x->r == r && !x->body)
            return;
    }
    if (r->tag != NULL) {
        add_field_readers(e, out, &r->tag->body_members);
        add_reader(e, out, r, true);
    }
    add_field_readers(e, out, &r->fields);
    add_reader(e, out, r, false);
}

static void reader_case(const emitter *e, const hc_field *f, size_t i)
{
    hc_buf *c = e->c;
    const char *m = f->c_name;
    const hc_type *t = f->kind == HC_FIELD_MEMBER ? &f->member->type : NULL;

    hc_buf_printf(c, "        case %lu: /* ", (unsigned long)i);
    name_comment(c, f->name);
    hc_buf_puts(c, " */\n");
    if (f->flags & HC_MOD_OPTIONAL)
        hc_buf_printf(c, "            o->has_%s = 1;\n", m);
    if (f->flags & HC_MOD_NULLABLE)
        hc_buf_printf(c, "            if (hook_dx_null(s, e) != NULL) {\n"
                      "                o->%s_is_null = 1;\n"
                      "                s += 4;\n"
                      "                break;\n"
                      "            }\n", m);
    if (f->kind == HC_FIELD_TAG) {
        hc_buf_printf(c, "            s = hook_dx_tag(s, e, %s_variant_lookup, "
                      "&tag);\n            o->%s = (%s)tag;\n",
                      f->tag->c_enum, m, f->tag->c_enum);
    } else if (f->kind == HC_FIELD_BODY) {
        hc_buf_printf(c, "            s = %s_read(s, e, &o->%s, depth + 1, "
                      "&body);\n", f->tag->c_body, m);
    } else if (t->kind == HC_TYPE_RECORD) {
        hc_buf_printf(c, "            s = %s_read(s, e, &o->%s, depth + 1, "
                      "&sub);\n", t->record->c_type, m);
    } else if (is_string_type(t)) {
        hc_buf_printf(c, "            s = hook_dx_%s(s, e, o->%s.data, %llu, "
                      "&o->%s.len);\n", direct_value(t->kind), m,
                      (unsigned long long)t->bound, m);
    } else {
        hc_buf_printf(c, "            s = hook_dx_%s(s, e, &o->%s);\n",
                      direct_value(t->kind), m);
    }
    hc_buf_puts(c, "            break;\n");
}

static void reader_function(const emitter *e, const reader *x)
{
    hc_buf *c = e->c;
    bool nested = false, tagged = !x->body && x->r->tag != NULL;
    size_t i;

    for (i = 0; i < x->fields->len; i++) {
        const hc_field *f = x->fields->items[i];
        if (f->kind == HC_FIELD_MEMBER &&
            f->member->type.kind == HC_TYPE_RECORD)
            nested = true;
    }
    hc_buf_puts(c, "\n/* ");
    if (x->body)
        hc_buf_printf(c, "The body '%s' of ", safe(e, &x->r->tag->body));
    hc_buf_printf(c, "%s */\n", x->r->name.text);
    hc_buf_printf(c, "static const char *%s_read(const char *s, "
                  "const char *e, %s *o,\n    int depth, uint64_t *members)\n",
                  x->c_type, x->c_type);
    hc_buf_puts(c, "{\n    uint64_t seen = 0;\n");
    if (nested)
        hc_buf_puts(c, "    uint64_t sub;\n");
    if (tagged)
        hc_buf_puts(c, "    uint64_t body = 0;\n    int tag = 0;\n");
    hc_buf_puts(c, "    int more;\n\n");
    if (x->reject_unknown && !nested && !tagged)
        hc_buf_puts(c, "    (void)depth; /* no value here needs it */\n");
    if (x->fields->len == 0)
        hc_buf_puts(c, "    (void)o; /* no member to store */\n");
    hc_buf_puts(c, "    s = hook_dx_object(s, e, &more);\n"
                "    while (s != NULL && more) {\n"
                "        const char *k;\n        size_t n;\n        int i;\n\n"
                "        if ((s = hook_dx_key(s, e, &k, &n)) == NULL)\n"
                "            return NULL;\n");
    hc_buf_printf(c, "        i = %s_lookup(k, n);\n", x->c_type);
    hc_buf_puts(c, "        if (i >= 0) {\n"
                "            if (seen >> i & 1)\n"
                "                return NULL; /* hook_feed reports the "
                "duplicate */\n"
                "            seen |= (uint64_t)1 << i;\n        }\n"
                "        switch (i) {\n");
    for (i = 0; i < x->fields->len; i++)
        reader_case(e, x->fields->items[i], i);
    hc_buf_printf(c, "        default:\n            s = %s;\n"
                  "            break;\n        }\n",
                  x->reject_unknown ? "NULL" : "hook_dx_skip(s, e, depth)");
    hc_buf_puts(c, "        if (s == NULL)\n            return NULL;\n"
                "        s = hook_dx_next(s, e, &more);\n    }\n"
                "    if (s == NULL)\n        return NULL;\n");
    if (x->required != 0) {
        hc_buf_puts(c, "    if ((seen & ");
        mask(c, x->required);
        hc_buf_puts(c, ") != ");
        mask(c, x->required);
        hc_buf_puts(c, ")\n        return NULL;\n");
    }
    if (tagged)
        hc_buf_printf(c, "    if (!hook_dx_variant(&%s_record, &o->%s, tag, "
                      "(int)(seen >> %d & 1), body))\n"
                      "        return NULL;\n",
                      x->c_type,
                      ((const hc_field *)x->fields->items[x->r->body_field])
                          ->c_name,
                      x->r->body_field);
    hc_buf_puts(c, "    *members = seen;\n    return s;\n}\n");
}

/* The readers and <pkg>_direct, when the schema allows; if not, a
 * comment saying why, and false. */
static bool direct_path(emitter *e)
{
    const hc_schema *s = e->schema;
    const char *msg = s->message->c_type;
    hc_buf *c = e->c;
    hc_vec readers;
    const char *why = "";
    size_t i;

    if (!direct_record(e, s->message, 1, &why)) {
        hc_buf_puts(c, "/* No direct path: ");
        comment_text(c, why, strlen(why));
        hc_buf_printf(c, ".\n * The readers take strings, e-mails, uuids, "
                      "date-times, booleans and\n * records of those, under "
                      "closed tags that are not inline;\n * %s_parse is "
                      "hook_feed alone. */\n\n", e->p);
        return false;
    }
    memset(&readers, 0, sizeof readers);
    add_readers(e, &readers, s->message);
    hc_buf_puts(c, "/* The direct path: the whole document read in one pass "
                "(see hook_dx_object).\n * Each reader returns the end of its "
                "object, or NULL to leave the\n * document to hook_feed; "
                "*members gets the members it read. */\n");
    for (i = 0; i < readers.len; i++)
        reader_function(e, readers.items[i]);
    hc_buf_printf(c,
        "\n/* 1 when the direct path read and accepted the whole document. */\n"
        "static int %s_direct(%s *out, const char *s, size_t len)\n{\n"
        "    const char *e = s + len;\n    uint64_t members;\n\n"
        "    %s_reset(out);\n"
        "    return hook_dx_end(%s_read(s, e, out, 1, &members), e);\n}\n\n",
        e->p, msg, msg, msg);
    return true;
}

static void source(emitter *e, const char *source_name)
{
    const hc_schema *s = e->schema;
    const char *msg = s->message->c_type;
    const char *p = e->p;
    hc_buf *c = e->c;
    size_t i;
    bool direct;

    hc_buf_printf(c, "/* %s.c - generated by hookc %s from %s. Do not edit. */\n",
                  s->package.text, HOOKC_VERSION, source_name);
    hc_buf_printf(c, "#include <stddef.h>\n#include <string.h>\n\n"
                  "#include \"%s.h\"\n\n", s->package.text);

    hc_buf_puts(c, "/* The runtime writes presence and null flags as single "
                "bytes, and a tag\n * as an int holding the variant index + 1. */\n");
    hc_buf_printf(c, "typedef char %s_check_bool_is_byte[sizeof(bool) == 1 ? 1 : -1];\n",
                  p);
    for (i = 0; i < e->tags.len; i++) {
        const hc_tag *tag = e->tags.items[i];

        hc_buf_printf(c, "typedef char %s_check_%s_is_int"
                      "[sizeof(%s) == sizeof(int) ? 1 : -1];\n",
                      p, tag->c_enum + strlen(p) + 1, tag->c_enum);
    }
    for (i = 0; i < s->enums.len; i++) {
        const hc_enum *en = s->enums.items[i];

        if (en->used)
            hc_buf_printf(c, "typedef char %s_check_%s_is_int"
                          "[sizeof(%s) == sizeof(int) ? 1 : -1];\n",
                          p, en->c_type + strlen(p) + 1, en->c_type);
    }
    for (i = 0; i < s->emit_order.len; i++) {
        const hc_record *r = s->emit_order.items[i];

        if (r->is_union)
            hc_buf_printf(c, "typedef char %s_check_%s_is_int"
                          "[sizeof(%s) == sizeof(int) ? 1 : -1];\n",
                          p, r->c_kind + strlen(p) + 1, r->c_kind);
    }
    hc_buf_printf(c, "\n/* Bytes of storage of a struct member. */\n"
                  "#define %s(type, member) sizeof(((type *)0)->member)\n\n",
                  e->size);

    for (i = 0; i < s->enums.len; i++) {
        const hc_enum *en = s->enums.items[i];

        if (en->used)
            enum_tables(e, en);
    }
    /* The tag checks above were printed from the header pass's list;
     * the tables pass builds it again. */
    e->tags.len = 0;
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
    direct = direct_path(e);
    hc_buf_printf(c,
        "hook_code %s_parse(%s *out, const void *data, size_t len,\n"
        "    hook_error *err)\n{\n"
        "    %s_parser p;\n    hook_code code;\n\n", p, msg, p);
    if (direct)
        hc_buf_printf(c,
            "    if (len > 0 && %s_direct(out, data, len))\n"
            "        return hook_dx_accepted(err);\n"
            "    /* the direct path gave up: hook_feed decides */\n", p);
    hc_buf_printf(c,
        "    %s_init(&p, out);\n"
        "    /* An error here is sticky: finish returns it again. */\n"
        "    (void)%s_feed(&p, data, len);\n"
        "    code = %s_finish(&p);\n"
        "    if (err != NULL)\n        *err = *%s_error(&p);\n"
        "    return code;\n}\n\n",
        p, p, p, p);
    hc_buf_printf(c,
        "size_t %s_print(const %s *msg, char *buf, size_t cap, unsigned flags)\n"
        "{\n    return hook_print(&%s_record, msg, buf, cap, flags);\n}\n",
        p, msg, msg);
    hc_buf_printf(c,
        "\nint %s_equal(const %s *a, const %s *b)\n"
        "{\n    return hook_equal(&%s_record, a, b);\n}\n",
        p, msg, msg, msg);
    for (i = 0; i < e->streams.len; i++) {
        const stream *st = e->streams.items[i];

        hc_buf_printf(c,
            "\nint %s(%s_parser *p, hook_element_fn fn, void *ctx)\n{\n"
            "    return hook_on_elements(&p->rt, &%s[%lu], fn, ctx);\n}\n",
            st->fn, p, st->table, (unsigned long)st->index);
    }
}

static void collect_fields(emitter *e, const char *owner,
                           const hc_vec *fields)
{
    size_t i;

    for (i = 0; i < fields->len; i++) {
        const hc_field *f = fields->items[i];
        stream *st;

        if ((f->flags & HC_MOD_STREAM) == 0)
            continue;
        st = hc_alloc(e->arena, sizeof *st);
        st->fn = hc_sprintf(e->arena, "%s_on_%s_%s", e->p,
                            owner + strlen(e->p) + 1, f->c_name);
        st->table = hc_sprintf(e->arena, "%s_fields", owner);
        st->index = i;
        st->element = element_c_type(e, owner, f);
        st->name = f->name;
        hc_vec_push(e->arena, &e->streams, st);
    }
}

/* The streamed arrays' setters, in the order of the tables. */
static void collect_streams(emitter *e)
{
    const hc_schema *s = e->schema;
    size_t i;

    for (i = 0; i < s->emit_order.len; i++) {
        const hc_record *r = s->emit_order.items[i];

        if (r->tag != NULL && !r->tag->is_inline && !tag_done(e, r->tag))
            collect_fields(e, r->tag->c_body, &r->tag->body_members);
        collect_fields(e, r->c_type, &r->fields);
    }
    e->tags.len = 0;
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

    collect_streams(&e);
    header(&e, ctx->source_name);
    source(&e, ctx->source_name);
}
