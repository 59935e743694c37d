/*
 * test_arrays.c - streamed arrays and their callbacks, through the
 * hand-written package of tests/prototype/proto2.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "proto2.h"

#define ID "9e5e84e9-974d-4f16-9662-ab2200f27cb1"
#define EVENTS                                                          \
    "{\"Events\":[{\"Discriminator\":\"Added\",\"Value\":{\"Id\":\"" ID \
    "\"}},{\"Discriminator\":\"Novel\"},{\"Discriminator\":\"Ping\"}]}"

typedef struct seen {
    int calls;
    uint32_t index[4];
    int disc[4];
    char text[4][20];
    int stop_at;
} seen;

static int on_event(void *ctx, const void *element, uint32_t index)
{
    seen *s = ctx;
    const p2_event *e = element;

    if (s->calls < 4) {
        s->index[s->calls] = index;
        s->disc[s->calls] = (int)e->discriminator;
        memcpy(s->text[s->calls], e->discriminator_text.data,
               e->discriminator_text.len + 1);
    }
    s->calls++;
    return s->stop_at >= 0 && (int)index == s->stop_at;
}

static hook_error last_error;

static hook_code run(const char *json, seen *s, size_t chunk)
{
    static p2_root out;
    hook_parser p;
    size_t n = strlen(json), at = 0;
    hook_code rc;

    hook_init(&p, &p2_root_record, &out, sizeof out);
    if (s)
        assert_int_equal(hook_on_elements(&p, p2_root_events_field, on_event,
                                          s), 0);
    while (at < n) {
        size_t k = n - at < chunk ? n - at : chunk;
        hook_feed(&p, json + at, k);
        at += k;
    }
    rc = hook_finish(&p);
    last_error = *hook_get_error(&p);
    return rc;
}

static void each_element_reaches_the_callback_in_order(void **state)
{
    size_t chunk;
    (void)state;
    for (chunk = 1; chunk <= 64; chunk *= 2) {
        seen s;
        memset(&s, 0, sizeof s);
        s.stop_at = -1;
        assert_int_equal(run(EVENTS, &s, chunk), HOOK_OK);
        assert_int_equal(s.calls, 3);
        assert_int_equal(s.index[0], 0);
        assert_int_equal(s.index[2], 2);
        assert_int_equal(s.disc[0], P2_DISCRIMINATOR_ADDED);
        /* an open tag's unknown value: no variant, but its text */
        assert_int_equal(s.disc[1], P2_DISCRIMINATOR_NONE);
        assert_string_equal(s.text[1], "Novel");
        assert_int_equal(s.disc[2], P2_DISCRIMINATOR_PING);
    }
}

static void a_callback_can_stop_the_parse(void **state)
{
    seen s;
    (void)state;
    memset(&s, 0, sizeof s);
    s.stop_at = 1;
    assert_int_equal(run(EVENTS, &s, 1000), HOOK_STOPPED);
    assert_int_equal(s.calls, 2);
    assert_int_equal(hook_code_class(HOOK_STOPPED), HOOK_CLASS_USAGE);
}

/* Where a stop is reported does not depend on how the input was cut:
 * whole members read straight from the chunk leave the parser where the
 * byte lexer would. */
static void a_stop_is_reported_at_one_place_for_any_chunks(void **state)
{
    hook_error whole;
    size_t chunk;
    seen s;
    (void)state;
    memset(&s, 0, sizeof s);
    s.stop_at = 0;
    assert_int_equal(run(EVENTS, &s, 1000), HOOK_STOPPED);
    whole = last_error;
    assert_true(whole.offset > 0);
    for (chunk = 1; chunk <= 80; chunk++) {
        memset(&s, 0, sizeof s);
        s.stop_at = 0;
        assert_int_equal(run(EVENTS, &s, chunk), HOOK_STOPPED);
        assert_int_equal(last_error.offset, whole.offset);
        assert_int_equal(last_error.line, whole.line);
        assert_int_equal(last_error.column, whole.column);
        assert_string_equal(last_error.path, whole.path);
        assert_string_equal(last_error.message, whole.message);
    }
}

static void invalid_elements_never_reach_the_callback(void **state)
{
    seen s;
    (void)state;
    memset(&s, 0, sizeof s);
    s.stop_at = -1;
    /* the second element lacks its required body */
    assert_int_equal(run("{\"Events\":[{\"Discriminator\":\"Ping\"},"
                         "{\"Discriminator\":\"Added\"},"
                         "{\"Discriminator\":\"Ping\"}]}", &s, 1000),
                     HOOK_MISSING);
    assert_int_equal(s.calls, 1);
}

static void elements_are_checked_without_a_callback(void **state)
{
    (void)state;
    assert_int_equal(run(EVENTS, NULL, 7), HOOK_OK);
    assert_int_equal(run("{\"Events\":[{\"Discriminator\":\"Added\","
                         "\"Value\":{\"Id\":\"x\"}}]}", NULL, 7), HOOK_VALUE);
}

static void the_callback_table_is_bounded(void **state)
{
    static p2_root out;
    hook_parser p;
    seen s;
    int i;
    (void)state;
    hook_init(&p, &p2_root_record, &out, sizeof out);
    for (i = 0; i < HOOK_MAX_CALLBACKS; i++)
        assert_int_equal(hook_on_elements(&p, p2_root_events_field, on_event,
                                          &s), 0);
    assert_int_equal(hook_on_elements(&p, p2_root_events_field, on_event, &s),
                     -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_element_reaches_the_callback_in_order),
        cmocka_unit_test(a_callback_can_stop_the_parse),
        cmocka_unit_test(a_stop_is_reported_at_one_place_for_any_chunks),
        cmocka_unit_test(invalid_elements_never_reach_the_callback),
        cmocka_unit_test(elements_are_checked_without_a_callback),
        cmocka_unit_test(the_callback_table_is_bounded),
    };
    return cmocka_run_group_tests_name("arrays", tests, NULL, NULL);
}
