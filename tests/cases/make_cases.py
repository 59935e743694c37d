#!/usr/bin/env python3
"""Writes the rule-by-rule case corpora and their manifests:

  tests/cases/mews/{valid,invalid}/*.json + tests/cases/mews.cases
  tests/cases/full/{valid,invalid}/*.json + tests/cases/full.cases

Every expectation is decided here by hand, from the spec (README.md,
docs/schema-language.md, docs/security.md, runtime/hookrt.h), never taken
from running the parser. An invalid input carries the marker HERE at the
byte where the error is expected; the marker is cut out, and the offset,
line and column are computed from where it stood (lines count LF, columns
count characters: UTF-8 continuation bytes before the error are not
counted). The code and path are written with each case.

Positions, as decided from the docs:
  - a wrong type, TOO_LONG, VALUE: the first byte of the value;
  - DUPLICATE, UNKNOWN_MEMBER (an undeclared name): the member name's '"';
  - UNKNOWN_TAG: the tag value's '"';
  - MISSING: the '}' of the object that lacks the member; for a body whose
    tag comes after it, the tag value's '"' (only then is the variant known);
  - a member a variant lacks, under `unknown reject`: like MISSING;
  - syntax-class errors: the first byte at which the input can no longer
    be valid (for a \\u escape, its last hex digit: the escape is a unit);
  - TRUNCATED: the end of the input.
Paths: the record members leading to the error; a syntax error names the
member whose value or name is being read.

Run from the repository top; the output is committed.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casegen import HERE, Corpus, b, obj, q, replace, without  # noqa: E402

E = "8865aa96-f62d-4f9b-a912-ab2100f60f42"
I = "9e5e84e9-974d-4f16-9662-ab2200f27cb1"
S = "0f3c9a5e-2b1d-4c8e-9f7a-6d5e4c3b2a10"


# ===================================================================== mews

mews = Corpus("tests/cases/mews", "tests/cases/mews.cases",
              "# Rule-by-rule cases for schema/mews.hookc, written by\n"
              "# tests/cases/make_cases.py (expectations decided there, by hand).\n"
              "# FILE ok [TAG]  |  FILE CODE OFFSET LINE:COL PATH\n\n")


def ent(id_=q(E), name=q("Sample Chain Hotel 1")):
    return [("Id", id_), ("Name", name)]


def integ(id_=q(I), name=q("WebhookTEST")):
    return [("Id", id_), ("Name", name)]


def created_members(**kw):
    m = [("Enterprise", obj(ent())),
         ("Requestor", b"null"),
         ("AccessToken", q("9E5E84E9974D4F169662AB2200F27CB1-00B343A0DDA725CA")),
         ("CreatedUtc", q("2019-12-13T14:42:52Z")),
         ("IsEnabled", b"true"),
         ("Integration", obj(integ()))]
    for k, v in kw.items():
        m = replace(m, k, v)
    return m


def msg(action, data, tag_first=True, extra=(), close=b""):
    """data: members list or raw bytes of the Data value."""
    d = obj(data) if isinstance(data, list) else b(data)
    a = ("Action", q(action))
    members = [a, ("Data", d)] if tag_first else [("Data", d), a]
    return obj(members + list(extra), close)


def data_of(members, close=b""):
    return obj(members, close)


INTEG_ONLY = [("Integration", obj(integ()))]
DELETED = [("DeletedUtc", q("2020-01-01T00:00:00Z"))] + INTEG_ONLY
APIKEY = INTEG_ONLY + [("ApiKey", q("k3y-0123456789abcdef"))]
CREATED = created_members()

M = mews

# --- every action -------------------------------------------------------
M.ok("action_created_requestor_null", msg("IntegrationCreated", CREATED),
     "IntegrationCreated")
M.ok("action_created_requestor_absent",
     msg("IntegrationCreated", without(CREATED, "Requestor")),
     "IntegrationCreated")
M.ok("action_created_requestor_object",
     msg("IntegrationCreated", created_members(Requestor=obj(
         [("Name", q("Jane Doe")), ("Email", q("jane.doe@example.com"))]))),
     "IntegrationCreated")
M.ok("action_created_with_service",
     msg("IntegrationCreated", CREATED + [("Service", obj(
         [("Id", q(S)), ("Name", q("Reservations"))]))]),
     "IntegrationCreated")
M.ok("action_created_is_enabled_false",
     msg("IntegrationCreated", created_members(IsEnabled=b"false")),
     "IntegrationCreated")
for act in ["IntegrationDisabled", "IntegrationEnabled", "IntegrationCanceled",
            "IntegrationReinstated"]:
    M.ok("action_" + act[len("Integration"):].lower(), msg(act, INTEG_ONLY),
         act)
M.ok("action_deleted", msg("IntegrationDeleted", DELETED), "IntegrationDeleted")
M.ok("action_deleted_utc_null",
     msg("IntegrationDeleted", replace(DELETED, "DeletedUtc", b"null")),
     "IntegrationDeleted")
M.ok("action_apikey_created", msg("IntegrationApiKeyCreated", APIKEY),
     "IntegrationApiKeyCreated")

# --- tag after the body ------------------------------------------------
M.ok("tag_last_created", msg("IntegrationCreated", CREATED, False),
     "IntegrationCreated")
M.ok("tag_last_deleted", msg("IntegrationDeleted", DELETED, False),
     "IntegrationDeleted")
M.ok("tag_last_apikey", msg("IntegrationApiKeyCreated", APIKEY, False),
     "IntegrationApiKeyCreated")
M.ok("tag_last_disabled", msg("IntegrationDisabled", INTEG_ONLY, False),
     "IntegrationDisabled")
M.ok("tag_between_unknowns",
     obj([("Before", b"1"), ("Data", obj(INTEG_ONLY)), ("Mid", b"[]"),
          ("Action", q("IntegrationEnabled")), ("After", b"{}")]),
     "IntegrationEnabled")

# --- member order, whitespace ---------------------------------------------
M.ok("order_reversed_everywhere",
     obj([("Data", obj([(k, obj(list(reversed(ent()))) if k == "Enterprise"
                         else obj(list(reversed(integ()))) if k == "Integration"
                         else v) for k, v in reversed(CREATED)])),
          ("Action", q("IntegrationCreated"))]),
     "IntegrationCreated")
M.ok("whitespace_everywhere",
     b' \t\r\n{ \t\r\n"Action" \t\r\n: \t\r\n"IntegrationDeleted" \t\r\n,'
     b'\n\t"Data"\r\n:\t{\n\t\t"DeletedUtc" :\tnull ,\n\t\t"Integration"'
     b' : {\r\n\t\t\t"Id" : "' + b(I) + b'" ,\r\n\t\t\t"Name"\t:\t"W"\r\n'
     b'\t\t}\r\n\t}\r\n} \t\r\n', "IntegrationDeleted")
M.ok("whitespace_none", msg("IntegrationCreated", CREATED), "IntegrationCreated")
M.ok("whitespace_after_document",
     msg("IntegrationDisabled", INTEG_ONLY) + b"\n\n \t\r\n   ",
     "IntegrationDisabled")
M.ok("whitespace_crlf_pretty",
     b'{\r\n  "Action": "IntegrationEnabled",\r\n  "Data": {\r\n'
     b'    "Integration": {\r\n      "Id": "' + b(I) + b'",\r\n'
     b'      "Name": "WebhookTEST"\r\n    }\r\n  }\r\n}\r\n',
     "IntegrationEnabled")
M.ok("whitespace_inside_unknown_values",
     msg("IntegrationDisabled", INTEG_ONLY,
         extra=[("X", b"[ 1 ,\t{ \"a\" :\r\n[ ] } ,\n true ]")]),
     "IntegrationDisabled")

# --- optional and nullable -------------------------------------------------
M.ok("service_absent", msg("IntegrationCreated", CREATED), "IntegrationCreated")
M.ok("requestor_with_unknown_member",
     msg("IntegrationCreated", created_members(Requestor=obj(
         [("Name", q("J")), ("Phone", q("+420")), ("Email", q("j@x.cz"))]))),
     "IntegrationCreated")

# --- unknown members skipped -------------------------------------------------
UNKNOWN_VALUES = [
    ("string", b'"text"'), ("empty_string", b'""'),
    ("int", b"42"), ("zero", b"0"), ("negative", b"-17"), ("minus_zero", b"-0"),
    ("fraction", b"3.14159"), ("exp", b"1e10"), ("exp_upper_plus", b"2E+5"),
    ("exp_minus", b"-1.25e-3"), ("big_int", b"123456789012345678901234567890"),
    ("true", b"true"), ("false", b"false"), ("null", b"null"),
    ("empty_object", b"{}"), ("empty_array", b"[]"),
    ("nested", b'{"a":[1,{"b":[true,false,null,"s",-0.5e+7]},[]],"c":{"d":{}}}'),
    ("array_of_arrays", b"[[[]],[[1],[2,[3]]]]"),
]
for nm, v in UNKNOWN_VALUES:
    M.ok("unknown_root_" + nm,
         msg("IntegrationDisabled", INTEG_ONLY, extra=[("Extra", v)]),
         "IntegrationDisabled")
M.ok("unknown_first_member",
     obj([("Id", q("not-a-uuid")), ("Action", q("IntegrationDisabled")),
          ("Data", obj(INTEG_ONLY))]), "IntegrationDisabled")
M.ok("unknown_in_data",
     msg("IntegrationDisabled", INTEG_ONLY + [("Extra", b'{"x":[1,2]}')]),
     "IntegrationDisabled")
M.ok("unknown_in_integration",
     msg("IntegrationDisabled", [("Integration", obj(
         integ() + [("Extra", b"[null]"), ("Id2", b"5")]))]),
     "IntegrationDisabled")
M.ok("unknown_in_enterprise",
     msg("IntegrationCreated", created_members(Enterprise=obj(
         [("Legal", obj([("x", b"1")]))] + ent()))), "IntegrationCreated")
M.ok("unknown_duplicate_allowed",
     msg("IntegrationDisabled", INTEG_ONLY + [("X", b"1"), ("X", b"2")],
         extra=[("Y", b"true"), ("Y", b"[]")]), "IntegrationDisabled")
M.ok("unknown_case_differs",
     msg("IntegrationCreated", CREATED + [("isEnabled", q("x")),
                                          ("ACTION", b"1")]),
     "IntegrationCreated")
M.ok("unknown_key_longer_than_128",
     msg("IntegrationDisabled", INTEG_ONLY, extra=[("Action" + "x" * 200, b"1")]),
     "IntegrationDisabled")
M.ok("unknown_key_empty",
     msg("IntegrationDisabled", INTEG_ONLY, extra=[("", b"1")]),
     "IntegrationDisabled")
M.ok("unknown_key_with_nul_escape",
     msg("IntegrationDisabled", INTEG_ONLY, extra=[("Action\\u0000", b"1")]),
     "IntegrationDisabled")
# a member only other variants declare: dropped under skip
M.ok("foreign_member_skipped",
     msg("IntegrationDisabled", INTEG_ONLY + [("ApiKey", q("k")),
                                              ("DeletedUtc", b"null")]),
     "IntegrationDisabled")
M.ok("foreign_member_skipped_tag_last",
     msg("IntegrationEnabled", INTEG_ONLY + [("IsEnabled", b"true")], False),
     "IntegrationEnabled")

# --- depth -------------------------------------------------------------------
M.ok("depth_64_arrays_in_root_member",
     msg("IntegrationDisabled", INTEG_ONLY,
         extra=[("X", b"[" * 63 + b"]" * 63)]), "IntegrationDisabled")
M.ok("depth_64_objects_in_data_member",
     msg("IntegrationDisabled", INTEG_ONLY +
         [("X", b'{"a":' * 61 + b"{}" + b"}" * 61)]), "IntegrationDisabled")

# --- keys and tags after unescaping -------------------------------------------
M.ok("key_escaped_action", obj([("\\u0041ction", q("IntegrationDisabled")),
                                ("D\\u0061ta", obj(INTEG_ONLY))]),
     "IntegrationDisabled")
M.ok("key_escaped_nested", msg("IntegrationDisabled", [("Integration", obj(
    [("\\u0049\\u0064", q(I)), ("N\\u0061me", q("x"))]))]),
     "IntegrationDisabled")
M.ok("tag_escaped_value",
     msg("Integration\\u0043reated", CREATED), "IntegrationCreated")
M.ok("tag_escaped_solidus_in_unknown",
     msg("IntegrationDisabled", INTEG_ONLY, extra=[("a\\/b", q("\\/"))]),
     "IntegrationDisabled")

# --- strings, escapes, UTF-8 -----------------------------------------------------
def name_case(nm, name_bytes, tag="IntegrationDisabled"):
    M.ok(nm, msg(tag, [("Integration", obj(integ(name=q(name_bytes))))]), tag)


name_case("string_empty", b"")
name_case("string_escapes_all", b'\\"\\\\\\/\\b\\f\\n\\r\\t')
name_case("string_u_escape_latin", b"Caf\\u00e9 \\u00E9")
name_case("string_u_escape_nul", b"a\\u0000b")
name_case("string_u_escape_controls", b"\\u0001\\u001f\\u007f")
name_case("string_surrogate_pair", b"\\ud83d\\ude00 \\uD83D\\uDE00")
name_case("string_surrogate_pair_edges", b"\\ud800\\udc00\\udbff\\udfff")
name_case("string_u_escape_bmp_edges", b"\\u0800\\ud7ff\\ue000\\uffff")
name_case("utf8_two_byte", "Caf\u00e9 \u00df \u0080 \u07ff".encode())
name_case("utf8_three_byte", "\u20ac \u0800 \ud7ff \ue000 \uffff"
          .encode("utf-8", "surrogatepass"))
name_case("utf8_four_byte", "\U0001F600 \U00010000 \U0010FFFF".encode())
name_case("utf8_raw_del", b"a\x7fb")
name_case("string_nul_escape_in_name",
          b"\\u0000")
M.ok("utf8_in_unknown_key_and_value",
     msg("IntegrationDisabled", INTEG_ONLY,
         extra=[("Pr\u00e9nom \u540d\u524d \U0001F600", q("\u20ac\U0001F600"))]),
     "IntegrationDisabled")

# --- uuid --------------------------------------------------------------------
def uuid_ok(nm, u):
    M.ok(nm, msg("IntegrationDisabled", [("Integration", obj(integ(id_=q(u))))]),
         "IntegrationDisabled")


uuid_ok("uuid_lower", I)
uuid_ok("uuid_upper", I.upper())
uuid_ok("uuid_mixed", "9E5e84E9-974d-4F16-9662-aB2200f27Cb1")
uuid_ok("uuid_nil", "00000000-0000-0000-0000-000000000000")
uuid_ok("uuid_escaped_digit", "\\u0039e5e84e9-974d-4f16-9662-ab2200f27cb1")

# --- datetime ----------------------------------------------------------------
def dt_ok(nm, d):
    M.ok(nm, msg("IntegrationDeleted", replace(DELETED, "DeletedUtc", q(d))),
         "IntegrationDeleted")


dt_ok("datetime_leap_2024", "2024-02-29T12:00:00Z")
dt_ok("datetime_leap_2000", "2000-02-29T00:00:00Z")
dt_ok("datetime_leap_year_0", "0000-02-29T00:00:00Z")
dt_ok("datetime_max", "9999-12-31T23:59:59Z")
dt_ok("datetime_month_ends",
      "2023-01-31T23:59:59Z")
dt_ok("datetime_april_30", "2023-04-30T00:00:00Z")
dt_ok("datetime_feb_28", "2023-02-28T00:00:00Z")
dt_ok("datetime_frac_1", "2019-12-13T14:42:52.1Z")
dt_ok("datetime_frac_9", "2019-12-13T14:42:52.123456789Z")
dt_ok("datetime_lower_t_z", "2019-12-13t14:42:52z")
dt_ok("datetime_plus_offset", "2019-12-13T14:42:52+05:30")
dt_ok("datetime_minus_offset", "2019-12-13T14:42:52-08:00")
dt_ok("datetime_offset_max", "2019-12-13T14:42:52+23:59")
dt_ok("datetime_zero_offset", "2019-12-13T14:42:52+00:00")
dt_ok("datetime_frac_and_offset", "2019-12-13T14:42:52.5-00:00")

# --- e-mail ------------------------------------------------------------------
def req(name=q("Jane"), email=q("jane@example.com")):
    return obj([("Name", name), ("Email", email)])


def email_ok(nm, e):
    M.ok(nm, msg("IntegrationCreated", created_members(Requestor=req(email=q(e)))),
         "IntegrationCreated")


email_ok("email_plain", "a@b.cz")
email_ok("email_dots_plus", "first.last+tag@mail.example.co.uk")
email_ok("email_atext_specials", "!#$%&'*+/=?^_`{|}~-@example.com")
email_ok("email_hyphen_digits", "x1@my-host-2.example")
email_ok("email_local_64", "l" * 64 + "@example.com")
email_ok("email_label_63", "a@" + "b" * 63 + ".com")

# --- bounds ------------------------------------------------------------------
name_case("bound_name_1023", b"n" * 1023)
name_case("bound_name_1024", b"n" * 1024)
name_case("bound_name_1022_plus_2byte", b"n" * 1022 + "\u00e9".encode())
name_case("bound_name_1021_plus_3byte", b"n" * 1021 + "\u20ac".encode())
name_case("bound_name_1020_plus_4byte", b"n" * 1020 + "\U0001F600".encode())
name_case("bound_name_1022_plus_u_escape", b"n" * 1022 + b"\\u00e9")
name_case("bound_name_1020_plus_pair", b"n" * 1020 + b"\\ud83d\\ude00")
name_case("bound_name_1023_plus_newline_escape", b"n" * 1023 + b"\\n")
name_case("bound_name_512_two_byte_chars", "\u00e9".encode() * 512)
M.ok("bound_enterprise_name_1024",
     msg("IntegrationCreated", created_members(Enterprise=obj(
         ent(name=q("e" * 1024))))), "IntegrationCreated")
M.ok("bound_requestor_name_1024",
     msg("IntegrationCreated", created_members(Requestor=req(name=q("r" * 1024)))),
     "IntegrationCreated")
EMAIL_254 = "l" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 61
assert len(EMAIL_254) == 254
email_ok("bound_email_253", EMAIL_254[:-2] + "d")
email_ok("bound_email_254", EMAIL_254)
M.ok("bound_access_token_511",
     msg("IntegrationCreated", created_members(AccessToken=q("t" * 511))),
     "IntegrationCreated")
M.ok("bound_access_token_512",
     msg("IntegrationCreated", created_members(AccessToken=q("t" * 512))),
     "IntegrationCreated")
M.ok("bound_access_token_510_plus_2byte",
     msg("IntegrationCreated", created_members(
         AccessToken=q(b"t" * 510 + "\u00e9".encode()))), "IntegrationCreated")
M.ok("bound_access_token_508_plus_u_escape_3byte",
     msg("IntegrationCreated", created_members(
         AccessToken=q(b"t" * 509 + b"\\u20ac"))), "IntegrationCreated")
M.ok("bound_apikey_512",
     msg("IntegrationApiKeyCreated", replace(APIKEY, "ApiKey", q("k" * 512))),
     "IntegrationApiKeyCreated")

# =========================== invalid =========================================

def at_value(members, key, value):
    """members with key's value replaced by HERE + value."""
    return replace(members, key, HERE + b(value))


