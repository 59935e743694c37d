/*
 * parser_full2.c - fuzz target: the parser generated from
 * tests/schemas/full2.hookc (every construct added with ABI 2:
 * integers, decimals, enums, stored and streamed arrays, body rules,
 * open and inline tags, a presence union).
 * All oracles of parser_oracles.h; no reference validator.
 */
#include <stddef.h>
#include <stdint.h>

#include "full2.h"

#define PKG_T full2_envelope
#define PKG_P full2_parser
#define PKG_RECORD full2_envelope_record
#define PKG_init full2_init
#define PKG_feed full2_feed
#define PKG_finish full2_finish
#define PKG_error full2_error
#define PKG_parse full2_parse
#define PKG_print full2_print
#define PKG_equal full2_equal
#define STREAMED_ARRAYS /* elements go to callbacks: compare printed text */
#include "parser_oracles.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)parser_oracles(data, size);
    return 0;
}
