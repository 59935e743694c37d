/*
 * diag.c - printing diagnostics.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

void hc_diag_init(hc_diag *diag, const char *path, hc_arena *arena)
{
    diag->path = path;
    diag->arena = arena;
    diag->errors = 0;
}

static void vreport(const hc_diag *diag, hc_pos pos, const char *kind,
                    const char *fmt, va_list args)
{
    fprintf(stderr, "%s:%lu:%lu: %s: ", diag->path, (unsigned long)pos.line,
            (unsigned long)pos.column, kind);
    vfprintf(stderr, fmt, args);
    fputc('\n', stderr);
}

void hc_error(hc_diag *diag, hc_pos pos, const char *fmt, ...)
{
    va_list args;

    diag->errors++;
    if (diag->errors > HC_MAX_REPORTED_ERRORS)
        return;
    va_start(args, fmt);
    vreport(diag, pos, "error", fmt, args);
    va_end(args);
}

void hc_note(hc_diag *diag, hc_pos pos, const char *fmt, ...)
{
    va_list args;

    if (diag->errors > HC_MAX_REPORTED_ERRORS)
        return;
    va_start(args, fmt);
    vreport(diag, pos, "note", fmt, args);
    va_end(args);
}

void hc_diag_finish(hc_diag *diag)
{
    if (diag->errors > HC_MAX_REPORTED_ERRORS)
        fprintf(stderr, "%s: %lu more errors not shown\n", diag->path,
                (unsigned long)(diag->errors - HC_MAX_REPORTED_ERRORS));
}

const char *hc_diag_name(hc_diag *diag, const hc_name *name)
{
    size_t len = name->len;

    if (len <= HC_DIAG_NAME_MAX)
        return name->text;
    /* Back up to the start of a character: quoted names are UTF-8. */
    len = HC_DIAG_NAME_MAX;
    while (len > 0 && ((unsigned char)name->text[len] & 0xC0) == 0x80)
        len--;
    return hc_sprintf(diag->arena, "%.*s...", (int)len, name->text);
}