# --- wrong JSON types, per type ----------------------------------------------
def int_field(nm, key, value):
    """A wrong value for Integration.<key>."""
    M.bad(nm, msg("IntegrationDisabled",
                  [("Integration", obj(at_value(integ(), key, value)))]),
          "TYPE", "Data.Integration." + key)


for nm, v in [("number", b"5"), ("true", b"true"), ("null", b"null"),
              ("object", b'{"a":"b"}'), ("array", b'["x"]')]:
    int_field("type_string_" + nm, "Name", v)
for nm, v in [("number", b"123"), ("null", b"null"), ("object", b"{}"),
              ("bool", b"false")]:
    int_field("type_uuid_" + nm, "Id", v)


def created_bad(nm, key, value, code="TYPE", path=None):
    M.bad(nm, msg("IntegrationCreated", at_value(CREATED, key, value)), code,
          path or "Data." + key)


for nm, v in [("string", q("true")), ("number", b"1"), ("null", b"null"),
              ("array", b"[true]")]:
    created_bad("type_bool_" + nm, "IsEnabled", v)
for nm, v in [("number", b"1576248172"), ("null", b"null"), ("bool", b"true")]:
    created_bad("type_datetime_" + nm, "CreatedUtc", v)
created_bad("type_secret_string_null", "AccessToken", b"null")
created_bad("type_secret_string_number", "AccessToken", b"0")
for nm, v in [("string", q("x")), ("array", b"[]"), ("null", b"null"),
              ("number", b"1")]:
    created_bad("type_record_" + nm, "Integration", v)
