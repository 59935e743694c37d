/*
 * parser_general.c - fuzz target: the parser generated from
 * schema/general.hookc (an open tag per event in a streamed array; the
 * deprecated Entities member skipped).
 * All oracles of parser_oracles.h; no reference validator.
 */
#include <stddef.h>
#include <stdint.h>

#include "general.h"

#define PKG_T general_webhook
#define PKG_P general_parser
#define PKG_RECORD general_webhook_record
#define PKG_init general_init
#define PKG_feed general_feed
#define PKG_finish general_finish
#define PKG_error general_error
#define PKG_parse general_parse
#define PKG_print general_print
#define PKG_equal general_equal
#define STREAMED_ARRAYS /* elements go to callbacks: compare printed text */
#include "parser_oracles.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)parser_oracles(data, size);
    return 0;
}
