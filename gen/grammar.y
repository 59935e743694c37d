/*
 * grammar.y - the schema grammar (lemon turns this into
 * build/gen/grammar.c and grammar.h).
 *
 * The grammar accepts a little more than the language, e.g. `string`
 * with no bound, any number of package declarations or modifiers, and
 * any type as a variant body, so that check.c can say precisely what is
 * wrong instead of a bare syntax error. Lists are left-recursive, so the
 * parser stack stays shallow whatever the input.
 */

%name hc_parser
%token_prefix TK_
%token_type {hc_token}
%extra_argument {hc_parse_ctx *ctx}
%stack_size 100

%include {
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "diag.h"
#include "lexer.h"
#include "parser.h"

typedef struct hc_parse_ctx {
    hc_schema *schema;
    hc_arena *arena;
    hc_diag *diag;
    hc_record *record; /* the record whose members are being read */
    hc_tag *tag;       /* the tag whose variants are being read */
    hc_enum *enumeration; /* the enum whose values are being read */
    hc_token prev;     /* the token before the one being parsed */
    int failed;
} hc_parse_ctx;

static const char *describe_token(hc_parse_ctx *ctx, int kind,
                                  const hc_token *tok);
static bool ends_nothing(int kind);
static const char *keyword_text(int kind);

static hc_name to_name(hc_token tok, bool quoted)
{
    hc_name name;

    name.text = tok.text;
    name.len = tok.len;
    name.pos = tok.pos;
    name.quoted = quoted;
    return name;
}

static hc_type simple_type(hc_type_kind kind, hc_pos pos)
{
    hc_type type;

    memset(&type, 0, sizeof type);
    type.kind = kind;
    type.pos = pos;
    return type;
}

static hc_type bounded_type(hc_type_kind kind, hc_pos pos, hc_token bound)
{
    hc_type type = simple_type(kind, pos);

    type.has_bound = true;
    type.bound = bound.number;
    type.bound_pos = bound.pos;
    return type;
}

static void add_member(hc_parse_ctx *ctx, hc_member *member)
{
    assert(ctx->record != NULL);
    hc_vec_push(ctx->arena, &ctx->record->members, member);
}

static hc_int_lit int_lit(hc_token tok, bool negative, hc_pos pos)
{
    hc_int_lit lit;

    lit.magnitude = tok.number;
    lit.negative = negative;
    lit.pos = pos;
    return lit;
}

static hc_type open_type(hc_token name, hc_token len)
{
    hc_type type = simple_type(HC_TYPE_RECORD, name.pos);

    type.record_name = to_name(name, false);
    type.open = true;
    type.open_len = len.number;
    type.open_pos = len.pos;
    return type;
}

static hc_tag *new_tag(hc_parse_ctx *ctx, hc_token keyword, hc_name tag)
{
    hc_member *member = hc_alloc(ctx->arena, sizeof *member);
    hc_tag *t = hc_alloc(ctx->arena, sizeof *t);

    t->tag = tag;
    t->pos = keyword.pos;
    t->owner = ctx->record;
    member->kind = HC_MEMBER_TAG;
    member->tag = t;
    add_member(ctx, member);
    ctx->tag = t;
    return t;
}

static hc_record *new_record(hc_parse_ctx *ctx, hc_token keyword,
                             hc_token name)
{
    hc_record *record = hc_alloc(ctx->arena, sizeof *record);

    record->name = to_name(name, false);
    record->keyword_pos = keyword.pos;
    hc_vec_push(ctx->arena, &ctx->schema->records, record);
    ctx->record = record;
    return record;
}

static void add_variant(hc_parse_ctx *ctx, hc_name name, hc_type body,
                        hc_body_rule rule, hc_pos rule_pos)
{
    hc_variant *variant = hc_alloc(ctx->arena, sizeof *variant);

    variant->name = name;
    variant->body = body;
    variant->rule = rule;
    variant->rule_pos = rule_pos;
    assert(ctx->tag != NULL);
    hc_vec_push(ctx->arena, &ctx->tag->variants, variant);
}

static void add_modifier(hc_modifiers *mods, unsigned bit, hc_pos pos)
{
    if ((mods->set & bit) != 0 && mods->repeated == 0) {
        mods->repeated = bit;
        mods->repeat_pos = pos;
    }
    if (bit == HC_MOD_SECRET && (mods->set & bit) == 0)
        mods->secret_pos = pos;
    if (bit == HC_MOD_STREAM && (mods->set & bit) == 0)
        mods->stream_pos = pos;
    mods->set |= bit;
}

static hc_policy_decl *new_policy(hc_parse_ctx *ctx, hc_policy policy,
                                  hc_pos pos)
{
    hc_policy_decl *decl = hc_alloc(ctx->arena, sizeof *decl);

    decl->policy = policy;
    decl->pos = pos;
    return decl;
}

}

