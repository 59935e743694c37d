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
    HC_TYPE_RECORD
} hc_type_kind;

#define HC_DEFAULT_EMAIL_BOUND 254u
#define HC_MAX_STRING_BOUND 1048576u

typedef struct hc_record hc_record;

typedef struct hc_type {
    hc_type_kind kind;
    hc_pos pos;
    bool has_bound;      /* string(N) and email(N) */
    uint64_t bound;      /* as written, or the default */
    hc_pos bound_pos;
    hc_name record_name; /* RECORD: the name as written */
    hc_record *record;   /* RECORD: derived */
} hc_type;

enum hc_modifier {
    HC_MOD_OPTIONAL = 1u << 0,
    HC_MOD_NULLABLE = 1u << 1,
    HC_MOD_SECRET = 1u << 2
};

/* Modifiers as written. Only the first repetition is kept: it is all
 * that check.c reports, and keeps memory bounded on silly input. */
typedef struct hc_modifiers {
    unsigned set;        /* hc_modifier bits */
    hc_pos secret_pos;
    unsigned repeated;   /* the first repeated modifier, or 0 */
    hc_pos repeat_pos;
} hc_modifiers;

typedef struct hc_variant {
    hc_name name;  /* the tag value */
    hc_type body;  /* must name a record */
    /* derived */
    uint64_t members;     /* bit i: body member i is declared */
    uint64_t required;    /* bit i: ... and is not optional */
    const char *c_const;  /* PKG_TAG_VARIANT */
} hc_variant;

/* A member of a tag's body: the union of the variants' members. */
typedef struct hc_body_member {
    struct hc_member *first; /* its first declaration */
    hc_variant *first_variant;
    uint64_t variants;       /* bit v: variant v declares it */
    const char *c_name;
} hc_body_member;

typedef struct hc_tag {
    hc_name tag;      /* JSON member holding the tag value */
    hc_name body;     /* JSON member holding the body */
    hc_pos pos;       /* of the keyword */
    hc_vec variants;  /* hc_variant * */
    /* derived */
    hc_vec body_members;   /* hc_body_member * */
    bool reject_unknown;   /* the variants' shared policy */
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

struct hc_record {
    hc_name name;
    bool is_message;
    hc_pos keyword_pos;
    hc_vec policies; /* hc_policy_decl *, as written */
    hc_vec members;  /* hc_member *, in declaration order */
    /* derived */
    hc_tag *tag;          /* the envelope's tag, or NULL */
    bool reject_unknown;  /* the policy in force */
    bool used_as_field;   /* reachable as a field type: gets a struct */
    bool reachable;       /* reachable from the message */
    unsigned height;      /* levels of records inside, itself included */
    int walk;             /* scratch for graph walks in check.c */
    size_t walk_index;
    const char *c_type;   /* pkg_record */
};

typedef struct hc_schema {
    const char *path;     /* as given on the command line */
    hc_vec packages;      /* hc_name *, each package declaration */
    hc_vec policies;      /* hc_policy_decl *, package-level */
    hc_vec records;       /* hc_record *, in declaration order */
    /* derived */
    hc_name package;
    const char *prefix;   /* C prefix: snake_case of the package */
    hc_record *message;
    bool reject_unknown;  /* the package default */
    hc_vec emit_order;    /* hc_record *, structs: dependencies first */
} hc_schema;

#endif /* HOOKC_AST_H */