created_bad("type_record_enterprise_bool", "Enterprise", b"true")
for nm, v in [("string", q("Jane")), ("array", b"[]"), ("false", b"false")]:
    created_bad("type_optional_nullable_record_" + nm, "Requestor", v)
M.bad("type_optional_record_null",
      msg("IntegrationCreated", CREATED + [("Service", HERE + b"null")]),
      "TYPE", "Data.Service")
for nm, v in [("number", b"5"), ("null", b"null"), ("array", b"[1]")]:
    M.bad("type_email_" + nm,
          msg("IntegrationCreated", created_members(Requestor=obj(
              [("Name", q("J")), ("Email", HERE + v)]))),
          "TYPE", "Data.Requestor.Email")
M.bad("type_nullable_datetime_number",
      msg("IntegrationDeleted", at_value(DELETED, "DeletedUtc", b"0")),
      "TYPE", "Data.DeletedUtc")
M.bad("type_nullable_datetime_false",
      msg("IntegrationDeleted", at_value(DELETED, "DeletedUtc", b"false")),
      "TYPE", "Data.DeletedUtc")
M.bad("type_apikey_number",
      msg("IntegrationApiKeyCreated", at_value(APIKEY, "ApiKey", b"5")),
      "TYPE", "Data.ApiKey")
for nm, v in [("number", b"5"), ("null", b"null"), ("object", b"{}"),
              ("array", b'["IntegrationCreated"]'), ("true", b"true")]:
    M.bad("type_tag_" + nm,
          obj([("Action", HERE + v), ("Data", obj(INTEG_ONLY))]),
          "TYPE", "Action")
M.bad("type_tag_number_after_body",
      obj([("Data", obj(INTEG_ONLY)), ("Action", HERE + b"1")]),
      "TYPE", "Action")
for nm, v in [("null", b"null"), ("string", q("x")), ("array", b"[]"),
              ("number", b"0")]:
    M.bad("type_body_" + nm,
          obj([("Action", q("IntegrationDisabled")), ("Data", HERE + v)]),
          "TYPE", "Data")
# documented: a body is checked against every member any variant declares
M.bad("type_foreign_member_still_typed",
      msg("IntegrationDisabled", INTEG_ONLY + [("ApiKey", HERE + b"5")]),
      "TYPE", "Data.ApiKey")

# --- the top level must be an object -------------------------------------
M.bad("toplevel_array", HERE + b'[{"Action":"IntegrationDisabled"}]', "TYPE")
M.bad("toplevel_empty_array", HERE + b"[]", "TYPE")
M.bad("toplevel_number", HERE + b"42", "TYPE")
M.bad("toplevel_negative_number_newline", HERE + b"-1.5e3\n", "TYPE")
M.bad("toplevel_string", HERE + b'"IntegrationCreated"', "TYPE")
M.bad("toplevel_true", HERE + b"true", "TYPE")
M.bad("toplevel_null_after_space", b"  \n " + HERE + b"null ", "TYPE")

# --- required members --------------------------------------------------------
def created_missing(key, path=None):
    M.bad("missing_created_" + key.lower(),
          msg("IntegrationCreated", data_of(without(CREATED, key), HERE)),
          "MISSING", path or "Data." + key)


for key in ["Enterprise", "AccessToken", "CreatedUtc", "IsEnabled",
            "Integration"]:
    created_missing(key)
M.bad("missing_enterprise_id",
      msg("IntegrationCreated", created_members(
          Enterprise=obj(without(ent(), "Id"), HERE))),
      "MISSING", "Data.Enterprise.Id")
M.bad("missing_enterprise_name",
      msg("IntegrationCreated", created_members(
          Enterprise=obj(without(ent(), "Name"), HERE))),
      "MISSING", "Data.Enterprise.Name")
M.bad("missing_requestor_email",
      msg("IntegrationCreated", created_members(
          Requestor=obj([("Name", q("J"))], HERE))),
      "MISSING", "Data.Requestor.Email")
M.bad("missing_requestor_name_empty_object",
      msg("IntegrationCreated", created_members(Requestor=b"{" + HERE + b"}")),
      "MISSING", "Data.Requestor.Name")
M.bad("missing_service_id",
      msg("IntegrationCreated", CREATED + [("Service", obj(
          [("Name", q("S"))], HERE))]), "MISSING", "Data.Service.Id")
M.bad("missing_integration_id",
      msg("IntegrationDisabled", [("Integration", obj(
          without(integ(), "Id"), HERE))]), "MISSING", "Data.Integration.Id")
M.bad("missing_integration_name",
      msg("IntegrationEnabled", [("Integration", obj(
          without(integ(), "Name"), HERE))]), "MISSING", "Data.Integration.Name")
for act in ["IntegrationDisabled", "IntegrationCanceled",
            "IntegrationReinstated"]:
    M.bad("missing_integration_" + act[len("Integration"):].lower(),
          msg(act, b"{" + HERE + b"}"), "MISSING", "Data.Integration")
M.bad("missing_deleted_utc",
      msg("IntegrationDeleted", data_of(INTEG_ONLY, HERE)),
      "MISSING", "Data.DeletedUtc")
M.bad("missing_deleted_utc_tag_last",
      obj([("Data", obj(INTEG_ONLY)), ("Action", HERE + q("IntegrationDeleted"))]),
      "MISSING", "Data.DeletedUtc")
M.bad("missing_apikey", msg("IntegrationApiKeyCreated", data_of(INTEG_ONLY, HERE)),
      "MISSING", "Data.ApiKey")
M.bad("missing_apikey_tag_last",
      obj([("Data", obj(INTEG_ONLY)),
           ("Action", HERE + q("IntegrationApiKeyCreated"))]),
      "MISSING", "Data.ApiKey")
M.bad("missing_access_token_tag_last",
      obj([("Data", obj(without(CREATED, "AccessToken"))),
           ("Action", HERE + q("IntegrationCreated"))]),
      "MISSING", "Data.AccessToken")
M.bad("missing_action", obj([("Data", obj(INTEG_ONLY))], HERE),
      "MISSING", "Action")
M.bad("missing_data", obj([("Action", q("IntegrationDisabled"))], HERE),
      "MISSING", "Data")
M.bad("missing_data_tag_only_unknowns",
      obj([("Action", q("IntegrationDisabled")), ("data", obj(INTEG_ONLY))], HERE),
      "MISSING", "Data")
M.bad("missing_everything_empty_object", b"{" + HERE + b"}", "MISSING", "Action")
M.bad("missing_action_key_case",
      obj([("action", q("IntegrationDisabled")), ("Data", obj(INTEG_ONLY))], HERE),
      "MISSING", "Action")

# --- duplicates ----------------------------------------------------------------
M.bad("duplicate_action",
      b'{"Action":"IntegrationDisabled",' + HERE +
      b'"Action":"IntegrationDisabled","Data":' + obj(INTEG_ONLY) + b"}",
      "DUPLICATE", "Action")
M.bad("duplicate_action_escaped",
      b'{"Action":"IntegrationDisabled","Data":' + obj(INTEG_ONLY) + b"," +
      HERE + b'"\\u0041ction":"IntegrationEnabled"}', "DUPLICATE", "Action")
M.bad("duplicate_data",
      b'{"Action":"IntegrationDisabled","Data":' + obj(INTEG_ONLY) + b"," +
      HERE + b'"Data":' + obj(INTEG_ONLY) + b"}", "DUPLICATE", "Data")
M.bad("duplicate_integration_id",
      msg("IntegrationDisabled", [("Integration", b'{"Id":"' + b(I) + b'",' +
                                   HERE + b'"Id":"' + b(I) + b'","Name":"x"}')]),
      "DUPLICATE", "Data.Integration.Id")
