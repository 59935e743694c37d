/*
 * parser_mews.c - fuzz target: the generated Mews parser
 * (build/generated/mews.c from schema/mews.hookc).
 *
 * All oracles of parser_oracles.h, plus a differential check against
 * the independent reference validator in reference/mews_ref.c: the
 * verdict class (ok / syntax / schema / limit) must agree, and for an
 * accepted message every decoded value must.
 */
#include <stddef.h>
#include <stdint.h>

#include "mews.h"
#include "reference/mews_ref.h"

#define PKG_T mews_webhook
#define PKG_P mews_parser
#define PKG_RECORD mews_webhook_record
#define PKG_init mews_init
#define PKG_feed mews_feed
#define PKG_finish mews_finish
#define PKG_error mews_error
#define PKG_parse mews_parse
#define PKG_print mews_print
#define PKG_equal mews_equal
#include "parser_oracles.h"

static void copy_str(ref_str *dst, uint32_t len, const char *data)
{
    dst->len = len;
    memcpy(dst->data, data, len);
}

static void copy_dt(ref_dt *dst, const hook_datetime *src)
{
    dst->seconds = src->seconds;
    dst->nanos = src->nanos;
    dst->offset_minutes = src->offset_minutes;
    dst->frac_digits = src->frac_digits;
    dst->utc_z = src->utc_z;
}

#define COPY_NAMED(dst, has, src)                                        \
    do {                                                                 \
        if (has) {                                                       \
            (dst).present = 1;                                           \
            memcpy((dst).id, (src).id.bytes, 16);                        \
            copy_str(&(dst).name, (src).name.len, (src).name.data);      \
        }                                                                \
    } while (0)

/* The hookc struct in the reference's shape. */
static void from_hookc(const mews_webhook *m, ref_webhook *r)
{
    const mews_webhook_data *d = &m->data;

    memset(r, 0, sizeof *r);
    r->action = (int)m->action;
    COPY_NAMED(r->enterprise, d->has_enterprise, d->enterprise);
    if (d->has_requestor) {
        r->requestor.present = 1;
        r->requestor.is_null = d->requestor_is_null;
        if (!d->requestor_is_null) {
            copy_str(&r->requestor.name, d->requestor.name.len,
                     d->requestor.name.data);
            copy_str(&r->requestor.email, d->requestor.email.len,
                     d->requestor.email.data);
        }
    }
    if (d->has_access_token) {
        r->access_token.present = 1;
        copy_str(&r->access_token.value, d->access_token.len,
                 d->access_token.data);
    }
    if (d->has_created_utc) {
        r->created_utc.present = 1;
        copy_dt(&r->created_utc.value, &d->created_utc);
    }
    if (d->has_is_enabled) {
        r->is_enabled.present = 1;
        r->is_enabled.value = d->is_enabled;
    }
    COPY_NAMED(r->integration, d->has_integration, d->integration);
    COPY_NAMED(r->service, d->has_service, d->service);
    if (d->has_deleted_utc) {
        r->deleted_utc.present = 1;
        r->deleted_utc.is_null = d->deleted_utc_is_null;
        if (!d->deleted_utc_is_null)
            copy_dt(&r->deleted_utc.value, &d->deleted_utc);
    }
    if (d->has_api_key) {
        r->api_key.present = 1;
        copy_str(&r->api_key.value, d->api_key.len, d->api_key.data);
    }
}

static ref_class class_of(hook_code code)
{
    switch (hook_code_class(code)) {
    case HOOK_CLASS_NONE: return REF_OK;
    case HOOK_CLASS_SYNTAX: return REF_SYNTAX;
    case HOOK_CLASS_SCHEMA: return REF_SCHEMA;
    default: return REF_LIMIT;
    }
}

static ref_webhook ref_out, hookc_out;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hook_code code;
    ref_class want;

    if (size < 2)
        return 0;
    code = parser_oracles(data, size);
    want = mews_ref_check(data + 2, size - 2, &ref_out);
    if (want != class_of(code)) {
        fprintf(stderr, "  hookc: %s %s at %llu path '%s' (%s)\n",
                hook_class_name(hook_code_class(code)), hook_code_name(code),
                (unsigned long long)last_error.offset,
                last_error.path, last_error.message);
        oracle("differential: hookc says %s, the reference says %s",
               hook_class_name(hook_code_class(code)), ref_class_name(want));
    }
    if (code == HOOK_OK) {
        const char *name = mews_action_name(one.action);
        CHECK(name && one.action >= 1 && one.action <= 7 &&
              strcmp(name, mews_action_name((mews_action)one.action)) == 0,
              "accepted message with action %d", (int)one.action);
        CHECK(!mews_action_name(MEWS_ACTION_NONE) &&
              !mews_action_name((mews_action)8), "action name out of range");
        from_hookc(&one, &hookc_out);
        CHECK(memcmp(&hookc_out, &ref_out, sizeof ref_out) == 0,
              "differential: accepted by both, decoded values differ");
    }
    return 0;
}
