/* proto.c - hand-written counterpart of proto.h; see there. */
#include <stddef.h>
#include <string.h>

#include "proto.h"

#define STR(rec, m) \
    .value = offsetof(rec, m.data), .length = offsetof(rec, m.len), \
    .size = sizeof(((rec *)0)->m.data)

static const hook_field integration_fields[] = {
    {.name = "Id", .name_len = 2, .type = HOOK_T_UUID,
     .value = offsetof(proto_integration, id), .size = sizeof(hook_uuid)},
    {.name = "Name", .name_len = 4, .type = HOOK_T_STRING, .max_len = 16,
     STR(proto_integration, name)},
};

static int integration_lookup(const char *k, size_t n)
{
    switch (n) {
    case 2:
        if (memcmp(k, "Id", 2) == 0) /* Id */
            return 0;
        break;
    case 4:
        if (memcmp(k, "Name", 4) == 0) /* Name */
            return 1;
        break;
    }
    return -1;
}

static const hook_record integration_record = {
    .name = "Integration", .fields = integration_fields, .field_count = 2,
    .required = 0x3, .lookup = integration_lookup,
    .tag_field = -1, .body_field = -1,
};

static const hook_field person_fields[] = {
    {.name = "Name", .name_len = 4, .type = HOOK_T_STRING, .max_len = 8,
     STR(proto_person, name)},
    {.name = "Email", .name_len = 5, .type = HOOK_T_EMAIL, .max_len = 40,
     STR(proto_person, email)},
};

static int person_lookup(const char *k, size_t n)
{
    if (n == 4 && memcmp(k, "Name", 4) == 0)
        return 0;
    if (n == 5 && memcmp(k, "Email", 5) == 0)
        return 1;
    return -1;
}

static const hook_record person_record = {
    .name = "Person", .fields = person_fields, .field_count = 2,
    .required = 0x3, .lookup = person_lookup,
    .tag_field = -1, .body_field = -1,
};

#define BODY_FLAGS(m) \
    .present = offsetof(proto_hook_data, has_##m)

static const hook_field data_fields[] = {
    {.name = "Integration", .name_len = 11, .type = HOOK_T_RECORD,
     .flags = HOOK_F_OPTIONAL, .value = offsetof(proto_hook_data, integration),
     .size = sizeof(proto_integration), .record = &integration_record,
     BODY_FLAGS(integration), .variants = 0x3},
    {.name = "IsEnabled", .name_len = 9, .type = HOOK_T_BOOL,
     .flags = HOOK_F_OPTIONAL, .value = offsetof(proto_hook_data, is_enabled),
     .size = sizeof(bool), BODY_FLAGS(is_enabled), .variants = 0x1},
    {.name = "CreatedUtc", .name_len = 10, .type = HOOK_T_DATETIME,
     .flags = HOOK_F_OPTIONAL, .value = offsetof(proto_hook_data, created_utc),
     .size = sizeof(hook_datetime), BODY_FLAGS(created_utc), .variants = 0x1},
    {.name = "Requestor", .name_len = 9, .type = HOOK_T_RECORD,
     .flags = HOOK_F_OPTIONAL | HOOK_F_NULLABLE,
     .value = offsetof(proto_hook_data, requestor),
     .size = sizeof(proto_person), .record = &person_record,
     BODY_FLAGS(requestor),
     .is_null = offsetof(proto_hook_data, requestor_is_null), .variants = 0x1},
    {.name = "Token", .name_len = 5, .type = HOOK_T_STRING, .max_len = 8,
     .flags = HOOK_F_OPTIONAL | HOOK_F_SECRET, STR(proto_hook_data, token),
     BODY_FLAGS(token), .variants = 0x1},
    {.name = "DeletedUtc", .name_len = 10, .type = HOOK_T_DATETIME,
     .flags = HOOK_F_OPTIONAL | HOOK_F_NULLABLE,
     .value = offsetof(proto_hook_data, deleted_utc),
     .size = sizeof(hook_datetime), BODY_FLAGS(deleted_utc),
     .is_null = offsetof(proto_hook_data, deleted_utc_is_null),
     .variants = 0x2},
};

static int data_lookup(const char *k, size_t n)
{
    static const char *const names[] = {"Integration", "IsEnabled",
        "CreatedUtc", "Requestor", "Token", "DeletedUtc"};
    int i;

    for (i = 0; i < 6; i++) {
        if (strlen(names[i]) == n && memcmp(k, names[i], n) == 0)
            return i;
    }
    return -1;
}

static const hook_record data_record = {
    .name = "Hook.Data", .fields = data_fields, .field_count = 6,
    .lookup = data_lookup, .tag_field = -1, .body_field = -1,
};

static const hook_variant hook_variants[] = {
    {.name = "Created", .name_len = 7, .members = 0x1f, .required = 0x17},
    {.name = "Deleted", .name_len = 7, .members = 0x21, .required = 0x21},
};

static int hook_variant_lookup(const char *k, size_t n)
{
    if (n == 7 && memcmp(k, "Created", 7) == 0)
        return 0;
    if (n == 7 && memcmp(k, "Deleted", 7) == 0)
        return 1;
    return -1;
}

static const hook_field hook_fields[] = {
    {.name = "Action", .name_len = 6, .type = HOOK_T_TAG,
     .value = offsetof(proto_hook, action), .size = sizeof(int)},
    {.name = "Data", .name_len = 4, .type = HOOK_T_BODY,
     .value = offsetof(proto_hook, data), .size = sizeof(proto_hook_data),
     .record = &data_record},
};

static int hook_lookup(const char *k, size_t n)
{
    if (n == 6 && memcmp(k, "Action", 6) == 0)
        return 0;
    if (n == 4 && memcmp(k, "Data", 4) == 0)
        return 1;
    return -1;
}

const hook_record proto_hook_record = {
    .name = "Hook", .fields = hook_fields, .field_count = 2, .required = 0x3,
    .lookup = hook_lookup, .tag_field = 0, .body_field = 1,
    .variants = hook_variants, .variant_count = 2,
    .variant_lookup = hook_variant_lookup,
};

void proto_init(proto_parser *p, proto_hook *out)
{
    hook_init(&p->rt, &proto_hook_record, out, sizeof *out);
}

hook_code proto_feed(proto_parser *p, const void *data, size_t len)
{
    return hook_feed(&p->rt, data, len);
}

hook_code proto_finish(proto_parser *p)
{
    return hook_finish(&p->rt);
}

const hook_error *proto_error(const proto_parser *p)
{
    return hook_get_error(&p->rt);
}

hook_code proto_parse(proto_hook *out, const void *data, size_t len,
                      hook_error *err)
{
    proto_parser p;
    hook_code rc;

    proto_init(&p, out);
    proto_feed(&p, data, len);
    rc = proto_finish(&p);
    if (err)
        *err = p.rt.error;
    return rc;
}

size_t proto_print(const proto_hook *msg, char *buf, size_t cap,
                   unsigned flags)
{
    return hook_print(&proto_hook_record, msg, buf, cap, flags);
}
