#!/usr/bin/env python3
"""Writes the case corpora of the ABI 2 packages and their manifests:

  tests/cases/general/   + tests/cases/general.cases    schema/general.hookc
  tests/cases/websocket/ + tests/cases/websocket.cases  schema/websocket.hookc
  tests/cases/endpoint/  + tests/cases/endpoint.cases   schema/endpoint.hookc
  tests/cases/full2/     + tests/cases/full2.cases      tests/schemas/full2.hookc

Same method as make_cases.py: every expectation is decided here by hand,
from the schema and docs/schema-language.md, never taken from running the
parser. An invalid input carries the marker HERE at the byte where the
error is expected; the marker is cut out and the offset, line and column
computed from where it stood. The code and path are written with each case.

Positions (those of make_cases.py, plus the ABI 2 constructs):
  - a wrong type, TOO_LONG, VALUE (an int out of range or not an integer,
    a decimal that cannot be kept exactly, a closed enum's unknown value):
    the first byte of the value;
  - TOO_MANY: the first byte of the first element past the bound, path
    NAME[N];
  - DUPLICATE, UNKNOWN_MEMBER (an undeclared name): the member name's '"';
  - UNKNOWN_TAG (a closed tag): the tag value's '"';
  - MISSING: the '}' of the object that lacks the member; for a body whose
    tag comes after it, the tag value's '"'; beside an inline tag the
    object's '}' (members may follow the tag);
  - a member (or a body) the variant lacks, under `unknown reject`: like
    MISSING, code UNKNOWN_MEMBER;
  - a presence union with keys of two alternatives: VALUE at the object's
    '}', path '-' (as in tests/prototype/proto2.cases); with keys of none:
    MISSING at the '}', path '-'; an alternative's missing required member:
    MISSING at the '}', path the member;
  - syntax-class errors: the first byte at which the input can no longer
    be valid; inside a skipped value the path names the member skipped.
The endpoint manifest names the shape a union chose ("ok GeneralWebhook");
the runner checks it.

Run from the repository top; the output is committed.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casegen import HERE, Corpus, arr, b, obj, q, replace, without  # noqa: E402

E = "8865aa96-f62d-4f9b-a912-ab2100f60f42"
I = "9e5e84e9-974d-4f16-9662-ab2200f27cb1"
S = "0f3c9a5e-2b1d-4c8e-9f7a-6d5e4c3b2a10"
R = "4b1c2d3e-5f60-4718-293a-4b5c6d7e8f90"
T = "2024-02-29T12:00:00Z"
T2 = "2024-03-02T10:00:00+01:00"


def header(schema):
    return ("# Rule-by-rule cases for %s, written by\n"
            "# tests/cases/make_cases_abi2.py (expectations decided there, "
            "by hand).\n"
            "# FILE ok [TAG or SHAPE]  |  FILE CODE OFFSET LINE:COL PATH\n\n"
            % schema)


# ================================================================== general

G = Corpus("tests/cases/general", "tests/cases/general.cases",
           header("schema/general.hookc"))

DISCS = ["ServiceOrderUpdated", "ResourceUpdated", "MessageAdded",
         "ResourceBlockUpdated", "CustomerAdded", "CustomerUpdated",
         "PaymentUpdated"]


def ref(id_=q(S), close=b""):
    return obj([("Id", id_)], close)


def ev(disc="ResourceUpdated", value=None, tag_first=True, extra=(),
       close=b"", tag=None):
    t = ("Discriminator", tag if tag is not None else q(disc))
    v = ("Value", ref() if value is None else b(value))
    m = [t, v] if tag_first else [v, t]
    return obj(m + list(extra), close)


def gw_members(events, extra=()):
    return [("EnterpriseId", q(E)), ("IntegrationId", q(I)),
            ("Events", arr(events))] + list(extra)


def gw(events, extra=(), close=b""):
    return obj(gw_members(events, extra), close)


G.ok("all_seven_discriminators", gw([ev(d) for d in DISCS]))
for d in DISCS:
    G.ok("discriminator_" + d, gw([ev(d)]))
G.ok("events_empty", gw([]))
G.ok("same_id_twice", gw([ev("ResourceUpdated"), ev("ResourceUpdated")]))
G.ok("same_id_in_two_kinds", gw([ev("CustomerAdded"), ev("CustomerUpdated")]))
G.ok("members_reversed", obj(list(reversed(gw_members([ev()])))))
G.ok("tag_after_value", gw([ev("PaymentUpdated", tag_first=False)]))
G.ok("tag_after_value_all", gw([ev(d, tag_first=False) for d in DISCS]))
G.ok("tag_escaped", gw([ev(tag=q("Customer\\u0041dded"))]))
G.ok("unknown_member_in_event", gw([ev(extra=[("Extra", b"[1,{}]")])]))
G.ok("unknown_member_in_value",
     gw([ev(value=obj([("Id", q(S)), ("Name", q("x"))]))]))
G.ok("unknown_member_at_root", gw([ev()], [("Version", b"2")]))
# open tag: an unknown discriminator is kept in its event, not an error
G.ok("unknown_discriminator", gw([ev("ReservationUpdated")]))
G.ok("unknown_discriminator_among_known",
     gw([ev("CustomerAdded"), ev("BillClosed"), ev("ResourceUpdated"),
         ev("RateUpdated", tag_first=False)]))
G.ok("unknown_discriminator_body_any_shape_tag_first",
     gw([ev("Brand-new", value=b'{"Id":5,"Nested":{"a":[1,2,null]}}')]))
G.ok("unknown_discriminator_body_not_object_tag_first",
     gw([ev("Brand-new", value=b'[1,"x"]')]))
G.ok("unknown_discriminator_body_first_valid",
     gw([ev("Brand-new", tag_first=False)]))
G.ok("unknown_discriminator_body_first_without_id",
     gw([obj([("Value", b"{}"), ("Discriminator", q("Brand-new"))])]))
G.ok("unknown_discriminator_64_bytes", gw([ev("D" * 64)]))
G.ok("unknown_discriminator_case_differs", gw([ev("resourceupdated")]))
G.ok("unknown_discriminator_empty", gw([ev("")]))
G.ok("events_at_bound_1000", gw([ev()] * 1000))


def entities(n=6):
    """A large deprecated Entities member: nested objects, long strings."""
    items = []
    for i in range(n):
        items.append(obj([
            ("Id", q(S)), ("Name", q("Room %d " % i + "x" * 3000)),
            ("Notes", q("caf\xe9 \\u00e9 \\ud83d\\ude00 \\\"q\\\" " * 40)),
            ("Address", obj([("Line1", q("Main 1")), ("Geo", obj([
                ("Lat", b"50.0755"), ("Lon", b"-14.4378e0"),
                ("Extra", b"[[],{},[{\"a\":[true,false,null]}]]")]))])),
            ("Numbers", b"[0,-0,1.5e300,12345678901234567890123,-1E-400]")]))
    return obj([("Customers", arr(items)), ("Resources", arr(items[:2])),
                ("Empty", b"{}")])


G.ok("entities_large_skipped", gw([ev("CustomerAdded")],
                                  [("Entities", entities())]))
G.ok("entities_first", obj([("Entities", entities(2))] + gw_members([ev()])))

# --- invalid -------------------------------------------------------------
G.bad("entities_syntax_missing_comma",
      obj([("Entities", entities(2)[:-1] + b',"Bad":{"a":1' + HERE +
            b'"b":2}}')] + gw_members([ev()])),
      "SYNTAX", "Entities")
G.bad("entities_syntax_trailing_comma_deep",
      gw([ev()], [("Entities", entities(1)[:-1] + b',"Bad":[[1,2' +
                   b',' + HERE + b']]}')]),
      "SYNTAX", "Entities")
G.bad("entities_bad_utf8",
      gw([ev()], [("Entities", b'{"Name":"ab' + HERE + b'\xc0\xaf"}')]),
      "ENCODING", "Entities")
G.bad("entities_truncated", obj(gw_members([ev()]) + [
    ("Entities", b'{"Customers":[{"Name":"' + b"y" * 5000)])[:-1],
    "TRUNCATED", "Entities")

G.bad("events_over_bound", gw([ev()] * 1000 + [HERE + ev()]),
      "TOO_MANY", "Events[1000]")
G.bad("missing_enterprise_id",
      obj(without(gw_members([ev()]), "EnterpriseId"), HERE),
      "MISSING", "EnterpriseId")
G.bad("missing_integration_id",
      obj(without(gw_members([ev()]), "IntegrationId"), HERE),
      "MISSING", "IntegrationId")
G.bad("missing_events", obj(without(gw_members([]), "Events"), HERE),
      "MISSING", "Events")
G.bad("missing_everything", b"{" + HERE + b"}", "MISSING", "EnterpriseId")
G.bad("bad_uuid_in_value", gw([ev(value=ref(HERE + q(S[:-1])))]),
      "VALUE", "Events[0].Value.Id")
G.bad("bad_uuid_in_third_value",
      gw([ev(), ev("Brand-new"), ev(value=ref(HERE + q("not-a-uuid")))]),
      "VALUE", "Events[2].Value.Id")
G.bad("bad_uuid_in_value_tag_last",
      gw([ev(value=ref(HERE + q(S.replace("-", "")) ), tag_first=False)]),
      "VALUE", "Events[0].Value.Id")
G.bad("uuid_number_in_value", gw([ev(value=ref(HERE + b"42"))]),
      "TYPE", "Events[0].Value.Id")
G.bad("unknown_discriminator_after_bad_body",
      gw([ev("Brand-new", value=ref(HERE + q("zz")), tag_first=False)]),
      "VALUE", "Events[0].Value.Id")
G.bad("value_absent", gw([obj([("Discriminator", q("ResourceUpdated"))],
                              HERE)]),
      "MISSING", "Events[0].Value")
# every variant requires Value, so the body member is required in the
# record ("when any variant's body is optional or absent, the body member
# is optional in the record"): also for a discriminator nobody knows
# an open tag's unknown value names no variant, so no rule asks for a body
G.ok("unknown_discriminator_open_no_value",
      gw([obj([("Discriminator", q("Brand-new"))])]))
G.bad("value_absent_second_event",
      gw([ev(), obj([("Discriminator", q("MessageAdded"))], HERE)]),
      "MISSING", "Events[1].Value")
G.bad("value_id_absent", gw([ev(value=b"{" + HERE + b"}")]),
      "MISSING", "Events[0].Value.Id")
G.bad("value_id_absent_tag_last",
      gw([obj([("Value", b'{"Other":1}'),
               ("Discriminator", HERE + q("CustomerAdded"))])]),
      "MISSING", "Events[0].Value.Id")
G.bad("value_null", gw([ev(value=HERE + b"null")]), "TYPE", "Events[0].Value")
G.bad("value_string", gw([ev(value=HERE + q(S))]), "TYPE", "Events[0].Value")
G.bad("discriminator_missing", gw([obj([("Value", ref())], HERE)]),
      "MISSING", "Events[0].Discriminator")
G.bad("discriminator_number", gw([ev(tag=HERE + b"3")]),
      "TYPE", "Events[0].Discriminator")
G.bad("discriminator_null", gw([ev(tag=HERE + b"null")]),
      "TYPE", "Events[0].Discriminator")
G.bad("discriminator_65_bytes", gw([ev(tag=HERE + q("D" * 65))]),
      "TOO_LONG", "Events[0].Discriminator")
G.bad("discriminator_twice",
      gw([b'{"Discriminator":"ResourceUpdated","Value":{"Id":"' + b(S) +
          b'"},' + HERE + b'"Discriminator":"ResourceUpdated"}']),
      "DUPLICATE", "Events[0].Discriminator")
G.bad("value_twice",
      gw([ev()[:-1] + b"," + HERE + b'"Value":' + ref() + b"}"]),
      "DUPLICATE", "Events[0].Value")
G.bad("enterprise_id_twice",
      obj(gw_members([ev()]) + [("EnterpriseId", q(E))]).replace(
          b',"EnterpriseId"', b"," + HERE + b'"EnterpriseId"'),
      "DUPLICATE", "EnterpriseId")
G.bad("enterprise_id_bad", obj(replace(gw_members([]), "EnterpriseId",
                                       HERE + q("8865aa96"))),
      "VALUE", "EnterpriseId")
G.bad("enterprise_id_null", obj(replace(gw_members([]), "EnterpriseId",
                                        HERE + b"null")),
      "TYPE", "EnterpriseId")
G.bad("events_object", obj(replace(gw_members([]), "Events", HERE + b"{}")),
      "TYPE", "Events")
G.bad("events_null", obj(replace(gw_members([]), "Events", HERE + b"null")),
      "TYPE", "Events")
G.bad("event_not_object", gw([ev(), HERE + q("ResourceUpdated")]),
      "TYPE", "Events[1]")
G.bad("event_null", gw([HERE + b"null"]), "TYPE", "Events[0]")
G.bad("events_trailing_comma", gw([ev()]).replace(b"}]", b"}," + HERE + b"]"),
      "SYNTAX", "Events[1]")
G.bad("truncated_in_event_id",
      b'{"EnterpriseId":"' + b(E) + b'","IntegrationId":"' + b(I) +
      b'","Events":[{"Discriminator":"ResourceUpdated","Value":{"Id":"4b1c',
      "TRUNCATED", "Events[0].Value.Id")
G.bad("toplevel_array", HERE + arr([ev()]), "TYPE")

# ================================================================ websocket

W = Corpus("tests/cases/websocket", "tests/cases/websocket.cases",
           header("schema/websocket.hookc"))

STATES = ["Confirmed", "Started", "Processed", "Canceled", "Optional",
          "Requested", "Clean", "Dirty", "Inspected", "OutOfService",
          "OutOfOrder", "Pending", "Received", "Processing", "Cancelled",
          "Error"]


def reservation(**kw):
    m = [("Type", q("Reservation")), ("Id", q(S)), ("State", q("Started")),
         ("StartUtc", q(T)), ("EndUtc", q(T2)),
         ("AssignedResourceId", q(R))]
    for k, v in kw.items():
        m = replace(m, k, v)
    return m


def resource(**kw):
    m = [("Type", q("Resource")), ("Id", q(R)), ("State", q("Dirty"))]
    for k, v in kw.items():
        m = replace(m, k, v)
    return m


def device(**kw):
    m = [("Type", q("DeviceCommand")), ("Id", q(S)), ("State", q("Pending"))]
    for k, v in kw.items():
        m = replace(m, k, v)
    return m


def price(**kw):
    m = [("Type", q("PriceUpdate")), ("Id", q(S)), ("StartUtc", q(T)),
         ("EndUtc", q(T2)), ("RateId", q(R)), ("ResourceCategoryId", q(E))]
    for k, v in kw.items():
        m = replace(m, k, v)
    return m


def type_last(m):
    return [x for x in m if x[0] != "Type"] + [x for x in m if x[0] == "Type"]


def ws(events, extra=(), close=b""):
    return obj([("Events", arr(events))] + list(extra), close)


W.ok("all_four_types", ws([obj(reservation()), obj(resource()),
                           obj(device()), obj(price())]))
W.ok("reservation", ws([obj(reservation())]))
W.ok("resource", ws([obj(resource())]))
W.ok("device_command", ws([obj(device())]))
W.ok("price_update", ws([obj(price())]))
W.ok("events_empty", ws([]))
W.ok("type_last_each", ws([obj(type_last(m())) for m in
                           (reservation, resource, device, price)]))
W.ok("type_middle", ws([obj([("Id", q(S)), ("Type", q("Resource")),
                             ("State", q("Clean"))])]))
W.ok("members_reversed_each", ws([obj(list(reversed(m()))) for m in
                                  (reservation, resource, device, price)]))
W.ok("reservation_nulls", ws([obj(reservation(
    StartUtc=b"null", EndUtc=b"null", AssignedResourceId=b"null"))]))
W.ok("reservation_assigned_absent",
     ws([obj(without(reservation(), "AssignedResourceId"))]))
W.ok("price_update_only_id", ws([obj([("Type", q("PriceUpdate")),
                                      ("Id", q(S))])]))
W.ok("price_update_all_null", ws([obj(price(
    StartUtc=b"null", EndUtc=b"null", RateId=b"null",
    ResourceCategoryId=b"null"))]))
W.ok("every_known_state", ws([obj(resource(State=q(s))) for s in STATES]))
W.ok("unknown_state_kept", ws([obj(resource(State=q("Blocked"))),
                               obj(reservation(State=q("NoShow"))),
                               obj(device(State=q("Timeout")))]))
W.ok("unknown_state_32_bytes", ws([obj(device(State=q("S" * 32)))]))
W.ok("state_case_differs_kept", ws([obj(resource(State=q("dirty")))]))
W.ok("unknown_type", ws([obj([("Type", q("Customer")), ("Id", q(S))])]))
W.ok("unknown_type_alone", ws([obj([("Type", q("Bill"))])]))
W.ok("unknown_type_32_bytes", ws([obj([("Type", q("T" * 32))])]))
# with an unknown value every member is dropped (documented)
W.ok("unknown_type_first_members_unchecked",
     ws([obj([("Type", q("Customer")), ("Id", b"5"),
              ("State", b"[1,{}]"), ("StartUtc", q("yesterday"))])]))
W.ok("unknown_type_among_known", ws([obj(resource()), obj([
    ("Type", q("Customer")), ("Id", q(S))]), obj(type_last(device()))]))
W.ok("unknown_member_skipped", ws([obj(resource() + [("Floor", b"3")])],
                                  [("Version", q("1"))]))
W.ok("foreign_member_dropped",
     ws([obj(device() + [("StartUtc", q(T)), ("RateId", b"null")])]))
W.ok("datetime_forms", ws([obj(reservation(
    StartUtc=q("2024-01-01T00:00:00.123456789+14:00"),
    EndUtc=q("2024-12-31t23:59:59z")))]))
W.ok("events_at_bound_1000",
     ws([b'{"Type":"Resource","Id":"' + b(R) + b'","State":"Clean"}'] * 1000))

W.bad("events_over_bound",
      ws([b'{"Type":"Resource","Id":"' + b(R) + b'","State":"Clean"}'] * 1000
         + [HERE + b'{"Type":"Bill"}']),
      "TOO_MANY", "Events[1000]")
W.bad("missing_events", b"{" + HERE + b"}", "MISSING", "Events")
W.bad("events_null", b'{"Events":' + HERE + b"null}", "TYPE", "Events")
W.bad("events_object", b'{"Events":' + HERE + b"{}}", "TYPE", "Events")
W.bad("event_string", ws([HERE + q("Resource")]), "TYPE", "Events[0]")
W.bad("type_missing", ws([obj(without(resource(), "Type"), HERE)]),
      "MISSING", "Events[0].Type")
W.bad("type_number", ws([obj(resource(Type=HERE + b"1"))]),
      "TYPE", "Events[0].Type")
W.bad("type_null", ws([obj(resource(Type=HERE + b"null"))]),
      "TYPE", "Events[0].Type")
W.bad("type_33_bytes", ws([obj(resource(Type=HERE + q("T" * 33)))]),
      "TOO_LONG", "Events[0].Type")
W.bad("reservation_missing_start",
      ws([obj(without(reservation(), "StartUtc"), HERE)]),
      "MISSING", "Events[0].StartUtc")
W.bad("reservation_missing_end_type_last",
      ws([obj(type_last(without(reservation(), "EndUtc")), HERE)]),
      "MISSING", "Events[0].EndUtc")
W.bad("resource_missing_state", ws([obj(without(resource(), "State"), HERE)]),
      "MISSING", "Events[0].State")
W.bad("device_missing_id", ws([obj(without(device(), "Id"), HERE)]),
      "MISSING", "Events[0].Id")
W.bad("price_missing_id", ws([obj(without(price(), "Id"), HERE)]),
      "MISSING", "Events[0].Id")
W.bad("second_event_missing_state",
      ws([obj(resource()), obj(without(device(), "State"), HERE)]),
      "MISSING", "Events[1].State")
W.bad("state_null", ws([obj(resource(State=HERE + b"null"))]),
      "TYPE", "Events[0].State")
W.bad("state_number", ws([obj(resource(State=HERE + b"3"))]),
      "TYPE", "Events[0].State")
W.bad("state_33_bytes", ws([obj(device(State=HERE + q("S" * 33)))]),
      "TOO_LONG", "Events[0].State")
W.bad("id_null", ws([obj(resource(Id=HERE + b"null"))]), "TYPE",
      "Events[0].Id")
W.bad("id_number", ws([obj(device(Id=HERE + b"7"))]), "TYPE", "Events[0].Id")
W.bad("id_bad_uuid", ws([obj(resource(Id=HERE + q("xyz")))]), "VALUE",
      "Events[0].Id")
W.bad("start_bad_datetime",
      ws([obj(reservation(StartUtc=HERE + q("2024-02-30T00:00:00Z")))]),
      "VALUE", "Events[0].StartUtc")
W.bad("start_number", ws([obj(reservation(StartUtc=HERE + b"0"))]),
      "TYPE", "Events[0].StartUtc")
W.bad("assigned_bad_uuid",
      ws([obj(reservation(AssignedResourceId=HERE + q("")))]),
      "VALUE", "Events[0].AssignedResourceId")
W.bad("rate_id_bool", ws([obj(price(RateId=HERE + b"true"))]),
      "TYPE", "Events[0].RateId")
# documented: a member is checked against every variant's declaration
W.bad("foreign_member_still_typed",
      ws([obj(device() + [("StartUtc", HERE + b"5")])]),
      "TYPE", "Events[0].StartUtc")
# before an unknown Type is seen, members are checked; an error stands
W.bad("unknown_type_last_after_bad_member",
      ws([obj([("Id", HERE + b"5"), ("Type", q("Customer"))])]),
      "TYPE", "Events[0].Id")
W.bad("id_twice",
      ws([obj(resource()) [:-1] + b"," + HERE + b'"Id":"' + b(S) + b'"}']),
      "DUPLICATE", "Events[0].Id")
W.bad("type_twice",
      ws([obj(resource())[:-1] + b"," + HERE + b'"Type":"Resource"}']),
      "DUPLICATE", "Events[0].Type")
W.bad("syntax_in_event", ws([b'{"Type":"Resource","Id"' + HERE + b'"x"}']),
      "SYNTAX", "Events[0].Id")

# ================================================================= endpoint

N = Corpus("tests/cases/endpoint", "tests/cases/endpoint.cases",
           header("schema/endpoint.hookc"))

for seed in ["IntegrationCreated", "IntegrationDisabled", "IntegrationEnabled",
             "IntegrationDeleted", "IntegrationCanceled",
             "IntegrationReinstated"]:
    N.extern("tests/seed/%s.json" % seed, "IntegrationWebhook")


def integ_members(action="IntegrationDisabled", tag_first=True):
    data = obj([("Integration", obj([("Id", q(I)), ("Name", q("Hook"))]))])
    m = [("Action", q(action)), ("Data", data)]
    return m if tag_first else list(reversed(m))


N.ok("integration_disabled", obj(integ_members()), "IntegrationWebhook")
N.ok("integration_tag_last", obj(integ_members("IntegrationEnabled", False)),
     "IntegrationWebhook")
N.ok("integration_apikey", obj([
    ("Action", q("IntegrationApiKeyCreated")),
    ("Data", obj([("Integration", obj([("Id", q(I)), ("Name", q("H"))])),
                  ("ApiKey", q("k" * 512))]))]), "IntegrationWebhook")
N.ok("integration_unknown_member", obj(integ_members() + [("Zzz", b"{}")]),
     "IntegrationWebhook")
N.ok("general", gw([ev(d) for d in DISCS]), "GeneralWebhook")
N.ok("general_no_events", gw([]), "GeneralWebhook")
N.ok("general_unknown_discriminator",
     gw([ev("ReservationUpdated"), ev("CustomerAdded")]), "GeneralWebhook")
N.ok("general_events_first", obj(list(reversed(gw_members([ev()])))),
     "GeneralWebhook")
N.ok("general_with_entities", gw([ev()], [("Entities", entities(1))]),
     "GeneralWebhook")
N.ok("general_unknown_member", gw([ev()], [("Version", b"2")]),
     "GeneralWebhook")

N.bad("both_shapes", obj(integ_members() + gw_members([ev()]), HERE),
      "VALUE", "-")
N.bad("both_shapes_interleaved",
      obj([("EnterpriseId", q(E))] + integ_members() +
          [("IntegrationId", q(I)), ("Events", b"[]")], HERE), "VALUE", "-")
N.bad("general_with_action",
      obj(gw_members([ev()]) + [("Action", q("IntegrationCreated"))], HERE),
      "VALUE", "-")
N.bad("general_with_data", obj(gw_members([]) + [("Data", b"{}")], HERE),
      "VALUE", "-")
N.bad("integration_with_events",
      obj(integ_members() + [("Events", b"[]")], HERE), "VALUE", "-")
N.bad("integration_with_enterprise_id",
      obj(integ_members() + [("EnterpriseId", q(E))], HERE), "VALUE", "-")
N.bad("neither_empty", b"{" + HERE + b"}", "MISSING", "-")
N.bad("neither_only_unknown", obj([("Entities", b"{}"), ("Zzz", b"1")], HERE),
      "MISSING", "-")
N.bad("integration_missing_data",
      obj([("Action", q("IntegrationDisabled"))], HERE), "MISSING", "Data")
N.bad("integration_missing_action", obj(integ_members()[1:], HERE),
      "MISSING", "Action")
N.bad("integration_unknown_action",
      obj(replace(integ_members(), "Action", HERE + q("IntegrationPaused"))),
      "UNKNOWN_TAG", "Action")
N.bad("integration_missing_integration",
      obj([("Action", q("IntegrationDisabled")), ("Data", b"{" + HERE + b"}")]),
      "MISSING", "Data.Integration")
N.bad("general_missing_integration_id",
      obj(without(gw_members([ev()]), "IntegrationId"), HERE),
      "MISSING", "IntegrationId")
N.bad("general_only_events", obj([("Events", b"[]")], HERE),
      "MISSING", "EnterpriseId")
N.bad("general_bad_event_id", gw([ev(value=ref(HERE + q("x")))]),
      "VALUE", "Events[0].Value.Id")
N.bad("general_value_absent",
      gw([obj([("Discriminator", q("ResourceUpdated"))], HERE)]),
      "MISSING", "Events[0].Value")
N.bad("general_events_over_bound", gw([ev()] * 1000 + [HERE + ev()]),
      "TOO_MANY", "Events[1000]")
N.bad("toplevel_array", HERE + b"[]", "TYPE")

# ==================================================================== full2

F = Corpus("tests/cases/full2", "tests/cases/full2.cases",
           header("tests/schemas/full2.hookc"))


def line(**kw):
    m = [("Sku", q("A-1")), ("Quantity", b"1"), ("Price", b"1.50")]
    for k, v in kw.items():
        m = replace(m, k, v) if any(x[0] == k for x in m) else m + [(k, v)]
    return m


def order(**kw):
    m = [("Id", q(S)), ("Delta", b"0"), ("Offset", b"0"),
         ("State", q("Confirmed")), ("Lines", arr([obj(line())]))]
    for k, v in kw.items():
        m = replace(m, k, v) if any(x[0] == k for x in m) else m + [(k, v)]
    return m


def single(order_members=None, extra=(), close=b""):
    o = order() if order_members is None else order_members
    return obj([("Order", obj(o)), ("Received", q(T))] + list(extra), close)


def fev(kind, value=None, tag_first=True, close=b"", tag=None):
    t = ("Kind", tag if tag is not None else q(kind))
    if value is None:
        return obj([t], close)
    v = ("Value", b(value))
    return obj([t, v] if tag_first else [v, t], close)


def batch(events=(), changes=None, extra=(), close=b""):
    m = [("Source", q("pms")), ("Events", arr(events))]
    if changes is not None:
        m.append(("Changes", arr(changes)))
    return obj(m + list(extra), close)


def lines_at(value):
    """Order.Lines[0].<member> path helper: a single with one line."""
    return single(order(Lines=arr([obj(value)])))


def num_ok(nm, key, text):
    F.ok(nm, single(order(**{key: b(text)})), "Single")


def num_bad(nm, key, text, code="VALUE"):
    F.bad(nm, single(order(**{key: HERE + b(text)})), code, "Order." + key)


def qty_ok(nm, text):
    F.ok(nm, lines_at(line(Quantity=b(text))), "Single")


def qty_bad(nm, text, code="VALUE"):
    F.bad(nm, lines_at(line(Quantity=HERE + b(text))), code,
          "Order.Lines[0].Quantity")


def price_ok(nm, text):
    F.ok(nm, lines_at(line(Price=b(text))), "Single")


def price_bad(nm, text, code="VALUE"):
    F.bad(nm, lines_at(line(Price=HERE + b(text))), code,
          "Order.Lines[0].Price")


# --- presence union -------------------------------------------------------
F.ok("single_minimal", single(), "Single")
F.ok("single_received_first", obj([("Received", q(T)),
                                   ("Order", obj(order()))]), "Single")
F.ok("batch_minimal", batch(), "Batch")
F.ok("batch_with_changes", batch(changes=[]), "Batch")
F.ok("batch_events_first", obj([("Events", b"[]"), ("Source", q("s"))]),
     "Batch")
F.bad("union_both_shapes", obj([("Source", q("pms")), ("Events", b"[]"),
                               ("Order", obj(order())), ("Received", q(T))],
                              HERE), "VALUE", "-")
F.bad("union_changes_with_single", single(extra=[("Changes", b"[]")],
                                          close=HERE), "VALUE", "-")
F.bad("union_received_with_batch", batch(extra=[("Received", q(T))],
                                         close=HERE), "VALUE", "-")
F.bad("union_neither", b"{" + HERE + b"}", "MISSING", "-")
F.bad("union_batch_missing_source", obj([("Events", b"[]")], HERE),
      "MISSING", "Source")
F.bad("union_batch_missing_events", obj([("Source", q("s"))], HERE),
      "MISSING", "Events")
F.bad("union_batch_only_changes", obj([("Changes", b"[]")], HERE),
      "MISSING", "Source")
F.bad("union_single_missing_received", obj([("Order", obj(order()))], HERE),
      "MISSING", "Received")
F.bad("union_single_missing_order", obj([("Received", q(T))], HERE),
      "MISSING", "Order")
F.bad("reject_root_unknown", single().replace(b'"Received"', HERE +
                                              b'"Zzz":1,"Received"'),
      "UNKNOWN_MEMBER", "Zzz")
F.bad("reject_order_unknown", single(order(Zzz=b"1")).replace(
    b'"Zzz"', HERE + b'"Zzz"'), "UNKNOWN_MEMBER", "Order.Zzz")
F.bad("reject_line_unknown", lines_at(line(Zzz=b"1")).replace(
    b'"Zzz"', HERE + b'"Zzz"'), "UNKNOWN_MEMBER", "Order.Lines[0].Zzz")
F.bad("toplevel_array", HERE + b"[]", "TYPE")
F.bad("source_65_bytes", batch().replace(b'"pms"', HERE + q("s" * 65)),
      "TOO_LONG", "Source")
F.ok("source_64_bytes", batch().replace(b'"pms"', q("s" * 64)), "Batch")

# --- int ranges -------------------------------------------------------------
num_ok("int64_min", "Delta", "-9223372036854775808")
num_ok("int64_max", "Delta", "9223372036854775807")
num_ok("int64_minus_zero", "Delta", "-0")
num_bad("int64_max_plus_one", "Delta", "9223372036854775808")
num_bad("int64_min_minus_one", "Delta", "-9223372036854775809")
num_bad("int64_twenty_digits", "Delta", "10000000000000000000")
num_bad("int64_huge", "Delta", "123456789012345678901234567890")
num_bad("int_fraction", "Delta", "1.0")
num_bad("int_exponent", "Delta", "1e2")
num_bad("int_negative_exponent", "Delta", "-5E-1")
num_bad("int_string", "Delta", '"5"', "TYPE")
num_bad("int_null_not_nullable", "Delta", "null", "TYPE")
num_bad("int_bool", "Delta", "true", "TYPE")
num_ok("offset_min", "Offset", "-12")
num_ok("offset_max", "Offset", "14")
num_ok("offset_null", "Offset", "null")
num_bad("offset_below", "Offset", "-13")
num_bad("offset_above", "Offset", "15")
num_bad("offset_far_below", "Offset", "-9223372036854775808")
qty_ok("quantity_min", "1")
qty_ok("quantity_max", "1000")
qty_bad("quantity_zero", "0")
qty_bad("quantity_minus_zero", "-0")
qty_bad("quantity_above", "1001")
qty_bad("quantity_negative", "-1")
F.bad("int_leading_zero", lines_at(line(Quantity=b"0" + HERE + b"1")),
      "SYNTAX", "Order.Lines[0].Quantity")
F.bad("offset_missing", obj([("Order", obj(without(order(), "Offset"), HERE)),
                            ("Received", q(T))]),
      "MISSING", "Order.Offset")

# --- decimals ---------------------------------------------------------------
for nm, text in [("zero", "0"), ("minus_zero", "-0"), ("fraction", "1.50"),
                 ("negative", "-12.345"), ("exponent", "12e3"),
                 ("exponent_upper_plus", "1.5E+10"),
                 ("exponent_negative", "-0.015e2"),
                 ("small", "0.000001"),
                 ("mantissa_int64_max", "9223372036854775807"),
                 ("mantissa_int64_min", "-9223372036854775808"),
                 ("mantissa_19_digits_fraction", "922337203685477580.7"),
                 ("exponent_max", "1e100000"),
                 ("exponent_min", "1e-100000"),
                 ("exponent_max_with_fraction", "1.5e100001"),
                 ("exponent_leading_zeros", "1e0000000000000000000005")]:
    price_ok("decimal_" + nm, text)
# the same values as 1e-65535 and 1e-65536, written out: within the
# exponent bound, so kept exactly like their exponent forms
price_ok("decimal_fraction_65535_digits", "0." + "0" * 65534 + "1")
price_ok("decimal_fraction_65536_digits", "0." + "0" * 65535 + "1")
price_ok("decimal_exponent_minus_65536", "1e-65536")
price_bad("decimal_mantissa_int64_max_plus_one", "9223372036854775808")
price_bad("decimal_mantissa_20_nines", "99999999999999999999")
price_bad("decimal_mantissa_long_fraction", "0.12345678901234567890123")
price_bad("decimal_exponent_over", "1e100001")
price_bad("decimal_exponent_under", "1e-100001")
price_bad("decimal_exponent_under_by_fraction", "1.5e-100000")
price_bad("decimal_exponent_far", "1e999999999")
price_bad("decimal_exponent_huge", "1e99999999999999999999999")
price_bad("decimal_string", '"1.50"', "TYPE")
price_bad("decimal_null", "null", "TYPE")
F.bad("decimal_dot_no_digits", single(order(Lines=b'[{"Sku":"a",'
      b'"Quantity":1,"Price":1.' + HERE + b'}]')), "SYNTAX",
      "Order.Lines[0].Price")

# --- enums -------------------------------------------------------------------
F.ok("color_each", single(order(Lines=arr([
    obj(line(Color=q(c))) for c in ["Red", "Green", "Blue"]]))), "Single")
F.bad("color_closed_unknown", lines_at(line(Color=HERE + q("Purple"))),
      "VALUE", "Order.Lines[0].Color")
F.bad("color_closed_case", lines_at(line(Color=HERE + q("red"))),
      "VALUE", "Order.Lines[0].Color")
F.bad("color_null", lines_at(line(Color=HERE + b"null")),
      "TYPE", "Order.Lines[0].Color")
F.ok("color_escaped", lines_at(line(Color=q("Bl\\u0075e"))), "Single")
for s in ["Confirmed", "Started", "checked-out", "Canceled"]:
    F.ok("state_" + s.replace("-", "_"), single(order(State=q(s))), "Single")
F.ok("state_open_unknown", single(order(State=q("NoShow"))), "Single")
F.ok("state_open_32_bytes", single(order(State=q("s" * 32))), "Single")
F.ok("state_open_case_differs", single(order(State=q("confirmed"))), "Single")
num_bad("state_open_33_bytes", "State", q("s" * 33), "TOO_LONG")
num_bad("state_number", "State", "1", "TYPE")

# --- stored arrays at N and N+1 ---------------------------------------------
F.ok("lines_empty", single(order(Lines=b"[]")), "Single")
F.ok("lines_50", single(order(Lines=arr([obj(line(Quantity=b(str(i + 1))))
                                         for i in range(50)]))), "Single")
F.bad("lines_51", single(order(Lines=arr([obj(line())] * 50 +
                                         [HERE + obj(line())]))),
      "TOO_MANY", "Order.Lines[50]")
F.bad("lines_missing_required", lines_at(without(line(), "Price")).replace(
    b"}]", HERE + b"}]", 1), "MISSING", "Order.Lines[0].Price")
F.bad("lines_element_not_object", single(order(Lines=b"[" + HERE + b"1]")),
      "TYPE", "Order.Lines[0]")
F.bad("lines_not_array", single(order(Lines=HERE + obj(line()))),
      "TYPE", "Order.Lines")
F.ok("tags_8", single(order(Tags=arr([q("t%d" % i) for i in range(8)]))),
     "Single")
F.ok("tags_24_bytes", single(order(Tags=arr([q("x" * 24), q("")]))),
     "Single")
F.bad("tags_9", single(order(Tags=arr([q("t%d" % i) for i in range(8)] +
                                      [HERE + q("t8")]))),
      "TOO_MANY", "Order.Tags[8]")
F.bad("tags_25_bytes", single(order(Tags=arr([q("a"), HERE + q("x" * 25)]))),
      "TOO_LONG", "Order.Tags[1]")
F.bad("tags_null_element", single(order(Tags=arr([HERE + b"null"]))),
      "TYPE", "Order.Tags[0]")
F.bad("tags_null", single(order(Tags=HERE + b"null")), "TYPE", "Order.Tags")
F.ok("colors_3", single(order(Colors=arr([q("Red"), q("Red"), q("Blue")]))),
     "Single")
F.bad("colors_4", single(order(Colors=arr([q("Red")] * 3 +
                                          [HERE + q("Green")]))),
      "TOO_MANY", "Order.Colors[3]")
F.bad("colors_unknown", single(order(Colors=arr([q("Red"),
                                                 HERE + q("Pink")]))),
      "VALUE", "Order.Colors[1]")
F.ok("states_4", single(order(States=arr([q("Started"), q("NoShow"),
                                          q("s" * 16), q("checked-out")]))),
     "Single")
F.bad("states_5", single(order(States=arr([q("Started")] * 4 +
                                          [HERE + q("Started")]))),
      "TOO_MANY", "Order.States[4]")
F.bad("states_17_bytes", single(order(States=arr([HERE + q("s" * 17)]))),
      "TOO_LONG", "Order.States[0]")
F.ok("scores_10", single(order(Scores=arr([b"0", b"100"] + [b"50"] * 8))),
     "Single")
F.bad("scores_11", single(order(Scores=arr([b"1"] * 10 + [HERE + b"1"]))),
      "TOO_MANY", "Order.Scores[10]")
F.bad("scores_101", single(order(Scores=arr([b"0", HERE + b"101"]))),
      "VALUE", "Order.Scores[1]")
F.bad("scores_negative", single(order(Scores=arr([HERE + b"-1"]))),
      "VALUE", "Order.Scores[0]")
F.bad("scores_fraction", single(order(Scores=arr([HERE + b"1.5"]))),
      "VALUE", "Order.Scores[0]")
F.bad("scores_nested_array", single(order(Scores=arr([HERE + b"[1]"]))),
      "TYPE", "Order.Scores[0]")
F.bad("scores_trailing_comma", single(order(Scores=b"[1," + HERE + b"]")),
      "SYNTAX", "Order.Scores[1]")

# --- streamed array, body rules, open tag -----------------------------------
CREATED = obj(order())
F.ok("events_every_kind", batch([
    fev("Created", CREATED), fev("Noted", obj([("Text", q("hi"))])),
    fev("Noted"), fev("Pinged"), fev("Touched", obj([("Id", q(S))]))]),
     "Batch")
F.ok("events_tag_last", batch([
    fev("Created", CREATED, False),
    fev("Noted", obj([("Author", q("me")), ("Text", q("hi"))]), False),
    fev("Touched", obj([("Id", q(S))]), False)]), "Batch")
F.ok("events_1000", batch([b'{"Kind":"Pinged"}'] * 1000), "Batch")
F.bad("events_1001", batch([b'{"Kind":"Pinged"}'] * 1000 +
                           [HERE + b'{"Kind":"Pinged"}']),
      "TOO_MANY", "Events[1000]")
F.ok("noted_body_absent", batch([fev("Noted")]), "Batch")
F.ok("noted_body_full", batch([fev("Noted", obj([
    ("Text", q("t" * 200)), ("Author", q("a" * 64))]))]), "Batch")
F.bad("noted_text_missing", batch([fev("Noted", obj([("Author", q("a"))],
                                                    HERE))]),
      "MISSING", "Events[0].Value.Text")
F.bad("noted_text_201", batch([fev("Noted", obj([("Text",
                                                 HERE + q("t" * 201))]))]),
      "TOO_LONG", "Events[0].Value.Text")
F.bad("created_body_absent", batch([fev("Created", close=HERE)]),
      "MISSING", "Events[0].Value")
F.bad("touched_body_absent", batch([fev("Pinged"), fev("Touched",
                                                      close=HERE)]),
      "MISSING", "Events[1].Value")
F.bad("created_body_null", batch([fev("Created", HERE + b"null")]),
      "TYPE", "Events[0].Value")
# with the tag first, refused once the body's value has ended
F.bad("pinged_with_body", batch([fev("Pinged", obj([("Id", q(S))], HERE))]),
      "UNKNOWN_MEMBER", "Events[0].Value")
F.bad("pinged_with_body_tag_last",
      batch([obj([("Value", obj([("Id", q(S))])),
                  ("Kind", HERE + q("Pinged"))])]),
      "UNKNOWN_MEMBER", "Events[0].Value")
F.bad("created_foreign_member",
      batch([fev("Created", obj(order(Text=q("x")), HERE))]),
      "UNKNOWN_MEMBER", "Events[0].Value.Text")
F.bad("touched_foreign_member_tag_last",
      batch([obj([("Value", obj([("Id", q(S)), ("Author", q("x"))])),
                  ("Kind", HERE + q("Touched"))])]),
      "UNKNOWN_MEMBER", "Events[0].Value.Author")
F.bad("created_missing_lines_tag_last",
      batch([obj([("Value", obj(without(order(), "Lines"))),
                  ("Kind", HERE + q("Created"))])]),
      "MISSING", "Events[0].Value.Lines")
F.bad("body_undeclared_member",
      batch([fev("Touched", obj([("Id", q(S))]).replace(
          b'{"Id"', b"{" + HERE + b'"Zzz":1,"Id"'))]),
      "UNKNOWN_MEMBER", "Events[0].Value.Zzz")
F.bad("created_int_out_of_range",
      batch([fev("Created", obj(order(Offset=HERE + b"99")))]),
      "VALUE", "Events[0].Value.Offset")
F.bad("created_line_quantity_zero",
      batch([fev("Created", obj(order(Lines=arr([obj(line(
          Quantity=HERE + b"0"))]))))]),
      "VALUE", "Events[0].Value.Lines[0].Quantity")
F.bad("kind_missing", batch([obj([("Value", obj([("Id", q(S))]))], HERE)]),
      "MISSING", "Events[0].Kind")
F.bad("kind_number", batch([fev("", tag=HERE + b"1")]),
      "TYPE", "Events[0].Kind")
# open tag
F.ok("kind_unknown", batch([fev("Archived")]), "Batch")
F.ok("kind_unknown_40_bytes", batch([fev("k" * 40)]), "Batch")
F.ok("kind_unknown_body_only_syntax_checked",
     batch([fev("Archived", b'{"Zzz":[1,{"a":null}],"Id":5}')]), "Batch")
F.ok("kind_unknown_body_first_valid",
     batch([fev("Archived", obj([("Id", q(S)), ("Text", q("x"))]), False)]),
     "Batch")
F.ok("kind_unknown_among_known", batch([
    fev("Pinged"), fev("Archived"), fev("Touched", obj([("Id", q(S))])),
    fev("Merged", b"[]")]), "Batch")
F.bad("kind_41_bytes", batch([fev("", tag=HERE + q("k" * 41))]),
      "TOO_LONG", "Events[0].Kind")
F.bad("kind_unknown_body_first_undeclared",
      batch([obj([("Value", b"{" + HERE + b'"Zzz":1}'),
                  ("Kind", q("Archived"))])]),
      "UNKNOWN_MEMBER", "Events[0].Value.Zzz")
F.bad("kind_unknown_body_first_bad_value",
      batch([obj([("Value", b'{"Id":' + HERE + b'"nope"}'),
                  ("Kind", q("Archived"))])]),
      "VALUE", "Events[0].Value.Id")
F.bad("kind_unknown_body_syntax",
      batch([fev("Archived", b'{"Zzz":[1' + HERE + b'}]}')]),
      "SYNTAX", "Events[0].Value")
F.bad("kind_twice", batch([fev("Pinged")[:-1] + b"," + HERE +
                           b'"Kind":"Pinged"}']),
      "DUPLICATE", "Events[0].Kind")

# --- inline tag (Change: unknown skip) ---------------------------------------


def change_res(**kw):
    m = [("Type", q("Reservation")), ("Id", q(S)), ("State", q("Started")),
         ("StartUtc", q(T)), ("EndUtc", q(T2))]
    for k, v in kw.items():
        m = replace(m, k, v) if any(x[0] == k for x in m) else m + [(k, v)]
    return m


def change_rsc(**kw):
    m = [("Type", q("Resource")), ("Id", q(R)), ("State", q("Clean"))]
    for k, v in kw.items():
        m = replace(m, k, v) if any(x[0] == k for x in m) else m + [(k, v)]
    return m


F.ok("changes_each_type", batch(changes=[
    obj(change_res()), obj(change_rsc(Note=q("n" * 100))),
    b'{"Type":"Heartbeat"}']), "Batch")
F.ok("changes_type_last", batch(changes=[
    obj(type_last(change_res())), obj(type_last(change_rsc()))]), "Batch")
F.ok("changes_end_null", batch(changes=[obj(change_res(EndUtc=b"null"))]),
     "Batch")
F.ok("changes_end_absent",
     batch(changes=[obj(without(change_res(), "EndUtc"))]), "Batch")
F.ok("changes_state_unknown", batch(changes=[obj(change_rsc(
    State=q("Blocked")))]), "Batch")
F.ok("changes_heartbeat_foreign_dropped", batch(changes=[
    b'{"Type":"Heartbeat","Id":"' + b(S) + b'","Note":"x"}']), "Batch")
F.ok("changes_resource_foreign_dropped", batch(changes=[
    obj(change_rsc(StartUtc=q(T)))]), "Batch")
F.ok("changes_unknown_member_skipped", batch(changes=[
    obj(change_rsc(Floor=b"[3]"))]), "Batch")
F.ok("changes_20", batch(changes=[b'{"Type":"Heartbeat"}'] * 20), "Batch")
F.bad("changes_21", batch(changes=[b'{"Type":"Heartbeat"}'] * 20 +
                          [HERE + b'{"Type":"Heartbeat"}']),
      "TOO_MANY", "Changes[20]")
F.bad("changes_unknown_type", batch(changes=[obj(change_rsc(
    Type=HERE + q("Customer")))]), "UNKNOWN_TAG", "Changes[0].Type")
F.bad("changes_type_missing", batch(changes=[
    obj(without(change_rsc(), "Type"), HERE)]), "MISSING", "Changes[0].Type")
F.bad("changes_reservation_missing_start", batch(changes=[
    obj(without(change_res(), "StartUtc"), HERE)]),
      "MISSING", "Changes[0].StartUtc")
F.bad("changes_reservation_missing_start_type_last", batch(changes=[
    obj(type_last(without(change_res(), "StartUtc")), HERE)]),
      "MISSING", "Changes[0].StartUtc")
F.bad("changes_resource_missing_state", batch(changes=[
    b'{"Type":"Heartbeat"}', obj(without(change_rsc(), "State"), HERE)]),
      "MISSING", "Changes[1].State")
F.bad("changes_start_null", batch(changes=[obj(change_res(
    StartUtc=HERE + b"null"))]), "TYPE", "Changes[0].StartUtc")
F.bad("changes_note_101", batch(changes=[obj(change_rsc(
    Note=HERE + q("n" * 101)))]), "TOO_LONG", "Changes[0].Note")
F.bad("changes_state_33", batch(changes=[obj(change_rsc(
    State=HERE + q("s" * 33)))]), "TOO_LONG", "Changes[0].State")
F.bad("changes_foreign_member_still_typed", batch(changes=[obj(change_rsc(
    StartUtc=HERE + b"true"))]), "TYPE", "Changes[0].StartUtc")


if __name__ == "__main__":
    for c in (G, W, N, F):
        print("%s: %d cases" % (c.manifest, c.finish()))
