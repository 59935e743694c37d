/*
 * test_stream.c - the runtime's streaming contract, through the
 * hand-written prototype package (tests/prototype/proto.h): error
 * ranking, positions, limits, the API's edges and printing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "proto.h"

#define ID "\"9e5e84e9-974d-4f16-9662-ab2200f27cb1\""
#define DELETED \
    "{\"Action\":\"Deleted\",\"Data\":{\"Integration\":{\"Id\":" ID \
    ",\"Name\":\"W\"},\"DeletedUtc\":null}}"

static proto_hook msg;

static hook_code parse(const char *s, hook_error *e)
{
    return proto_parse(&msg, s, strlen(s), e);
}

static void valid_message_parses(void **state)
{
    hook_error e;
    (void)state;
    assert_int_equal(parse(DELETED, &e), HOOK_OK);
    assert_int_equal(msg.action, PROTO_ACTION_DELETED);
    assert_true(msg.data.has_deleted_utc);
    assert_true(msg.data.deleted_utc_is_null);
    assert_int_equal(msg.data.integration.name.len, 1);
    assert_string_equal(msg.data.integration.name.data, "W");
    assert_int_equal(e.code, HOOK_OK);
}

static void feed_after_finish_is_a_usage_error(void **state)
{
    proto_parser p;
    (void)state;
    proto_init(&p, &msg);
    assert_int_equal(proto_feed(&p, DELETED, strlen(DELETED)), HOOK_OK);
    assert_int_equal(proto_finish(&p), HOOK_OK);
    assert_int_equal(proto_finish(&p), HOOK_OK);
    assert_int_equal(proto_feed(&p, " ", 1), HOOK_USAGE);
    assert_int_equal(msg.action, PROTO_ACTION_DELETED);
}

static void empty_chunks_change_nothing(void **state)
{
    proto_parser p;
    size_t i, n = strlen(DELETED);
    (void)state;
    proto_init(&p, &msg);
    for (i = 0; i < n; i++) {
        assert_int_equal(proto_feed(&p, &DELETED[i], 0), HOOK_OK);
        assert_int_equal(proto_feed(&p, &DELETED[i], 1), HOOK_OK);
    }
    assert_int_equal(proto_finish(&p), HOOK_OK);
}

static void syntax_error_outranks_held_schema_error(void **state)
{
    hook_error e;
    (void)state;
    /* a wrong type at offset 10, then a syntax error later */
    assert_int_equal(parse("{\"Action\":5,\"Data\":{]}", &e), HOOK_SYNTAX);
    assert_int_equal(e.offset, 20);
    /* without the syntax error the type error stands */
    assert_int_equal(parse("{\"Action\":5,\"Data\":{}}", &e), HOOK_TYPE);
    assert_int_equal(e.offset, 10);
    assert_string_equal(e.path, "Action");
}

static void first_held_error_wins_and_dooms_early(void **state)
{
    proto_parser p;
    const char *s = "{\"Action\":\"Nope\",\"Action\":\"Created\"";
    (void)state;
    proto_init(&p, &msg);
    assert_int_equal(proto_feed(&p, s, strlen(s)), HOOK_OK);
    assert_true(hook_doomed(&p.rt));
    assert_int_equal(proto_feed(&p, "}", 1), HOOK_OK);
    assert_int_equal(proto_finish(&p), HOOK_UNKNOWN_TAG);
    assert_int_equal(proto_error(&p)->offset, 10);
}

static void rejected_output_is_cleared(void **state)
{
    static const proto_hook zero;
    hook_error e;
    (void)state;
    assert_int_equal(parse(DELETED " x", &e), HOOK_SYNTAX);
    assert_memory_equal(&msg, &zero, sizeof msg);
    assert_int_equal(parse("{\"Data\":{\"Integration\":{\"Id\":" ID
                           ",\"Name\":\"W\"}}}", &e), HOOK_MISSING);
    assert_string_equal(e.path, "Action");
    assert_memory_equal(&msg, &zero, sizeof msg);
}

/* A record without a reset function: init zeroes the whole struct. */
static void init_without_reset_zeroes_everything(void **state)
{
    static const proto_hook zero;
    proto_parser p;
    (void)state;
    assert_null(proto_hook_record.reset);
    memset(&msg, 0xa5, sizeof msg);
    proto_init(&p, &msg);
    assert_memory_equal(&msg, &zero, sizeof msg);
}

