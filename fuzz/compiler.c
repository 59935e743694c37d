/*
 * compiler.c - fuzz target: the hookc pipeline, in process, on arbitrary
 * bytes as a schema: hc_parse, hc_check, then every emitter (C, dict,
 * JSON Schema) into memory, exactly as gen/main.c does minus the file writes.
 *
 * Oracles (abort() on failure):
 *  - no crash, no leak (LeakSanitizer in the libFuzzer build), no hang;
 *  - an error reported means no output: hc_parse returns NULL exactly
 *    when it reported an error, hc_check returns true exactly when no
 *    error was reported at all, and only then do the emitters run;
 *  - diagnostics are well-formed: one line each, "fuzz.hookc:L:C: error:"
 *    or "note:", L and C inside the input, at most HC_MAX_REPORTED_ERRORS
 *    errors printed and then "N more errors not shown";
 *  - a checked schema emits PACKAGE.h and PACKAGE.c (non-empty) and a
 *    dictionary whose every line is a comment or name="..." with only
 *    \\ \" and \xNN escapes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "check.h"
#include "diag.h"
#include "emit.h"
#include "output.h"
#include "parser.h"

#define NAME "fuzz.hookc"

static const char *cur_text;
static size_t cur_len;

static void oracle(const char *what, const char *diags)
{
    fprintf(stderr, "ORACLE FAILED (%zu-byte schema): %s\n", cur_len, what);
    if (diags)
        fprintf(stderr, "diagnostics:\n%s\n", diags);
    abort();
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Checks the diagnostics text; returns the number of error lines. */
static unsigned check_diags(const char *d, size_t n)
{
    const char *line = d, *end = d + n;
    unsigned errors = 0, lines = 1;
    size_t i;

    for (i = 0; i < cur_len; i++)
        lines += cur_text[i] == '\n';
    while (line < end) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *p = line;
        unsigned long l = 0, c = 0;

        if (!nl)
            oracle("diagnostics do not end with a newline", d);
        if (strncmp(p, NAME ":", sizeof NAME) != 0)
            oracle("diagnostic line does not start with the file name", d);
        p += sizeof NAME;
        if (*p == ' ') { /* "NAME: N more errors not shown" */
            static const char tail[] = " more errors not shown";
            if (!is_digit(p[1]) || nl - p < (long)sizeof tail ||
                memcmp(nl - (sizeof tail - 1), tail, sizeof tail - 1) != 0)
                oracle("malformed summary line", d);
            line = nl + 1;
            continue;
        }
        while (is_digit(*p))
            l = l * 10 + (unsigned long)(*p++ - '0');
        if (*p++ != ':')
            oracle("diagnostic without a line number", d);
        while (is_digit(*p))
            c = c * 10 + (unsigned long)(*p++ - '0');
        if (*p++ != ':')
            oracle("diagnostic without a column number", d);
        if (l < 1 || l > lines || c < 1 || c > cur_len + 1)
            oracle("diagnostic position outside the input", d);
        if (strncmp(p, " error: ", 8) == 0)
            errors++;
        else if (strncmp(p, " note: ", 7) != 0)
            oracle("diagnostic neither an error nor a note", d);
        line = nl + 1;
    }
    return errors;
}

static void check_dict(const hc_buf *b)
{
    const char *s = b->data, *end = b->data + b->len;

    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *q;

        if (!nl)
            oracle("dictionary does not end with a newline", NULL);
        if (*s != '#') {
            q = memchr(s, '=', (size_t)(nl - s));
            if (!q || q == s || q[1] != '"' || nl[-1] != '"' || nl - q < 3)
                oracle("malformed dictionary line", NULL);
            for (q += 2; q < nl - 1; q++) {
                if ((unsigned char)*q < 0x20 || (unsigned char)*q >= 0x7f)
                    oracle("raw byte in a dictionary entry", NULL);
                if (*q == '"')
                    oracle("unescaped quote in a dictionary entry", NULL);
                if (*q != '\\')
                    continue;
                q++;
                if (*q == 'x' && q + 2 < nl - 1 + 1 &&
                    strchr("0123456789ABCDEFabcdef", q[1]) &&
                    strchr("0123456789ABCDEFabcdef", q[2]) && q[1] && q[2])
                    q += 2;
                else if (*q != '\\' && *q != '"')
                    oracle("bad escape in a dictionary entry", NULL);
            }
        }
        s = nl + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text, *diags = NULL;
    size_t diags_len = 0, i;
    FILE *mem, *saved;
    hc_arena *arena;
    hc_diag diag;
    hc_schema *schema;
    hc_outputs c_out, dict_out, json_out;
    unsigned parse_errors, printed;
    int checked = 0;

    if (size > (1u << 20))
        return 0; /* main.c refuses schemas over 4 MiB; keep runs short */
    text = malloc(size + 1);
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    cur_text = text;
    cur_len = size;
    memset(&c_out, 0, sizeof c_out);
    memset(&dict_out, 0, sizeof dict_out);
    memset(&json_out, 0, sizeof json_out);

    mem = open_memstream(&diags, &diags_len);
    if (!mem)
        abort();
    saved = stderr;
    stderr = mem;

    arena = hc_arena_new();
    hc_diag_init(&diag, NAME, arena);
    schema = hc_parse(NAME, text, size, &diag, arena);
    parse_errors = diag.errors;
    if (schema != NULL)
        checked = hc_check(schema, &diag, arena);
    if (!checked) {
        hc_diag_finish(&diag);
    } else {
        hc_emit_ctx ctx;
        ctx.schema = schema;
        ctx.source_name = NAME;
        ctx.arena = arena;
        hc_emit_c(&ctx, &c_out);
        hc_emit_dict(&ctx, &dict_out);
        hc_emit_json(&ctx, &json_out);
    }

    stderr = saved;
    fclose(mem);

    if ((schema == NULL) != (parse_errors > 0))
        oracle(schema ? "hc_parse returned a model after reporting an error"
                      : "hc_parse returned NULL without reporting an error",
               diags);
    if (schema && checked != (diag.errors == 0))
        oracle(checked ? "hc_check passed after reporting an error"
                       : "hc_check failed without reporting an error", diags);
    printed = check_diags(diags, diags_len);
    if (printed != (diag.errors < HC_MAX_REPORTED_ERRORS
                        ? diag.errors : HC_MAX_REPORTED_ERRORS))
        oracle("number of error lines printed is not the number reported",
               diags);
    if (checked) {
        if (c_out.count != 2 || dict_out.count != 1 || json_out.count != 1)
            oracle("emitters did not produce their files", NULL);
        if (json_out.files[0].text.len == 0 ||
            memchr(json_out.files[0].text.data, 0, json_out.files[0].text.len))
            oracle("JSON Schema empty or with a NUL byte", NULL);
        for (i = 0; i < 2; i++)
            if (c_out.files[i].text.len == 0)
                oracle("emitted an empty C file", NULL);
        check_dict(&dict_out.files[0].text);
    }

    hc_outputs_free(&c_out);
    hc_outputs_free(&dict_out);
    hc_outputs_free(&json_out);
    hc_arena_free(arena);
    free(diags);
    free(text);
    return 0;
}