M.bad("duplicate_name_escaped_spelling",
      msg("IntegrationDisabled", [("Integration", b'{"Id":"' + b(I) +
                                   b'","Name":"a",' + HERE +
                                   b'"N\\u0061m\\u0065":"b"}')]),
      "DUPLICATE", "Data.Integration.Name")
M.bad("duplicate_is_enabled",
      msg("IntegrationCreated", data_of(CREATED, b"," + HERE + b'"IsEnabled":true')),
      "DUPLICATE", "Data.IsEnabled")
M.bad("duplicate_requestor_null",
      msg("IntegrationCreated", data_of(CREATED, b"," + HERE + b'"Requestor":null')),
      "DUPLICATE", "Data.Requestor")
M.bad("duplicate_deleted_utc",
      msg("IntegrationDeleted", data_of(DELETED, b"," + HERE + b'"DeletedUtc":null')),
      "DUPLICATE", "Data.DeletedUtc")
M.bad("duplicate_integration_record",
      msg("IntegrationDisabled", data_of(INTEG_ONLY, b"," + HERE +
                                         b'"Integration":' + obj(integ()))),
      "DUPLICATE", "Data.Integration")

# --- unknown tag values ----------------------------------------------------------
def unknown_tag(nm, value, tag_first=True):
    if tag_first:
        d = obj([("Action", HERE + q(value)), ("Data", obj(INTEG_ONLY))])
    else:
        d = obj([("Data", obj(INTEG_ONLY)), ("Action", HERE + q(value))])
    M.bad(nm, d, "UNKNOWN_TAG", "Action")


unknown_tag("unknown_tag_first", "IntegrationRenamed")
unknown_tag("unknown_tag_last", "IntegrationRenamed", False)
unknown_tag("unknown_tag_case", "integrationdisabled")
unknown_tag("unknown_tag_empty", "")
unknown_tag("unknown_tag_trailing_space", "IntegrationDisabled ")
unknown_tag("unknown_tag_longer_than_128", "IntegrationDisabled" + "x" * 200)
unknown_tag("unknown_tag_nul_escape", "IntegrationDisabled\\u0000", False)
M.bad("unknown_tag_first_then_bad_body",
      obj([("Action", HERE + q("Nope")), ("Data", b'{"Integration":5}')]),
      "UNKNOWN_TAG", "Action")
# documented: a body before its tag reports its own error first
M.bad("unknown_tag_after_bad_body",
      obj([("Data", b'{"Integration":' + HERE + b"5}"), ("Action", q("Nope"))]),
      "TYPE", "Data.Integration")

# --- bounds ---------------------------------------------------------------
def name_bad(nm, name_bytes, code="TOO_LONG"):
    M.bad(nm, msg("IntegrationDisabled", [("Integration", obj(
        integ(name=HERE + q(name_bytes))))]), code, "Data.Integration.Name")


name_bad("bound_name_1025", b"n" * 1025)
name_bad("bound_name_1023_plus_2byte", b"n" * 1023 + "\u00e9".encode())
name_bad("bound_name_1022_plus_3byte", b"n" * 1022 + "\u20ac".encode())
name_bad("bound_name_1021_plus_4byte", b"n" * 1021 + "\U0001F600".encode())
name_bad("bound_name_1023_plus_u_escape", b"n" * 1023 + b"\\u00e9")
name_bad("bound_name_1021_plus_pair", b"n" * 1021 + b"\\ud83d\\ude00")
name_bad("bound_name_1024_plus_tab_escape", b"n" * 1024 + b"\\t")
name_bad("bound_name_far_over", b"n" * 5000)
M.bad("bound_enterprise_name_1025",
      msg("IntegrationCreated", created_members(Enterprise=obj(
          ent(name=HERE + q("e" * 1025))))), "TOO_LONG", "Data.Enterprise.Name")
M.bad("bound_requestor_name_1025",
      msg("IntegrationCreated", created_members(Requestor=obj(
          [("Name", HERE + q("r" * 1025)), ("Email", q("a@b.cz"))]))),
      "TOO_LONG", "Data.Requestor.Name")
M.bad("bound_email_255",
      msg("IntegrationCreated", created_members(Requestor=obj(
          [("Name", q("J")), ("Email", HERE + q(EMAIL_254[:-1] + "dd"))]))),
      "TOO_LONG", "Data.Requestor.Email")
M.bad("bound_access_token_513",
      msg("IntegrationCreated", created_members(AccessToken=HERE + q("t" * 513))),
      "TOO_LONG", "Data.AccessToken")
M.bad("bound_access_token_511_plus_2byte",
      msg("IntegrationCreated", created_members(
          AccessToken=HERE + q(b"t" * 511 + "\u00e9".encode()))),
      "TOO_LONG", "Data.AccessToken")
M.bad("bound_access_token_510_plus_u_escape_3byte",
      msg("IntegrationCreated", created_members(
          AccessToken=HERE + q(b"t" * 510 + b"\\u20ac"))),
      "TOO_LONG", "Data.AccessToken")
M.bad("bound_apikey_513",
      msg("IntegrationApiKeyCreated",
          replace(APIKEY, "ApiKey", HERE + q("k" * 513))),
      "TOO_LONG", "Data.ApiKey")

# --- uuid values -------------------------------------------------------------
for nm, v in [("short_35", I[:-1]), ("long_37", I + "0"),
              ("no_dashes", I.replace("-", "")),
              ("dash_misplaced", "9e5e84e-9974d-4f16-9662-ab2200f27cb1"),
              ("non_hex_g", "9e5e84e9-974d-4f16-9662-ab2200f27cbg"),
              ("braces", "{" + I + "}"), ("urn", "urn:uuid:" + I),
              ("empty", ""), ("trailing_space", I[:-1] + " "),
              ("spaces_for_dashes", I.replace("-", " ")),
              ("nul_escape", I[:-1] + "\\u0000"),
              ("fullwidth_digit", I[:-1] + "\uff11")]:
    M.bad("uuid_" + nm, msg("IntegrationDisabled", [("Integration", obj(
        integ(id_=HERE + q(v))))]), "VALUE", "Data.Integration.Id")
M.bad("uuid_enterprise_far_too_long",
      msg("IntegrationCreated", created_members(Enterprise=obj(
          ent(id_=HERE + q(E * 3))))), "VALUE", "Data.Enterprise.Id")

# --- datetime values -----------------------------------------------------------
def dt_bad(nm, d):
    M.bad("datetime_" + nm,
          msg("IntegrationCreated", created_members(CreatedUtc=HERE + q(d))),
          "VALUE", "Data.CreatedUtc")


for nm, d in [("feb_29_2023", "2023-02-29T12:00:00Z"),
              ("feb_29_1900", "1900-02-29T12:00:00Z"),
              ("feb_30_2024", "2024-02-30T12:00:00Z"),
              ("april_31", "2024-04-31T12:00:00Z"),
              ("june_31", "2024-06-31T12:00:00Z"),
              ("month_13", "2024-13-01T12:00:00Z"),
              ("month_00", "2024-00-10T12:00:00Z"),
              ("day_00", "2024-01-00T12:00:00Z"),
              ("day_32", "2024-01-32T12:00:00Z"),
              ("hour_24", "2024-01-01T24:00:00Z"),
              ("minute_60", "2024-01-01T12:60:00Z"),
              ("second_60_leap", "2016-12-31T23:59:60Z"),
              ("frac_10_digits", "2019-12-13T14:42:52.1234567890Z"),
              ("frac_empty", "2019-12-13T14:42:52.Z"),
              ("frac_comma", "2019-12-13T14:42:52,5Z"),
              ("no_offset", "2019-12-13T14:42:52"),
              ("no_offset_frac", "2019-12-13T14:42:52.123"),
              ("space_separator", "2019-12-13 14:42:52Z"),
              ("date_only", "2019-12-13"),
              ("offset_hour_24", "2019-12-13T14:42:52+24:00"),
              ("offset_minute_60", "2019-12-13T14:42:52+05:60"),
              ("offset_no_colon", "2019-12-13T14:42:52+0530"),
              ("offset_short", "2019-12-13T14:42:52+05"),
              ("z_then_more", "2019-12-13T14:42:52Zx"),
              ("one_digit_month", "2019-1-13T14:42:52Z"),
              ("five_digit_year", "12019-12-13T14:42:52Z"),
              ("leading_space", " 2019-12-13T14:42:52Z"),
              ("empty", ""),
              ("far_too_long", "2019-12-13T14:42:52." + "1" * 80 + "Z")]:
    dt_bad(nm, d)
M.bad("datetime_nullable_invalid",
      msg("IntegrationDeleted", at_value(DELETED, "DeletedUtc",
                                         q("2023-02-29T00:00:00Z"))),
      "VALUE", "Data.DeletedUtc")

# --- e-mail values ---------------------------------------------------------------
for nm, e in [("no_at", "jane.example.com"), ("two_ats", "a@b@c.cz"),
              ("empty_local", "@example.com"), ("empty_domain", "a@"),
              ("one_label", "a@localhost"), ("leading_dot", ".a@b.cz"),
              ("trailing_dot_local", "a.@b.cz"), ("double_dot", "a..b@c.cz"),
              ("quoted_local", '\\"a b\\"@c.cz'), ("literal", "a@[192.0.2.1]"),
              ("label_leading_hyphen", "a@-b.cz"),
              ("label_trailing_hyphen", "a@b-.cz"),
              ("empty_label", "a@b..cz"), ("trailing_dot_domain", "a@b.cz."),
              ("space", "a b@c.cz"), ("local_65", "l" * 65 + "@b.cz"),
              ("label_64", "a@" + "b" * 64 + ".cz"), ("empty", ""),
              ("comma", "a,b@c.cz"), ("underscore_domain", "a@b_c.cz")]:
    M.bad("email_" + nm,
          msg("IntegrationCreated", created_members(Requestor=obj(
              [("Name", q("J")), ("Email", HERE + q(e))]))),
          "VALUE", "Data.Requestor.Email")

