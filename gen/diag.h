/*
 * diag.h - diagnostics: "FILE:LINE:COL: error: message" on stderr.
 *
 * Every step reports through here, so the format, the count that
 * decides the exit status and the cap on how many are printed live in
 * one place.
 */
#ifndef HOOKC_DIAG_H
#define HOOKC_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"

/* Past this many errors the rest are only counted: a garbage input can
 * produce one per token. */
#define HC_MAX_REPORTED_ERRORS 20

/* Names longer than this are cut in messages ("...") so one absurd name
 * cannot flood the terminal. */
#define HC_DIAG_NAME_MAX 64

typedef struct hc_diag {
    const char *path;   /* file name as the user wrote it */
    hc_arena *arena;
    unsigned errors;
} hc_diag;

void hc_diag_init(hc_diag *diag, const char *path, hc_arena *arena);

void hc_error(hc_diag *diag, hc_pos pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A note about the error just reported (e.g. where the other half of a
 * collision was declared); dropped when that error was. */
void hc_note(hc_diag *diag, hc_pos pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Prints "N more errors not shown" when some were dropped. */
void hc_diag_finish(hc_diag *diag);

/* The name cut to HC_DIAG_NAME_MAX bytes (at a UTF-8 boundary), for use
 * inside '...' in a message. */
const char *hc_diag_name(hc_diag *diag, const hc_name *name);

#endif /* HOOKC_DIAG_H */
