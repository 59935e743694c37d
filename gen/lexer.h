/*
 * lexer.h - schema text to tokens.
 *
 * The text must be followed by one NUL byte (text[len] == 0): the lexer
 * uses it as a sentinel and checks the limit only when it reads a NUL,
 * so NUL bytes inside the text are handled like any other byte and the
 * lexer never reads past text + len.
 */
#ifndef HOOKC_LEXER_H
#define HOOKC_LEXER_H

#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "diag.h"

/* Returned instead of a token kind after an error was reported. */
#define HC_TOKEN_ERROR (-1)
/* The token kind at the end of the text (lemon's end of input). */
#define HC_TOKEN_END 0

typedef struct hc_token {
    int kind;         /* TK_* from grammar.h */
    hc_pos pos;
    const char *text; /* IDENT and STRING: NUL-terminated, in the arena */
    size_t len;
    uint64_t number;  /* INT */
} hc_token;

typedef struct hc_lexer {
    const unsigned char *cursor;
    const unsigned char *limit; /* the sentinel, at text + len */
    uint32_t line;
    const unsigned char *line_start;
    /* Columns are counted lazily: `column` is the column of `counted`. */
    const unsigned char *counted;
    uint32_t column;
    /* Decoded bytes of the quoted name being read. */
    char *name_buf;
    size_t name_cap;
    hc_diag *diag;
    hc_arena *arena;
} hc_lexer;

void hc_lexer_init(hc_lexer *lexer, const char *text, size_t len,
                   hc_diag *diag, hc_arena *arena);
void hc_lexer_free(hc_lexer *lexer);

/* The next token's kind (also stored in token->kind): HC_TOKEN_END at
 * the end, HC_TOKEN_ERROR once an error has been reported. */
int hc_lex(hc_lexer *lexer, hc_token *token);

#endif /* HOOKC_LEXER_H */
