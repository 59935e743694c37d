#!/usr/bin/env python3
"""Writes tests/conformance/edges/*.json and edges.cases: the parser-bug
classes of the conformance plan, each at its edges.

Every expectation is derived from how the input is built (the offset of
the byte that makes it invalid, the bound it crosses), never from running
the parser. Run from the repository top; the output is committed.
"""
import os

DIR = "tests/conformance/edges"
ID = "9e5e84e9-974d-4f16-9662-ab2200f27cb1"
HEAD = ('{"Action":"IntegrationDisabled","Data":{"Integration":{"Id":"%s",'
        '"Name":"WebhookTEST"}},"Unknown":' % ID).encode()
VALID = HEAD[:-len(',"Unknown":')] + b"}"

cases = []


def case(name, data, expect):
    with open(os.path.join(DIR, name + ".json"), "wb") as f:
        f.write(data)
    cases.append((name + ".json", expect))


def at(offset, code, path, data=b""):
    """An expectation at a byte offset of a one-line input; the column
    counts characters, so UTF-8 continuation bytes before it are not
    counted."""
    cont = sum(1 for b in data[:offset] if 0x80 <= b <= 0xBF)
    return "%s %d 1:%d %s" % (code, offset, offset + 1 - cont, path)


def embedded(name, value, expect, tail=b"}"):
    """value as the unknown member; expect: 'ok', or (code, offset in
    value or None for end of input)."""
    data = HEAD + value + tail
    if expect == "ok":
        case(name, data, "ok IntegrationDisabled")
        return
    code, off = expect
    off = len(data) if off is None else len(HEAD) + off
    case(name, data, at(off, code, "Unknown", data))


# Nesting far past HOOK_MAX_DEPTH (64; the root object is level 1).
embedded("depth_63_arrays", b"[" * 63 + b"]" * 63, "ok")
embedded("depth_64_arrays", b"[" * 64 + b"]" * 64, ("TOO_DEEP", 63))
embedded("depth_far_past_closed", b"[" * 5000 + b"]" * 5000, ("TOO_DEEP", 63))
embedded("depth_far_past_objects", b'{"a":' * 3000 + b"}" * 3000,
         ("TOO_DEEP", 63 * 5))
embedded("depth_far_past_open", b"[" * 100000, ("TRUNCATED", None), tail=b"")
embedded("depth_far_past_open_then_brace", b"[" * 100000,
         ("TRUNCATED", None))

# Input ending inside a token.
for name, value in [("after_backslash", b'"abc\\'),
                    ("inside_u_escape", b'"\\u12'),
                    ("inside_surrogate_pair", b'"\\ud83d\\ude0'),
                    ("after_high_surrogate", b'"\\ud83d'),
                    ("after_high_surrogate_backslash", b'"\\ud83d\\'),
                    ("inside_utf8", b'"\xe2\x82'),
                    ("inside_number_exponent", b"1e-"),
                    ("inside_number_point", b"1."),
                    ("inside_number_minus", b"-"),
                    ("inside_literal", b"tru"),
                    ("after_complete_number", b"12")]:
    embedded("ends_" + name, value, ("TRUNCATED", None), tail=b"")
embedded("number_cut_by_brace", b"1e-", ("SYNTAX", 3))
embedded("literal_cut_by_brace", b"nul", ("SYNTAX", 3))

# Surrogates.
embedded("high_surrogate_then_escaped_backslash", b'"\\ud800\\\\"',
         ("ENCODING", 8))
embedded("high_surrogate_then_other_escape", b'"\\ud800\\u0041"',
         ("ENCODING", 12))
embedded("surrogate_pair", b'"\\ud83d\\ude00"', "ok")
embedded("lone_low_surrogate_in_key", b'{"\\udc00":1}', ("ENCODING", 7))
embedded("lone_high_surrogate_in_key", b'{"\\ud800":1}', ("ENCODING", 8))
case("lone_high_surrogate_in_record_key",
     b'{"\\ud800":1,' + VALID[1:], at(8, "ENCODING", "-"))

# Overlong and out-of-range UTF-8, in a skipped value and in a field.
for name, seq, bad in [("overlong_2", b"\xc0\xaf", 0),
                       ("overlong_3", b"\xe0\x80\xaf", 1),
                       ("overlong_4", b"\xf0\x80\x80\xaf", 1),
                       ("surrogate_d800", b"\xed\xa0\x80", 1),
                       ("above_10ffff", b"\xf4\x90\x80\x80", 1),
                       ("lead_f5", b"\xf5\x80\x80\x80", 0),
                       ("lone_continuation", b"\x80", 0)]:
    embedded("utf8_" + name, b'"a' + seq + b'"', ("ENCODING", 2 + bad))
    data = VALID.replace(b'"WebhookTEST"', b'"a' + seq + b'"')
    off = data.index(b'"a' + seq) + 2 + bad
    case("utf8_%s_in_name" % name, data,
         at(off, "ENCODING", "Data.Integration.Name"))
embedded("utf8_max_scalar", b'"\xf4\x8f\xbf\xbf"', "ok")

