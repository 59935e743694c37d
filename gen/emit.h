/*
 * emit.h - the emitters: a checked schema to output files.
 *
 * Each emitter adds its files to an hc_outputs set and writes nothing
 * itself. To add one, write
 * emit_NAME.c with a function of this type and list it in main.c.
 */
#ifndef HOOKC_EMIT_H
#define HOOKC_EMIT_H

#include "ast.h"
#include "output.h"

typedef struct hc_emit_ctx {
    const hc_schema *schema;   /* checked: see check.h */
    const char *source_name;   /* the schema file's base name */
    hc_arena *arena;
} hc_emit_ctx;

typedef void (*hc_emitter)(const hc_emit_ctx *ctx, hc_outputs *outputs);

/* PACKAGE.h and PACKAGE.c: the parser for the runtime in hookrt.h. */
void hc_emit_c(const hc_emit_ctx *ctx, hc_outputs *outputs);

/* PACKAGE.dict: an AFL / libFuzzer dictionary of the schema's tokens. */
void hc_emit_dict(const hc_emit_ctx *ctx, hc_outputs *outputs);

/* PACKAGE.schema.json: the message as a JSON Schema (draft 2020-12). */
void hc_emit_json(const hc_emit_ctx *ctx, hc_outputs *outputs);

#endif /* HOOKC_EMIT_H */
