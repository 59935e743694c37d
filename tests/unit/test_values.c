/*
 * test_values.c - the runtime's value checkers: uuid, RFC 3339
 * date-time, e-mail address and UTF-8, each at its edges.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hookrt.h"

#define S(lit) lit, sizeof(lit) - 1

static void uuid_accepts_either_case(void **state)
{
    hook_uuid u;
    (void)state;
    assert_true(hook_parse_uuid(S("9e5e84e9-974d-4f16-9662-ab2200f27cb1"), &u));
    assert_int_equal(u.bytes[0], 0x9e);
    assert_int_equal(u.bytes[15], 0xb1);
    assert_true(hook_parse_uuid(S("9E5E84E9-974D-4F16-9662-AB2200F27CB1"), &u));
    assert_int_equal(u.bytes[1], 0x5e);
    /* no version-bit check */
    assert_true(hook_parse_uuid(S("00000000-0000-0000-0000-000000000000"), &u));
    /* a NULL result pointer only checks */
    assert_true(hook_parse_uuid(S("9e5e84e9-974d-4f16-9662-ab2200f27cb1"), NULL));
    assert_false(hook_parse_uuid(S("9e5e84e9-974d-4f16-9662-ab2200f27cbx"), NULL));
}

static void uuid_rejects_bad_shapes(void **state)
{
    (void)state;
    assert_false(hook_parse_uuid(S("9e5e84e9974d4f169662ab2200f27cb1"), NULL));
    assert_false(hook_parse_uuid(S("9e5e84e9-974d-4f16-9662-ab2200f27cb"), NULL));
    assert_false(hook_parse_uuid(S("9e5e84e9-974d-4f16-9662-ab2200f27cb12"), NULL));
    assert_false(hook_parse_uuid(S("9e5e84e9-974d-4f16-9662-ab2200f27cbg"), NULL));
    assert_false(hook_parse_uuid(S("9e5e84e9-974d-4f1-69662-ab2200f27cb1"), NULL));
    /* each of the four dashes in turn is a hex digit instead */
    assert_false(hook_parse_uuid(S("9e5e84e9a974d-4f16-9662-ab2200f27cb1"), NULL));
    assert_false(hook_parse_uuid(S("9e5e84e9-974da4f16-9662-ab2200f27cb1"), NULL));
    assert_false(hook_parse_uuid(S("9e5e84e9-974d-4f16a9662-ab2200f27cb1"), NULL));
    assert_false(hook_parse_uuid(S("9e5e84e9-974d-4f16-9662aab2200f27cb1"), NULL));
    assert_false(hook_parse_uuid(S("{e5e84e9-974d-4f16-9662-ab2200f27cb1"), NULL));
    assert_false(hook_parse_uuid(S(""), NULL));
}

/* The value of a hex digit, or -1: the plainest statement of the rule. */
static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Every byte value at every position of a uuid, against hex_value: the
 * verdict, and each of the sixteen bytes when it is valid. */
static void uuid_every_byte_at_every_position(void **state)
{
    static const char base[] = "9e5e84e9-974d-4f16-9662-ab2200f27cb1";
    char s[36];
    int pos, c;
    (void)state;
    for (pos = 0; pos < 36; pos++) {
        for (c = 0; c < 256; c++) {
            hook_uuid u;
            int dash = pos == 8 || pos == 13 || pos == 18 || pos == 23;
            int want = dash ? c == '-' : hex_value((unsigned char)c) >= 0;
            int i, k;
            memcpy(s, base, 36);
            s[pos] = (char)c;
            assert_int_equal(hook_parse_uuid(s, 36, &u), want);
            if (!want)
                continue;
            for (i = 0, k = 0; i < 16; i++, k += 2) {
                if (k == 8 || k == 13 || k == 18 || k == 23)
                    k++;
                assert_int_equal(u.bytes[i],
                                 hex_value((unsigned char)s[k]) << 4 |
                                     hex_value((unsigned char)s[k + 1]));
            }
        }
    }
}

