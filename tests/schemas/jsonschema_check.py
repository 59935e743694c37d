#!/usr/bin/env python3
"""jsonschema_check.py DIR - the JSON Schema export agrees with hookc.
   jsonschema_check.py --meta FILE... - each FILE is a valid draft 2020-12
   schema.

DIR holds full2.schema.json and endpoint.schema.json (hookc --emit
jsonschema). Each document below is checked against them with the
Python `jsonschema` package (draft 2020-12) and must get the verdict the
hookc runtime gives it. Exit status: 0 all agree, 1 a disagreement, 77
the package is not installed.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit(77)

U = "123e4567-e89b-12d3-a456-426614174000"
AT = "2024-02-29T12:00:00Z"
ORDER = {"Id": U, "Delta": -5, "Offset": None, "State": "not-listed",
         "Lines": [{"Sku": "a", "Quantity": 2, "Price": 1.5}]}
BATCH = {"Source": "s", "Events": []}

# (schema, label, document, valid?)
CASES = [
    ("full2", "single", {"Order": ORDER, "Received": AT}, True),
    ("full2", "batch, every body rule, tag after body",
     dict(BATCH, Events=[{"Value": ORDER, "Kind": "Created"},
                         {"Kind": "Pinged"}, {"Kind": "Noted"},
                         {"Kind": "Noted", "Value": {"Text": "t"}}]), True),
    ("full2", "open tag: unknown value, any body of the body's members",
     dict(BATCH, Events=[{"Kind": "Later", "Value": {"Id": U}}]), True),
    ("full2", "body of a no-body variant",
     dict(BATCH, Events=[{"Kind": "Pinged", "Value": {}}]), False),
    ("full2", "required body missing",
     dict(BATCH, Events=[{"Kind": "Created"}]), False),
    ("full2", "another variant's member in a body",
     dict(BATCH, Events=[{"Kind": "Touched",
                          "Value": {"Id": U, "Text": "t"}}]), False),
    ("full2", "keys of both alternatives",
     dict(BATCH, Received=AT), False),
    ("full2", "keys of neither", {}, False),
    ("full2", "inline, skip policy keeps unknown members",
     dict(BATCH, Changes=[{"Type": "Resource", "Id": U, "State": "Clean",
                           "Other": 1}]), True),
    ("full2", "inline, required member of the variant missing",
     dict(BATCH, Changes=[{"Type": "Reservation", "Id": U,
                           "State": "Confirmed"}]), False),
    ("full2", "int above its range",
     {"Order": dict(ORDER, Offset=15), "Received": AT}, False),
    ("full2", "closed enum, unknown value",
     {"Order": dict(ORDER, Colors=["Red", "Pink"]), "Received": AT}, False),
    ("full2", "array over its bound",
     {"Order": dict(ORDER, Colors=["Red"] * 4), "Received": AT}, False),
    ("full2", "string over its bound",
     {"Order": dict(ORDER, Tags=["x" * 25]), "Received": AT}, False),
    ("full2", "uuid pattern",
     {"Order": dict(ORDER, Id="not-a-uuid"), "Received": AT}, False),
    ("endpoint", "integration webhook",
     {"Action": "IntegrationDisabled",
      "Data": {"Integration": {"Id": U, "Name": "n"}}}, True),
    ("endpoint", "general webhook",
     {"EnterpriseId": U, "IntegrationId": U,
      "Events": [{"Discriminator": "ResourceUpdated", "Value": {"Id": U}},
                 {"Discriminator": "SomethingNew", "Value": {"Id": U}}],
      "Entities": {"Whatever": [1, 2, 3]}}, True),
    ("endpoint", "both kinds at once",
     {"Action": "IntegrationDisabled",
      "Data": {"Integration": {"Id": U, "Name": "n"}},
      "EnterpriseId": U}, False),
    ("endpoint", "general webhook missing Events",
     {"EnterpriseId": U, "IntegrationId": U}, False),
]


def main():
    if sys.argv[1] == "--meta":
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as f:
                jsonschema.Draft202012Validator.check_schema(json.load(f))
        sys.exit(0)
    schemas = {}
    failed = 0
    for name in ("full2", "endpoint"):
        with open(f"{sys.argv[1]}/{name}.schema.json", encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[name] = jsonschema.Draft202012Validator(schema)
    for name, label, doc, want in CASES:
        got = schemas[name].is_valid(doc)
        if got != want:
            failed += 1
            print(f"FAIL: {name}.schema.json, {label}: "
                  f"{'valid' if got else 'invalid'}, expected "
                  f"{'valid' if want else 'invalid'}")
    sys.exit(1 if failed else 0)


main()