# --- syntax: whitespace, tokens, structure --------------------------------------
DIS = msg("IntegrationDisabled", INTEG_ONLY)
for nm, ws in [("form_feed", b"\x0c"), ("vertical_tab", b"\x0b"),
               ("nbsp", b"\xc2\xa0"), ("nul", b"\x00"),
               ("ideographic_space", "\u3000".encode())]:
    M.bad("syntax_whitespace_" + nm, b"{" + HERE + ws + DIS[1:], "SYNTAX")
M.bad("syntax_form_feed_before_document", HERE + b"\x0c" + DIS, "SYNTAX")
M.bad("syntax_form_feed_after_value",
      b'{"Action":"IntegrationDisabled"' + HERE + b'\x0c,"Data":' +
      obj(INTEG_ONLY) + b"}", "SYNTAX")


def unknown_syntax(nm, value_with_here, path="X", code="SYNTAX"):
    """value_with_here is the value of the unknown member X at the root."""
    d = (b'{"Action":"IntegrationDisabled","Data":' + obj(INTEG_ONLY) +
         b',"X":' + value_with_here + b"}")
    M.bad(nm, d, code, path)


H = HERE
for nm, *v in [("leading_zero", b"0" + H + b"1"), ("dot_no_digits", b"1." + H + b"}"),
              ("dot_first", H + b".5"), ("plus", H + b"+1"),
              ("minus_alone", b"-" + H + b"}"), ("minus_letter", b"-" + H + b"a"),
              ("exp_no_digits", b"1e" + H + b"}"),
              ("exp_sign_no_digits", b"1e+" + H + b"}"),
              ("dot_exp", b"1." + H + b"e5"), ("hex", b"0" + H + b"x10", "-"),
              ("nan", H + b"NaN"), ("infinity", H + b"Infinity"),
              ("minus_infinity", b"-" + H + b"Infinity"),
              ("leading_zero_negative", b"-0" + H + b"5")]:
    unknown_syntax("syntax_number_" + nm, *v)
for nm, *v in [("tru", b"tru" + H + b"}"), ("capital_true", H + b"True"),
              ("nul", b"nul" + H + b"}"), ("fals", b"fals" + H + b"y"),
              ("truex", b"true" + H + b"x", "-"),
              ("nulll", b"null" + H + b"l", "-"),
              ("undefined", H + b"undefined")]:
    unknown_syntax("syntax_literal_" + nm, *v)
for nm, v in [("array_trailing_comma", b"[1," + H + b"]"),
              ("array_missing_comma", b"[1 " + H + b"2]"),
              ("array_leading_comma", b"[" + H + b",1]"),
              ("array_closed_by_brace", b"[1" + H + b"}"),
              ("object_closed_by_bracket", b'{"a":1' + H + b"]"),
              ("object_missing_colon", b'{"a" ' + H + b"1}"),
              ("object_missing_value", b'{"a":' + H + b"}"),
              ("object_unquoted_key", b"{" + H + b"a:1}"),
              ("object_single_quoted_key", b"{" + H + b"'a':1}"),
              ("object_number_key", b"{" + H + b"1:1}"),
              ("object_double_colon", b'{"a":' + H + b":1}"),
              ("comment", H + b"/* c */1"),
              ("single_quoted_string", H + b"'x'"),
              ("nested_deep_bad", b'[{"a":[{"b":[1,' + H + b"]}]}]")]:
    unknown_syntax("syntax_nesting_" + nm, v)
M.bad("syntax_object_trailing_comma",
      b'{"Action":"IntegrationDisabled","Data":' + obj(INTEG_ONLY) + b"," + H + b"}",
      "SYNTAX")
M.bad("syntax_missing_comma_between_members",
      b'{"Action":"IntegrationDisabled" ' + H + b'"Data":' + obj(INTEG_ONLY) + b"}",
      "SYNTAX")
M.bad("syntax_missing_colon_known",
      b'{"Action" ' + H + b'"IntegrationDisabled"}', "SYNTAX", "Action")
M.bad("syntax_empty_value_known",
      b'{"Action":"IntegrationDisabled","Data":' + H + b"}", "SYNTAX", "Data")
M.bad("syntax_bad_literal_in_known_bool",
      msg("IntegrationCreated", replace(CREATED, "IsEnabled", b"tr" + H + b"ie")),
      "SYNTAX", "Data.IsEnabled")
# trailing data
for nm, t in [("letter", b"x"), ("second_object", b"{}"), ("brace", b"}"),
              ("bracket", b"]"), ("comma", b","), ("nul", b"\x00"),
              ("after_newline", b"\n\n  x")]:
    if nm == "after_newline":
        M.bad("syntax_trailing_" + nm, DIS + b"\n\n  " + H + b"x", "SYNTAX")
    else:
        M.bad("syntax_trailing_" + nm, DIS + H + t, "SYNTAX")
M.bad("syntax_trailing_after_space", DIS + b"  " + H + b"{}", "SYNTAX")

# --- strings: control characters, escapes -------------------------------------
def name_err(nm, raw_with_here, code):
    M.bad(nm, msg("IntegrationDisabled", [("Integration", obj(
        integ(name=b'"' + raw_with_here + b'"')))]), code,
        "Data.Integration.Name")


name_err("string_raw_nul", b"ab" + H + b"\x00cd", "SYNTAX")
name_err("string_raw_tab", b"a" + H + b"\tb", "SYNTAX")
name_err("string_raw_newline", b"a" + H + b"\nb", "SYNTAX")
name_err("string_raw_cr", b"a" + H + b"\rb", "SYNTAX")
name_err("string_raw_0x1f", b"a" + H + b"\x1fb", "SYNTAX")
name_err("escape_x", b"a\\" + H + b"x41", "SYNTAX")
name_err("escape_single_quote", b"a\\" + H + b"'", "SYNTAX")
name_err("escape_upper_u", b"a\\" + H + b"U0041", "SYNTAX")
name_err("escape_zero", b"a\\" + H + b"0", "SYNTAX")
name_err("escape_u_non_hex", b"a\\u00" + H + b"g0", "SYNTAX")
name_err("escape_u_short", b"a\\u12" + H + b'"', "SYNTAX")
name_err("escape_u_brace", b"a\\u" + H + b"{41}", "SYNTAX")
name_err("surrogate_lone_high_end", b"a\\ud800" + H + b'"', "ENCODING")
name_err("surrogate_lone_high_then_char", b"a\\ud83d" + H + b"x", "ENCODING")
name_err("surrogate_lone_low", b"a\\udc0" + H + b"0b", "ENCODING")
name_err("surrogate_high_then_escaped_backslash",
         b"a\\ud800\\" + H + b"\\", "ENCODING")
name_err("surrogate_high_then_non_surrogate", b"a\\ud800\\u004" + H + b"1",
         "ENCODING")
name_err("surrogate_high_high", b"\\ud800\\ud80" + H + b"0", "ENCODING")
name_err("surrogate_reversed", b"\\ude0" + H + b"0\\ud83d", "ENCODING")
name_err("surrogate_high_then_newline_escape", b"\\ud800\\" + H + b"n",
         "ENCODING")

# --- UTF-8 in a stored string, a key, a skipped value ----------------------------
UTF8_BAD = [
    ("overlong_2byte_c0", H + b"\xc0\xaf"),
    ("overlong_2byte_c1", H + b"\xc1\xbf"),
    ("overlong_3byte", b"\xe0" + H + b"\x80\xaf"),
    ("overlong_3byte_max", b"\xe0" + H + b"\x9f\xbf"),
    ("overlong_4byte", b"\xf0" + H + b"\x80\x80\xaf"),
    ("overlong_4byte_max", b"\xf0" + H + b"\x8f\xbf\xbf"),
    ("surrogate_encoded_d800", b"\xed" + H + b"\xa0\x80"),
    ("surrogate_encoded_dfff", b"\xed" + H + b"\xbf\xbf"),
    ("above_10ffff", b"\xf4" + H + b"\x90\x80\x80"),
    ("stray_continuation", b"a" + H + b"\x80"),
    ("stray_continuation_after_char", "\u00e9".encode() + H + b"\xa9"),
    ("truncated_2byte_then_ascii", b"\xc3" + H + b"A"),
    ("truncated_3byte_then_ascii", b"\xe2\x82" + H + b"A"),
    ("truncated_4byte_then_ascii", b"\xf0\x9f\x98" + H + b"A"),
    ("truncated_then_quote", b"\xc3" + H + b'"'),
    ("lead_f5", H + b"\xf5\x80\x80\x80"),
    ("lead_f8", H + b"\xf8\x88\x80\x80\x80"),
    ("lead_fe", H + b"\xfe"),
    ("lead_ff", H + b"\xff"),
    ("latin1", b"Caf\xe9" + H + b"!"),
]
for nm, raw in UTF8_BAD:
    if raw.endswith(b'"'):
        d = msg("IntegrationDisabled", [("Integration", b'{"Id":"' + b(I) +
                                         b'","Name":"x' + raw + b"}")])
        M.bad("utf8_name_" + nm, d, "ENCODING", "Data.Integration.Name")
    else:
        name_err("utf8_name_" + nm, b"x" + raw + b"y", "ENCODING")
