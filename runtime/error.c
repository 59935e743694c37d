/*
 * error.c - the names, texts and classes of hookrt's error codes.
 */
#include "hookrt.h"

static const char *const code_names[] = {
#define HOOK_X_NAME(name, cls, text) #name,
    HOOK_ERRORS(HOOK_X_NAME)
#undef HOOK_X_NAME
};

static const char *const code_texts[] = {
#define HOOK_X_TEXT(name, cls, text) text,
    HOOK_ERRORS(HOOK_X_TEXT)
#undef HOOK_X_TEXT
};

static const unsigned char code_classes[] = {
#define HOOK_X_CLASS(name, cls, text) HOOK_CLASS_##cls,
    HOOK_ERRORS(HOOK_X_CLASS)
#undef HOOK_X_CLASS
};

const char *hook_code_name(hook_code code)
{
    if ((unsigned)code >= HOOK_CODE_COUNT)
        return "INVALID";
    return code_names[code];
}

const char *hook_code_text(hook_code code)
{
    if ((unsigned)code >= HOOK_CODE_COUNT)
        return "invalid error code";
    return code_texts[code];
}

hook_class hook_code_class(hook_code code)
{
    if ((unsigned)code >= HOOK_CODE_COUNT)
        return HOOK_CLASS_USAGE;
    return (hook_class)code_classes[code];
}

const char *hook_class_name(hook_class cls)
{
    switch (cls) {
    case HOOK_CLASS_NONE:
        return "none";
    case HOOK_CLASS_SYNTAX:
        return "syntax";
    case HOOK_CLASS_SCHEMA:
        return "schema";
    case HOOK_CLASS_LIMIT:
        return "limit";
    case HOOK_CLASS_USAGE:
        return "usage";
    }
    return "invalid";
}
