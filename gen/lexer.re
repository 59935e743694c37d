/*
 * lexer.re - the schema lexer (re2c turns this into build/gen/lexer.c).
 *
 * It uses re2c's sentinel with bounds checks: the text ends with a NUL
 * that is never part of it, and the generated code compares the cursor
 * with the limit only when it reads a NUL. So any byte, NUL and invalid
 * UTF-8 included, is lexed safely, and nothing is read past the limit.
 */
#include "lexer.h"

#include <stdlib.h>
#include <string.h>

#include "grammar.h"

/*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:define:YYCURSOR = "lx->cursor";
    re2c:define:YYLIMIT = "lx->limit";
    re2c:define:YYMARKER = "marker";
    re2c:yyfill:enable = 0;
    re2c:eof = 0;

    // Well-formed UTF-8 beyond ASCII: no overlongs, no surrogates,
    // nothing past U+10FFFF.
    utf8_tail = [\x80-\xbf];
    utf8_multi = [\xc2-\xdf] utf8_tail
               | [\xe0] [\xa0-\xbf] utf8_tail
               | [\xe1-\xec\xee\xef] utf8_tail utf8_tail
               | [\xed] [\x80-\x9f] utf8_tail
               | [\xf0] [\x90-\xbf] utf8_tail utf8_tail
               | [\xf1-\xf3] utf8_tail utf8_tail utf8_tail
               | [\xf4] [\x80-\x8f] utf8_tail utf8_tail;
*/

void hc_lexer_init(hc_lexer *lx, const char *text, size_t len,
                   hc_diag *diag, hc_arena *arena)
{
    memset(lx, 0, sizeof *lx);
    lx->cursor = (const unsigned char *)text;
    lx->limit = lx->cursor + len;
    lx->line = 1;
    lx->line_start = lx->cursor;
    lx->counted = lx->cursor;
    lx->column = 1;
    lx->diag = diag;
    lx->arena = arena;
}

void hc_lexer_free(hc_lexer *lx)
{
    free(lx->name_buf);
    lx->name_buf = NULL;
    lx->name_cap = 0;
}

/* Columns count characters: every byte but a UTF-8 continuation byte
 * starts one. Positions are asked for in increasing order, so counting
 * resumes where it stopped and the whole text is counted once. */
static hc_pos position(hc_lexer *lx, const unsigned char *at)
{
    hc_pos pos;

    if (at < lx->counted) {
        lx->counted = lx->line_start;
        lx->column = 1;
    }
    for (; lx->counted < at; lx->counted++)
        if ((*lx->counted & 0xC0) != 0x80)
            lx->column++;
    pos.line = lx->line;
    pos.column = lx->column;
    return pos;
}

static void new_line(hc_lexer *lx)
{
    lx->line++;
    lx->line_start = lx->cursor;
    lx->counted = lx->cursor;
    lx->column = 1;
}

/* Appends n bytes to the quoted name being decoded. */
static void name_push(hc_lexer *lx, size_t *len, const unsigned char *bytes,
                      size_t n)
{
    if (lx->name_cap - *len < n) {
        size_t cap = lx->name_cap == 0 ? 64 : lx->name_cap;
        char *grown;

        while (cap - *len < n)
            cap *= 2;
        grown = realloc(lx->name_buf, cap);
        if (grown == NULL)
            hc_out_of_memory();
        lx->name_buf = grown;
        lx->name_cap = cap;
    }
    memcpy(lx->name_buf + *len, bytes, n);
    *len += n;
}

/* Describes a byte that cannot appear where it was found. */
static const char *describe_byte(hc_lexer *lx, unsigned char byte)
{
    if (byte > 0x20 && byte < 0x7f && byte != '\'')
        return hc_sprintf(lx->arena, "character '%c'", byte);
    return hc_sprintf(lx->arena, "byte 0x%02X", byte);
}

/* Reads a quoted name whose opening quote is just behind the cursor. */
static int lex_quoted(hc_lexer *lx, hc_token *tok)
{
    size_t len = 0;

    for (;;) {
        const unsigned char *start = lx->cursor;
        const unsigned char *marker = start;

        (void)marker;
    /*!re2c
        "\"" {
            tok->text = hc_strndup(lx->arena, lx->name_buf, len);
            tok->len = len;
            return tok->kind = TK_STRING;
        }
        "\\" ["\\] {
            name_push(lx, &len, start + 1, 1);
            continue;
        }
        "\\" {
            if (lx->cursor == lx->limit)
                hc_error(lx->diag, tok->pos,
                         "unterminated quoted name: no closing '\"' before "
                         "the end of the file");
            else
                hc_error(lx->diag, position(lx, start),
                         "invalid escape in quoted name: only \\\" and "
                         "\\\\ are allowed");
            return tok->kind = HC_TOKEN_ERROR;
        }
        "\n" {
            hc_error(lx->diag, tok->pos,
                     "unterminated quoted name: no closing '\"' on its line");
            return tok->kind = HC_TOKEN_ERROR;
        }
        [\x00-\x1f\x7f] {
            hc_error(lx->diag, position(lx, start),
                     "control character 0x%02X in quoted name", *start);
            return tok->kind = HC_TOKEN_ERROR;
        }
        [\x20-\x7e] | utf8_multi {
            name_push(lx, &len, start, (size_t)(lx->cursor - start));
            continue;
        }
        $ {
            hc_error(lx->diag, tok->pos,
                     "unterminated quoted name: no closing '\"' before the "
                     "end of the file");
            return tok->kind = HC_TOKEN_ERROR;
        }
        * {
            hc_error(lx->diag, position(lx, start),
                     "invalid UTF-8 in quoted name (byte 0x%02X)", *start);
            return tok->kind = HC_TOKEN_ERROR;
        }
    */
    }
}

