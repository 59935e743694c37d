/*
 * parser_endpoint.c - fuzz target: the parser generated from
 * schema/endpoint.hookc (a union decided by present members: the
 * integration or the general webhook).
 * All oracles of parser_oracles.h; no reference validator.
 */
#include <stddef.h>
#include <stdint.h>

#include "endpoint.h"

#define PKG_T endpoint_endpoint
#define PKG_P endpoint_parser
#define PKG_RECORD endpoint_endpoint_record
#define PKG_init endpoint_init
#define PKG_feed endpoint_feed
#define PKG_finish endpoint_finish
#define PKG_error endpoint_error
#define PKG_parse endpoint_parse
#define PKG_print endpoint_print
#define PKG_equal endpoint_equal
#define STREAMED_ARRAYS /* elements go to callbacks: compare printed text */
#include "parser_oracles.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)parser_oracles(data, size);
    return 0;
}