for nm, raw in [UTF8_BAD[0], UTF8_BAD[2], UTF8_BAD[6], UTF8_BAD[8],
                UTF8_BAD[9], UTF8_BAD[11], UTF8_BAD[15]]:
    unknown_syntax("utf8_skipped_value_" + nm, b'"' + raw + b'"', "X", "ENCODING")
for nm, raw in [UTF8_BAD[1], UTF8_BAD[4], UTF8_BAD[7], UTF8_BAD[18]]:
    unknown_syntax("utf8_skipped_nested_" + nm,
                   b'[{"k":["' + raw + b'"]}]', "X", "ENCODING")
for nm, raw in [UTF8_BAD[0], UTF8_BAD[6], UTF8_BAD[12]]:
    M.bad("utf8_known_key_position_" + nm,
          b'{"Action":"IntegrationDisabled","' + raw + b'":1}', "ENCODING")
    unknown_syntax("utf8_skipped_key_" + nm, b'{"' + raw + b'":1}', "X",
                   "ENCODING")
M.bad("utf8_in_tag_value",
      b'{"Action":"Integration' + HERE + b'\xc0\x80Disabled"}', "ENCODING",
      "Action")
M.bad("utf8_in_uuid_value",
      msg("IntegrationDisabled", [("Integration", b'{"Id":"9e5e' + HERE +
                                   b'\xff"}')]), "ENCODING", "Data.Integration.Id")
M.bad("surrogate_lone_in_key",
      b'{"Action":"IntegrationDisabled","\\udc0' + HERE + b'0":1}', "ENCODING")
M.bad("surrogate_lone_in_skipped_value",
      b'{"Action":"IntegrationDisabled","X":"\\ud800' + HERE + b'"}',
      "ENCODING", "X")

# --- truncated input ----------------------------------------------------------------
FULL_DIS = msg("IntegrationDisabled", INTEG_ONLY)
M.bad("truncated_empty", b"", "TRUNCATED")
M.bad("truncated_whitespace_only", b" \t\r\n ", "TRUNCATED")
M.bad("truncated_open_brace", b"{", "TRUNCATED")
M.bad("truncated_in_key", b'{"Act', "TRUNCATED")
M.bad("truncated_after_key", b'{"Action"', "TRUNCATED", "Action")
M.bad("truncated_after_colon", b'{"Action":', "TRUNCATED", "Action")
M.bad("truncated_in_tag_value", b'{"Action":"IntegrationDis', "TRUNCATED",
      "Action")
M.bad("truncated_after_member", b'{"Action":"IntegrationDisabled",',
      "TRUNCATED")
M.bad("truncated_in_uuid",
      b'{"Action":"IntegrationDisabled","Data":{"Integration":{"Id":"9e5e',
      "TRUNCATED", "Data.Integration.Id")
M.bad("truncated_last_brace_missing", FULL_DIS[:-1], "TRUNCATED")
M.bad("truncated_last_brace_missing_newline", FULL_DIS[:-1] + b"\n",
      "TRUNCATED")
M.bad("truncated_in_number", FULL_DIS[:-1] + b',"X":12', "TRUNCATED", "X")
M.bad("truncated_in_exponent", FULL_DIS[:-1] + b',"X":1e-', "TRUNCATED", "X")
M.bad("truncated_in_literal", FULL_DIS[:-1] + b',"X":tru', "TRUNCATED", "X")
M.bad("truncated_after_backslash", FULL_DIS[:-1] + b',"X":"ab\\', "TRUNCATED",
      "X")
M.bad("truncated_in_u_escape", FULL_DIS[:-1] + b',"X":"\\u00', "TRUNCATED", "X")
M.bad("truncated_after_high_surrogate", FULL_DIS[:-1] + b',"X":"\\ud83d',
      "TRUNCATED", "X")
M.bad("truncated_in_utf8", FULL_DIS[:-1] + b',"X":"\xe2\x82', "TRUNCATED", "X")
M.bad("truncated_in_nested_array", FULL_DIS[:-1] + b',"X":[[1,[', "TRUNCATED",
      "X")
M.bad("truncated_in_name",
      b'{"Action":"IntegrationDisabled","Data":{"Integration":{"Id":"' + b(I) +
      b'","Name":"Webh', "TRUNCATED", "Data.Integration.Name")
M.bad("truncated_toplevel_array", b"[1,2", "TRUNCATED")

# --- nesting depth -----------------------------------------------------------------
M.bad("depth_65_arrays_in_root_member",
      msg("IntegrationDisabled", INTEG_ONLY,
          extra=[("X", b"[" * 63 + HERE + b"[" + b"]" * 64)]), "TOO_DEEP", "X")
M.bad("depth_65_objects_in_data_member",
      msg("IntegrationDisabled", INTEG_ONLY +
          [("X", b'{"a":' * 62 + HERE + b'{"a":1}' + b"}" * 62)]),
      "TOO_DEEP", "Data.X")
M.bad("depth_far_past_closed",
      msg("IntegrationDisabled", INTEG_ONLY,
          extra=[("X", b"[" * 63 + HERE + b"[" * 200 + b"]" * 263)]),
      "TOO_DEEP", "X")
# documented: past the limit ',' and ':' are not checked, brackets counted
M.bad("depth_past_limit_lax_separators",
      msg("IntegrationDisabled", INTEG_ONLY,
          extra=[("X", b"[" * 63 + HERE + b'[1 2 {"a" "b"} : ,]' + b"]" * 63)]),
      "TOO_DEEP", "X")
M.bad("depth_past_limit_open", FULL_DIS[:-1] + b',"X":' + b"[" * 100,
      "TRUNCATED", "X")
M.bad("depth_past_limit_bad_literal",
      msg("IntegrationDisabled", INTEG_ONLY,
          extra=[("X", b"[" * 70 + b"tru" + HERE + b"]" + b"]" * 69)]),
      "SYNTAX", "X")
M.bad("depth_past_limit_bad_utf8",
      msg("IntegrationDisabled", INTEG_ONLY,
          extra=[("X", b"[" * 70 + b'"' + HERE + b'\xc0"' + b"]" * 70)]),
      "ENCODING", "X")

# --- a syntax error outranks a held schema or limit error ---------------------------
M.bad("rank_type_then_trailing_data",
      obj([("Action", b"5"), ("Data", obj(INTEG_ONLY))]) + b" " + HERE + b"x",
      "SYNTAX")
M.bad("rank_type_then_missing_comma",
      b'{"Action":5 ' + HERE + b'"Data":{}}', "SYNTAX")
M.bad("rank_type_in_data_then_double_comma",
      b'{"Action":"IntegrationCreated","Data":{"IsEnabled":"yes",' + HERE +
      b',"Integration":{}}}', "SYNTAX", "Data")
M.bad("rank_missing_then_trailing_brace",
      b"{}" + HERE + b"}", "SYNTAX")
M.bad("rank_too_long_then_truncated",
      b'{"Action":"IntegrationCreated","Data":{"Enterprise":{"Name":"' +
      b"e" * 1025 + b'"', "TRUNCATED", "Data.Enterprise")
M.bad("rank_type_then_encoding_inside_value",
      b'{"Action":["ok","' + HERE + b'\xff"]}', "ENCODING", "Action")
M.bad("rank_duplicate_then_bad_escape",
      b'{"Action":"IntegrationDisabled","Action":"a\\' + HERE + b'q"}',
      "SYNTAX", "Action")
M.bad("rank_too_deep_then_trailing_data",
      msg("IntegrationDisabled", INTEG_ONLY,
          extra=[("X", b"[" * 64 + b"]" * 64)]) + HERE + b"]", "SYNTAX")
M.bad("rank_value_then_truncated",
      b'{"Action":"IntegrationDeleted","Data":{"DeletedUtc":"2023-02-29T00:00:00Z"',
      "TRUNCATED", "Data")
M.bad("rank_toplevel_array_then_bad_number", b"[1,0" + HERE + b"1]", "SYNTAX")
# among held errors the first wins
M.bad("rank_first_held_type_before_missing",
      b'{"Action":"IntegrationCreated","Data":{"IsEnabled":' + HERE +
      b'"no","Integration":{"Id":"' + b(I) + b'"}}}', "TYPE", "Data.IsEnabled")
M.bad("rank_first_held_missing_before_type",
      b'{"Action":"IntegrationCreated","Data":{"Integration":{"Id":"' + b(I) +
      b'"' + HERE + b'},"IsEnabled":"no"}}', "MISSING", "Data.Integration.Name")
M.bad("rank_first_held_type_before_too_deep",
      b'{"Action":' + HERE + b'0,"X":' + b"[" * 70 + b"]" * 70 + b"}", "TYPE",
      "Action")
M.bad("rank_first_held_too_deep_before_type",
      b'{"X":' + b"[" * 63 + HERE + b"[" + b"]" * 64 + b',"Action":0}',
      "TOO_DEEP", "X")

# --- positions on later lines ---------------------------------------------------
M.bad("position_multiline_type",
      b'{\n\t"Action": "IntegrationCreated",\n\t"Data": {\n'
      b'\t\t"Enterprise": {"Id": "' + b(E) + b'", "Name": "Caf\xc3\xa9 \xe2\x82\xac"},\n'
      b'\t\t"AccessToken": "t",\n\t\t"CreatedUtc": "2019-12-13T14:42:52Z",\n'
      b'\t\t"Requestor": {"Name": "\xf0\x9f\x98\x80\xc3\xa9", "Email": ' + HERE +
      b'7},\n\t\t"IsEnabled": true,\n\t\t"Integration": {"Id": "' + b(I) +
      b'", "Name": "W"}\n\t}\n}\n', "TYPE", "Data.Requestor.Email")
