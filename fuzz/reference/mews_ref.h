/*
 * mews_ref.h - a deliberately simple reference validator for the Mews
 * webhook messages (schema/mews.hookc), for differential fuzzing.
 *
 * It shares no code with runtime/: the whole body is parsed at once by a
 * recursive-descent JSON parser into a tree, then the tree is walked
 * against the Mews schema, written out by hand below. The rules come from
 * README.md, docs/schema-language.md and docs/security.md (and RFC 8259,
 * 3629, 3339, 5321/5322/6531 where those point to them).
 *
 * It answers the verdict class only (not the precise code), because that
 * is what the documentation pins down: the first schema or limit error in
 * document order wins, any syntax error outranks them.
 */
#ifndef MEWS_REF_H
#define MEWS_REF_H

#include <stddef.h>
#include <stdint.h>

typedef enum ref_class {
    REF_OK,
    REF_SYNTAX,
    REF_SCHEMA,
    REF_LIMIT
} ref_class;

typedef struct ref_str {
    size_t len;
    char data[1025];
} ref_str;

typedef struct ref_dt {
    int64_t seconds;
    int32_t nanos;
    int16_t offset_minutes;
    uint8_t frac_digits;
    uint8_t utc_z;
} ref_dt;

typedef struct ref_named {  /* Enterprise, Integration, Service */
    int present;
    uint8_t id[16];
    ref_str name;
} ref_named;

typedef struct ref_webhook {
    int action; /* 1..7 in declaration order, as mews_action */
    ref_named enterprise;
    struct {
        int present, is_null;
        ref_str name, email;
    } requestor;
    struct { int present; ref_str value; } access_token;
    struct { int present; ref_dt value; } created_utc;
    struct { int present; int value; } is_enabled;
    ref_named integration;
    ref_named service;
    struct { int present, is_null; ref_dt value; } deleted_utc;
    struct { int present; ref_str value; } api_key;
} ref_webhook;

/* Validates one whole body; fills *out (cleared first) when REF_OK. */
ref_class mews_ref_check(const unsigned char *data, size_t len,
                         ref_webhook *out);

const char *ref_class_name(ref_class c);

#endif
