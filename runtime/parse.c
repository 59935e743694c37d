/*
 * parse.c - the streaming JSON parser and schema walker.
 *
 * One byte-driven state machine reads RFC 8259 JSON fed in chunks split
 * anywhere. Two layers share it:
 *  - the lexer states (strings, escapes, UTF-8, numbers, literals) and
 *    the structural states (what may come next in an object or array);
 *  - the schema walk: a stack of record frames, one per object that a
 *    schema record describes, which routes each member's value to its
 *    field in the caller's output struct.
 * A value outside any record (an unknown member, a value of the wrong
 * type) is skipped: still read to its end and checked for syntax.
 *
 * Members that lie whole in the chunk at hand are read in one pass
 * instead (whole_members); it changes nothing until a token is whole and
 * valid, then leaves the state exactly as the lexer would have, and
 * hands everything else to the lexer at a token boundary.
 *
 * Ranking of errors: a syntax error is final the moment it is seen. A
 * schema or limit error is held ("doomed") until the document is known
 * to be well-formed, so a syntax error anywhere outranks it; among held
 * errors the first one wins. Once doomed, the walk stops routing values
 * and only the syntax is checked.
 */
#include <stddef.h>
#include <string.h>

#include "hookrt.h"
#include "internal.h"

enum state {
    ST_VALUE,        /* a value must come next */
    ST_ARRAY_FIRST,  /* after '[': a value or ']' */
    ST_OBJECT_FIRST, /* after '{': a member name or '}' */
    ST_KEY,          /* after ',' in an object: a member name */
    ST_COLON,        /* after a member name */
    ST_AFTER,        /* after a value in a container: ',' or a close */
    ST_END,          /* after the top-level value: only whitespace */
    ST_LAX           /* past HOOK_MAX_DEPTH: tokens and brackets only */
};

enum lex {
    LX_NONE,
    LX_STRING,
    LX_ESCAPE,       /* after '\' */
    LX_HEX,          /* inside the four digits of \u */
    LX_SURR_BS,      /* after a high surrogate: '\' must follow */
    LX_SURR_U,       /* then 'u' */
    LX_UTF8,         /* inside a multi-byte UTF-8 sequence */
    LX_NUMBER,
    LX_LITERAL
};

enum role {
    R_SKIP_VALUE,    /* a string value nobody stores */
    R_SKIP_KEY,      /* a member name nobody looks up */
    R_KEY,           /* a member name of a record */
    R_FIELD,         /* a string or e-mail field: stored in place */
    R_SCRATCH,       /* a uuid or date-time: collected, then converted */
    R_TAG,           /* a union's tag value */
    R_ENUM           /* an enum value: collected, then looked up */
};

enum number_part {
    N_MINUS, N_ZERO, N_INT, N_DOT, N_FRAC, N_E, N_ESIGN, N_EXP
};

enum literal { L_TRUE, L_FALSE, L_NULL };
static const char *const literal_text[] = {"true", "false", "null"};
static const unsigned char literal_len[] = {4, 5, 4};

/* --- small text buffer for paths and messages ---------------------- */

typedef struct text {
    char *buf;
    size_t cap;
    size_t len;
} text;

static void text_mem(text *t, const void *data, size_t n)
{
    const unsigned char *s = data;
    size_t i;

    for (i = 0; i < n && t->len + 1 < t->cap; i++) {
        unsigned char c = s[i];
        /* paths hold member names from the input: keep them on one line */
        t->buf[t->len++] = (char)(c < 0x20 || c == 0x7f ? '?' : c);
    }
    t->buf[t->len] = '\0';
}

static void text_str(text *t, const char *s)
{
    text_mem(t, s, strlen(s));
}

