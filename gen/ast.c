/*
 * ast.c - the arena, vector and map that hold the schema model.
 */
#include "ast.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Small allocations share blocks of this size; larger ones get a block
 * of their own. */
#define ARENA_BLOCK 65536

typedef struct arena_block {
    struct arena_block *next;
    size_t used;
    size_t size;
    /* data follows, aligned for any type */
} arena_block;

struct hc_arena {
    arena_block *blocks;
};

/* The header size rounded up so the data after it is aligned. */
#define BLOCK_HEADER ((sizeof(arena_block) + 15) & ~(size_t)15)

void hc_out_of_memory(void)
{
    fputs("hookc: out of memory\n", stderr);
    exit(1);
}

hc_arena *hc_arena_new(void)
{
    hc_arena *arena = calloc(1, sizeof *arena);

    if (arena == NULL)
        hc_out_of_memory();
    return arena;
}

void hc_arena_free(hc_arena *arena)
{
    arena_block *block, *next;

    if (arena == NULL)
        return;
    for (block = arena->blocks; block != NULL; block = next) {
        next = block->next;
        free(block);
    }
    free(arena);
}

static arena_block *new_block(size_t size)
{
    arena_block *block;

    if (size > (size_t)-1 - BLOCK_HEADER)
        hc_out_of_memory();
    block = malloc(BLOCK_HEADER + size);
    if (block == NULL)
        hc_out_of_memory();
    block->used = 0;
    block->size = size;
    return block;
}

void *hc_alloc(hc_arena *arena, size_t size)
{
    arena_block *block = arena->blocks;
    unsigned char *data;

    if (size > (size_t)-1 - 15)
        hc_out_of_memory();
    size = (size + 15) & ~(size_t)15;

    if (size > ARENA_BLOCK / 4) {
        /* Keep the current block for small allocations: put the big
         * one behind it. */
        arena_block *big = new_block(size);

        if (block == NULL) {
            big->next = NULL;
            arena->blocks = big;
        } else {
            big->next = block->next;
            block->next = big;
        }
        big->used = size;
        data = (unsigned char *)big + BLOCK_HEADER;
        memset(data, 0, size);
        return data;
    }

    if (block == NULL || block->size - block->used < size) {
        block = new_block(ARENA_BLOCK);
        block->next = arena->blocks;
        arena->blocks = block;
    }
    data = (unsigned char *)block + BLOCK_HEADER + block->used;
    block->used += size;
    memset(data, 0, size);
    return data;
}

char *hc_strndup(hc_arena *arena, const char *text, size_t len)
{
    char *copy;

    if (len == (size_t)-1)
        hc_out_of_memory();
    copy = hc_alloc(arena, len + 1);
    if (len > 0)
        memcpy(copy, text, len);
    copy[len] = '\0';
    return copy;
}

char *hc_sprintf(hc_arena *arena, const char *fmt, ...)
{
    va_list args;
    int need;
    char *text;

    va_start(args, fmt);
    need = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    if (need < 0)
        hc_out_of_memory();

    text = hc_alloc(arena, (size_t)need + 1);
    va_start(args, fmt);
    vsnprintf(text, (size_t)need + 1, fmt, args);
    va_end(args);
    return text;
}

void hc_vec_push(hc_arena *arena, hc_vec *vec, void *item)
{
    if (vec->len == vec->cap) {
        /* The old array stays in the arena: at most as much again. */
        size_t cap = vec->cap == 0 ? 8 : vec->cap * 2;
        void **items;

        if (cap > (size_t)-1 / sizeof *items)
            hc_out_of_memory();
        items = hc_alloc(arena, cap * sizeof *items);
        if (vec->len > 0)
            memcpy(items, vec->items, vec->len * sizeof *items);
        vec->items = items;
        vec->cap = cap;
    }
    vec->items[vec->len++] = item;
}

struct hc_map_entry {
    hc_map_entry *next;
    const char *key;
    size_t len;
    void *value;
};

/* FNV-1a: short keys, no adversary worth a keyed hash. */
static size_t hash_key(const char *key, size_t len)
{
    uint64_t hash = UINT64_C(14695981039346656037);
    size_t i;

    for (i = 0; i < len; i++) {
        hash ^= (unsigned char)key[i];
        hash *= UINT64_C(1099511628211);
    }
    return (size_t)hash;
}

void *hc_map_get(const hc_map *map, const char *key, size_t len)
{
    hc_map_entry *entry;

    if (map->nbuckets == 0)
        return NULL;
    entry = map->buckets[hash_key(key, len) % map->nbuckets];
    for (; entry != NULL; entry = entry->next)
        if (entry->len == len && memcmp(entry->key, key, len) == 0)
            return entry->value;
    return NULL;
}

static void map_grow(hc_arena *arena, hc_map *map)
{
    /* Start small: a map per record is common, and most hold a few
     * names. */
    size_t nbuckets = map->nbuckets == 0 ? 8 : map->nbuckets * 2;
    hc_map_entry **buckets = hc_alloc(arena, nbuckets * sizeof *buckets);
    size_t i;

    for (i = 0; i < map->nbuckets; i++) {
        hc_map_entry *entry = map->buckets[i], *next;

        for (; entry != NULL; entry = next) {
            size_t at = hash_key(entry->key, entry->len) % nbuckets;

            next = entry->next;
            entry->next = buckets[at];
            buckets[at] = entry;
        }
    }
    map->buckets = buckets;
    map->nbuckets = nbuckets;
}

void *hc_map_put(hc_arena *arena, hc_map *map, const char *key, size_t len,
                 void *value)
{
    hc_map_entry *entry;
    size_t at;
    void *old = hc_map_get(map, key, len);

    if (old != NULL)
        return old;
    if (map->len >= map->nbuckets)
        map_grow(arena, map);

    entry = hc_alloc(arena, sizeof *entry);
    entry->key = key;
    entry->len = len;
    entry->value = value;
    at = hash_key(key, len) % map->nbuckets;
    entry->next = map->buckets[at];
    map->buckets[at] = entry;
    map->len++;
    return value;
}

const char *hc_type_text(hc_arena *arena, const hc_type *type,
                         hc_name_fn name, void *ctx)
{
    switch (type->kind) {
    case HC_TYPE_STRING:
        return hc_sprintf(arena, "string(%llu)",
                          (unsigned long long)type->bound);
    case HC_TYPE_EMAIL:
        return hc_sprintf(arena, "email(%llu)",
                          (unsigned long long)type->bound);
    case HC_TYPE_BOOL:
        return "bool";
    case HC_TYPE_UUID:
        return "uuid";
    case HC_TYPE_DATETIME:
        return "datetime";
    case HC_TYPE_RECORD:
        return name(ctx, &type->record_name);
    case HC_TYPE_ENUM:
        if (type->open)
            return hc_sprintf(arena, "%s open(%llu)",
                              name(ctx, &type->record_name),
                              (unsigned long long)type->open_len);
        return name(ctx, &type->record_name);
    case HC_TYPE_INT:
        return hc_sprintf(arena, "int(%lld, %lld)", (long long)type->min,
                          (long long)type->max);
    case HC_TYPE_DECIMAL:
        return "decimal";
    case HC_TYPE_ARRAY:
        return hc_sprintf(arena, "array(%s, %llu)",
                          hc_type_text(arena, type->element, name, ctx),
                          (unsigned long long)type->count);
    }
    return "?";
}
