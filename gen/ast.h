/*
 * ast.h - the compiler's model of a schema.
 *
 * The parser builds it as written (every declaration, every modifier,
 * each with its position), so that check.c can report mistakes where
 * they are. check.c then resolves names and fills the derived parts
 * (marked "derived" below) that the emitters read.
 *
 * Everything is allocated from one arena and freed at once: the model
 * is built, checked, emitted and thrown away in a single run.
 */
#ifndef HOOKC_AST_H
#define HOOKC_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* --- memory -------------------------------------------------------- */

typedef struct hc_arena hc_arena;

hc_arena *hc_arena_new(void);
void hc_arena_free(hc_arena *arena);
void *hc_alloc(hc_arena *arena, size_t size); /* zeroed; never NULL */
char *hc_strndup(hc_arena *arena, const char *text, size_t len);
char *hc_sprintf(hc_arena *arena, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Prints "hookc: out of memory" and exits 1. */
void hc_out_of_memory(void);

/* A growable array of pointers kept in an arena. */
typedef struct hc_vec {
    void **items;
    size_t len;
    size_t cap;
} hc_vec;

void hc_vec_push(hc_arena *arena, hc_vec *vec, void *item);

/* A string-keyed hash map kept in an arena; keys are byte strings. */
typedef struct hc_map_entry hc_map_entry;
typedef struct hc_map {
    hc_map_entry **buckets;
    size_t nbuckets;
    size_t len;
} hc_map;

void *hc_map_get(const hc_map *map, const char *key, size_t len);
/* Adds key -> value unless the key is present; returns the value now
 * stored under the key (the old one when it was present). */
void *hc_map_put(hc_arena *arena, hc_map *map, const char *key, size_t len,
                 void *value);

/* --- the schema ---------------------------------------------------- */

typedef struct hc_pos {
    uint32_t line;   /* from 1 */
    uint32_t column; /* from 1, in characters */
} hc_pos;

/* A name as written: an identifier, or a quoted name after decoding its
 * escapes. Quoted names are valid UTF-8 with no control characters, so
 * `text` (NUL-terminated) never holds a NUL. */
typedef struct hc_name {
    const char *text;
    size_t len;
    hc_pos pos;
    bool quoted;
} hc_name;

typedef enum hc_type_kind {
    HC_TYPE_STRING,
    HC_TYPE_EMAIL,
    HC_TYPE_BOOL,
    HC_TYPE_UUID,
    HC_TYPE_DATETIME,
    HC_TYPE_RECORD, /* a name: a record or union (an enum once resolved) */
    HC_TYPE_INT,
    HC_TYPE_DECIMAL,
    HC_TYPE_ENUM,   /* derived from RECORD when the name is an enum */
    HC_TYPE_ARRAY
} hc_type_kind;

#define HC_DEFAULT_EMAIL_BOUND 254u
#define HC_MAX_STRING_BOUND 1048576u
#define HC_MAX_ARRAY_COUNT 1048576u
#define HC_MAX_ENUM_VALUES 1024u

typedef struct hc_record hc_record;
typedef struct hc_enum hc_enum;

/* An integer as written: its magnitude and sign, so that the checker
 * can say which literal does not fit in int64_t. */
typedef struct hc_int_lit {
    uint64_t magnitude;
    bool negative;
    hc_pos pos;
} hc_int_lit;

typedef struct hc_type {
    hc_type_kind kind;
    hc_pos pos;
    bool has_bound;      /* string(N) and email(N) */
    uint64_t bound;      /* as written, or the default */
    hc_pos bound_pos;
    hc_name record_name; /* RECORD, ENUM: the name as written */
    hc_record *record;   /* RECORD: derived */
    hc_enum *enumeration; /* ENUM: derived */
    /* INT: the range as written, and as int64_t (derived) */
    hc_int_lit min_lit, max_lit;
    int64_t min, max;
    /* a named type with open(N): an enum that keeps unknown values */
    bool open;
    uint64_t open_len;
    hc_pos open_pos;
    /* ARRAY: the element type and the most elements */
    struct hc_type *element;
    uint64_t count;
    hc_pos count_pos;
} hc_type;

enum hc_modifier {
    HC_MOD_OPTIONAL = 1u << 0,
    HC_MOD_NULLABLE = 1u << 1,
    HC_MOD_SECRET = 1u << 2,
    HC_MOD_STREAM = 1u << 3
};

/* Modifiers as written. Only the first repetition is kept: it is all
 * that check.c reports, and keeps memory bounded on silly input. */
typedef struct hc_modifiers {
    unsigned set;        /* hc_modifier bits */
    hc_pos secret_pos;
    hc_pos stream_pos;
    unsigned repeated;   /* the first repeated modifier, or 0 */
    hc_pos repeat_pos;
} hc_modifiers;

/* What a variant says about its body member (hookrt's hook_body_rule). */
typedef enum hc_body_rule {
    HC_BODY_REQUIRED, /* V: Record; */
    HC_BODY_OPTIONAL, /* V: Record optional; */
    HC_BODY_NONE      /* V; */
} hc_body_rule;

typedef struct hc_variant {
    hc_name name;  /* the tag value */
    hc_type body;  /* must name a record; unused when rule is NONE */
    hc_body_rule rule;
    hc_pos rule_pos;      /* of `optional` */
    /* derived */
    uint64_t members;     /* bit i: body member i is declared */
    uint64_t required;    /* bit i: ... and is not optional */
    const char *c_const;  /* PKG_TAG_VARIANT */
} hc_variant;

typedef enum hc_field_kind {
    HC_FIELD_MEMBER,
    HC_FIELD_TAG,
    HC_FIELD_BODY
} hc_field_kind;

struct hc_tag;

/* One entry of a field table as the runtime sees it (derived): a
 * record's member, a tag or a body, or a member merged from several
 * records (a body, an inline union, a presence union). */
typedef struct hc_field {
    hc_field_kind kind;
    const hc_name *name;     /* the JSON name */
    struct hc_member *member; /* MEMBER: its first declaration */
    struct hc_tag *tag;      /* TAG and BODY */
    hc_record *from;         /* the record that declares it */
    unsigned flags;          /* HC_MOD_* in force in this table */
    uint64_t variants;       /* bit v: variant v declares it */
    const hc_name *origin;   /* the variant or alternative bringing it */
    const char *c_name;
} hc_field;

/* A member of a tag's body: the union of the variants' members. */
typedef hc_field hc_body_member;

typedef struct hc_tag {
    hc_name tag;      /* JSON member holding the tag value */
    hc_name body;     /* JSON member holding the body (not inline) */
    hc_pos pos;       /* of the keyword */
    bool is_inline;   /* tag T inline { ... } */
    bool open;        /* tag T open(N) ...: unknown values are kept */
    uint64_t open_len;
    hc_pos open_pos;
    hc_vec variants;  /* hc_variant * */
    hc_record *owner; /* the record declaring it */
    /* derived */
    hc_vec body_members;   /* hc_field *: the body's, or the inline
                            * record's members after the tag */
    bool body_optional;    /* a variant's body is optional or none */
    bool reject_unknown;   /* the variants' shared policy */
    bool named;            /* C names given */
    const char *c_enum;    /* pkg_tag */
    const char *c_body;    /* pkg_record_body */
    const char *c_tag_member;
    const char *c_body_member;
} hc_tag;

typedef enum hc_member_kind {
    HC_MEMBER_FIELD,
    HC_MEMBER_TAG /* a tag: gives the record two JSON members */
} hc_member_kind;

typedef struct hc_member {
    hc_member_kind kind;
    hc_name name;       /* FIELD */
    hc_type type;       /* FIELD */
    hc_modifiers mods;  /* FIELD */
    hc_tag *tag;        /* TAG */
    const char *c_name; /* FIELD, derived */
} hc_member;

typedef enum hc_policy {
    HC_POLICY_DEFAULT, /* not written: inherit */
    HC_POLICY_SKIP,
    HC_POLICY_REJECT
} hc_policy;

typedef struct hc_policy_decl {
    hc_policy policy;
    hc_pos pos;
} hc_policy_decl;

/* An alternative of a presence union. */
typedef struct hc_alternative {
    hc_name name;        /* a record's name */
    /* derived */
    hc_record *record;
    uint64_t members;    /* bits over the union's fields */
    uint64_t required;
    uint64_t keys;       /* members no other alternative has */
    const char *c_const; /* PKG_UNION_ALT */
} hc_alternative;

struct hc_record {
    hc_name name;
    bool is_message;
    bool is_union;        /* union NAME { A; B; } */
    hc_pos keyword_pos;
    hc_vec policies; /* hc_policy_decl *, as written */
    hc_vec members;  /* hc_member *, in declaration order */
    hc_vec alternatives; /* union: hc_alternative * */
    /* derived */
    hc_tag *tag;          /* the tag of this record's table, or NULL */
    bool reject_unknown;  /* the policy in force */
    bool used_as_field;   /* reachable as a field type: gets a struct */
    bool reachable;       /* reachable from the message */
    bool has_fields;      /* `fields` is built */
    hc_vec fields;        /* hc_field *: the table the runtime walks */
    uint64_t required;    /* bit i: fields[i] must be present */
    int tag_field;        /* -1 or an index into fields */
    int body_field;
    unsigned height;      /* levels of records inside, itself included */
    unsigned base_height; /* 1, or 2 with an array of non-records */
    int walk;             /* scratch for graph walks in check.c */
    size_t walk_index;
    const char *c_type;   /* pkg_record */
    const char *c_kind;   /* union: pkg_union_kind */
};

/* enum NAME { A, B, C; } */
struct hc_enum {
    hc_name name;
    hc_pos keyword_pos;
    hc_vec values;        /* hc_name * */
    /* derived */
    size_t longest;       /* bytes of the longest value */
    bool used;            /* a reachable member has this type */
    const char *c_type;   /* pkg_state */
    const char **c_consts; /* PKG_STATE_VALUE, one per value */
};

typedef struct hc_schema {
    const char *path;     /* as given on the command line */
    hc_vec packages;      /* hc_name *, each package declaration */
    hc_vec policies;      /* hc_policy_decl *, package-level */
    hc_vec records;       /* hc_record *, in declaration order */
    hc_vec enums;         /* hc_enum *, in declaration order */
    /* derived */
    hc_name package;
    const char *prefix;   /* C prefix: snake_case of the package */
    hc_record *message;
    bool reject_unknown;  /* the package default */
    hc_vec emit_order;    /* hc_record *, structs: dependencies first */
} hc_schema;

/* A type as a schema writes it ("array(string(8), 4)"); records and
 * enums are named by `name`, so diagnostics can make names printable. */
typedef const char *(*hc_name_fn)(void *ctx, const hc_name *name);
const char *hc_type_text(hc_arena *arena, const hc_type *type,
                         hc_name_fn name, void *ctx);

#endif /* HOOKC_AST_H */
