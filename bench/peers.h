/*
 * peers.h - the peer parsers: each checks one Mews webhook with the same
 * validation as hookc's generated parser, through its own library.
 *
 * check(p, n, cap): 1 if the n bytes at p are a valid message, else 0.
 * cap >= n + 64 bytes are readable from p (simdjson's padding).
 */
#ifndef BENCH_PEERS_H
#define BENCH_PEERS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

int peer_simdjson(const char *p, size_t n, size_t cap);
int peer_simdjson_skip(const char *p, size_t n, size_t cap);
int peer_simdjson_hsw(const char *p, size_t n, size_t cap);
const char *peer_simdjson_impl(void);
int peer_cjson(const char *p, size_t n, size_t cap);
int peer_jsonc(const char *p, size_t n, size_t cap);
int peer_jansson(const char *p, size_t n, size_t cap);
int peer_yajl(const char *p, size_t n, size_t cap);
int peer_yajl_chunked(const char *p, size_t n, size_t cap); /* 64 B pieces */
int peer_jsmn(const char *p, size_t n, size_t cap);

#ifdef __cplusplus
}
#endif

#endif
