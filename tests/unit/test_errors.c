/*
 * test_errors.c - the names, texts and classes of the error codes, as
 * callers print and sort them, including codes and classes out of range.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hookrt.h"

static void every_code_has_its_own_name_and_text(void **state)
{
    int a, b;
    (void)state;
    for (a = 0; a < HOOK_CODE_COUNT; a++) {
        assert_true(strlen(hook_code_name((hook_code)a)) > 0);
        assert_true(strlen(hook_code_text((hook_code)a)) > 0);
        assert_string_not_equal(hook_code_name((hook_code)a), "INVALID");
        for (b = 0; b < a; b++) {
            assert_string_not_equal(hook_code_name((hook_code)a),
                                    hook_code_name((hook_code)b));
            assert_string_not_equal(hook_code_text((hook_code)a),
                                    hook_code_text((hook_code)b));
        }
    }
    assert_string_equal(hook_code_name(HOOK_OK), "OK");
    assert_string_equal(hook_code_name(HOOK_TOO_LONG), "TOO_LONG");
    assert_string_equal(hook_code_text(HOOK_MISSING),
                        "required member is missing");
}

static void classes_say_who_is_at_fault(void **state)
{
    (void)state;
    assert_int_equal(hook_code_class(HOOK_OK), HOOK_CLASS_NONE);
    assert_int_equal(hook_code_class(HOOK_SYNTAX), HOOK_CLASS_SYNTAX);
    assert_int_equal(hook_code_class(HOOK_ENCODING), HOOK_CLASS_SYNTAX);
    assert_int_equal(hook_code_class(HOOK_TRUNCATED), HOOK_CLASS_SYNTAX);
    assert_int_equal(hook_code_class(HOOK_TYPE), HOOK_CLASS_SCHEMA);
    assert_int_equal(hook_code_class(HOOK_UNKNOWN_TAG), HOOK_CLASS_SCHEMA);
    assert_int_equal(hook_code_class(HOOK_TOO_DEEP), HOOK_CLASS_LIMIT);
    assert_int_equal(hook_code_class(HOOK_USAGE), HOOK_CLASS_USAGE);
    assert_int_equal(hook_code_class(HOOK_STOPPED), HOOK_CLASS_USAGE);
    assert_string_equal(hook_class_name(HOOK_CLASS_NONE), "none");
    assert_string_equal(hook_class_name(HOOK_CLASS_SYNTAX), "syntax");
    assert_string_equal(hook_class_name(HOOK_CLASS_SCHEMA), "schema");
    assert_string_equal(hook_class_name(HOOK_CLASS_LIMIT), "limit");
    assert_string_equal(hook_class_name(HOOK_CLASS_USAGE), "usage");
}

static void out_of_range_values_are_named_invalid(void **state)
{
    (void)state;
    assert_string_equal(hook_code_name(HOOK_CODE_COUNT), "INVALID");
    assert_string_equal(hook_code_name((hook_code)-1), "INVALID");
    assert_string_equal(hook_code_text(HOOK_CODE_COUNT), "invalid error code");
    assert_int_equal(hook_code_class(HOOK_CODE_COUNT), HOOK_CLASS_USAGE);
    assert_string_equal(hook_class_name((hook_class)99), "invalid");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_code_has_its_own_name_and_text),
        cmocka_unit_test(classes_say_who_is_at_fault),
        cmocka_unit_test(out_of_range_values_are_named_invalid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
