/*
 * proto2.h - a hand-written example of what hookc emits for the newer
 * constructs: integers, decimals, closed and open enums, stored and
 * streamed arrays, an adjacent union with an open tag and optional or
 * absent bodies, an internal union, and a union decided by which
 * members are present. The schema it stands for:
 *
 *   package p2;
 *   enum State { Confirmed; Started; }
 *   record Item { Id: int(-5, 1000); Price: decimal; }
 *   record IdValue { Id: uuid; }
 *   record Event {
 *       tag Discriminator open(16) selects Value {
 *           Added: IdValue; Removed: IdValue optional; Ping;
 *       }
 *   }
 *   record ResFields { Id: int(0, 1000000000); State: State open(16); }
 *   record DevFields { Id: int(0, 1000000000); Note: string(8) optional nullable; }
 *   record Ws { tag Type inline { Res: ResFields; Dev: DevFields; } }
 *   record General {
 *       Events: array(Event, 3) stream; Tags: array(string(4), 2) optional;
 *       Items: array(Item, 2) optional; Ws: array(Ws, 4) optional;
 *       Level: State optional;
 *   }
 *   record Other { Kind: string(8); }
 *   message Root = union { General; Other; }
 */
#ifndef PROTO2_H
#define PROTO2_H

#include <stdbool.h>
#include "hookrt.h"

typedef enum p2_state {
    P2_STATE_UNKNOWN = 0,
    P2_STATE_CONFIRMED = 1,
    P2_STATE_STARTED = 2
} p2_state;

typedef struct p2_item {
    int64_t id;
    hook_decimal price;
} p2_item;

typedef struct p2_event_value { /* body of Event.Value */
    bool has_id;
    hook_uuid id;
} p2_event_value;

typedef enum p2_discriminator {
    P2_DISCRIMINATOR_NONE = 0,
    P2_DISCRIMINATOR_ADDED = 1,
    P2_DISCRIMINATOR_REMOVED = 2,
    P2_DISCRIMINATOR_PING = 3
} p2_discriminator;

typedef struct p2_event {
    p2_discriminator discriminator;
    struct { uint32_t len; char data[16 + 1]; } discriminator_text;
    bool has_value;
    p2_event_value value;
} p2_event;

typedef enum p2_type {
    P2_TYPE_NONE = 0,
    P2_TYPE_RES = 1,
    P2_TYPE_DEV = 2
} p2_type;

typedef struct p2_ws {
    p2_type type;
    bool has_id;
    int64_t id;
    bool has_state;
    p2_state state;
    struct { uint32_t len; char data[16 + 1]; } state_text;
    bool has_note;
    bool note_is_null;
    struct { uint32_t len; char data[8 + 1]; } note;
} p2_ws;

typedef struct p2_tag_item {
    uint32_t len;
    char data[4 + 1];
} p2_tag_item;

typedef enum p2_root_kind {
    P2_ROOT_NONE = 0,
    P2_ROOT_GENERAL = 1,
    P2_ROOT_OTHER = 2
} p2_root_kind;

typedef struct p2_root {
    p2_root_kind kind;
    bool has_events;
    struct { uint32_t count; p2_event items[1]; } events;
    bool has_tags;
    struct { uint32_t count; p2_tag_item items[2]; } tags;
    bool has_items;
    struct { uint32_t count; p2_item items[2]; } items;
    bool has_ws;
    struct { uint32_t count; p2_ws items[4]; } ws;
    bool has_level;
    p2_state level;
    bool has_kind_;
    struct { uint32_t len; char data[8 + 1]; } kind_;
} p2_root;

extern const hook_record p2_root_record;
extern const hook_field *const p2_root_events_field;

#endif
