/*
 * main.c - the hookc command line.
 *
 *   hookc [-o DIR] [--emit KIND] SCHEMA
 *
 * Reads the schema, parses and checks it, runs one emitter into memory
 * and only then writes the files. Exit status: 0 success, 1 an error in
 * the schema or in I/O, 2 bad usage.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "check.h"
#include "diag.h"
#include "emit.h"
#include "output.h"
#include "parser.h"

#ifndef HOOKC_VERSION
#error "build with -DHOOKC_VERSION='\"x.y.z\"' (the Makefile does)"
#endif

/* Schemas are small; a bigger file is a mistake, and the limit keeps
 * memory bounded whatever is passed in. */
#define HC_MAX_SCHEMA_BYTES (4u * 1024 * 1024)

static const struct {
    const char *name;
    hc_emitter emit;
    const char *what;
} emitters[] = {
    {"c", hc_emit_c, "PACKAGE.h and PACKAGE.c, the parser (default)"},
    {"dict", hc_emit_dict, "PACKAGE.dict, a fuzzing dictionary"},
    {"jsonschema", hc_emit_json,
     "PACKAGE.schema.json, a JSON Schema (draft 2020-12)"},
};

static void usage(FILE *out)
{
    size_t i;

    fputs("usage: hookc [-o DIR] [--emit KIND] SCHEMA\n"
          "Compile a hookc schema into a zero-allocation streaming JSON "
          "parser.\n\n"
          "  -o DIR       write the output files into DIR (default: .)\n"
          "  --emit KIND  what to write:\n",
          out);
    for (i = 0; i < sizeof emitters / sizeof emitters[0]; i++)
        fprintf(out, "                 %-10s %s\n", emitters[i].name,
                emitters[i].what);
    fputs("  -h, --help   show this help\n"
          "  --version    show the version\n",
          out);
}

static int bad_usage(const char *fmt, const char *arg)
{
    fputs("hookc: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'hookc --help'.\n", stderr);
    return 2;
}

/* Reads a whole file followed by a NUL (the lexer's sentinel). */
static char *read_schema(const char *path, size_t *len)
{
    FILE *in = fopen(path, "rb");
    char *text = NULL;
    size_t cap = 0, used = 0;

    if (in == NULL) {
        fprintf(stderr, "hookc: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    for (;;) {
        size_t n;

        if (cap - used < 2) {
            char *grown;

            cap = cap == 0 ? 8192 : cap * 2;
            grown = realloc(text, cap);
            if (grown == NULL)
                hc_out_of_memory();
            text = grown;
        }
        n = fread(text + used, 1, cap - used - 1, in);
        used += n;
        if (used > HC_MAX_SCHEMA_BYTES) {
            fprintf(stderr, "hookc: %s: larger than the %u-byte limit for a "
                    "schema\n", path, HC_MAX_SCHEMA_BYTES);
            break;
        }
        if (n == 0) {
            if (ferror(in)) {
                fprintf(stderr, "hookc: %s: %s\n", path, strerror(errno));
                break;
            }
            fclose(in);
            text[used] = '\0';
            *len = used;
            return text;
        }
    }
    fclose(in);
    free(text);
    return NULL;
}

/* The file's base name, reduced to characters that are safe in a C
 * comment and in any file name: generated headers name their source. */
static char *source_name(hc_arena *arena, const char *path)
{
    const char *base = strrchr(path, '/');
    char *name, *p;

    base = base == NULL ? path : base + 1;
    name = hc_strndup(arena, base, strlen(base));
    for (p = name; *p != '\0'; p++) {
        char c = *p;

        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' ||
              c == '_'))
            *p = '_';
    }
    return name;
}

static int compile(const char *path, const char *dir, hc_emitter emit)
{
    hc_arena *arena = hc_arena_new();
    hc_outputs outputs;
    hc_emit_ctx ctx;
    hc_diag diag;
    hc_schema *schema;
    size_t len = 0;
    char *text = read_schema(path, &len);
    int status = 1;

    memset(&outputs, 0, sizeof outputs);
    if (text == NULL)
        goto done;

    hc_diag_init(&diag, path, arena);
    schema = hc_parse(path, text, len, &diag, arena);
    if (schema == NULL || !hc_check(schema, &diag, arena)) {
        hc_diag_finish(&diag);
        goto done;
    }

    ctx.schema = schema;
    ctx.source_name = source_name(arena, path);
    ctx.arena = arena;
    emit(&ctx, &outputs);
    if (hc_outputs_write(&outputs, dir) == 0)
        status = 0;

done:
    hc_outputs_free(&outputs);
    free(text);
    hc_arena_free(arena);
    return status;
}

int main(int argc, char **argv)
{
    const char *dir = ".";
    const char *schema = NULL;
    hc_emitter emit = hc_emit_c;
    bool options = true, have_dir = false, have_emit = false;
    int i;

    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];

        if (options && strcmp(arg, "--") == 0) {
            options = false;
        } else if (options && (strcmp(arg, "--help") == 0 ||
                               strcmp(arg, "-h") == 0)) {
            usage(stdout);
            return 0;
        } else if (options && strcmp(arg, "--version") == 0) {
            printf("hookc %s\n", HOOKC_VERSION);
            return 0;
        } else if (options && strcmp(arg, "-o") == 0) {
            if (++i == argc)
                return bad_usage("%s needs a directory", arg);
            if (have_dir)
                return bad_usage("%s given twice", arg);
            dir = argv[i];
            have_dir = true;
        } else if (options && (strcmp(arg, "--emit") == 0 ||
                               strncmp(arg, "--emit=", 7) == 0)) {
            const char *kind = arg[6] == '=' ? arg + 7 : argv[++i];
            size_t k;

            if (kind == NULL)
                return bad_usage("%s needs a kind", arg);
            if (have_emit)
                return bad_usage("%s given twice: one kind per run", "--emit");
            have_emit = true;
            for (k = 0; k < sizeof emitters / sizeof emitters[0]; k++)
                if (strcmp(kind, emitters[k].name) == 0)
                    break;
            if (k == sizeof emitters / sizeof emitters[0])
                return bad_usage("unknown --emit kind '%s'", kind);
            emit = emitters[k].emit;
        } else if (options && arg[0] == '-' && arg[1] != '\0') {
            return bad_usage("unknown option '%s'", arg);
        } else if (schema == NULL) {
            schema = arg;
        } else {
            return bad_usage("one schema at a time; '%s' is one too many",
                             arg);
        }
    }
    if (schema == NULL)
        return bad_usage("%s", "no schema given");
    return compile(schema, dir, emit);
}