%syntax_error {
    if (!ctx->failed) {
        const hc_token *prev = &ctx->prev;
        const char *what = describe_token(ctx, yymajor, &TOKEN);

        hc_error(ctx->diag, TOKEN.pos, "syntax error: unexpected %s", what);
        if (keyword_text(yymajor) != NULL &&
            (prev->kind == TK_LBRACE || prev->kind == TK_SEMI))
            hc_note(ctx->diag, TOKEN.pos,
                    "a name spelt like a keyword is written in quotes: "
                    "\"%s\"",
                    keyword_text(yymajor));
        else if (yymajor == TK_LPAREN && prev->kind == TK_IDENT)
            hc_note(ctx->diag, prev->pos,
                    "%s is not a type with arguments; string, email, int, "
                    "array and open enums have them",
                    describe_token(ctx, prev->kind, prev));
        else if (prev->kind != 0 && prev->pos.line < TOKEN.pos.line &&
                 !ends_nothing(prev->kind))
            hc_note(ctx->diag, prev->pos,
                    "the line before ends with %s: is a ';' missing?",
                    describe_token(ctx, prev->kind, prev));
        ctx->failed = 1;
    }
}

%stack_overflow {
    /* Unreachable with this grammar's left-recursive lists, but a parser
     * must fail cleanly rather than trust that. */
    hc_pos start = {1, 1};

    hc_error(ctx->diag, ctx->record != NULL ? ctx->record->name.pos : start,
             "the schema is too deeply nested for the parser");
    ctx->failed = 1;
}

%parse_failure {
    ctx->failed = 1;
}

%token PACKAGE UNKNOWN SKIP REJECT RECORD MESSAGE TAG SELECTS
       STRING_TYPE EMAIL BOOL UUID DATETIME OPTIONAL NULLABLE SECRET
       IDENT INT STRING SEMI COLON LBRACE RBRACE LPAREN RPAREN
       INT_TYPE DECIMAL ENUM OPEN ARRAY STREAM INLINE UNION
       COMMA MINUS EQUALS.

%type policy {hc_policy}
%type name {hc_name}
%type type {hc_type}
%type mods {hc_modifiers}
%type modifier {hc_token}
%type intlit {hc_int_lit}

schema ::= decls.

decls ::= .
decls ::= decls decl.

decl ::= PACKAGE IDENT(N) SEMI. {
    hc_name *name = hc_alloc(ctx->arena, sizeof *name);

    *name = to_name(N, false);
    hc_vec_push(ctx->arena, &ctx->schema->packages, name);
}
decl ::= UNKNOWN(K) policy(P) SEMI. {
    hc_vec_push(ctx->arena, &ctx->schema->policies,
                new_policy(ctx, P, K.pos));
}
decl ::= record_head LBRACE members RBRACE. {
    ctx->record = NULL;
}

decl ::= union_head LBRACE alternatives RBRACE. {
    ctx->record = NULL;
}
decl ::= enum_head LBRACE enum_values enum_end RBRACE. {
    ctx->enumeration = NULL;
}

record_head ::= RECORD(K) IDENT(N). {
    new_record(ctx, K, N);
}
record_head ::= MESSAGE(K) IDENT(N). {
    new_record(ctx, K, N)->is_message = true;
}

union_head ::= UNION(K) IDENT(N). {
    new_record(ctx, K, N)->is_union = true;
}
union_head ::= MESSAGE(K) IDENT(N) EQUALS UNION. {
    hc_record *record = new_record(ctx, K, N);

    record->is_union = true;
    record->is_message = true;
}

alternatives ::= .
alternatives ::= alternatives alternative.

alternative ::= UNKNOWN(K) policy(P) SEMI. {
    hc_vec_push(ctx->arena, &ctx->record->policies,
                new_policy(ctx, P, K.pos));
}
alternative ::= IDENT(N) SEMI. {
    hc_alternative *alt = hc_alloc(ctx->arena, sizeof *alt);

    alt->name = to_name(N, false);
    hc_vec_push(ctx->arena, &ctx->record->alternatives, alt);
}

enum_head ::= ENUM(K) IDENT(N). {
    hc_enum *e = hc_alloc(ctx->arena, sizeof *e);

    e->name = to_name(N, false);
    e->keyword_pos = K.pos;
    hc_vec_push(ctx->arena, &ctx->schema->enums, e);
    ctx->enumeration = e;
}

enum_values ::= enum_value.
enum_values ::= enum_values COMMA enum_value.