M.bad("position_crlf_syntax",
      b'{\r\n  "Action": "IntegrationDisabled",\r\n  "Data": {\r\n'
      b'    "\xc3\xa9t\xc3\xa9": ' + HERE + b'+1\r\n  }\r\n}\r\n', "SYNTAX",
      "Data.\u00e9t\u00e9")
M.bad("position_missing_on_last_line",
      b'{\n  "Action": "IntegrationDisabled",\n  "Data": {\n  ' + HERE + b'}\n}\n',
      "MISSING", "Data.Integration")

n_mews = M.finish()

# ===================================================================== full

full = Corpus("tests/cases/full", "tests/cases/full.cases",
              "# Rule-by-rule cases for tests/schemas/full.hookc, written by\n"
              "# tests/cases/make_cases.py (expectations decided there, by hand).\n"
              "# FILE ok [TAG]  |  FILE CODE OFFSET LINE:COL PATH\n\n")
F = full
U1 = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
U2 = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
T = "2024-02-29T12:00:00Z"


def person(**kw):
    m = [("Name", q("Ann")), ("Email", q("ann@example.com"))]
    for k, v in kw.items():
        m.append((k, v))
    return m


def created_payload(**kw):
    m = [("Id", q(U2)), ("At", q(T)), ("User", obj(person())),
         ("Token", q("tok-123"))]
    for k, v in kw.items():
        m = replace(m, k, v)
    return m


DELETED_P = [("At", q(T)), ("Reason", q("user asked"))]
LOGIN_P = [("Id", q(U2)), ("At", q(T)), ("2fa", b"true"),
           ("URLPath", q("/login?next=%2F"))]


def event(kind, payload, tag_first=True, head=None, tail=(), close=b""):
    p = obj(payload) if isinstance(payload, list) else b(payload)
    h = [("event-id", q(U1)), ("Sent", q(T))] if head is None else head
    k = ("Kind", q(kind))
    body = [k, ("Payload", p)] if tag_first else [("Payload", p), k]
    return obj(h + body + list(tail), close)


CR = created_payload()
F.ok("created_minimal", event("user.created", CR), "user.created")
F.ok("created_every_optional",
     event("user.created", created_payload(User=obj(person(
         Backup=q("backup@example.org"),
         Home=obj([("Street", q("Main 1")), ("post-code", q("110 00")),
                   ("Country", q("CZ"))]),
         **{"Pr\u00e9nom": q("Anna"), "\u540d\u524d": q("\u82b1\u5b50")}))),
         tail=[("Test", b"true"), ("Origin", obj([("Street", q("S")),
                                                 ("Country", q("US"))])),
               ("Nothing", b"{}"), ("Note", q("x"))]), "user.created")
F.ok("renamed_same_record", event("Renamed", CR), "Renamed")
F.ok("renamed_tag_last", event("Renamed", CR, False), "Renamed")
F.ok("deleted_without_optional_id", event("user.deleted", DELETED_P),
     "user.deleted")
F.ok("deleted_with_id_reason_null",
     event("user.deleted", [("Id", q(U2)), ("At", q(T)), ("Reason", b"null")]),
     "user.deleted")
F.ok("deleted_tag_last", event("user.deleted", DELETED_P, False), "user.deleted")
F.ok("login_minimal", event("user.login", LOGIN_P), "user.login")
F.ok("login_every_member",
     event("user.login", LOGIN_P + [("int", b"false"),
                                    ('say \\"hi\\" \\\\o/', q("hello"))]),
     "user.login")
F.ok("login_quoted_name_escaped_spelling",
     event("user.login", LOGIN_P + [("say \\u0022hi\\u0022 \\u005co\\/",
                                     q("12345678"))]), "user.login")
F.ok("login_tag_last", event("user.login", LOGIN_P, False), "user.login")
F.ok("origin_null", event("user.created", CR, tail=[("Origin", b"null")]),
     "user.created")
F.ok("origin_country_null_no_post_code",
     event("user.created", CR, tail=[("Origin", obj(
         [("Country", b"null"), ("Street", q(""))]))]), "user.created")
F.ok("origin_post_code_16",
     event("user.created", CR, tail=[("Origin", obj(
         [("Street", q("s")), ("post-code", q("p" * 16)),
          ("Country", q("\u00e9"))]))]), "user.created")
F.ok("backup_null", event("user.created", created_payload(User=obj(person(
    Backup=b"null")))), "user.created")
F.ok("backup_100",
     event("user.created", created_payload(User=obj(person(
         Backup=q("b" * 64 + "@" + "c" * 32 + ".cz"))))), "user.created")
F.ok("person_skips_unknown",
     event("user.created", created_payload(User=obj(person(
         Age=b"42", Tags=b'["a",{"b":null}]')))), "user.created")
F.ok("person_nfd_prenom_is_unknown_and_skipped",
     event("user.created", created_payload(User=obj(person(
         **{"Pre\\u0301nom": q("x" * 100)})))), "user.created")
F.ok("person_names_by_escape",
     event("user.created", created_payload(User=obj(person(
         **{"Pr\\u00e9nom": q("A"), "\\u540d\\u524d": q("B")})))),
     "user.created")
F.ok("nonascii_name_64_bytes",
     event("user.created", created_payload(User=obj(person(
         **{"\u540d\u524d": q("\u82b1" * 21 + "x")})))), "user.created")
F.ok("token_40", event("user.created", created_payload(Token=q("t" * 40))),
     "user.created")
F.ok("urlpath_2048", event("user.login", replace(LOGIN_P, "URLPath",
                                                 q("/" * 2048))), "user.login")
F.ok("note_one_byte_and_test_false",
     event("user.deleted", DELETED_P, tail=[("Note", q("\\u007f")),
                                            ("Test", b"false")]),
     "user.deleted")
F.ok("note_empty", event("user.deleted", DELETED_P, tail=[("Note", q(""))]),
     "user.deleted")
F.ok("members_any_order",
     obj([("Note", q("n")), ("Payload", obj(list(reversed(CR)))),
          ("Sent", q(T)), ("Kind", q("user.created")), ("event-id", q(U1))]),
     "user.created")
F.ok("tag_value_escaped", event("user\\u002edeleted", DELETED_P), "user.deleted")
F.ok("empty_record_ws", event("user.deleted", DELETED_P,
                              tail=[("Nothing", b"{ \n }")]), "user.deleted")

# --- invalid -----------------------------------------------------------------------
def fbad(nm, data, code, path="-"):
    F.bad(nm, data, code, path)


# unknown members: package policy (reject) on the message, Address, Empty, body
fbad("reject_root_unknown",
     b'{"event-id":"' + b(U1) + b'","Sent":"' + b(T) + b'",' + HERE +
     b'"x":1,"Kind":"user.created","Payload":' + obj(CR) + b"}",
     "UNKNOWN_MEMBER", "x")
fbad("reject_root_unknown_case",
     event("user.deleted", DELETED_P)[:-1] + b"," + HERE + b'"note":"n"}',
     "UNKNOWN_MEMBER", "note")
fbad("reject_address_unknown",
     event("user.deleted", DELETED_P, tail=[("Origin", b'{"Street":"s",' + HERE +
                                             b'"City":"c","Country":null}')]),
     "UNKNOWN_MEMBER", "Origin.City")
fbad("reject_address_post_code_spelling",
     event("user.deleted", DELETED_P, tail=[("Origin", b'{"Street":"s",' + HERE +
                                             b'"post_code":"1","Country":null}')]),
     "UNKNOWN_MEMBER", "Origin.post_code")
fbad("reject_empty_record_unknown",
     event("user.deleted", DELETED_P, tail=[("Nothing", b"{" + HERE + b'"a":1}')]),
     "UNKNOWN_MEMBER", "Nothing.a")
fbad("reject_body_unknown",
     event("user.created", obj(CR)[:-1] + b"," + HERE + b'"Extra":true}'),
     "UNKNOWN_MEMBER", "Payload.Extra")
fbad("reject_login_unknown",
     event("user.login", obj(LOGIN_P)[:-1] + b"," + HERE + b'"2FA":true}'),
     "UNKNOWN_MEMBER", "Payload.2FA")
fbad("reject_home_inside_skip_person",
     event("user.created", created_payload(User=obj(person(Home=b'{"Street":"s",'
                                                           b'"Country":"CZ",' +
                                                           HERE + b'"Zip":"1"}')))),
     "UNKNOWN_MEMBER", "Payload.User.Home.Zip")
# a member only other variants declare, refused under reject
fbad("variant_foreign_member_tag_first",
     event("user.deleted", obj(DELETED_P + [("Token", q("t"))], HERE)),
     "UNKNOWN_MEMBER", "Payload.Token")
fbad("variant_foreign_member_tag_last",
     obj([("event-id", q(U1)), ("Sent", q(T)),
          ("Payload", obj(DELETED_P + [("URLPath", q("/"))])),
          ("Kind", HERE + q("user.deleted"))]),
     "UNKNOWN_MEMBER", "Payload.URLPath")
fbad("variant_foreign_member_renamed",
     event("Renamed", obj(CR + [("Reason", b"null")], HERE)),
     "UNKNOWN_MEMBER", "Payload.Reason")
fbad("variant_foreign_member_created_2fa",
     event("user.created", obj(CR + [("2fa", b"false")], HERE)),
     "UNKNOWN_MEMBER", "Payload.2fa")
# a shared member keeps its type in every variant (documented)
fbad("variant_foreign_member_typed",
     event("user.deleted", DELETED_P + [("URLPath", HERE + b"5")]),
     "TYPE", "Payload.URLPath")
