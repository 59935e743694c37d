/* proto2.c - hand-written counterpart of proto2.h; see there. */
#include <stddef.h>
#include <string.h>

#include "proto2.h"

#define SIZE(type, m) sizeof(((type *)0)->m)

static int find(const char *const *names, int n, const char *k, size_t len)
{
    int i;

    for (i = 0; i < n; i++) {
        if (strlen(names[i]) == len && memcmp(names[i], k, len) == 0)
            return i;
    }
    return -1;
}

/* enum State */
static const char *const state_names[] = {"Confirmed", "Started"};
static const uint16_t state_lens[] = {9, 7};
static int state_lookup(const char *k, size_t n)
{
    return find(state_names, 2, k, n);
}
static const hook_enum state_enum = {state_names, state_lens, 2,
                                     state_lookup};

/* record Item */
static const hook_field item_fields[] = {
    {.name = "Id", .name_len = 2, .type = HOOK_T_INT,
     .value = offsetof(p2_item, id), .size = sizeof(int64_t),
     .min = -5, .max = 1000},
    {.name = "Price", .name_len = 5, .type = HOOK_T_DECIMAL,
     .value = offsetof(p2_item, price), .size = sizeof(hook_decimal)},
};
static const char *const item_names[] = {"Id", "Price"};
static int item_lookup(const char *k, size_t n)
{
    return find(item_names, 2, k, n);
}
static const hook_record item_record = {
    .name = "Item", .fields = item_fields, .field_count = 2, .required = 3,
    .lookup = item_lookup, .tag_field = -1, .body_field = -1,
};

/* body of Event.Value */
static const hook_field value_fields[] = {
    {.name = "Id", .name_len = 2, .type = HOOK_T_UUID,
     .flags = HOOK_F_OPTIONAL, .value = offsetof(p2_event_value, id),
     .size = sizeof(hook_uuid), .present = offsetof(p2_event_value, has_id),
     .variants = 0x3},
};
static int value_lookup(const char *k, size_t n)
{
    return n == 2 && memcmp(k, "Id", 2) == 0 ? 0 : -1;
}
static const hook_record value_record = {
    .name = "Event.Value", .fields = value_fields, .field_count = 1,
    .lookup = value_lookup, .tag_field = -1, .body_field = -1,
};

/* record Event: an adjacent union with an open tag */
static const hook_variant event_variants[] = {
    {.name = "Added", .name_len = 5, .members = 1, .required = 1,
     .body = HOOK_BODY_REQUIRED},
    {.name = "Removed", .name_len = 7, .members = 1, .required = 1,
     .body = HOOK_BODY_OPTIONAL},
    {.name = "Ping", .name_len = 4, .body = HOOK_BODY_NONE},
};
static const char *const event_variant_names[] = {"Added", "Removed", "Ping"};
static int event_variant_lookup(const char *k, size_t n)
{
    return find(event_variant_names, 3, k, n);
}
static const hook_field event_fields[] = {
    {.name = "Discriminator", .name_len = 13, .type = HOOK_T_TAG,
     .flags = HOOK_F_OPEN, .max_len = 16,
     .value = offsetof(p2_event, discriminator), .size = sizeof(int),
     .text = offsetof(p2_event, discriminator_text.data),
     .length = offsetof(p2_event, discriminator_text.len)},
    {.name = "Value", .name_len = 5, .type = HOOK_T_BODY,
     .flags = HOOK_F_OPTIONAL, .value = offsetof(p2_event, value),
     .size = sizeof(p2_event_value), .present = offsetof(p2_event, has_value),
     .record = &value_record},
};
static const char *const event_names[] = {"Discriminator", "Value"};
static int event_lookup(const char *k, size_t n)
{
    return find(event_names, 2, k, n);
}
static const hook_record event_record = {
    .name = "Event", .fields = event_fields, .field_count = 2, .required = 1,
    .lookup = event_lookup, .tag_field = 0, .body_field = 1,
    .variants = event_variants, .variant_count = 3,
    .variant_lookup = event_variant_lookup,
};