static int lex_number(hc_lexer *lx, hc_token *tok, const unsigned char *start)
{
    const unsigned char *p;
    uint64_t value = 0;

    for (p = start; p < lx->cursor; p++) {
        unsigned digit = (unsigned)(*p - '0');

        if (value > (UINT64_MAX - digit) / 10) {
            int shown = (int)(lx->cursor - start);

            hc_error(lx->diag, tok->pos,
                     "integer %.*s%s is too large: it overflows 64 bits",
                     shown > 24 ? 24 : shown, (const char *)start,
                     shown > 24 ? "..." : "");
            return tok->kind = HC_TOKEN_ERROR;
        }
        value = value * 10 + digit;
    }
    tok->number = value;
    return tok->kind = TK_INT;
}

int hc_lex(hc_lexer *lx, hc_token *tok)
{
    for (;;) {
        const unsigned char *start = lx->cursor;
        const unsigned char *marker = start;

        (void)marker;
        memset(tok, 0, sizeof *tok);
        tok->pos = position(lx, start);
    /*!re2c
        $ { return tok->kind = HC_TOKEN_END; }

        [ \t\r]+ { continue; }
        "\n" { new_line(lx); continue; }
        // A comment runs to the end of the line or of the file; any
        // bytes may appear in it.
        "#" [^\n]* { continue; }

        "package"  { return tok->kind = TK_PACKAGE; }
        "unknown"  { return tok->kind = TK_UNKNOWN; }
        "skip"     { return tok->kind = TK_SKIP; }
        "reject"   { return tok->kind = TK_REJECT; }
        "record"   { return tok->kind = TK_RECORD; }
        "message"  { return tok->kind = TK_MESSAGE; }
        "tag"      { return tok->kind = TK_TAG; }
        "selects"  { return tok->kind = TK_SELECTS; }
        "string"   { return tok->kind = TK_STRING_TYPE; }
        "email"    { return tok->kind = TK_EMAIL; }
        "bool"     { return tok->kind = TK_BOOL; }
        "uuid"     { return tok->kind = TK_UUID; }
        "datetime" { return tok->kind = TK_DATETIME; }
        "optional" { return tok->kind = TK_OPTIONAL; }
        "nullable" { return tok->kind = TK_NULLABLE; }
        "secret"   { return tok->kind = TK_SECRET; }
        "int"      { return tok->kind = TK_INT_TYPE; }
        "decimal"  { return tok->kind = TK_DECIMAL; }
        "enum"     { return tok->kind = TK_ENUM; }
        "open"     { return tok->kind = TK_OPEN; }
        "array"    { return tok->kind = TK_ARRAY; }
        "stream"   { return tok->kind = TK_STREAM; }
        "inline"   { return tok->kind = TK_INLINE; }
        "union"    { return tok->kind = TK_UNION; }

        [A-Za-z_][A-Za-z0-9_]* {
            tok->len = (size_t)(lx->cursor - start);
            tok->text = hc_strndup(lx->arena, (const char *)start, tok->len);
            return tok->kind = TK_IDENT;
        }
        [0-9]+ { return lex_number(lx, tok, start); }
        "\"" { return lex_quoted(lx, tok); }

        ";" { return tok->kind = TK_SEMI; }
        ":" { return tok->kind = TK_COLON; }
        "{" { return tok->kind = TK_LBRACE; }
        "}" { return tok->kind = TK_RBRACE; }
        "(" { return tok->kind = TK_LPAREN; }
        ")" { return tok->kind = TK_RPAREN; }
        "," { return tok->kind = TK_COMMA; }
        "-" { return tok->kind = TK_MINUS; }
        "=" { return tok->kind = TK_EQUALS; }

        utf8_multi {
            hc_error(lx->diag, tok->pos,
                     "unexpected character '%.*s': names that are not "
                     "identifiers must be quoted",
                     (int)(lx->cursor - start), (const char *)start);
            return tok->kind = HC_TOKEN_ERROR;
        }
        * {
            hc_error(lx->diag, tok->pos, "unexpected %s",
                     describe_byte(lx, *start));
            return tok->kind = HC_TOKEN_ERROR;
        }
    */
    }
}