enum_value ::= name(N). {
    hc_name *value = hc_alloc(ctx->arena, sizeof *value);

    *value = N;
    hc_vec_push(ctx->arena, &ctx->enumeration->values, value);
}

enum_end ::= .
enum_end ::= SEMI.

members ::= .
members ::= members member.

member ::= UNKNOWN(K) policy(P) SEMI. {
    hc_vec_push(ctx->arena, &ctx->record->policies,
                new_policy(ctx, P, K.pos));
}
member ::= name(N) COLON type(T) mods(M) SEMI. {
    hc_member *member = hc_alloc(ctx->arena, sizeof *member);

    member->kind = HC_MEMBER_FIELD;
    member->name = N;
    member->type = T;
    member->mods = M;
    add_member(ctx, member);
}
member ::= tag_head LBRACE variants RBRACE. {
    ctx->tag = NULL;
}

tag_head ::= TAG(K) name(T) SELECTS name(B). {
    new_tag(ctx, K, T)->body = B;
}
tag_head ::= TAG(K) name(T) OPEN LPAREN INT(L) RPAREN SELECTS name(B). {
    hc_tag *tag = new_tag(ctx, K, T);

    tag->body = B;
    tag->open = true;
    tag->open_len = L.number;
    tag->open_pos = L.pos;
}
tag_head ::= TAG(K) name(T) INLINE. {
    new_tag(ctx, K, T)->is_inline = true;
}
tag_head ::= TAG(K) name(T) OPEN LPAREN INT(L) RPAREN INLINE. {
    hc_tag *tag = new_tag(ctx, K, T);

    tag->is_inline = true;
    tag->open = true;
    tag->open_len = L.number;
    tag->open_pos = L.pos;
}

variants ::= .
variants ::= variants variant.

variant ::= name(N) COLON type(T) SEMI. {
    add_variant(ctx, N, T, HC_BODY_REQUIRED, T.pos);
}
variant ::= name(N) COLON type(T) OPTIONAL(O) SEMI. {
    add_variant(ctx, N, T, HC_BODY_OPTIONAL, O.pos);
}
variant ::= name(N) SEMI. {
    hc_type none;

    memset(&none, 0, sizeof none);
    none.pos = N.pos;
    add_variant(ctx, N, none, HC_BODY_NONE, N.pos);
}

policy(A) ::= SKIP. { A = HC_POLICY_SKIP; }
policy(A) ::= REJECT. { A = HC_POLICY_REJECT; }

name(A) ::= IDENT(T). { A = to_name(T, false); }
name(A) ::= STRING(T). { A = to_name(T, true); }

type(A) ::= STRING_TYPE(K). { A = simple_type(HC_TYPE_STRING, K.pos); }
type(A) ::= STRING_TYPE(K) LPAREN INT(N) RPAREN. {
    A = bounded_type(HC_TYPE_STRING, K.pos, N);
}
type(A) ::= EMAIL(K). {
    A = simple_type(HC_TYPE_EMAIL, K.pos);
    A.bound = HC_DEFAULT_EMAIL_BOUND;
}
type(A) ::= EMAIL(K) LPAREN INT(N) RPAREN. {
    A = bounded_type(HC_TYPE_EMAIL, K.pos, N);
}
type(A) ::= BOOL(K). { A = simple_type(HC_TYPE_BOOL, K.pos); }
type(A) ::= UUID(K). { A = simple_type(HC_TYPE_UUID, K.pos); }
type(A) ::= DATETIME(K). { A = simple_type(HC_TYPE_DATETIME, K.pos); }
type(A) ::= IDENT(N). {
    A = simple_type(HC_TYPE_RECORD, N.pos);
    A.record_name = to_name(N, false);
}
type(A) ::= IDENT(N) OPEN LPAREN INT(L) RPAREN. { A = open_type(N, L); }
type(A) ::= INT_TYPE(K) LPAREN intlit(L) COMMA intlit(H) RPAREN. {
    A = simple_type(HC_TYPE_INT, K.pos);
    A.min_lit = L;
    A.max_lit = H;
}
type(A) ::= DECIMAL(K). { A = simple_type(HC_TYPE_DECIMAL, K.pos); }
type(A) ::= ARRAY(K) LPAREN type(T) COMMA INT(N) RPAREN. {
    A = simple_type(HC_TYPE_ARRAY, K.pos);
    A.element = hc_alloc(ctx->arena, sizeof *A.element);
    *A.element = T;
    A.count = N.number;
    A.count_pos = N.pos;
}

intlit(A) ::= INT(N). { A = int_lit(N, false, N.pos); }
intlit(A) ::= MINUS(M) INT(N). { A = int_lit(N, true, M.pos); }