static void equal_compares_values_not_bytes(void **state)
{
    static proto_hook a, b;
    hook_error e;
    (void)state;
    assert_int_equal(parse(DELETED, &e), HOOK_OK);
    a = msg;
    b = msg;
    assert_true(hook_equal(&proto_hook_record, &a, &b));
    /* bytes no value covers: after a NUL, inside an absent member */
    b.data.integration.name.data[5] = 'x';
    b.data.token.data[3] = 'y';
    assert_true(hook_equal(&proto_hook_record, &a, &b));
    /* each kind of value */
    b = a;
    b.data.integration.name.data[0] = 'V';
    assert_false(hook_equal(&proto_hook_record, &a, &b));
    b = a;
    b.data.integration.name.len = 0;
    assert_false(hook_equal(&proto_hook_record, &a, &b));
    b = a;
    b.data.integration.id.bytes[15] ^= 1;
    assert_false(hook_equal(&proto_hook_record, &a, &b));
    b = a;
    b.data.deleted_utc_is_null = false;
    assert_false(hook_equal(&proto_hook_record, &a, &b));
    b = a;
    b.data.has_is_enabled = true;
    assert_false(hook_equal(&proto_hook_record, &a, &b));
    b = a;
    b.data.created_utc.nanos = 1;
    assert_false(hook_equal(&proto_hook_record, &a, &b));
    b = a;
    b.action = PROTO_ACTION_CREATED;
    assert_false(hook_equal(&proto_hook_record, &a, &b));
    /* a length past the bound is never equal, even to itself */
    b = a;
    b.data.integration.name.len = 17;
    assert_false(hook_equal(&proto_hook_record, &b, &b));
}

static void positions_count_lines_and_characters(void **state)
{
    hook_error e;
    (void)state;
    /* two-byte and three-byte characters before the error on line 3 */
    assert_int_equal(parse("{\n\"x\":\"\xc3\xa9\",\n\"\xe2\x82\xac\" 1}", &e),
                     HOOK_SYNTAX);
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 5);
    assert_int_equal(e.offset, 18);
    assert_int_equal(parse("{\"x\":1", &e), HOOK_TRUNCATED);
    assert_int_equal(e.offset, 6);
    assert_int_equal(parse("", &e), HOOK_TRUNCATED);
    assert_int_equal(parse("   ", &e), HOOK_TRUNCATED);
}

static void make_nested(char *buf, size_t levels, int close)
{
    size_t i, n = 0;
    n += (size_t)sprintf(buf, "{\"x\":");
    for (i = 0; i < levels; i++)
        buf[n++] = '[';
    if (close) {
        for (i = 0; i < levels; i++)
            buf[n++] = ']';
        buf[n++] = '}';
    }
    buf[n] = '\0';
}

static void nesting_limit_is_reported_by_name(void **state)
{
    static char buf[300000];
    hook_error e;
    (void)state;
    /* the root object is level 1: 63 arrays reach HOOK_MAX_DEPTH */
    make_nested(buf, HOOK_MAX_DEPTH - 1, 1);
    assert_int_equal(parse(buf, &e), HOOK_MISSING);
    make_nested(buf, HOOK_MAX_DEPTH, 1);
    assert_int_equal(parse(buf, &e), HOOK_TOO_DEEP);
    assert_int_equal(e.offset, 5 + HOOK_MAX_DEPTH - 1);
    assert_string_equal(e.path, "x");
    assert_non_null(strstr(e.message, "HOOK_MAX_DEPTH"));
    /* far past the limit and left open: the input is cut short */
    make_nested(buf, 100000, 0);
    assert_int_equal(parse(buf, &e), HOOK_TRUNCATED);
}

static void escaped_keys_match_and_lone_surrogates_fail(void **state)
{
    hook_error e;
    (void)state;
    assert_int_equal(parse("{\"\\u0041ction\":\"Deleted\",\"D\\u0061ta\":"
                           "{\"Integration\":{\"Id\":" ID ",\"Name\":\"W\"},"
                           "\"DeletedUtc\":null}}", &e), HOOK_OK);
    assert_int_equal(parse("{\"\\udc00\":1}", &e), HOOK_ENCODING);
    assert_int_equal(e.offset, 7);
    assert_int_equal(parse("{\"a\\ud800\\\\\":1}", &e), HOOK_ENCODING);
    assert_int_equal(parse("{\"a\\ud800\\u0041\":1}", &e), HOOK_ENCODING);
    assert_int_equal(parse("{\"a\\ud83d\\ude00\":1}", &e), HOOK_MISSING);
}

static void long_member_names_are_cut_in_paths(void **state)
{
    char buf[600], name[300];
    hook_error e;
    (void)state;
    /* a 200-byte unknown name: kept to HOOK_MAX_KEY bytes, marked cut */
    memset(name, 'k', 200);
    name[200] = '\0';
    snprintf(buf, sizeof buf, "{\"%s\":[1 2]}", name);
    assert_int_equal(parse(buf, &e), HOOK_SYNTAX);
    assert_int_equal(strlen(e.path), HOOK_MAX_KEY + 3);
    assert_string_equal(e.path + HOOK_MAX_KEY, "...");
    /* a cut never splits a character: 127 ASCII bytes, then a euro sign
     * whose bytes straddle the limit */
    memset(name, 'k', 127);
    strcpy(name + 127, "\xe2\x82\xac tail");
    snprintf(buf, sizeof buf, "{\"%s\":[1 2]}", name);
    assert_int_equal(parse(buf, &e), HOOK_SYNTAX);
    assert_int_equal(strlen(e.path), 127 + 3);
    /* a name of exactly HOOK_MAX_KEY bytes is shown whole */
    memset(name, 'k', HOOK_MAX_KEY);
    name[HOOK_MAX_KEY] = '\0';
    snprintf(buf, sizeof buf, "{\"%s\":[1 2]}", name);
    assert_int_equal(parse(buf, &e), HOOK_SYNTAX);
    assert_int_equal(strlen(e.path), HOOK_MAX_KEY);
}

