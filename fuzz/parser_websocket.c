/*
 * parser_websocket.c - fuzz target: the parser generated from
 * schema/websocket.hookc (an inline open tag over four event shapes in
 * a streamed array).
 * All oracles of parser_oracles.h; no reference validator.
 */
#include <stddef.h>
#include <stdint.h>

#include "websocket.h"

#define PKG_T websocket_message
#define PKG_P websocket_parser
#define PKG_RECORD websocket_message_record
#define PKG_init websocket_init
#define PKG_feed websocket_feed
#define PKG_finish websocket_finish
#define PKG_error websocket_error
#define PKG_parse websocket_parse
#define PKG_print websocket_print
#define PKG_equal websocket_equal
#define STREAMED_ARRAYS /* elements go to callbacks: compare printed text */
#include "parser_oracles.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)parser_oracles(data, size);
    return 0;
}
