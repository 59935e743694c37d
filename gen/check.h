/*
 * check.h - semantic checks, and the derived parts of the model.
 *
 * After hc_check returns true, every name is resolved, every limit of
 * hookrt.h holds, and the fields marked "derived" in ast.h are filled:
 * the emitters may rely on all of it without checking again.
 */
#ifndef HOOKC_CHECK_H
#define HOOKC_CHECK_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"

/* Record and package names longer than this are refused: they become C
 * identifiers, and a limit keeps those readable. */
#define HC_MAX_NAME 128

/* Reports every problem found (up to the diagnostics cap); returns true
 * when there was none. */
bool hc_check(hc_schema *schema, hc_diag *diag, hc_arena *arena);

#endif /* HOOKC_CHECK_H */