mods(A) ::= . { memset(&A, 0, sizeof A); }
mods(A) ::= mods(B) modifier(M). {
    A = B;
    add_modifier(&A, M.kind == TK_OPTIONAL   ? HC_MOD_OPTIONAL
                     : M.kind == TK_NULLABLE ? HC_MOD_NULLABLE
                     : M.kind == TK_STREAM   ? HC_MOD_STREAM
                                             : HC_MOD_SECRET,
                 M.pos);
}

modifier(A) ::= OPTIONAL(T). { A = T; }
modifier(A) ::= NULLABLE(T). { A = T; }
modifier(A) ::= SECRET(T). { A = T; }
modifier(A) ::= STREAM(T). { A = T; }

%code {
/* Tokens after which a missing ';' is no likely cause of an error. */
static bool ends_nothing(int kind)
{
    return kind == TK_SEMI || kind == TK_LBRACE || kind == TK_RBRACE ||
           kind == TK_COMMA || kind == TK_COLON || kind == TK_LPAREN ||
           kind == TK_EQUALS || kind == TK_MINUS;
}

/* The word of a keyword token, or NULL for any other token. */
static const char *keyword_text(int kind)
{
    switch (kind) {
    case TK_PACKAGE:   return "package";
    case TK_UNKNOWN:   return "unknown";
    case TK_SKIP:      return "skip";
    case TK_REJECT:    return "reject";
    case TK_RECORD:    return "record";
    case TK_MESSAGE:   return "message";
    case TK_TAG:       return "tag";
    case TK_SELECTS:   return "selects";
    case TK_STRING_TYPE:return "string";
    case TK_EMAIL:     return "email";
    case TK_BOOL:      return "bool";
    case TK_UUID:      return "uuid";
    case TK_DATETIME:  return "datetime";
    case TK_OPTIONAL:  return "optional";
    case TK_NULLABLE:  return "nullable";
    case TK_SECRET:    return "secret";
    case TK_INT_TYPE:  return "int";
    case TK_DECIMAL:   return "decimal";
    case TK_ENUM:      return "enum";
    case TK_OPEN:      return "open";
    case TK_ARRAY:     return "array";
    case TK_STREAM:    return "stream";
    case TK_INLINE:    return "inline";
    case TK_UNION:     return "union";
    }
    return NULL;
}

static const char *describe_token(hc_parse_ctx *ctx, int kind,
                                  const hc_token *tok)
{
    const char *word = keyword_text(kind);

    if (word != NULL)
        return hc_sprintf(ctx->arena, "keyword '%s'", word);
    switch (kind) {
    case HC_TOKEN_END:
        return "end of file";
    case TK_IDENT:
        return hc_sprintf(ctx->arena, "identifier '%s'",
                          hc_diag_name(ctx->diag, &(hc_name){
                              tok->text, tok->len, tok->pos, false}));
    case TK_STRING:
        return "quoted name";
    case TK_INT:
        return hc_sprintf(ctx->arena, "integer %llu",
                          (unsigned long long)tok->number);
    case TK_SEMI:
        return "';'";
    case TK_COLON:
        return "':'";
    case TK_LBRACE:
        return "'{'";
    case TK_RBRACE:
        return "'}'";
    case TK_LPAREN:
        return "'('";
    case TK_RPAREN:
        return "')'";
    case TK_COMMA:       return "','";
    case TK_MINUS:       return "'-'";
    case TK_EQUALS:      return "'='";
    }
    return "token";
}

hc_schema *hc_parse(const char *path, const char *text, size_t len,
                    hc_diag *diag, hc_arena *arena)
{
    hc_parse_ctx ctx;
    hc_lexer lexer;
    hc_token token;
    void *parser;

    memset(&ctx, 0, sizeof ctx);
    ctx.arena = arena;
    ctx.diag = diag;
    ctx.schema = hc_alloc(arena, sizeof *ctx.schema);
    ctx.schema->path = path;

    parser = hc_parserAlloc(malloc);
    if (parser == NULL)
        hc_out_of_memory();
    hc_lexer_init(&lexer, text, len, diag, arena);

    /* Stop at the first error: after it, lemon's recovery would only
     * produce errors that follow from the first. */
    for (;;) {
        int kind = hc_lex(&lexer, &token);

        if (kind == HC_TOKEN_ERROR) {
            ctx.failed = 1;
            break;
        }
        hc_parser(parser, kind, token, &ctx);
        if (ctx.failed || kind == HC_TOKEN_END)
            break;
        ctx.prev = token; /* hc_lex sets its kind */
    }

    hc_lexer_free(&lexer);
    hc_parserFree(parser, free);
    return ctx.failed ? NULL : ctx.schema;
}
}
