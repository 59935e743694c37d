/*
 * parser_full.c - fuzz target: the parser generated from
 * tests/schemas/full.hookc (every construct of the schema language:
 * unknown reject, quoted and non-ASCII names, nested and empty records,
 * a tag whose body comes before or after it, secrets, nullables).
 * All oracles of parser_oracles.h; no reference validator.
 */
#include <stddef.h>
#include <stdint.h>

#include "full.h"

#define PKG_T full_event
#define PKG_P full_parser
#define PKG_RECORD full_event_record
#define PKG_init full_init
#define PKG_feed full_feed
#define PKG_finish full_finish
#define PKG_error full_error
#define PKG_parse full_parse
#define PKG_print full_print
#define PKG_equal full_equal
#include "parser_oracles.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)parser_oracles(data, size);
    return 0;
}
