/*
 * proto.h - a hand-written example of what hookc emits, for this schema:
 *
 *   package proto;
 *   record Integration { Id: uuid; Name: string(16); }
 *   record Person { Name: string(8); Email: email(40); }
 *   record CreatedData {
 *       Integration: Integration; IsEnabled: bool; CreatedUtc: datetime;
 *       Requestor: Person optional nullable; Token: string(8) secret;
 *   }
 *   record DeletedData { Integration: Integration; DeletedUtc: datetime nullable; }
 *   message Hook { tag Action selects Data { Created: CreatedData; Deleted: DeletedData; } }
 *
 * It lets the runtime be tested apart from the compiler, and it is the
 * plainest statement of the contract between the two.
 */
#ifndef PROTO_H
#define PROTO_H

#include <stdbool.h>
#include "hookrt.h"

typedef struct proto_integration {
    hook_uuid id;                                   /* Id */
    struct { uint32_t len; char data[16 + 1]; } name; /* Name */
} proto_integration;

typedef struct proto_person {
    struct { uint32_t len; char data[8 + 1]; } name;   /* Name */
    struct { uint32_t len; char data[40 + 1]; } email; /* Email */
} proto_person;

typedef enum proto_action {
    PROTO_ACTION_NONE = 0,
    PROTO_ACTION_CREATED = 1,
    PROTO_ACTION_DELETED = 2
} proto_action;

/* Body of Hook.Data: every member any variant declares. */
typedef struct proto_hook_data {
    bool has_integration;
    proto_integration integration;
    bool has_is_enabled;
    bool is_enabled;
    bool has_created_utc;
    hook_datetime created_utc;
    bool has_requestor;
    bool requestor_is_null;
    proto_person requestor;
    bool has_token;
    struct { uint32_t len; char data[8 + 1]; } token;
    bool has_deleted_utc;
    bool deleted_utc_is_null;
    hook_datetime deleted_utc;
} proto_hook_data;

typedef struct proto_hook {
    proto_action action;
    proto_hook_data data;
} proto_hook;

typedef struct proto_parser {
    hook_parser rt;
} proto_parser;

extern const hook_record proto_hook_record;

void proto_init(proto_parser *p, proto_hook *out);
hook_code proto_feed(proto_parser *p, const void *data, size_t len);
hook_code proto_finish(proto_parser *p);
const hook_error *proto_error(const proto_parser *p);
hook_code proto_parse(proto_hook *out, const void *data, size_t len,
                      hook_error *err);
size_t proto_print(const proto_hook *msg, char *buf, size_t cap,
                   unsigned flags);

#endif
