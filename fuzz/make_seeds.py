#!/usr/bin/env python3
"""make_seeds.py - seed inputs for the fuzz targets, written to OUTDIR.

    make_seeds.py OUTDIR DATA

OUTDIR/parser_mews, OUTDIR/parser_full: two control bytes (the chunk
plan, see fuzz/parser_oracles.h) followed by a message:
  - a message for every action of the Mews schema, and for every kind of
    the full schema, with each string of DATA/blns/blns.json in turn in
    a string field (raw UTF-8 and, where it is not valid, as escapes);
  - tests/seed/*.json, tests/cases/**/*.json, tests/conformance/edges/*.json;
  - every DATA/jsontestsuite* file, as is and embedded as the value of an
    unknown member of a valid message; jansson's invalid inputs as is.
OUTDIR/parser_general, _websocket, _endpoint, _full2: each package's
cases (tests/cases/PACKAGE/), and the seed messages for the endpoint.
OUTDIR/compiler: schema/*.hookc, tests/schemas/**/*.hookc.
Nothing is copied into the repository: `make fuzz` minimises these
together with fuzz/corpus/ and commits only the minimised set.
"""
import glob
import hashlib
import json
import os
import sys

out, data = sys.argv[1], sys.argv[2]
counter = [0]


def put(target, body):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    counter[0] += 1
    n = counter[0]
    control = bytes([(n * 37) & 0xFF, (n * 11) & 0xFF])
    name = hashlib.sha1(control + body).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(control + body)


def jstr(s):
    return json.dumps(s, ensure_ascii=False)


def enc(s):
    return s.encode("utf-8", "surrogatepass")


UUID = "8865aa96-f62d-4f9b-a912-ab2100f60f42"
INTEG = '{"Id": "9e5e84e9-974d-4f16-9662-ab2200f27cb1", "Name": %s}'


def mews(action, s, where):
    """A valid Mews message (when s fits) with s in field `where`."""
    name = jstr(s) if where == "name" else '"WebhookTEST"'
    integ = INTEG % name
    if action == "IntegrationCreated":
        req = ('{"Name": %s, "Email": "a.b@example.com"}' % jstr(s)
               if where == "requestor" else "null")
        tok = jstr(s) if where == "token" else '"9E5E84E9974D4F169662AB22"'
        body = ('{"Enterprise": {"Id": "%s", "Name": %s}, "Requestor": %s, '
                '"AccessToken": %s, "CreatedUtc": "2019-12-13T14:42:52Z", '
                '"IsEnabled": true, "Integration": %s, '
                '"Service": {"Id": "%s", "Name": "S"}}'
                % (UUID, name, req, tok, integ, UUID))
    elif action == "IntegrationDeleted":
        body = '{"DeletedUtc": "2024-02-29T23:59:59.5+01:00", "Integration": %s}' % integ
    elif action == "IntegrationApiKeyCreated":
        key = jstr(s) if where == "token" else '"k"'
        body = '{"Integration": %s, "ApiKey": %s}' % (integ, key)
    else:
        body = '{"Integration": %s}' % integ
    if where == "unknown":
        body = body[:-1] + ', "Extra": %s}' % jstr(s)
    return '{"Action": "%s", "Data": %s}' % (action, body)


ACTIONS = ["IntegrationCreated", "IntegrationDisabled", "IntegrationEnabled",
           "IntegrationDeleted", "IntegrationCanceled",
           "IntegrationReinstated", "IntegrationApiKeyCreated"]
WHERE = ["name", "token", "requestor", "unknown"]

E = '"event-id": "%s", "Sent": "2024-01-01T00:00:00Z"' % UUID
PERSON = '{"Name": %s, "Email": "x@example.org", "Home": {"Street": "S", "Country": null}, "Prénom": "é", "名前": "名"}'