static void strings_are_bounded_never_truncated(void **state)
{
    hook_error e;
    char buf[512];
    (void)state;
    snprintf(buf, sizeof buf, "{\"Action\":\"Deleted\",\"Data\":{"
             "\"Integration\":{\"Id\":" ID ",\"Name\":\"%s\"},"
             "\"DeletedUtc\":null}}", "0123456789abcdef");
    assert_int_equal(parse(buf, &e), HOOK_OK);
    assert_int_equal(msg.data.integration.name.len, 16);
    snprintf(buf, sizeof buf, "{\"Action\":\"Deleted\",\"Data\":{"
             "\"Integration\":{\"Id\":" ID ",\"Name\":\"%s\"},"
             "\"DeletedUtc\":null}}", "0123456789abcdefg");
    assert_int_equal(parse(buf, &e), HOOK_TOO_LONG);
    assert_string_equal(e.path, "Data.Integration.Name");
    /* an escape counts as the bytes it decodes to */
    snprintf(buf, sizeof buf, "{\"Action\":\"Deleted\",\"Data\":{"
             "\"Integration\":{\"Id\":" ID ",\"Name\":\"%s\"},"
             "\"DeletedUtc\":null}}", "0123456789abcde\\u00e9");
    assert_int_equal(parse(buf, &e), HOOK_TOO_LONG);
}

static void secrets_never_print_unless_asked(void **state)
{
    char out[1024];
    hook_error e;
    size_t n;
    (void)state;
    assert_int_equal(parse("{\"Action\":\"Created\",\"Data\":{\"Integration\":"
                           "{\"Id\":" ID ",\"Name\":\"W\"},\"IsEnabled\":false,"
                           "\"CreatedUtc\":\"2019-12-13T14:42:52Z\","
                           "\"Token\":\"hunter2\"}}", &e), HOOK_OK);
    n = proto_print(&msg, out, sizeof out, 0);
    assert_int_equal(n, strlen(out));
    assert_null(strstr(out, "hunter2"));
    assert_non_null(strstr(out, "\"Token\":\"***\""));
    proto_print(&msg, out, sizeof out, HOOK_PRINT_SECRETS);
    assert_non_null(strstr(out, "\"Token\":\"hunter2\""));
    /* a secret too long for its bound is not echoed in the error */
    assert_int_equal(parse("{\"Action\":\"Created\",\"Data\":{"
                           "\"Token\":\"hunter2hunter2\"}}", &e),
                     HOOK_TOO_LONG);
    assert_null(strstr(e.message, "hunter2"));
    assert_null(strstr(e.path, "hunter2"));
}

static void print_reports_the_length_it_needs(void **state)
{
    char small[8], big[1024];
    hook_error e;
    size_t need;
    (void)state;
    assert_int_equal(parse(DELETED, &e), HOOK_OK);
    need = proto_print(&msg, big, sizeof big, 0);
    assert_int_equal(proto_print(&msg, small, sizeof small, 0), need);
    assert_int_equal(strlen(small), sizeof small - 1);
    assert_memory_equal(small, big, sizeof small - 1);
    assert_int_equal(proto_print(&msg, NULL, 0, 0), need);
}

static void state_is_small_enough_for_the_stack(void **state)
{
    (void)state;
    print_message("sizeof(hook_parser) = %zu\n", sizeof(hook_parser));
    assert_true(sizeof(hook_parser) <= 4096);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_message_parses),
        cmocka_unit_test(feed_after_finish_is_a_usage_error),
        cmocka_unit_test(empty_chunks_change_nothing),
        cmocka_unit_test(syntax_error_outranks_held_schema_error),
        cmocka_unit_test(first_held_error_wins_and_dooms_early),
        cmocka_unit_test(rejected_output_is_cleared),
        cmocka_unit_test(init_without_reset_zeroes_everything),
        cmocka_unit_test(equal_compares_values_not_bytes),
        cmocka_unit_test(positions_count_lines_and_characters),
        cmocka_unit_test(nesting_limit_is_reported_by_name),
        cmocka_unit_test(escaped_keys_match_and_lone_surrogates_fail),
        cmocka_unit_test(long_member_names_are_cut_in_paths),
        cmocka_unit_test(strings_are_bounded_never_truncated),
        cmocka_unit_test(secrets_never_print_unless_asked),
        cmocka_unit_test(print_reports_the_length_it_needs),
        cmocka_unit_test(state_is_small_enough_for_the_stack),
    };
    return cmocka_run_group_tests_name("stream", tests, NULL, NULL);
}