# required members per variant
fbad("variant_created_requires_id",
     event("user.created", obj(without(CR, "Id"), HERE)), "MISSING", "Payload.Id")
fbad("variant_renamed_requires_token_tag_last",
     obj([("event-id", q(U1)), ("Sent", q(T)),
          ("Payload", obj(without(CR, "Token"))), ("Kind", HERE + q("Renamed"))]),
     "MISSING", "Payload.Token")
fbad("variant_login_requires_2fa",
     event("user.login", obj(without(LOGIN_P, "2fa"), HERE)), "MISSING",
     "Payload.2fa")
fbad("variant_login_requires_urlpath",
     event("user.login", obj(without(LOGIN_P, "URLPath"), HERE)), "MISSING",
     "Payload.URLPath")
fbad("variant_deleted_requires_at",
     event("user.deleted", obj([("Reason", b"null")], HERE)), "MISSING",
     "Payload.At")
fbad("nullable_required_reason_absent",
     event("user.deleted", obj([("At", q(T))], HERE)), "MISSING",
     "Payload.Reason")
fbad("nullable_required_country_absent",
     event("user.deleted", DELETED_P, tail=[("Origin", obj([("Street", q("s"))],
                                                           HERE))]),
     "MISSING", "Origin.Country")
fbad("missing_event_id",
     obj([("Sent", q(T)), ("Kind", q("user.deleted")),
          ("Payload", obj(DELETED_P))], HERE), "MISSING", "event-id")
fbad("missing_sent",
     obj([("event-id", q(U1)), ("Kind", q("user.deleted")),
          ("Payload", obj(DELETED_P))], HERE), "MISSING", "Sent")
fbad("missing_kind",
     obj([("event-id", q(U1)), ("Sent", q(T)), ("Payload", obj(DELETED_P))],
         HERE), "MISSING", "Kind")
fbad("missing_payload",
     obj([("event-id", q(U1)), ("Sent", q(T)), ("Kind", q("user.deleted"))],
         HERE), "MISSING", "Payload")
fbad("missing_person_email",
     event("user.created", created_payload(User=obj([("Name", q("A"))], HERE))),
     "MISSING", "Payload.User.Email")
fbad("missing_everything", b"{" + HERE + b"}", "MISSING", "event-id")
# types
fbad("type_optional_bool_string",
     event("user.deleted", DELETED_P, tail=[("Test", HERE + q("yes"))]),
     "TYPE", "Test")
fbad("type_optional_bool_null",
     event("user.deleted", DELETED_P, tail=[("Test", HERE + b"null")]),
     "TYPE", "Test")
fbad("type_optional_nullable_record_string",
     event("user.deleted", DELETED_P, tail=[("Origin", HERE + q("x"))]),
     "TYPE", "Origin")
fbad("type_optional_record_null",
     event("user.deleted", DELETED_P, tail=[("Nothing", HERE + b"null")]),
     "TYPE", "Nothing")
fbad("type_empty_record_array",
     event("user.deleted", DELETED_P, tail=[("Nothing", HERE + b"[]")]),
     "TYPE", "Nothing")
fbad("type_nullable_string_number",
     event("user.deleted", at_value(DELETED_P, "Reason", b"5")),
     "TYPE", "Payload.Reason")
fbad("type_quoted_bool_string",
     event("user.login", at_value(LOGIN_P, "2fa", q("true"))),
     "TYPE", "Payload.2fa")
fbad("type_keyword_named_bool_null",
     event("user.login", LOGIN_P + [("int", HERE + b"null")]),
     "TYPE", "Payload.int")
fbad("type_secret_email_number",
     event("user.created", created_payload(User=obj(person(Backup=HERE + b"1")))),
     "TYPE", "Payload.User.Backup")
fbad("type_tag_null",
     obj([("event-id", q(U1)), ("Sent", q(T)), ("Kind", HERE + b"null"),
          ("Payload", obj(DELETED_P))]), "TYPE", "Kind")
fbad("type_body_null",
     obj([("event-id", q(U1)), ("Sent", q(T)), ("Kind", q("user.deleted")),
          ("Payload", HERE + b"null")]), "TYPE", "Payload")
fbad("type_toplevel_array", HERE + b"[]", "TYPE")
# bounds
fbad("bound_note_2_bytes",
     event("user.deleted", DELETED_P, tail=[("Note", HERE + q("ab"))]),
     "TOO_LONG", "Note")
fbad("bound_note_2byte_char",
     event("user.deleted", DELETED_P, tail=[("Note", HERE + q("\u00e9"))]),
     "TOO_LONG", "Note")
fbad("bound_country_3",
     event("user.deleted", DELETED_P, tail=[("Origin", obj(
         [("Street", q("s")), ("Country", HERE + q("CZE"))]))]),
     "TOO_LONG", "Origin.Country")
fbad("bound_post_code_17",
     event("user.deleted", DELETED_P, tail=[("Origin", obj(
         [("Street", q("s")), ("post-code", HERE + q("p" * 17)),
          ("Country", b"null")]))]),
     "TOO_LONG", "Origin.post-code")
fbad("bound_secret_token_41",
     event("user.created", created_payload(Token=HERE + q("t" * 41))),
     "TOO_LONG", "Payload.Token")
fbad("bound_secret_backup_101",
     event("user.created", created_payload(User=obj(person(
         Backup=HERE + q("b" * 64 + "@" + "c" * 33 + ".cz"))))),
     "TOO_LONG", "Payload.User.Backup")
fbad("bound_default_email_255",
     event("user.created", created_payload(User=obj(
         [("Name", q("A")), ("Email", HERE + q(EMAIL_254 + "d"))]))),
     "TOO_LONG", "Payload.User.Email")
fbad("bound_person_name_129",
     event("user.created", created_payload(User=obj(
         [("Name", HERE + q("n" * 129)), ("Email", q("a@b.cz"))]))),
     "TOO_LONG", "Payload.User.Name")
fbad("bound_prenom_65",
     event("user.created", created_payload(User=obj(person(
         **{"Pr\u00e9nom": HERE + q("p" * 65)})))),
     "TOO_LONG", "Payload.User.Pr\u00e9nom")
fbad("bound_cjk_name_65",
     event("user.created", created_payload(User=obj(person(
         **{"\u540d\u524d": HERE + q("\u82b1" * 21 + "xy")})))),
     "TOO_LONG", "Payload.User.\u540d\u524d")
fbad("bound_urlpath_2049",
     event("user.login", replace(LOGIN_P, "URLPath", HERE + q("/" * 2049))),
     "TOO_LONG", "Payload.URLPath")
# values
fbad("value_event_id",
     obj([("event-id", HERE + q(U1[:-1])), ("Sent", q(T)),
          ("Kind", q("user.deleted")), ("Payload", obj(DELETED_P))]),
     "VALUE", "event-id")
fbad("value_sent",
     obj([("event-id", q(U1)), ("Sent", HERE + q("2023-02-29T00:00:00Z")),
          ("Kind", q("user.deleted")), ("Payload", obj(DELETED_P))]),
     "VALUE", "Sent")
fbad("value_email",
     event("user.created", created_payload(User=obj(
         [("Name", q("A")), ("Email", HERE + q("ann"))]))),
     "VALUE", "Payload.User.Email")
fbad("value_secret_backup",
     event("user.created", created_payload(User=obj(person(
         Backup=HERE + q("a@b"))))), "VALUE", "Payload.User.Backup")
fbad("value_payload_id",
     event("user.deleted", [("Id", HERE + q("x"))] + DELETED_P),
     "VALUE", "Payload.Id")
# duplicates, including a non-ASCII name spelled two ways
fbad("duplicate_prenom_escaped",
     event("user.created", created_payload(User=obj(
         person(**{"Pr\u00e9nom": q("A")}), close=b"," + HERE +
         b'"Pr\\u00e9nom":"B"'))), "DUPLICATE", "Payload.User.Pr\u00e9nom")
fbad("duplicate_event_id",
     b'{"event-id":"' + b(U1) + b'",' + HERE + b'"event\\u002did":"' + b(U1) +
     b'"}', "DUPLICATE", "event-id")
fbad("duplicate_kind",
     obj([("event-id", q(U1)), ("Sent", q(T)), ("Kind", q("user.deleted")),
          ("Payload", obj(DELETED_P))], b"," + HERE + b'"Kind":"user.deleted"'),
     "DUPLICATE", "Kind")
fbad("duplicate_quoted_2fa",
     event("user.login", obj(LOGIN_P, b"," + HERE + b'"2fa":false')),
     "DUPLICATE", "Payload.2fa")
# tags
fbad("unknown_tag",
     obj([("event-id", q(U1)), ("Sent", q(T)), ("Kind", HERE + q("user.updated")),
          ("Payload", obj(DELETED_P))]), "UNKNOWN_TAG", "Kind")
fbad("unknown_tag_case",
     obj([("event-id", q(U1)), ("Sent", q(T)), ("Payload", obj(DELETED_P)),
          ("Kind", HERE + q("renamed"))]), "UNKNOWN_TAG", "Kind")
# syntax still outranks
fbad("syntax_after_reject",
     event("user.deleted", DELETED_P)[:-1] + b',"x":1}' + HERE + b"}", "SYNTAX")
fbad("encoding_in_rejected_member_value",
     event("user.deleted", DELETED_P)[:-1] + b',"x":"' + HERE + b'\xc1\x81"}',
     "ENCODING", "x")

n_full = F.finish()
print("mews: %d cases, full: %d cases" % (n_mews, n_full))
