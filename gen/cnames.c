/*
 * cnames.c - schema names to C identifiers (rules in cnames.h).
 */
#include "cnames.h"

#include <string.h>

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool is_alnum(char c)
{
    return is_upper(c) || is_lower(c) || is_digit(c);
}

/* Step 1: one '_' per character that is not [A-Za-z0-9_]. Quoted names
 * are valid UTF-8, so a character is a lead byte and its tail. */
static char *plain_ascii(hc_arena *arena, const hc_name *name)
{
    char *out = hc_alloc(arena, name->len + 1);
    size_t i, n = 0;

    for (i = 0; i < name->len; i++) {
        unsigned char c = (unsigned char)name->text[i];

        if ((c & 0xC0) == 0x80)
            continue;
        out[n++] = is_alnum((char)c) || c == '_' ? (char)c : '_';
    }
    out[n] = '\0';
    return out;
}

char *hc_snake(hc_arena *arena, const hc_name *name)
{
    const char *in = plain_ascii(arena, name);
    size_t len = strlen(in);
    /* at most one '_' per input character, plus "m_" */
    char *out = hc_alloc(arena, 2 * len + 3);
    size_t i, n = 0;

    /* Identifiers starting with "__" are reserved to the C compiler. */
    if (len > 0 && (is_digit(in[0]) || (in[0] == '_' && in[1] == '_'))) {
        out[n++] = 'm';
        out[n++] = '_';
    }
    for (i = 0; i < len; i++) {
        char c = in[i];

        if (is_upper(c)) {
            char prev = i > 0 ? in[i - 1] : '\0';
            char next = in[i + 1];

            /* A word starts at a capital after a lowercase letter or a
             * digit, and at the last capital of a run followed by a
             * lowercase letter: URLPath -> url_path. */
            if (is_lower(prev) || is_digit(prev) ||
                (is_upper(prev) && is_lower(next)))
                out[n++] = '_';
            c = (char)(c - 'A' + 'a');
        }
        out[n++] = c;
    }
    out[n] = '\0';
    return out;
}

/* Words that cannot name a struct member in C99, in C++ (the header may
 * be included there), or because <stdbool.h> defines them as macros. */
static const char *const reserved[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand",
    "bitor", "bool", "break", "case", "catch", "char", "char16_t",
    "char32_t", "char8_t", "class", "co_await", "co_return", "co_yield",
    "compl", "concept", "const", "const_cast", "consteval", "constexpr",
    "constinit", "continue", "decltype", "default", "delete", "do",
    "double", "dynamic_cast", "else", "enum", "explicit", "export",
    "extern", "false", "float", "for", "friend", "goto", "if", "inline",
    "int", "long", "mutable", "namespace", "new", "noexcept", "not",
    "not_eq", "nullptr", "operator", "or", "or_eq", "private",
    "protected", "public", "register", "reinterpret_cast", "requires",
    "restrict", "return", "short", "signed", "sizeof", "static",
    "static_assert", "static_cast", "struct", "switch", "template",
    "this", "thread_local", "throw", "true", "try", "typedef", "typeid",
    "typename", "union", "unsigned", "using", "virtual", "void",
    "volatile", "wchar_t", "while", "xor", "xor_eq",
};

char *hc_member_c_name(hc_arena *arena, const hc_name *name)
{
    char *snake = hc_snake(arena, name);
    size_t i;

    for (i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strcmp(snake, reserved[i]) == 0)
            return hc_sprintf(arena, "%s_", snake);
    return snake;
}

char *hc_upper(hc_arena *arena, const char *text)
{
    char *out = hc_strndup(arena, text, strlen(text));
    char *p;

    for (p = out; *p != '\0'; p++)
        if (is_lower(*p))
            *p = (char)(*p - 'a' + 'A');
    return out;
}