/* record Ws: an internal union */
static const hook_variant ws_variants[] = {
    {.name = "Res", .name_len = 3, .members = 0x6, .required = 0x6},
    {.name = "Dev", .name_len = 3, .members = 0xa, .required = 0x2},
};
static const char *const ws_variant_names[] = {"Res", "Dev"};
static int ws_variant_lookup(const char *k, size_t n)
{
    return find(ws_variant_names, 2, k, n);
}
static const hook_field ws_fields[] = {
    {.name = "Type", .name_len = 4, .type = HOOK_T_TAG,
     .value = offsetof(p2_ws, type), .size = sizeof(int)},
    {.name = "Id", .name_len = 2, .type = HOOK_T_INT, .flags = HOOK_F_OPTIONAL,
     .value = offsetof(p2_ws, id), .size = sizeof(int64_t),
     .present = offsetof(p2_ws, has_id), .min = 0, .max = 1000000000,
     .variants = 0x3},
    {.name = "State", .name_len = 5, .type = HOOK_T_ENUM,
     .flags = HOOK_F_OPTIONAL | HOOK_F_OPEN, .max_len = 16,
     .value = offsetof(p2_ws, state), .size = sizeof(int),
     .present = offsetof(p2_ws, has_state),
     .text = offsetof(p2_ws, state_text.data),
     .length = offsetof(p2_ws, state_text.len),
     .enumeration = &state_enum, .variants = 0x1},
    {.name = "Note", .name_len = 4, .type = HOOK_T_STRING, .max_len = 8,
     .flags = HOOK_F_OPTIONAL | HOOK_F_NULLABLE,
     .value = offsetof(p2_ws, note.data), .length = offsetof(p2_ws, note.len),
     .size = SIZE(p2_ws, note.data), .present = offsetof(p2_ws, has_note),
     .is_null = offsetof(p2_ws, note_is_null), .variants = 0x2},
};
static const char *const ws_names[] = {"Type", "Id", "State", "Note"};
static int ws_lookup(const char *k, size_t n)
{
    return find(ws_names, 4, k, n);
}
static const hook_record ws_record = {
    .name = "Ws", .fields = ws_fields, .field_count = 4, .required = 1,
    .lookup = ws_lookup, .tag_field = 0, .body_field = -1,
    .variants = ws_variants, .variant_count = 2,
    .variant_lookup = ws_variant_lookup,
};

/* array elements: offsets from the element's start */
static const hook_field event_element = {
    .name = "Events", .name_len = 6, .type = HOOK_T_RECORD,
    .size = sizeof(p2_event), .record = &event_record};
static const hook_field tag_element = {
    .name = "Tags", .name_len = 4, .type = HOOK_T_STRING, .max_len = 4,
    .value = offsetof(p2_tag_item, data), .length = offsetof(p2_tag_item, len),
    .size = SIZE(p2_tag_item, data)};
static const hook_field item_element = {
    .name = "Items", .name_len = 5, .type = HOOK_T_RECORD,
    .size = sizeof(p2_item), .record = &item_record};
static const hook_field ws_element = {
    .name = "Ws", .name_len = 2, .type = HOOK_T_RECORD,
    .size = sizeof(p2_ws), .record = &ws_record};

/* message Root: a union of General and Other, by present members */
#define ARRAY(m, el, n, extra)                                          \
    .type = HOOK_T_ARRAY, .flags = HOOK_F_OPTIONAL | (extra),          \
    .value = offsetof(p2_root, m.items), .length = offsetof(p2_root, m.count), \
    .size = SIZE(p2_root, m.items), .present = offsetof(p2_root, has_##m), \
    .element = &el, .element_size = SIZE(p2_root, m.items[0]), .max_count = n

static const hook_field root_fields[] = {
    {.name = "Events", .name_len = 6, ARRAY(events, event_element, 3,
                                            HOOK_F_STREAM)},
    {.name = "Tags", .name_len = 4, ARRAY(tags, tag_element, 2, 0)},
    {.name = "Items", .name_len = 5, ARRAY(items, item_element, 2, 0)},
    {.name = "Ws", .name_len = 2, ARRAY(ws, ws_element, 4, 0)},
    {.name = "Level", .name_len = 5, .type = HOOK_T_ENUM,
     .flags = HOOK_F_OPTIONAL, .value = offsetof(p2_root, level),
     .size = sizeof(int), .present = offsetof(p2_root, has_level),
     .enumeration = &state_enum},
    {.name = "Kind", .name_len = 4, .type = HOOK_T_STRING, .max_len = 8,
     .flags = HOOK_F_OPTIONAL, .value = offsetof(p2_root, kind_.data),
     .length = offsetof(p2_root, kind_.len), .size = SIZE(p2_root, kind_.data),
     .present = offsetof(p2_root, has_kind_)},
};
static const char *const root_names[] = {"Events", "Tags", "Items", "Ws",
                                         "Level", "Kind"};
static int root_lookup(const char *k, size_t n)
{
    return find(root_names, 6, k, n);
}
static const hook_alternative root_alternatives[] = {
    {.name = "General", .members = 0x1f, .required = 0x1, .keys = 0x1f},
    {.name = "Other", .members = 0x20, .required = 0x20, .keys = 0x20},
};
const hook_record p2_root_record = {
    .name = "Root", .fields = root_fields, .field_count = 6,
    .lookup = root_lookup, .tag_field = -1, .body_field = -1,
    .alternatives = root_alternatives, .alternative_count = 2,
    .chosen = offsetof(p2_root, kind),
};
const hook_field *const p2_root_events_field = &root_fields[0];