def full(kind, s):
    v = jstr(s)
    if kind in ("user.created", "Renamed"):
        p = '{"Id": "%s", "At": "2024-01-01T00:00:00z", "User": %s, "Token": "t"}' % (UUID, PERSON % v)
    elif kind == "user.deleted":
        p = '{"At": "1970-01-01T00:00:00Z", "Reason": %s}' % v
    else:
        p = ('{"Id": "%s", "At": "2024-01-01T00:00:00Z", "2fa": true, "int": false, '
             '"URLPath": %s, "say \\"hi\\" \\\\o/": "x"}' % (UUID, v))
    return '{%s, "Kind": "%s", "Payload": %s, "Note": "n", "Test": false, "Origin": null, "Nothing": {}}' % (E, kind, p)


FULL_KINDS = ["user.created", "user.deleted", "user.login", "Renamed"]

# blns strings into every action and kind
with open(os.path.join(data, "blns", "blns.json"), encoding="utf-8") as f:
    blns = json.load(f)
for i, s in enumerate(blns):
    put("parser_mews", enc(mews(ACTIONS[i % 7], s, WHERE[i % 4])))
    put("parser_full", enc(full(FULL_KINDS[i % 4], s)))
for a in ACTIONS:
    for w in WHERE:
        put("parser_mews", enc(mews(a, "x", w)))
for k in FULL_KINDS:
    put("parser_full", enc(full(k, "x")))
    # the body before its tag
    m = full(k, "y")
    put("parser_full", enc(m.replace('"Kind": "%s", ' % k, "") [:-1] + ', "Kind": "%s"}' % k))

# the project's own messages
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
files = (glob.glob(os.path.join(root, "tests/seed/*.json")) +
         glob.glob(os.path.join(root, "tests/cases/**/*.json"), recursive=True) +
         glob.glob(os.path.join(root, "tests/conformance/edges/*.json")))
for p in sorted(files):
    with open(p, "rb") as f:
        put("parser_mews", f.read())
for p in sorted(glob.glob(os.path.join(root, "tests/prototype/cases/*.json"))):
    with open(p, "rb") as f:
        put("parser_full", f.read())

# the other packages' own cases; the shared endpoint also reads the
# integration webhooks
for pkg in ("general", "websocket", "endpoint", "full2"):
    pattern = os.path.join(root, "tests/cases", pkg, "**/*.json")
    for p in sorted(glob.glob(pattern, recursive=True)):
        with open(p, "rb") as f:
            put("parser_" + pkg, f.read())
for p in sorted(glob.glob(os.path.join(root, "tests/seed/*.json"))):
    with open(p, "rb") as f:
        put("parser_endpoint", f.read())

# public corpora: raw, and embedded as an unknown member's value
valid = mews("IntegrationDisabled", "x", "name").encode()
full_valid = enc(full("user.created", "x"))
for p in sorted(glob.glob(os.path.join(data, "jsontestsuite*", "*.json"))):
    with open(p, "rb") as f:
        doc = f.read()
    put("parser_mews", doc)
    put("parser_mews", valid[:-1] + b', "Embedded": ' + doc + b"}")
    # full: Person skips unknown members
    put("parser_full", full_valid.replace(b'"Name": "x"', b'"X": ' + doc + b', "Name": "x"', 1))
for p in sorted(glob.glob(os.path.join(data, "jansson-suites", "*", "*", "input"))):
    with open(p, "rb") as f:
        put("parser_mews", f.read())

# schemas for the compiler
for p in sorted(glob.glob(os.path.join(root, "schema/*.hookc")) +
                glob.glob(os.path.join(root, "tests/schemas/**/*.hookc"), recursive=True)):
    with open(p, "rb") as f:
        body = f.read()
    d = os.path.join(out, "compiler")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(body).hexdigest()[:16]), "wb") as f:
        f.write(body)

print("make_seeds: %d parser seeds, %d schemas" %
      (counter[0], len(os.listdir(os.path.join(out, "compiler")))))
