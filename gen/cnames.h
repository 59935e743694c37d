/*
 * cnames.h - how schema names become C identifiers.
 *
 *   1. in a quoted name, each character that is not an ASCII letter,
 *      digit or '_' becomes '_' ("first-name" -> first_name);
 *   2. CamelCase becomes snake_case, a run of capitals counting as one
 *      word (IsEnabled -> is_enabled, URLPath -> url_path);
 *   3. a name starting with a digit or "__" gets "m_" in front
 *      ("2fa" -> m_2fa);
 *   4. a struct member that is a C or C++ keyword (or one of the
 *      <stdbool.h> macros) gets a trailing '_' (int -> int_).
 *
 * Different names can meet in one identifier (IsEnabled, is_enabled);
 * check.c finds those collisions and reports both names.
 */
#ifndef HOOKC_CNAMES_H
#define HOOKC_CNAMES_H

#include "ast.h"

/* Steps 1-3. */
char *hc_snake(hc_arena *arena, const hc_name *name);
/* Steps 1-4: the name of a struct member. */
char *hc_member_c_name(hc_arena *arena, const hc_name *name);
/* An uppercase copy, for enum constants. */
char *hc_upper(hc_arena *arena, const char *text);

#endif /* HOOKC_CNAMES_H */
