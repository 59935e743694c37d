/*
 * parser.h - schema text to model: the lexer feeding the lemon parser
 * (grammar.y, which also holds this driver).
 */
#ifndef HOOKC_PARSER_H
#define HOOKC_PARSER_H

#include <stddef.h>

#include "ast.h"
#include "diag.h"

/* Parses `text` (len bytes, text[len] == 0) into a model allocated in
 * `arena`. Returns NULL after reporting a lexical or syntax error; the
 * model is returned unchecked (see check.h). */
hc_schema *hc_parse(const char *path, const char *text, size_t len,
                    hc_diag *diag, hc_arena *arena);

#endif /* HOOKC_PARSER_H */