# Numbers far past any machine range, skipped: syntax only.
embedded("huge_exponent", b"1e999999999999999999", "ok")
embedded("huge_negative_exponent", b"-0.5E-999999999999999999", "ok")
embedded("huge_integer", b"-" + b"9" * 5000, "ok")
embedded("leading_zero", b"012", ("SYNTAX", 1))

# NUL bytes.
embedded("nul_raw_in_string", b'"a\x00b"', ("SYNTAX", 2))
embedded("nul_escaped_in_key", b'{"a\\u0000b":1}', "ok")
case("nul_escaped_in_record_key", b'{"\\u0000":1,' + VALID[1:],
     "ok IntegrationDisabled")
case("nul_after_document_then_second", VALID + b"\x00" + VALID,
     at(len(VALID), "SYNTAX", "-"))
case("second_document", VALID + b"\n" + VALID,
     "SYNTAX %d 2:1 -" % (len(VALID) + 1))

# A byte order mark is not JSON (RFC 8259 8.1): refused at offset 0.
case("bom_then_message", b"\xef\xbb\xbf" + VALID, at(0, "SYNTAX", "-"))
case("message_then_bom", VALID + b"\xef\xbb\xbf",
     at(len(VALID), "SYNTAX", "-"))

# Declared bounds at N-1, N and N+1 bytes.
def named(n, unit=b"a"):
    body = unit * (n // len(unit))
    return VALID.replace(b'"WebhookTEST"', b'"' + body + b'"')


for n in (1023, 1024):
    case("name_%d_bytes" % n, named(n), "ok IntegrationDisabled")
data = named(1025)
case("name_1025_bytes", data,
     at(data.index(b'"aaa'), "TOO_LONG", "Data.Integration.Name"))
case("name_1024_bytes_two_byte_chars", named(1024, "é".encode()),
     "ok IntegrationDisabled")
data = named(1026, "é".encode())
case("name_1026_bytes_two_byte_chars", data,
     at(data.index(b'"\xc3'), "TOO_LONG", "Data.Integration.Name"))
data = VALID.replace(b'"WebhookTEST"', b'"' + b"a" * 1023 + b'\\u00e9"')
case("name_1025_bytes_by_escape", data,
     at(data.index(b'"aaa'), "TOO_LONG", "Data.Integration.Name"))

CREATED = ('{"Action":"IntegrationCreated","Data":{"Enterprise":{"Id":"%s",'
           '"Name":"E"},"Requestor":{"Name":"R","Email":"EMAIL"},'
           '"AccessToken":"TOKEN","CreatedUtc":"2019-12-13T14:42:52Z",'
           '"IsEnabled":true,"Integration":{"Id":"%s","Name":"I"}}}'
           % (ID, ID)).encode()


def email(n):
    local = b"a" * 64
    rest = n - 65  # domain bytes
    labels = []
    while rest > 0:
        take = min(63, rest)
        if rest - take == 1:  # never leave a one-byte tail: a dot needs room
            take -= 2
        labels.append(b"b" * take)
        rest -= take + 1
    return local + b"@" + b".".join(labels)


for n in (253, 254, 255):
    e = email(n)
    assert len(e) == n, (n, len(e))
    data = CREATED.replace(b"EMAIL", e).replace(b"TOKEN", b"t")
    expect = ("ok IntegrationCreated" if n <= 254 else
              at(data.index(b'"' + e[:8]), "TOO_LONG", "Data.Requestor.Email"))
    case("email_%d_bytes" % n, data, expect)

for n in (511, 512, 513):
    data = CREATED.replace(b"EMAIL", b"r@x.io").replace(b"TOKEN", b"T" * n)
    expect = ("ok IntegrationCreated" if n <= 512 else
              at(data.index(b'"TTT'), "TOO_LONG", "Data.AccessToken"))
    case("access_token_%d_bytes" % n, data, expect)

APIKEY = ('{"Action":"IntegrationApiKeyCreated","Data":{"Integration":'
          '{"Id":"%s","Name":"I"},"ApiKey":"KEY"}}' % ID).encode()
for n in (511, 512, 513):
    data = APIKEY.replace(b"KEY", b"K" * n)
    expect = ("ok IntegrationApiKeyCreated" if n <= 512 else
              at(data.index(b'"KKK'), "TOO_LONG", "Data.ApiKey"))
    case("api_key_%d_bytes" % n, data, expect)

# Member names and tag values around HOOK_MAX_KEY (128 bytes).
for n in (127, 128, 129):
    case("unknown_key_%d_bytes" % n,
         VALID[:-1] + b',"' + b"k" * n + b'":1}', "ok IntegrationDisabled")
for n in (128, 129):
    tag = b"Integration" + b"X" * (n - 11)
    data = VALID.replace(b"IntegrationDisabled", tag)
    case("tag_%d_bytes" % n, data, at(10, "UNKNOWN_TAG", "Action"))

with open("tests/conformance/edges.cases", "w") as f:
    f.write("# Parser-bug classes at their edges; written by edges.py.\n")
    for name, expect in cases:
        f.write("edges/%s %s\n" % (name, expect))
print(len(cases), "cases")