static void text_uint(text *t, uint64_t v)
{
    char digits[24];
    size_t n = sizeof digits;

    do {
        digits[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    text_mem(t, digits + n, sizeof digits - n);
}

/* Bytes of s[0..n) that end on a character boundary: a multi-byte
 * character cut by n is left out whole. */
static size_t whole_chars(const unsigned char *s, size_t n)
{
    size_t i = n, need;

    while (i > 0 && (s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0 || s[i - 1] < 0xC0)
        return n;
    need = s[i - 1] >= 0xF0 ? 4 : s[i - 1] >= 0xE0 ? 3 : 2;
    return n - (i - 1) >= need ? n : i - 1;
}

/* Appends a member name to a path. A name that does not fit, or that
 * was already cut (`cut`: a key past HOOK_MAX_KEY), ends in "...". */
static void text_name(text *t, const void *name, size_t n, int cut)
{
    const unsigned char *s = name;
    size_t room;

    if (t->len > 0)
        text_str(t, ".");
    room = t->len + 1 < t->cap ? t->cap - t->len - 1 : 0;
    if (n + (cut ? 3 : 0) > room) {
        n = room > 3 ? room - 3 : 0;
        cut = 1;
    }
    text_mem(t, s, cut ? whole_chars(s, n) : n);
    if (cut)
        text_str(t, "...");
}

/* --- positions and errors ------------------------------------------ */

static hook_pos pos_at(const hook_parser *p, uint64_t offset)
{
    hook_pos at;

    at.offset = offset;
    at.line = p->line;
    at.column = (uint32_t)(offset - p->line_start - p->line_cont + 1);
    return at;
}

/* Fills the error with the path to where the walk is, plus `extra` (a
 * missing member's name, say) when given. */
static void set_error(hook_parser *p, hook_code code, hook_pos at,
                      const char *extra, size_t extra_len, const char *msg)
{
    hook_error *e = &p->error;
    text path = {e->path, sizeof e->path, 0};
    text m = {e->message, sizeof e->message, 0};
    uint32_t i;

    e->code = code;
    e->offset = at.offset;
    e->line = at.line;
    e->column = at.column;
    e->path[0] = '\0';
    for (i = 0; i < p->nframes; i++) {
        const hook_frame *f = &p->frames[i];
        if (!f->record) {
            /* an array: the element being read */
            text_str(&path, "[");
            text_uint(&path, f->count);
            text_str(&path, "]");
            continue;
        }
        if (f->field >= 0) {
            const hook_field *fd = &f->record->fields[f->field];
            text_name(&path, fd->name, fd->name_len, 0);
        } else {
            if (f->field == -2)
                text_name(&path, p->key,
                          p->key_len > HOOK_MAX_KEY ? HOOK_MAX_KEY
                                                    : p->key_len,
                          p->key_len > HOOK_MAX_KEY);
            break;
        }
    }
    if (extra)
        text_name(&path, extra, extra_len, 0);
    text_str(&m, msg);
}

/* Holds a schema or limit error; the first one held wins. */
static void hold(hook_parser *p, hook_code code, hook_pos at,
                 const char *extra, size_t extra_len, const char *msg)
{
    if (p->doomed)
        return;
    set_error(p, code, at, extra, extra_len, msg);
    p->doomed = 1;
}

/* A syntax-class error: final, outranks any held error. */
static hook_code fail(hook_parser *p, hook_code code, uint64_t offset,
                      const char *msg)
{
    set_error(p, code, pos_at(p, offset), NULL, 0, msg);
    p->stopped = 1;
    p->doomed = 1;
    memset(p->out, 0, p->out_size);
    return code;
}

/* --- init, status --------------------------------------------------- */

void hook_init(hook_parser *p, const hook_record *root, void *out,
               size_t out_size)
{
    /* Only the members read before they are written are reset: the
     * frames, key and scratch buffers are filled as they are used. */
    p->root = root;
    p->out = out;
    p->out_size = out_size;
    p->offset = 0;
    p->line = 1;
    p->line_start = 0;
    p->line_cont = 0;
    p->state = ST_VALUE;
    p->lex = LX_NONE;
    p->finished = 0;
    p->stopped = 0;
    p->doomed = 0;
    p->kinds = 0;
    p->depth = 0;
    p->over = 0;
    p->nframes = 0;
    p->ncallbacks = 0; /* set them after init */
    p->field = NULL;
    p->error.code = HOOK_OK;
    p->error.offset = 0;
    p->error.line = 0;
    p->error.column = 0;
    p->error.path[0] = '\0';
    p->error.message[0] = '\0';
    if (root->reset != NULL)
        root->reset(out);
    else
        memset(out, 0, out_size);
}

const hook_error *hook_get_error(const hook_parser *p)
{
    return &p->error;
}

int hook_doomed(const hook_parser *p)
{
    return p->doomed;
}

/* --- the schema walk ------------------------------------------------ */

static hook_frame *top(hook_parser *p)
{
    return &p->frames[p->nframes - 1];
}

/* The innermost frame when its object or array is the container open
 * right now (not something skipped inside it), else NULL. */
static hook_frame *current(hook_parser *p)
{
    hook_frame *f;

    if (p->nframes == 0 || p->over)
        return NULL;
    f = &p->frames[p->nframes - 1];
    return f->depth == p->depth ? f : NULL;
}

/* True when the innermost open container is the object of a record. */
static int in_record(hook_parser *p)
{
    const hook_frame *f = current(p);

    return f != NULL && f->record != NULL;
}

static void set_flag(unsigned char *base, size_t offset)
{
    base[offset] = 1;
}

static hook_frame *push_frame(hook_parser *p, hook_pos at)
{
    hook_frame *f;

    if (p->nframes == HOOK_MAX_RECORDS) {
        /* hookc refuses schemas this deep; kept as a guard */
        hold(p, HOOK_TOO_DEEP, at, NULL, 0,
             "records and arrays nest deeper than HOOK_MAX_RECORDS");
        return NULL;
    }
    f = &p->frames[p->nframes++];
    memset(f, 0, sizeof *f);
    f->field = -1;
    f->variant = -1;
    f->depth = p->depth + 1; /* the container about to be opened */
    return f;
}

static void push_record(hook_parser *p, const hook_record *rec,
                        unsigned char *base, hook_pos at)
{
    hook_frame *f = push_frame(p, at);

    if (f) {
        f->record = rec;
        f->base = base;
    }
}

static void push_array(hook_parser *p, const hook_field *array,
                       unsigned char *base, hook_pos at)
{
    hook_frame *f = push_frame(p, at);

    if (f) {
        f->array = array;
        f->base = base;
    }
}

/* Clears the storage and flags of a field, so that members a variant
 * does not declare leave nothing behind in the output. */
static void clear_field(const hook_field *fd, unsigned char *base)
{
    memset(base + fd->value, 0, fd->size);
    if (fd->type == HOOK_T_STRING || fd->type == HOOK_T_EMAIL ||
        fd->type == HOOK_T_ARRAY || (fd->flags & HOOK_F_OPEN))
        memset(base + fd->length, 0, sizeof(uint32_t));
    if (fd->flags & HOOK_F_OPEN)
        memset(base + fd->text, 0, (size_t)fd->max_len + 1);
    if (fd->flags & HOOK_F_OPTIONAL)
        base[fd->present] = 0;
    if (fd->flags & HOOK_F_NULLABLE)
        base[fd->is_null] = 0;
}

void hook_clear_fields(const hook_record *rec, unsigned char *base,
                       uint64_t mask)
{
    uint16_t i;

    for (i = 0; i < rec->field_count; i++) {
        if (mask >> i & 1)
            clear_field(&rec->fields[i], base);
    }
}

static int lowest_bit(uint64_t mask)
{
    int i = 0;

    while (!(mask & 1)) {
        mask >>= 1;
        i++;
    }
    return i;
}

/* Checks the members `seen` of a union's record `rec` (stored at `base`)
 * against what one variant or alternative declares: its required ones
 * must be there; the others are refused under `unknown reject`, and
 * cleared from the output either way. Only members in `written` (those
 * seen in the input) can hold anything: the rest are still empty from
 * hook_init and are not cleared again. `path_field` is the member of
 * `frame` that paths go through (-1: the frame's own record); `keep`
 * are fields never cleared (an internal union's tag). */
static void check_members(hook_parser *p, hook_frame *frame,
                          const hook_record *rec, unsigned char *base,
                          uint64_t seen, uint64_t written, uint64_t members,
                          uint64_t required, int32_t path_field, uint64_t keep,
                          hook_pos at, const char *what)
{
    uint64_t missing = required & ~seen;
    uint64_t foreign = seen & ~members & ~keep;
    int32_t saved = frame->field;

    frame->field = path_field;
    if (missing) {
        const hook_field *fd = &rec->fields[lowest_bit(missing)];
        hold(p, HOOK_MISSING, at, fd->name, fd->name_len,
             what[0] == 't' ? "required member is missing for this tag value"
                            : "required member is missing for this shape");
    } else if (foreign && rec->reject_unknown) {
        const hook_field *fd = &rec->fields[lowest_bit(foreign)];
        hold(p, HOOK_UNKNOWN_MEMBER, at, fd->name, fd->name_len,
             what[0] == 't' ? "member is not allowed for this tag value"
                            : "member is not allowed for this shape");
    }
    frame->field = saved;
    /* a member never seen was never written: still empty from init */
    hook_clear_fields(rec, base, written & ~(members | keep));
}

/* An envelope knows its variant and has seen its body's end. */
static void resolve_body(hook_parser *p, hook_frame *env, hook_pos at)
{
    const hook_record *rec = env->record;
    const hook_field *body = &rec->fields[rec->body_field];
    const hook_variant *v;

    if (env->variant < 0) {
        /* an open tag's unknown value: the body's shape is unknown too */
        memset(env->base + body->value, 0, body->size);
        return;
    }
    v = &rec->variants[env->variant];
    if (v->body == HOOK_BODY_NONE) {
        int32_t saved = env->field;
        env->field = rec->body_field;
        if (rec->reject_unknown)
            hold(p, HOOK_UNKNOWN_MEMBER, at, NULL, 0,
                 "member is not allowed for this tag value");
        env->field = saved;
        clear_field(body, env->base);
        return;
    }
    check_members(p, env, body->record, env->base + body->value,
                  env->body_seen, env->body_seen, v->members, v->required,
                  rec->body_field, 0, at, "tag");
}

/* A union decided by present members: exactly one alternative's keys. */
static void choose_alternative(hook_parser *p, hook_frame *f, hook_pos at)
{
    const hook_record *rec = f->record;
    int chosen = -1, n = 0, stored;
    uint16_t i;

    for (i = 0; i < rec->alternative_count; i++) {
        if (f->seen & rec->alternatives[i].keys) {
            if (chosen < 0)
                chosen = i;
            n++;
        }
    }
    if (n == 0) {
        hold(p, HOOK_MISSING, at, NULL, 0,
             "no member says which shape this object has");
        return;
    }
    if (n > 1) {
        hold(p, HOOK_VALUE, at, NULL, 0,
             "members of more than one shape are present");
        return;
    }
    stored = chosen + 1;
    memcpy(f->base + rec->chosen, &stored, sizeof stored);
    check_members(p, f, rec, f->base, f->seen, f->seen,
                  rec->alternatives[chosen].members,
                  rec->alternatives[chosen].required, -1, 0, at, "shape");
}

/* False when a union of shapes chose a shape without the record's tag. */
static int shape_has_tag(const hook_frame *f)
{
    const hook_record *rec = f->record;
    int chosen;

    if (rec->alternative_count == 0)
        return 1;
    memcpy(&chosen, f->base + rec->chosen, sizeof chosen);
    return chosen > 0 && chosen <= rec->alternative_count &&
           (rec->alternatives[chosen - 1].members >> rec->tag_field & 1);
}

/* The '}' of a record's object: required members, then union work. */
static void close_record(hook_parser *p, hook_pos at)
{
    hook_frame *f = top(p);
    const hook_record *rec = f->record;
    uint64_t missing = rec->required & ~f->seen;

    if (!p->doomed && missing) {
        const hook_field *fd = &rec->fields[lowest_bit(missing)];
        hold(p, HOOK_MISSING, at, fd->name, fd->name_len,
             "required member is missing");
    }
    /* A union of shapes is decided first: a tag belongs to one shape,
     * and is not checked when another shape was chosen. */
    if (!p->doomed && rec->alternative_count > 0)
        choose_alternative(p, f, at);
    if (!p->doomed && rec->tag_field >= 0 && shape_has_tag(f)) {
        uint64_t tag_bit = (uint64_t)1 << rec->tag_field;
        if (rec->body_field < 0 && f->variant >= 0) {
            const hook_variant *v = &rec->variants[f->variant];
            check_members(p, f, rec, f->base, f->seen & ~tag_bit, f->seen,
                          v->members, v->required, -1, tag_bit, at, "tag");
        } else if (rec->body_field < 0 && f->variant == -2) {
            check_members(p, f, rec, f->base, 0, f->seen, 0, 0, -1, tag_bit,
                          at, "tag");
        } else if (rec->body_field >= 0 && f->variant >= 0 &&
                   !f->body_done &&
                   rec->variants[f->variant].body == HOOK_BODY_REQUIRED) {
            const hook_field *fd = &rec->fields[rec->body_field];
            hold(p, HOOK_MISSING, at, fd->name, fd->name_len,
                 "required member is missing for this tag value");
        }
    }
    p->nframes--;
    if (p->nframes == 0 || p->doomed)
        return;

    f = top(p);
    if (f->record && f->record->body_field >= 0 &&
        f->field == f->record->body_field) {
        f->body_done = 1;
        f->body_seen = p->frames[p->nframes].seen;
        if (f->variant != -1)
            resolve_body(p, f, at);
    }
}

/* A member name of a record, complete. */
static void take_key(hook_parser *p)
{
    hook_frame *f = top(p);
    const hook_record *rec = f->record;
    int idx = -1;

    if (p->key_len <= HOOK_MAX_KEY)
        idx = rec->lookup((const char *)p->key, p->key_len);
    if (idx < 0) {
        f->field = -2;
        if (rec->reject_unknown)
            hold(p, HOOK_UNKNOWN_MEMBER, p->start, NULL, 0,
                 "member is not allowed here");
        return;
    }
    f->field = idx;
    if (f->seen >> idx & 1) {
        hold(p, HOOK_DUPLICATE, p->start, NULL, 0, "member appears twice");
        return;
    }
    f->seen |= (uint64_t)1 << idx;
    if (rec->fields[idx].flags & HOOK_F_OPTIONAL)
        set_flag(f->base, rec->fields[idx].present);
}

static const char *expected_text(const hook_field *fd)
{
    switch ((hook_type)fd->type) {
    case HOOK_T_STRING:
    case HOOK_T_ENUM:
        return "expected a string";
    case HOOK_T_EMAIL:
        return "expected an e-mail address string";
    case HOOK_T_BOOL:
        return "expected true or false";
    case HOOK_T_UUID:
        return "expected a uuid string";
    case HOOK_T_DATETIME:
        return "expected a date-time string";
    case HOOK_T_TAG:
        return "expected a tag string";
    case HOOK_T_RECORD:
    case HOOK_T_BODY:
        return "expected an object";
    case HOOK_T_INT:
        return "expected an integer";
    case HOOK_T_DECIMAL:
        return "expected a number";
    case HOOK_T_ARRAY:
        return "expected an array";
    }
    return "unexpected value";
}

/* The field a value about to start belongs to, or NULL to skip it; sets
 * p->field_base to the storage the field's offsets count from. */
static const hook_field *value_field(hook_parser *p)
{
    hook_frame *f = p->doomed ? NULL : current(p);
    const hook_field *arr;

    if (!f)
        return NULL;
    if (f->record) {
        const hook_field *fd;
        if (f->field < 0)
            return NULL;
        fd = &f->record->fields[f->field];
        /* an open tag named a variant nobody knows: skip its body, or
         * the members beside an inline tag */
        if (f->variant == -2 &&
            (fd->type == HOOK_T_BODY ||
             (f->record->body_field < 0 && fd->type != HOOK_T_TAG)))
            return NULL;
        p->field_base = f->base;
        return fd;
    }

    arr = f->array;
    if (f->count >= arr->max_count) {
        char msg[HOOK_MESSAGE_MAX];
        text m = {msg, sizeof msg, 0};
        text_str(&m, "array has more than ");
        text_uint(&m, arr->max_count);
        text_str(&m, " elements");
        hold(p, HOOK_TOO_MANY, p->start, NULL, 0, msg);
        return NULL;
    }
    /* a slot past the count may hold an earlier document's element:
     * hook_init empties only the count */
    p->field_base = f->base + arr->value;
    if (!(arr->flags & HOOK_F_STREAM))
        p->field_base += (size_t)f->count * arr->element_size;
    memset(p->field_base, 0, arr->element_size);
    return arr->element;
}

static void type_error(hook_parser *p, const hook_field *fd, int is_null)
{
    hold(p, HOOK_TYPE, p->start, NULL, 0,
         is_null ? "null is not allowed here" : expected_text(fd));
}

/* An element of a tracked array is complete and valid. */
static void element_done(hook_parser *p, hook_frame *f)
{
    const hook_field *arr = f->array;
    uint32_t i;

    f->count++;
    memcpy(f->base + arr->length, &f->count, sizeof f->count);
    if (!(arr->flags & HOOK_F_STREAM))
        return;
    for (i = 0; i < p->ncallbacks; i++) {
        if (p->callbacks[i].array != arr)
            continue;
        if (p->callbacks[i].fn(p->callbacks[i].ctx, f->base + arr->value,
                               f->count - 1) != 0) {
            set_error(p, HOOK_STOPPED, p->start, NULL, 0,
                      "an element callback stopped parsing");
            p->stopped = 1;
            p->doomed = 1;
            memset(p->out, 0, p->out_size);
        }
        return;
    }
}

int hook_on_elements(hook_parser *p, const hook_field *array,
                     hook_element_fn fn, void *ctx)
{
    if (p->ncallbacks == HOOK_MAX_CALLBACKS)
        return -1;
    p->callbacks[p->ncallbacks].array = array;
    p->callbacks[p->ncallbacks].fn = fn;
    p->callbacks[p->ncallbacks].ctx = ctx;
    p->ncallbacks++;
    return 0;
}

/* --- values ----------------------------------------------------------- */

static void begin_string(hook_parser *p, int role, unsigned char *dst,
                         uint32_t cap)
{
    p->lex = LX_STRING;
    p->role = (uint8_t)role;
    p->str_dst = dst;
    p->str_cap = cap;
    p->str_len = 0;
    p->high_surrogate = 0;
}

static void put_bytes(hook_parser *p, const unsigned char *s, size_t n)
{
    size_t room = p->str_len < p->str_cap ? p->str_cap - p->str_len : 0;
    size_t take = n < room ? n : room;

    if (take && p->str_dst)
        memcpy(p->str_dst + p->str_len, s, take);
    p->str_len += (uint32_t)take;
    if (n > take && p->str_len == p->str_cap)
        p->str_len = p->str_cap + 1; /* over the bound: remembered */
}

static void put_code_point(hook_parser *p, uint32_t cp)
{
    unsigned char b[4];

    put_bytes(p, b, hook_utf8_encode(cp, b));
}

/* A value has ended: back to the container, or to the document's end.
 * In a record the member is done; in a tracked array, an element. */
static void end_value(hook_parser *p)
{
    hook_frame *f;

    p->lex = LX_NONE;
    p->field = NULL;
    if (p->over) {
        p->state = ST_LAX;
        return;
    }
    p->state = p->depth == 0 ? ST_END : ST_AFTER;
    f = current(p);
    if (!f)
        return;
    if (f->record)
        f->field = -1;
    else if (!p->doomed)
        element_done(p, f);
}

static void too_long(hook_parser *p, uint32_t bound)
{
    char msg[HOOK_MESSAGE_MAX];
    text m = {msg, sizeof msg, 0};

    text_str(&m, "string is longer than ");
    text_uint(&m, bound);
    text_str(&m, " bytes");
    hold(p, HOOK_TOO_LONG, p->start, NULL, 0, msg);
}

/* Stores the text of an open enum or tag value: it is kept even when
 * the value is known, so that the output does not depend on it. */
static int store_text(hook_parser *p, const hook_field *fd,
                      unsigned char *base, const unsigned char *s,
                      uint32_t len)
{
    if (len > fd->max_len) {
        too_long(p, fd->max_len);
        return 0;
    }
    if (s != base + fd->text)
        memcpy(base + fd->text, s, len);
    base[fd->text + len] = '\0';
    memcpy(base + fd->length, &len, sizeof len);
    return 1;
}

static void finish_string_field(hook_parser *p)
{
    const hook_field *fd = p->field;
    unsigned char *base = p->field_base;
    uint32_t len = p->str_len;

    if (len > fd->max_len) {
        too_long(p, fd->max_len);
        return;
    }
    base[fd->value + len] = '\0';
    memcpy(base + fd->length, &len, sizeof len);
    if (fd->type == HOOK_T_EMAIL &&
        !hook_check_email((const char *)base + fd->value, len))
        hold(p, HOOK_VALUE, p->start, NULL, 0, "not a valid e-mail address");
}

/* A uuid or date-time field's text `s` of `n` bytes, converted into
 * `dst`; 0, and nothing stored, when it is not one. */
static int store_converted(const hook_field *fd, unsigned char *dst,
                           const char *s, size_t n)
{
    if (n > HOOK_SCRATCH)
        return 0;
    if (fd->type == HOOK_T_UUID) {
        hook_uuid u;
        if (!hook_parse_uuid(s, n, &u))
            return 0;
        memcpy(dst, &u, sizeof u);
    } else {
        hook_datetime dt;
        if (!hook_parse_datetime(s, n, &dt))
            return 0;
        memcpy(dst, &dt, sizeof dt);
    }
    return 1;
}

static void finish_scratch(hook_parser *p)
{
    const hook_field *fd = p->field;

    if (!store_converted(fd, p->field_base + fd->value,
                         (const char *)p->scratch, p->str_len))
        hold(p, HOOK_VALUE, p->start, NULL, 0,
             fd->type == HOOK_T_UUID
                 ? "not a valid uuid (8-4-4-4-12 hex digits)"
                 : "not a valid RFC 3339 date-time");
}

static void finish_tag(hook_parser *p)
{
    hook_frame *f = top(p);
    const hook_record *rec = f->record;
    const hook_field *fd = p->field;
    int v = -1, stored;

    if (p->str_len <= HOOK_MAX_KEY)
        v = rec->variant_lookup((const char *)p->key, p->str_len);
    if ((fd->flags & HOOK_F_OPEN) &&
        !store_text(p, fd, f->base, p->key, p->str_len))
        return;
    if (v < 0 && !(fd->flags & HOOK_F_OPEN)) {
        hold(p, HOOK_UNKNOWN_TAG, p->start, NULL, 0, "unknown tag value");
        return;
    }
    /* an open tag's unknown value is variant -2: no shape to check */
    f->variant = v < 0 ? -2 : v;
    stored = v + 1;
    memcpy(f->base + fd->value, &stored, sizeof stored);
    if (rec->body_field >= 0 && f->body_done)
        resolve_body(p, f, p->start);
}

static void finish_enum(hook_parser *p)
{
    const hook_field *fd = p->field;
    unsigned char *base = p->field_base;
    int open = (fd->flags & HOOK_F_OPEN) != 0;
    uint32_t cap = open ? fd->max_len : HOOK_MAX_KEY;
    const unsigned char *s = open ? base + fd->text : p->key;
    int idx = -1;

    if (p->str_len <= cap)
        idx = fd->enumeration->lookup((const char *)s, p->str_len);
    if (open && !store_text(p, fd, base, s, p->str_len))
        return;
    if (idx < 0 && !open) {
        hold(p, HOOK_VALUE, p->start, NULL, 0, "not one of the allowed values");
        return;
    }
    idx++;
    memcpy(base + fd->value, &idx, sizeof idx);
}

static void text_int(text *t, int64_t v)
{
    if (v < 0) {
        text_str(t, "-");
        text_uint(t, (uint64_t)0 - (uint64_t)v);
    } else {
        text_uint(t, (uint64_t)v);
    }
}

/* The digits read, with their sign, when they fit in an int64_t
 * (checked by the caller): no conversion here is out of range. */
static int64_t signed_digits(const hook_parser *p)
{
    if (!p->num_neg)
        return (int64_t)p->num;
    if (p->num == (uint64_t)INT64_MAX + 1)
        return INT64_MIN;
    return -(int64_t)p->num;
}

/* A number read into an INT or DECIMAL field is complete. Its digits
 * were gathered as they came; nothing here can overflow. */
static void finish_number(hook_parser *p)
{
    const hook_field *fd = p->field;
    unsigned char *dst = p->field_base + fd->value;
    const uint64_t limit = (uint64_t)INT64_MAX + p->num_neg;

    if (fd->type == HOOK_T_INT) {
        int64_t v;
        if (p->num_real) {
            hold(p, HOOK_VALUE, p->start, NULL, 0,
                 "expected an integer, without fraction or exponent");
            return;
        }
        v = p->num_over || p->num > limit ? 0 : signed_digits(p);
        if (p->num_over || p->num > limit || v < fd->min || v > fd->max) {
            char msg[HOOK_MESSAGE_MAX];
            text m = {msg, sizeof msg, 0};
            text_str(&m, "integer out of range [");
            text_int(&m, fd->min);
            text_str(&m, ", ");
            text_int(&m, fd->max);
            text_str(&m, "]");
            hold(p, HOOK_VALUE, p->start, NULL, 0, msg);
            return;
        }
        memcpy(dst, &v, sizeof v);
    } else {
        int64_t mantissa;
        int32_t exponent;
        int64_t exp = (p->num_exp_neg ? -(int64_t)p->num_exp
                                      : (int64_t)p->num_exp) -
                      (int64_t)p->num_frac;
        if (p->num_over || p->num > limit) {
            hold(p, HOOK_VALUE, p->start, NULL, 0,
                 "decimal has more digits than 63 bits hold");
            return;
        }
        if (exp < -HOOK_DECIMAL_EXP || exp > HOOK_DECIMAL_EXP) {
            hold(p, HOOK_VALUE, p->start, NULL, 0,
                 "decimal exponent is out of range");
            return;
        }
        /* member by member: copying a whole struct would also copy its
         * tail padding, stack bytes that differ from run to run, and
         * equal inputs would decode to outputs that compare unequal */
        mantissa = signed_digits(p);
        exponent = (int32_t)exp;
        memcpy(dst + offsetof(hook_decimal, mantissa), &mantissa,
               sizeof mantissa);
        memcpy(dst + offsetof(hook_decimal, exponent), &exponent,
               sizeof exponent);
    }
}

static void end_string(hook_parser *p)
{
    /* tests in order of frequency, not a switch: a jump table's indirect
     * branch is predicted worse on these alternating roles */
    int role = p->role;

    if (role == R_KEY) {
        p->lex = LX_NONE;
        p->state = ST_COLON;
        p->key_len = p->str_len;
        take_key(p);
        return;
    }
    if (role == R_SKIP_KEY) {
        p->lex = LX_NONE;
        if (p->over) {
            p->state = ST_LAX;
        } else {
            p->state = ST_COLON;
            if (in_record(p))
                top(p)->field = -1;
        }
        return;
    }
    if (role == R_FIELD)
        finish_string_field(p);
    else if (role == R_SCRATCH)
        finish_scratch(p);
    else if (role == R_TAG)
        finish_tag(p);
    else if (role == R_ENUM)
        finish_enum(p);
    end_value(p);
}

/* The first byte of a value: sets up the lexer and, when the value
 * belongs to a field, checks that its JSON type fits the field. */
static hook_code begin_value(hook_parser *p, unsigned char c,
                             uint64_t offset)
{
    const hook_field *fd;
    int root = p->depth == 0 && p->over == 0 && !p->doomed;

    p->start = pos_at(p, offset);
    fd = value_field(p);
    p->field = fd;

    switch (c) {
    case '"':
        if (root)
            hold(p, HOOK_TYPE, p->start, NULL, 0,
                 "expected an object at the top level");
        if (!fd) {
            begin_string(p, R_SKIP_VALUE, NULL, 0);
        } else if (fd->type == HOOK_T_STRING || fd->type == HOOK_T_EMAIL) {
            begin_string(p, R_FIELD, p->field_base + fd->value, fd->max_len);
        } else if (fd->type == HOOK_T_UUID || fd->type == HOOK_T_DATETIME) {
            begin_string(p, R_SCRATCH, p->scratch, HOOK_SCRATCH);
        } else if (fd->type == HOOK_T_TAG) {
            begin_string(p, R_TAG, p->key, HOOK_MAX_KEY);
        } else if (fd->type == HOOK_T_ENUM && (fd->flags & HOOK_F_OPEN)) {
            begin_string(p, R_ENUM, p->field_base + fd->text, fd->max_len);
        } else if (fd->type == HOOK_T_ENUM) {
            begin_string(p, R_ENUM, p->key, HOOK_MAX_KEY);
        } else {
            type_error(p, fd, 0);
            begin_string(p, R_SKIP_VALUE, NULL, 0);
        }
        return HOOK_OK;
    case 't':
    case 'f':
    case 'n':
        p->lex = LX_LITERAL;
        p->lit = c == 't' ? L_TRUE : c == 'f' ? L_FALSE : L_NULL;
        p->sub = 1;
        if (root)
            hold(p, HOOK_TYPE, p->start, NULL, 0,
                 "expected an object at the top level");
        if (fd && c == 'n' &&
            (!(fd->flags & HOOK_F_NULLABLE) || fd->type == HOOK_T_TAG ||
             fd->type == HOOK_T_BODY))
            type_error(p, fd, 1);
        else if (fd && c != 'n' && fd->type != HOOK_T_BOOL)
            type_error(p, fd, 0);
        return HOOK_OK;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        p->lex = LX_NUMBER;
        p->sub = c == '-' ? N_MINUS : c == '0' ? N_ZERO : N_INT;
        p->num = c == '-' ? 0 : (uint64_t)(c - '0');
        p->num_exp = 0;
        p->num_frac = 0;
        p->num_neg = c == '-';
        p->num_exp_neg = 0;
        p->num_over = 0;
        p->num_real = 0;
        if (root)
            hold(p, HOOK_TYPE, p->start, NULL, 0,
                 "expected an object at the top level");
        if (fd && fd->type != HOOK_T_INT && fd->type != HOOK_T_DECIMAL)
            type_error(p, fd, 0);
        return HOOK_OK;
    case '{':
        if (root)
            push_record(p, p->root, p->out, p->start);
        else if (fd && (fd->type == HOOK_T_RECORD ||
                        fd->type == HOOK_T_BODY))
            push_record(p, fd->record, p->field_base + fd->value, p->start);
        else if (fd)
            type_error(p, fd, 0);
        return HOOK_OK;
    case '[':
        if (root)
            hold(p, HOOK_TYPE, p->start, NULL, 0,
                 "expected an object at the top level");
        if (fd && fd->type == HOOK_T_ARRAY)
            push_array(p, fd, p->field_base, p->start);
        else if (fd)
            type_error(p, fd, 0);
        return HOOK_OK;
    default:
        return fail(p, HOOK_SYNTAX, offset, "expected a value");
    }
}

/* A literal's last byte has been read. */
static void end_literal(hook_parser *p)
{
    const hook_field *fd = p->field;

    if (fd && !p->doomed) {
        if (p->lit == L_NULL)
            set_flag(p->field_base, fd->is_null);
        else
            p->field_base[fd->value] = p->lit == L_TRUE;
    }
    end_value(p);
}

/* --- containers --------------------------------------------------------- */

static void open_container(hook_parser *p, unsigned char c, uint64_t offset)
{
    if (p->over || p->depth == HOOK_MAX_DEPTH) {
        if (p->over == 0)
            hold(p, HOOK_TOO_DEEP, pos_at(p, offset), NULL, 0,
                 "nesting is deeper than HOOK_MAX_DEPTH (64)");
        p->over++;
        p->state = ST_LAX;
        return;
    }
    if (c == '{')
        p->kinds |= (uint64_t)1 << p->depth;
    else
        p->kinds &= ~((uint64_t)1 << p->depth);
    p->depth++;
    p->state = c == '{' ? ST_OBJECT_FIRST : ST_ARRAY_FIRST;
}

static hook_code close_container(hook_parser *p, unsigned char c,
                                 uint64_t offset)
{
    int is_object = (int)(p->kinds >> (p->depth - 1) & 1);

    if (is_object != (c == '}'))
        return fail(p, HOOK_SYNTAX, offset,
                    is_object ? "expected ',' or '}'" : "expected ',' or ']'");
    if (is_object && in_record(p))
        close_record(p, pos_at(p, offset));
    else if (!is_object && current(p))
        p->nframes--; /* a tracked array; its count is stored */
    p->depth--;
    end_value(p);
    return HOOK_OK;
}

/* --- the byte loop -------------------------------------------------- */


/* An escape sequence lying whole in [s, end), s at its '\', decoded as
 * the escape states would decode it. Returns its length, or 0 to leave
 * it to those states: it is cut short, invalid, or a surrogate not
 * paired within the bytes at hand. */
static size_t whole_escape(hook_parser *p, const unsigned char *s,
                           const unsigned char *end)
{
    uint32_t cp;
    size_t n = hook_escape(s, end, &cp);

    if (n > 0)
        put_code_point(p, cp);
    return n;
}

/* One byte inside a string (not the fast path's plain ASCII). Returns
 * HOOK_OK or a syntax-class error. */
static hook_code string_byte(hook_parser *p, unsigned char c,
                             uint64_t offset)
{
    int h;

    switch (p->lex) {
    case LX_STRING:
        if (c == '"') {
            end_string(p);
            return HOOK_OK;
        }
        if (c == '\\') {
            p->lex = LX_ESCAPE;
            return HOOK_OK;
        }
        if (c < 0x20)
            return fail(p, HOOK_SYNTAX, offset,
                        "control character in string (escape it)");
        if (c < 0x80) {
            put_bytes(p, &c, 1);
            return HOOK_OK;
        }
        p->utf8_need = (uint8_t)hook_utf8_lead(c, &p->utf8_lo, &p->utf8_hi);
        if (p->utf8_need == 0)
            return fail(p, HOOK_ENCODING, offset, "invalid UTF-8 byte");
        put_bytes(p, &c, 1);
        p->lex = LX_UTF8;
        return HOOK_OK;

    case LX_UTF8:
        if (c < p->utf8_lo || c > p->utf8_hi)
            return fail(p, HOOK_ENCODING, offset, "invalid UTF-8 sequence");
        put_bytes(p, &c, 1);
        p->line_cont++;
        p->utf8_lo = 0x80;
        p->utf8_hi = 0xBF;
        if (--p->utf8_need == 0)
            p->lex = LX_STRING;
        return HOOK_OK;

    case LX_ESCAPE:
        p->lex = LX_STRING;
        if ((h = hook_escape_byte(c)) >= 0) {
            unsigned char b = (unsigned char)h;
            put_bytes(p, &b, 1);
            return HOOK_OK;
        }
        if (c == 'u') {
            p->lex = LX_HEX;
            p->hex = 0;
            p->hex_count = 0;
            return HOOK_OK;
        }
        return fail(p, HOOK_SYNTAX, offset, "invalid escape sequence");

    case LX_HEX:
        h = hook_hex_table[c];
        if (h == 16)
            return fail(p, HOOK_SYNTAX, offset, "expected a hex digit in \\u");
        p->hex = p->hex << 4 | (uint32_t)h;
        if (++p->hex_count < 4)
            return HOOK_OK;
        p->lex = LX_STRING;
        if (p->high_surrogate) {
            if (p->hex < 0xDC00 || p->hex > 0xDFFF)
                return fail(p, HOOK_ENCODING, offset,
                            "high surrogate not followed by a low surrogate");
            put_code_point(p, hook_surrogate_pair(p->high_surrogate, p->hex));
            p->high_surrogate = 0;
        } else if (p->hex >= 0xD800 && p->hex <= 0xDBFF) {
            p->high_surrogate = p->hex;
            p->lex = LX_SURR_BS;
        } else if (p->hex >= 0xDC00 && p->hex <= 0xDFFF) {
            return fail(p, HOOK_ENCODING, offset,
                        "low surrogate without a high surrogate");
        } else {
            put_code_point(p, p->hex);
        }
        return HOOK_OK;

    case LX_SURR_BS:
    case LX_SURR_U:
        if (c != (p->lex == LX_SURR_BS ? '\\' : 'u'))
            return fail(p, HOOK_ENCODING, offset,
                        "high surrogate not followed by a low surrogate");
        if (p->lex == LX_SURR_BS) {
            p->lex = LX_SURR_U;
        } else {
            p->lex = LX_HEX;
            p->hex = 0;
            p->hex_count = 0;
        }
        return HOOK_OK;
    }
    return HOOK_OK;
}

/* A digit of the number being read: kept as long as it fits, for INT
 * and DECIMAL fields; skipped numbers do the same cheap work. */
static void number_digit(hook_parser *p, unsigned char c)
{
    uint64_t d = (uint64_t)(c - '0');

    if (p->sub == N_EXP || p->sub == N_E || p->sub == N_ESIGN) {
        if (p->num_exp < 100000000u)
            p->num_exp = p->num_exp * 10 + (uint32_t)d;
        return;
    }
    if (p->num > (UINT64_MAX - d) / 10)
        p->num_over = 1;
    else
        p->num = p->num * 10 + d;
    if ((p->sub == N_DOT || p->sub == N_FRAC) && p->num_frac < 100000000u)
        p->num_frac++;
}

/* The number has ended (at a byte that is not part of it). */
static void end_number(hook_parser *p)
{
    if (p->field && !p->doomed)
        finish_number(p);
    end_value(p);
}

/* One byte of a number. Returns 1 when the byte is not part of the
 * number (which has then ended and the byte must be read again), 0 when
 * consumed, -1 on a syntax error. */
static int number_byte(hook_parser *p, unsigned char c, uint64_t offset)
{
    int digit = c >= '0' && c <= '9';

    if (digit)
        number_digit(p, c);
    switch (p->sub) {
    case N_MINUS:
        if (!digit)
            break;
        p->sub = c == '0' ? N_ZERO : N_INT;
        return 0;
    case N_ZERO:
    case N_INT:
        if (digit && p->sub == N_INT)
            return 0;
        if (digit) {
            fail(p, HOOK_SYNTAX, offset, "leading zero in number");
            return -1;
        }
        if (c == '.') {
            p->sub = N_DOT;
            p->num_real = 1;
            return 0;
        }
        if (c == 'e' || c == 'E') {
            p->sub = N_E;
            p->num_real = 1;
            return 0;
        }
        end_number(p);
        return 1;
    case N_DOT:
        if (!digit)
            break;
        p->sub = N_FRAC;
        return 0;
    case N_FRAC:
        if (digit)
            return 0;
        if (c == 'e' || c == 'E') {
            p->sub = N_E;
            return 0;
        }
        end_number(p);
        return 1;
    case N_E:
        if (c == '+' || c == '-') {
            p->sub = N_ESIGN;
            p->num_exp_neg = c == '-';
            return 0;
        }
        if (!digit)
            break;
        p->sub = N_EXP;
        return 0;
    case N_ESIGN:
        if (!digit)
            break;
        p->sub = N_EXP;
        return 0;
    case N_EXP:
        if (digit)
            return 0;
        end_number(p);
        return 1;
    }
    fail(p, HOOK_SYNTAX, offset, "incomplete number");
    return -1;
}

/* The opening quote of a member name at `offset`. */
static void begin_key(hook_parser *p, uint64_t offset)
{
    p->start = pos_at(p, offset);
    if (!p->doomed && in_record(p))
        begin_string(p, R_KEY, p->key, HOOK_MAX_KEY);
    else
        begin_string(p, R_SKIP_KEY, NULL, 0);
}

/* One structural byte (outside any token). */
static HOOK_INLINE hook_code structural_byte(hook_parser *p, unsigned char c,
                                             uint64_t offset)
{
    switch (p->state) {
    case ST_VALUE:
    case ST_ARRAY_FIRST:
        if (c == ']' && p->state == ST_ARRAY_FIRST)
            return close_container(p, c, offset);
        if (c == '{' || c == '[') {
            hook_code rc = begin_value(p, c, offset);
            open_container(p, c, offset);
            return rc;
        }
        return begin_value(p, c, offset);

    case ST_OBJECT_FIRST:
    case ST_KEY:
        if (c == '}' && p->state == ST_OBJECT_FIRST)
            return close_container(p, c, offset);
        if (c != '"')
            return fail(p, HOOK_SYNTAX, offset,
                        p->state == ST_KEY ? "expected a member name"
                                           : "expected a member name or '}'");
        begin_key(p, offset);
        return HOOK_OK;

    case ST_COLON:
        if (c != ':')
            return fail(p, HOOK_SYNTAX, offset, "expected ':'");
        p->state = ST_VALUE;
        return HOOK_OK;

    case ST_AFTER:
        if (c == ',') {
            p->state = p->kinds >> (p->depth - 1) & 1 ? ST_KEY : ST_VALUE;
            return HOOK_OK;
        }
        if (c == '}' || c == ']')
            return close_container(p, c, offset);
        return fail(p, HOOK_SYNTAX, offset,
                    p->kinds >> (p->depth - 1) & 1 ? "expected ',' or '}'"
                                                   : "expected ',' or ']'");

    case ST_END:
        return fail(p, HOOK_SYNTAX, offset,
                    "unexpected data after the top-level value");

    case ST_LAX:
        /* Past the depth limit the verdict is already a rejection; the
         * value is read to its end so the error can be reported once the
         * document is known to be complete. Brackets are counted, tokens
         * are lexed, but the order of ',' and ':' is not checked. */
        if (c == '{' || c == '[') {
            p->over++;
            return HOOK_OK;
        }
        if (c == '}' || c == ']') {
            if (--p->over == 0)
                end_value(p);
            return HOOK_OK;
        }
        if (c == ',' || c == ':')
            return HOOK_OK;
        return begin_value(p, c, offset);
    }
    return HOOK_OK;
}

/* After a string has ended: what usually follows it, read here without
 * going round the byte loop. After a member name, its ':' and the
 * opening quote of a string value; after a member's value, the ',' and
 * the opening quote of the next member name. Spaces may lie between
 * them. Anything else (other whitespace, another kind of value, an
 * error) is left to the loop, which reads it the same way. */
static HOOK_INLINE const unsigned char *
next_string(hook_parser *p, const unsigned char *s, const unsigned char *end,
            const unsigned char *begin, uint64_t base)
{
    uint64_t at;

    while (s < end && *s == ' ')
        s++;
    if (s == end || p->stopped)
        return s;
    if (p->state == ST_COLON && *s == ':')
        p->state = ST_VALUE;
    else if (p->state == ST_AFTER && *s == ',' &&
             (p->kinds >> (p->depth - 1) & 1))
        p->state = ST_KEY;
    else
        return s;
    do
        s++;
    while (s < end && *s == ' ');
    if (s == end || *s != '"')
        return s;
    if (!p->doomed && in_record(p))
        return s; /* the loop tries whole_members first */
    at = base + (uint64_t)(s - begin);
    if (p->state == ST_KEY)
        begin_key(p, at);
    else
        (void)begin_value(p, '"', at);
    return s + 1;
}

/* --- whole members ------------------------------------------------- */

/*
 * Most members of a record lie whole within the input at hand: a plain
 * name, ':', and a string, boolean or null without escapes. For those the
 * byte-at-a-time lexer is bypassed: the name is looked up where it lies
 * and the value is checked and stored straight from the input. Nothing
 * is changed until a token has been read whole and found valid; then the
 * parser's state becomes what the lexer would have left, so the two
 * paths can take turns at any token boundary. Anything else - an escape,
 * a name that is unknown or repeated, a value that fails its check,
 * whitespace other than spaces - is left to the lexer, which reads it
 * from where this stopped and reports any error itself.
 *
 * A token cut by the end of a chunk is handed to the lexer with what was
 * scanned of it. (Keeping the member's start in the parser until the
 * next chunk completes it was tried: copying every chunk behind it was
 * measured slower than letting the lexer finish the member.)
 */

static const unsigned char *skip_spaces(const unsigned char *s,
                                        const unsigned char *end)
{
    while (s < end && *s == ' ')
        s++;
    return s;
}

/* A member name at s (its opening quote): when it is plain and names a
 * field not yet seen, the member is taken as take_key would take it and
 * the position after its ':' is returned. When the input ends first,
 * the lexer gets the name. Otherwise s, untouched. */
static const unsigned char *whole_key(hook_parser *p, hook_frame *f,
                                      const unsigned char *s,
                                      const unsigned char *end,
                                      uint64_t at)
{
    const hook_record *rec = f->record;
    const unsigned char *q = hook_scan_plain(s + 1, end), *t;
    size_t len = (size_t)(q - s - 1);
    int idx;

    if (q == end || *q != '"') {
        /* cut by the end, or an escape: the lexer goes on from q with
         * what was scanned */
        begin_key(p, at);
        put_bytes(p, s + 1, len);
        return q;
    }
    if (len > HOOK_MAX_KEY)
        return s;
    t = skip_spaces(q + 1, end);
    if (t == end || *t != ':')
        return s;
    idx = rec->lookup((const char *)s + 1, len);
    if (idx < 0 || (f->seen >> idx & 1))
        return s;
    f->field = idx;
    f->seen |= (uint64_t)1 << idx;
    if (rec->fields[idx].flags & HOOK_F_OPTIONAL)
        set_flag(f->base, rec->fields[idx].present);
    p->state = ST_VALUE;
    return skip_spaces(t + 1, end);
}

/* The value at s of the field f is reading: a string, boolean or null
 * that is whole and valid is stored, the member ends as end_value would
 * end it, and the position after the value is returned. A string cut by
 * the end is handled as in whole_key. Otherwise s, untouched. */
static const unsigned char *whole_value(hook_parser *p, hook_frame *f,
                                        const unsigned char *s,
                                        const unsigned char *end,
                                        uint64_t at)
{
    const hook_field *fd = &f->record->fields[f->field];
    unsigned char *base = f->base;
    const unsigned char *q;
    uint64_t cont = 0;
    size_t n;
    size_t lit;

    if (f->variant == -2) /* values an unknown variant skips */
        return s;
    if (*s == 't' || *s == 'f' || *s == 'n') {
        if (*s == 'n')
            lit = (fd->flags & HOOK_F_NULLABLE) && fd->type != HOOK_T_TAG &&
                          fd->type != HOOK_T_BODY
                      ? hook_literal(s, end, "null", 4)
                      : 0;
        else
            lit = fd->type == HOOK_T_BOOL
                      ? hook_literal(s, end, *s == 't' ? "true" : "false",
                                     *s == 't' ? 4 : 5)
                      : 0;
        if (lit == 0)
            return s;
        if (*s == 'n')
            set_flag(base, fd->is_null);
        else
            base[fd->value] = *s == 't';
        q = s + lit;
        goto done;
    }
    if (*s != '"')
        return s;
    q = hook_scan_text(s + 1, end, &cont);
    n = (size_t)(q - s - 1);
    if (q == end || *q != '"') {
        /* as in whole_key: the lexer reads the rest */
        (void)begin_value(p, '"', at);
        put_bytes(p, s + 1, n);
        p->line_cont += cont;
        return q;
    }
    switch ((hook_type)fd->type) {
    case HOOK_T_STRING:
    case HOOK_T_EMAIL:
        if (n > fd->max_len ||
            (fd->type == HOOK_T_EMAIL &&
             !hook_check_email((const char *)s + 1, n)))
            return s;
        memcpy(base + fd->value, s + 1, n);
        base[fd->value + n] = '\0';
        {
            uint32_t len = (uint32_t)n;
            memcpy(base + fd->length, &len, sizeof len);
        }
        break;
    case HOOK_T_UUID:
    case HOOK_T_DATETIME:
        if (!store_converted(fd, base + fd->value, (const char *)s + 1, n))
            return s;
        break;
    case HOOK_T_ENUM: {
        int idx;
        if ((fd->flags & HOOK_F_OPEN) || n > HOOK_MAX_KEY)
            return s;
        idx = fd->enumeration->lookup((const char *)s + 1, n);
        if (idx < 0)
            return s;
        idx++;
        memcpy(base + fd->value, &idx, sizeof idx);
        break;
    }
    case HOOK_T_TAG: {
        const hook_record *rec = f->record;
        int v = -1, stored;
        if (n <= HOOK_MAX_KEY)
            v = rec->variant_lookup((const char *)s + 1, n);
        /* a tag after its body is checked against it: left to the lexer,
         * which knows where the error would be */
        if ((rec->body_field >= 0 && f->body_done) ||
            ((fd->flags & HOOK_F_OPEN) ? n > fd->max_len : v < 0))
            return s;
        if (fd->flags & HOOK_F_OPEN)
            (void)store_text(p, fd, base, s + 1, (uint32_t)n);
        f->variant = v < 0 ? -2 : v;
        stored = v + 1;
        memcpy(base + fd->value, &stored, sizeof stored);
        break;
    }
    default:
        return s;
    }
    q++;
done:
    /* the value's start, as begin_value would have left it: a callback
     * that stops parsing is reported there */
    p->start = pos_at(p, at);
    p->line_cont += cont;
    f->field = -1;
    p->state = ST_AFTER;
    return q;
}

/* Whole members from s, where the lexer stands between tokens in the
 * object of a record; also the braces of records nested in it and the
 * commas between members. Returns where the lexer should go on. `begin`
 * is the chunk's first byte, at offset `base`. */
HOOK_NOINLINE
static const unsigned char *whole_members(hook_parser *p,
                                          const unsigned char *s,
                                          const unsigned char *end,
                                          const unsigned char *begin,
                                          uint64_t base)
{
    while (s < end) {
        hook_frame *f = current(p);
        uint64_t at = base + (uint64_t)(s - begin);
        const unsigned char *t;

        if (p->doomed || f == NULL || f->record == NULL)
            return s;
        switch (p->state) {
        case ST_OBJECT_FIRST:
            if (*s == '}')
                goto close;
            /* fall through */
        case ST_KEY:
            if (*s != '"')
                return s;
            t = whole_key(p, f, s, end, at);
            if (t == s || p->state != ST_VALUE)
                return t;
            break;
        case ST_VALUE:
            if (f->field < 0)
                return s;
            if (*s == '{') {
                uint8_t type = f->record->fields[f->field].type;
                if ((type != HOOK_T_RECORD && type != HOOK_T_BODY) ||
                    f->variant == -2)
                    return s;
                (void)begin_value(p, '{', at);
                open_container(p, '{', at);
                t = s + 1;
                break;
            }
            t = whole_value(p, f, s, end, at);
            if (t == s || p->state != ST_AFTER)
                return t;
            break;
        case ST_AFTER:
            if (*s == ',') {
                p->state = ST_KEY;
                t = s + 1;
                break;
            }
            if (*s != '}')
                return s;
        close:
            (void)close_container(p, '}', at);
            t = s + 1;
            break;
        default:
            return s;
        }
        s = skip_spaces(t, end);
    }
    return s;
}

/* The byte loop: everything hook_feed does not settle at once. It is
 * compiled twice (below): with `members`, it tries whole_members where a
 * member may start; without, for chunks too small to hold one, it does
 * not, and does not pay for that call's place in the loop either. */
static HOOK_INLINE hook_code byte_loop(hook_parser *p,
                                       const unsigned char *data, size_t len,
                                       int members)
{
    const unsigned char *begin = data, *s = data, *end = s + len;
    uint64_t base = p->offset;
    hook_code rc = HOOK_OK;
    hook_frame *f;
    while (s < end) {
        unsigned char c = *s;

        if (p->stopped) { /* an element callback said stop */
            p->offset = base + len;
            return p->error.code;
        }
        switch (p->lex) {
        case LX_NONE:
            if (hook_byte_class[c] & HOOK_C_SPACE) {
                do {
                    if (*s == '\n') {
                        p->line++;
                        p->line_start = base + (uint64_t)(s - begin) + 1;
                        p->line_cont = 0;
                    }
                    s++;
                } while (s < end && (hook_byte_class[*s] & HOOK_C_SPACE));
                continue;
            }
            if (members && !p->doomed && (f = current(p)) != NULL &&
                f->record != NULL) {
                const unsigned char *q = whole_members(p, s, end, begin, base);
                if (q != s) {
                    s = q;
                    continue;
                }
            }
            rc = structural_byte(p, c, base + (uint64_t)(s - begin));
            break;
        case LX_STRING: {
            /* fast path: plain ASCII, whole UTF-8 sequences and whole
             * escapes, and from one string to the next while only ':',
             * ',' and spaces lie between them */
            int slow = 0;
            for (;;) {
                const unsigned char *q = hook_scan_text(s, end, &p->line_cont);
                size_t n;
                put_bytes(p, s, (size_t)(q - s));
                s = q;
                if (s == end)
                    break;
                if (*s == '"') {
                    /* the common case: the string ends in this chunk */
                    end_string(p);
                    s = next_string(p, s + 1, end, begin, base);
                    if (p->lex != LX_STRING || s == end)
                        break;
                    continue;
                }
                if (*s == '\\' && (n = whole_escape(p, s, end)) > 0) {
                    s += n;
                    continue;
                }
                slow = 1; /* bad bytes, or an escape cut short */
                break;
            }
            if (!slow)
                continue;
            rc = string_byte(p, *s, base + (uint64_t)(s - begin));
            break;
        }
        case LX_NUMBER: {
            int r;
            if (c >= '0' && c <= '9' && !p->field &&
                (p->sub == N_INT || p->sub == N_FRAC || p->sub == N_EXP)) {
                while (s < end && *s >= '0' && *s <= '9')
                    s++;
                continue;
            }
            r = number_byte(p, c, base + (uint64_t)(s - begin));
            if (r > 0)
                continue; /* read the byte again, as structure */
            if (r < 0)
                rc = p->error.code;
            break;
        }
        case LX_LITERAL:
            if (c != (unsigned char)literal_text[p->lit][p->sub]) {
                rc = fail(p, HOOK_SYNTAX, base + (uint64_t)(s - begin),
                          "invalid literal");
                break;
            }
            if (++p->sub == literal_len[p->lit])
                end_literal(p);
            break;
        default:
            rc = string_byte(p, c, base + (uint64_t)(s - begin));
            break;
        }
        if (rc != HOOK_OK) {
            p->offset = base + len;
            return rc;
        }
        s++;
    }
    p->offset = base + len;
    return HOOK_OK;
}

/* Kept out of line, so that the small cases of hook_feed do not pay for
 * the loop's stack frame. */
HOOK_NOINLINE
static hook_code feed_loop(hook_parser *p, const unsigned char *data,
                           size_t len)
{
    return byte_loop(p, data, len, 1);
}

HOOK_NOINLINE
static hook_code feed_small(hook_parser *p, const unsigned char *data,
                            size_t len)
{
    return byte_loop(p, data, len, 0);
}

/* One byte, fed alone, that hook_feed's plain-string case did not take:
 * inside a string (its end, UTF-8 sequences, escapes) and between tokens
 * it goes straight to the byte loop's own per-byte steps, without the
 * loop; numbers, literals and whitespace that can start a line go round
 * the loop. */
HOOK_NOINLINE
static hook_code feed_one(hook_parser *p, unsigned char c)
{
    hook_code rc;

    switch (p->lex) {
    case LX_NONE:
        if (c == ' ') {
            rc = HOOK_OK;
            break;
        }
        if (hook_byte_class[c] & HOOK_C_SPACE)
            return feed_small(p, &c, 1);
        rc = structural_byte(p, c, p->offset);
        break;
    case LX_NUMBER:
    case LX_LITERAL:
        return feed_small(p, &c, 1);
    default:
        rc = string_byte(p, c, p->offset);
        break;
    }
    p->offset++;
    return rc;
}

hook_code hook_feed(hook_parser *p, const void *data, size_t len)
{
    const unsigned char *s = data;

    if (p->finished)
        return HOOK_USAGE;
    if (p->stopped)
        return p->error.code;
    if (len == 1 && p->lex == LX_STRING && (hook_byte_class[*s] & HOOK_C_PLAIN) &&
        p->str_len < p->str_cap) {
        /* fed a byte at a time, most bytes are plain string bytes within
         * their bound: one store, as put_bytes would do */
        if (p->str_dst)
            p->str_dst[p->str_len] = *s;
        p->str_len++;
        p->offset++;
        return HOOK_OK;
    }
    if (len == 1)
        return feed_one(p, *s);
    /* the shortest member, "":0, has four bytes */
    return len < 4 ? feed_small(p, s, len) : feed_loop(p, s, len);
}

hook_code hook_finish(hook_parser *p)
{
    if (p->finished)
        return p->error.code;
    p->finished = 1;
    if (p->stopped)
        return p->error.code;

    /* a number at the very end of the input ends there */
    if (p->lex == LX_NUMBER && p->depth == 0 && p->over == 0 &&
        (p->sub == N_ZERO || p->sub == N_INT || p->sub == N_FRAC ||
         p->sub == N_EXP))
        end_value(p);

    if (p->lex != LX_NONE) {
        const char *what = p->lex == LX_NUMBER    ? "input ended inside a number"
                           : p->lex == LX_LITERAL ? "input ended inside a literal"
                                                  : "input ended inside a string";
        return fail(p, HOOK_TRUNCATED, p->offset, what);
    }
    if (p->state != ST_END) {
        if (p->offset == 0 || (p->state == ST_VALUE && p->depth == 0 &&
                               !p->over))
            return fail(p, HOOK_TRUNCATED, p->offset,
                        "input holds no JSON value");
        return fail(p, HOOK_TRUNCATED, p->offset,
                    "input ended before the document was complete");
    }
    if (p->doomed) {
        memset(p->out, 0, p->out_size);
        return p->error.code;
    }
    return HOOK_OK;
}