static void datetime_converts_to_epoch(void **state)
{
    hook_datetime dt;
    (void)state;
    assert_true(hook_parse_datetime(S("1970-01-01T00:00:00Z"), &dt));
    assert_int_equal(dt.seconds, 0);
    assert_true(dt.utc_z);
    assert_true(hook_parse_datetime(S("2019-12-13T14:42:52Z"), &dt));
    assert_int_equal(dt.seconds, 1576248172);
    assert_true(hook_parse_datetime(S("2019-12-13T15:42:52.5+01:00"), &dt));
    assert_int_equal(dt.seconds, 1576248172);
    assert_int_equal(dt.nanos, 500000000);
    assert_int_equal(dt.offset_minutes, 60);
    assert_int_equal(dt.frac_digits, 1);
    assert_true(hook_parse_datetime(S("2019-12-13T14:12:52.123456789-00:30"), &dt));
    assert_int_equal(dt.seconds, 1576248172);
    assert_int_equal(dt.nanos, 123456789);
    assert_int_equal(dt.offset_minutes, -30);
    assert_true(hook_parse_datetime(S("1969-12-31T23:59:59z"), &dt));
    assert_int_equal(dt.seconds, -1);
    assert_true(hook_parse_datetime(S("0000-01-01t00:00:00Z"), &dt));
    assert_int_equal(dt.seconds, -62167219200LL);
    assert_true(hook_parse_datetime(S("9999-12-31T23:59:59Z"), &dt));
    assert_int_equal(dt.seconds, 253402300799LL);
}

static void datetime_checks_the_calendar(void **state)
{
    (void)state;
    assert_true(hook_parse_datetime(S("2000-02-29T00:00:00Z"), NULL));
    assert_true(hook_parse_datetime(S("2024-02-29T00:00:00Z"), NULL));
    assert_false(hook_parse_datetime(S("1900-02-29T00:00:00Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-02-29T00:00:00Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-04-31T00:00:00Z"), NULL));
    assert_true(hook_parse_datetime(S("2023-12-31T23:59:59Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-13-01T00:00:00Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-00-01T00:00:00Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-00T00:00:00Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-01T24:00:00Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-01T23:60:00Z"), NULL));
    assert_false(hook_parse_datetime(S("2016-12-31T23:59:60Z"), NULL));
}

static void datetime_checks_the_syntax(void **state)
{
    (void)state;
    assert_true(hook_parse_datetime(S("2023-01-01T00:00:00.1Z"), NULL));
    assert_true(hook_parse_datetime(S("2023-01-01T00:00:00.123456789Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-01T00:00:00.1234567890Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-01T00:00:00.Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-01T00:00:00"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-01 00:00:00Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-01T00:00Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-1-01T00:00:00Z"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-01T00:00:00+0100"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-01T00:00:00+24:00"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-01T00:00:00+01:60"), NULL));
    assert_false(hook_parse_datetime(S("2023-01-01T00:00:00Zx"), NULL));
    assert_false(hook_parse_datetime(S("+2023-01-01T00:00:00Z"), NULL));
}

static void email_accepts_common_addresses(void **state)
{
    (void)state;
    assert_true(hook_check_email(S("a@b.c")));
    assert_true(hook_check_email(S("first.last+tag@mail.example.com")));
    assert_true(hook_check_email(S("o'hara@x-y.example")));
    assert_true(hook_check_email(S("j\xc3\xb6rg@b\xc3\xbc" "cher.de")));
}

