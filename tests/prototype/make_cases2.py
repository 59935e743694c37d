#!/usr/bin/env python3
"""Writes tests/prototype/cases2/ and proto2.cases: the newer constructs
through the hand-written package of proto2.h. In each invalid case the
byte where the error belongs is marked with a '|' placed just before it
(the mark is removed); code and path are written by hand."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases2")
ID = "9e5e84e9-974d-4f16-9662-ab2200f27cb1"
cases = []


def case(name, text, expect):
    data = text.replace("ID", ID).encode()
    if expect.startswith("ok"):
        assert b"|" not in data
    else:
        at = data.index(b"|")
        data = data[:at] + data[at + 1:]
        line = data[:at].count(b"\n") + 1
        start = data.rfind(b"\n", 0, at) + 1
        col = 1 + sum(1 for b in data[start:at] if not 0x80 <= b <= 0xBF)
        code, path = expect.split()
        expect = "%s %d %d:%d %s" % (code, at, line, col, path)
    with open(os.path.join(OUT, name + ".json"), "wb") as f:
        f.write(data)
    cases.append((name, expect))


# presence union
case("union_other", '{"Kind":"x"}', "ok")
case("union_general_minimal", '{"Events":[]}', "ok")
case("union_both", '{"Events":[],"Kind":"x"|}', "VALUE -")
case("union_neither", '{|}', "MISSING -")
case("union_only_unknown", '{"Zzz":1|}', "MISSING -")
case("union_general_missing_required", '{"Level":"Started"|}',
     "MISSING Events")
# adjacent union, open tag, body rules
case("event_all_kinds",
     '{"Events":[{"Discriminator":"Added","Value":{"Id":"ID"}},'
     '{"Discriminator":"Removed"},{"Discriminator":"Removed","Value":'
     '{"Id":"ID"}}]}', "ok")
case("event_body_before_tag",
     '{"Events":[{"Value":{"Id":"ID"}},"Discriminator":"Added"}]}'
     .replace('}},"Disc', '},"Disc'), "ok")
case("event_unknown_open_tag_first",
     '{"Events":[{"Discriminator":"Brand-new","Value":{"Id":5,"x":[]}}]}',
     "ok")
case("event_unknown_open_tag_after",
     '{"Events":[{"Value":{"Id":"ID"},"Discriminator":"Brand-new"}]}', "ok")
case("event_open_tag_too_long",
     '{"Events":[{"Discriminator":|"ABCDEFGHIJKLMNOPQ"}]}', "TOO_LONG "
     "Events[0].Discriminator")
case("event_required_body_missing",
     '{"Events":[{"Discriminator":"Added"|}]}', "MISSING Events[0].Value")
case("event_none_body_present_skipped",
     '{"Events":[{"Discriminator":"Ping","Value":{"Id":"ID"}}]}', "ok")
case("event_body_member_bad",
     '{"Events":[{"Discriminator":"Added","Value":{"Id":|"nope"}}]}',
     "VALUE Events[0].Value.Id")
case("event_tag_missing", '{"Events":[{"Value":{}|}]}',
     "MISSING Events[0].Discriminator")
case("events_over_bound",
     '{"Events":[{"Discriminator":"Ping"},{"Discriminator":"Ping"},'
     '{"Discriminator":"Ping"},|{"Discriminator":"Ping"}]}',
     "TOO_MANY Events[3]")
case("events_at_bound",
     '{"Events":[{"Discriminator":"Ping"},{"Discriminator":"Ping"},'
     '{"Discriminator":"Ping"}]}', "ok")
case("events_not_array", '{"Events":|{}}', "TYPE Events")
case("events_element_wrong_type", '{"Events":[|"x"]}', "TYPE Events[0]")
# stored arrays
case("tags_two", '{"Events":[],"Tags":["a","bcd"]}', "ok")
case("tags_empty_strings", '{"Events":[],"Tags":["",""]}', "ok")
case("tags_three", '{"Events":[],"Tags":["a","b",|"c"]}', "TOO_MANY Tags[2]")
case("tags_long", '{"Events":[],"Tags":["a",|"abcde"]}', "TOO_LONG Tags[1]")
case("tags_bad_syntax", '{"Events":[],"Tags":["a"|"b"]}', "SYNTAX Tags[1]")
case("tags_trailing_comma", '{"Events":[],"Tags":["a",|]}', "SYNTAX Tags[1]")
case("tags_null_element", '{"Events":[],"Tags":[|null]}', "TYPE Tags[0]")
# integers and decimals
case("int_bounds", '{"Events":[],"Items":[{"Id":-5,"Price":0},'
     '{"Id":1000,"Price":-0.015e2}]}', "ok")
case("int_below", '{"Events":[],"Items":[{"Id":|-6,"Price":0}]}',
     "VALUE Items[0].Id")
case("int_above", '{"Events":[],"Items":[{"Id":|1001,"Price":0}]}',
     "VALUE Items[0].Id")
case("int_huge", '{"Events":[],"Items":[{"Id":|123456789012345678901234567890,'
     '"Price":0}]}', "VALUE Items[0].Id")
case("int_int64_min", '{"Events":[],"Items":[{"Id":|-9223372036854775808,'
     '"Price":0}]}', "VALUE Items[0].Id")
case("int_fraction", '{"Events":[],"Items":[{"Id":|1.0,"Price":0}]}',
     "VALUE Items[0].Id")
case("int_exponent", '{"Events":[],"Items":[{"Id":|1e2,"Price":0}]}',
     "VALUE Items[0].Id")
case("int_minus_zero", '{"Events":[],"Items":[{"Id":-0,"Price":0}]}', "ok")
case("int_string", '{"Events":[],"Items":[{"Id":|"1","Price":0}]}',
     "TYPE Items[0].Id")
case("int_leading_zero", '{"Events":[],"Items":[{"Id":0|1,"Price":0}]}',
     "SYNTAX Items[0].Id")
case("decimal_forms", '{"Events":[],"Items":[{"Id":1,"Price":1.50},'
     '{"Id":2,"Price":12e3}]}', "ok")
case("decimal_mantissa_int64_min", '{"Events":[],"Items":[{"Id":1,"Price":'
     '-9223372036854775808}]}', "ok")
case("decimal_mantissa_past_int64_min", '{"Events":[],"Items":[{"Id":1,'
     '"Price":|-9223372036854775809}]}', "VALUE Items[0].Price")
case("decimal_long_fraction", '{"Events":[],"Items":[{"Id":1,"Price":0.'
     + "0" * 70000 + '1}]}', "ok")
case("decimal_fraction_past_exponent_bound", '{"Events":[],"Items":[{"Id":1,'
     '"Price":|0.' + "0" * 100000 + '1}]}', "VALUE Items[0].Price")
case("decimal_too_many_digits", '{"Events":[],"Items":[{"Id":1,"Price":'
     '|99999999999999999999}]}', "VALUE Items[0].Price")
case("decimal_exponent_far", '{"Events":[],"Items":[{"Id":1,"Price":'
     '|1e999999999}]}', "VALUE Items[0].Price")
case("items_missing_member", '{"Events":[],"Items":[{"Id":1|}]}',
     "MISSING Items[0].Price")
# internal union and enums
case("ws_both_variants", '{"Events":[],"Ws":[{"Type":"Res","Id":7,'
     '"State":"Confirmed"},{"Id":8,"Note":null,"Type":"Dev"},'
     '{"Type":"Dev","Id":9,"Note":"n"}]}', "ok")
case("ws_open_enum_unknown", '{"Events":[],"Ws":[{"Type":"Res","Id":7,'
     '"State":"Weird"}]}', "ok")
case("ws_open_enum_too_long", '{"Events":[],"Ws":[{"Type":"Res","Id":7,'
     '"State":|"ABCDEFGHIJKLMNOPQ"}]}', "TOO_LONG Ws[0].State")
case("ws_variant_missing", '{"Events":[],"Ws":[{"Type":"Res","Id":7|}]}',
     "MISSING Ws[0].State")
case("ws_foreign_member_dropped", '{"Events":[],"Ws":[{"Type":"Dev",'
     '"Id":7,"State":"Confirmed"}]}', "ok")
case("ws_unknown_type", '{"Events":[],"Ws":[{"Type":|"Zzz","Id":1}]}',
     "UNKNOWN_TAG Ws[0].Type")
case("ws_type_missing", '{"Events":[],"Ws":[{"Id":1|}]}', "MISSING Ws[0].Type")
case("ws_tag_last", '{"Events":[],"Ws":[{"Id":1,"State":"Started",'
     '"Type":"Res"}]}', "ok")
case("level_closed_enum", '{"Events":[],"Level":"Confirmed"}', "ok")
case("level_unknown", '{"Events":[],"Level":|"Nope"}', "VALUE Level")
case("level_escaped", '{"Events":[],"Level":"Con\\u0066irmed"}', "ok")

with open(os.path.join(HERE, "proto2.cases"), "w") as f:
    f.write("# The newer constructs through proto2.h; written by "
            "make_cases2.py.\n")
    for name, expect in cases:
        if expect.startswith("ok"):
            f.write("cases2/%s.json ok\n" % name)
        else:
            f.write("cases2/%s.json %s\n" % (name, expect))
print(len(cases), "cases")