static void email_rejects_malformed_addresses(void **state)
{
    (void)state;
    assert_false(hook_check_email(S("")));
    assert_false(hook_check_email(S("plain")));
    assert_false(hook_check_email(S("@b.c")));
    assert_false(hook_check_email(S("a@")));
    assert_false(hook_check_email(S("a@localhost")));
    assert_false(hook_check_email(S("a@@b.c")));
    assert_false(hook_check_email(S("a b@c.d")));
    assert_false(hook_check_email(S(".a@b.c")));
    assert_false(hook_check_email(S("a.@b.c")));
    assert_false(hook_check_email(S("a..b@c.d")));
    assert_false(hook_check_email(S("a@b..c")));
    assert_false(hook_check_email(S("a@-b.c")));
    assert_false(hook_check_email(S("a@b-.c")));
    assert_false(hook_check_email(S("a@b.c.")));
    assert_false(hook_check_email(S("\"q\"@b.c")));
    assert_false(hook_check_email(S("a@[127.0.0.1]")));
    /* the local part may have 64 bytes, not 65 */
#define A16 "aaaaaaaaaaaaaaaa"
    assert_true(hook_check_email(S(A16 A16 A16 A16 "@b.c")));
    assert_false(hook_check_email(S(A16 A16 A16 A16 "a@b.c")));
#undef A16
}

static void utf8_rejects_overlongs_surrogates_and_range(void **state)
{
    (void)state;
    assert_true(hook_utf8_valid(S("plain")));
    assert_true(hook_utf8_valid(S("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80")));
    assert_true(hook_utf8_valid(S("\xf4\x8f\xbf\xbf")));   /* U+10FFFF */
    assert_false(hook_utf8_valid(S("\xc0\xaf")));          /* overlong '/' */
    assert_false(hook_utf8_valid(S("\xe0\x80\xaf")));
    assert_false(hook_utf8_valid(S("\xf0\x80\x80\xaf")));
    assert_false(hook_utf8_valid(S("\xed\xa0\x80")));      /* U+D800 */
    assert_false(hook_utf8_valid(S("\xf4\x90\x80\x80")));  /* > U+10FFFF */
    assert_false(hook_utf8_valid(S("\xc3")));              /* cut short */
    assert_false(hook_utf8_valid(S("\x80")));
    assert_false(hook_utf8_valid(S("\xff")));
}

static void error_codes_have_names_and_classes(void **state)
{
    int c;
    (void)state;
    for (c = 0; c < HOOK_CODE_COUNT; c++) {
        assert_non_null(hook_code_name((hook_code)c));
        assert_true(strlen(hook_code_text((hook_code)c)) > 0);
    }
    assert_string_equal(hook_code_name(HOOK_TOO_LONG), "TOO_LONG");
    assert_int_equal(hook_code_class(HOOK_SYNTAX), HOOK_CLASS_SYNTAX);
    assert_int_equal(hook_code_class(HOOK_TRUNCATED), HOOK_CLASS_SYNTAX);
    assert_int_equal(hook_code_class(HOOK_TYPE), HOOK_CLASS_SCHEMA);
    assert_int_equal(hook_code_class(HOOK_UNKNOWN_TAG), HOOK_CLASS_SCHEMA);
    assert_int_equal(hook_code_class(HOOK_TOO_DEEP), HOOK_CLASS_LIMIT);
    assert_string_equal(hook_class_name(HOOK_CLASS_SCHEMA), "schema");
    assert_string_equal(hook_code_name((hook_code)999), "INVALID");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(uuid_accepts_either_case),
        cmocka_unit_test(uuid_rejects_bad_shapes),
        cmocka_unit_test(uuid_every_byte_at_every_position),
        cmocka_unit_test(datetime_converts_to_epoch),
        cmocka_unit_test(datetime_checks_the_calendar),
        cmocka_unit_test(datetime_checks_the_syntax),
        cmocka_unit_test(email_accepts_common_addresses),
        cmocka_unit_test(email_rejects_malformed_addresses),
        cmocka_unit_test(utf8_rejects_overlongs_surrogates_and_range),
        cmocka_unit_test(error_codes_have_names_and_classes),
    };
    return cmocka_run_group_tests_name("values", tests, NULL, NULL);
}
