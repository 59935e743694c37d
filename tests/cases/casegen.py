"""casegen.py - what the case generators share: the error marker, small
builders of raw JSON text, and Corpus, which writes case files and their
manifest (tests/cases/runner.c reads it).

An invalid case carries HERE at the byte where its error is expected;
Corpus.bad cuts the marker out and computes the offset, the line (LF)
and the column (characters: UTF-8 continuation bytes are not counted)
from where it stood.
"""
import os
import shutil

HERE = b"\x00@HERE@\x00"


def b(x):
    return x if isinstance(x, bytes) else x.encode()


def q(s):
    """A JSON string of s as written (no escaping is added)."""
    return b'"' + b(s) + b'"'


def obj(members, close=b""):
    """members: (raw key text, raw value) pairs; close goes before '}'."""
    out = b"{"
    out += b",".join(q(k) + b":" + b(v) for k, v in members)
    return out + close + b"}"


def arr(items, close=b""):
    return b"[" + b",".join(b(x) for x in items) + close + b"]"


def without(members, key):
    return [(k, v) for k, v in members if k != key]


def replace(members, key, value):
    return [(k, value if k == key else v) for k, v in members]


class Corpus:
    def __init__(self, top, manifest, header):
        self.top = top
        self.manifest = manifest
        self.header = header
        self.lines = []
        self.names = set()
        shutil.rmtree(top, ignore_errors=True)

    def write(self, name, data):
        assert name not in self.names, name
        self.names.add(name)
        path = os.path.join(self.top, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)

    def ok(self, name, data, tag=""):
        data = b(data)
        assert HERE not in data, name
        name = "valid/" + name + ".json"
        self.write(name, data)
        self.lines.append(("%s ok %s" % (self.rel(name), tag)).rstrip())

    def extern(self, path, tag=""):
        """an existing file (a seed), relative to the repository top"""
        self.lines.append(("%s ok %s" % (
            os.path.relpath(path, os.path.dirname(self.manifest)),
            tag)).rstrip())

    def bad(self, name, data, code, path="-"):
        """data holds HERE once, or not at all for the end of input."""
        data = b(data)
        n = data.count(HERE)
        assert n <= 1, name
        if n == 0:
            assert code == "TRUNCATED", name
            off = len(data)
        else:
            off = data.index(HERE)
            data = data.replace(HERE, b"")
        before = data[:off]
        line = before.count(b"\n") + 1
        start = before.rfind(b"\n") + 1
        col = 1 + sum(1 for c in before[start:] if not 0x80 <= c <= 0xBF)
        name = "invalid/" + name + ".json"
        self.write(name, data)
        self.lines.append("%s %s %d %d:%d %s" % (self.rel(name), code, off,
                                                 line, col, path or "-"))

    def rel(self, name):
        return os.path.relpath(os.path.join(self.top, name),
                               os.path.dirname(self.manifest))

    def finish(self):
        with open(self.manifest, "w") as f:
            f.write(self.header)
            width = max(len(l.split()[0]) for l in self.lines) + 2
            for l in self.lines:
                name, rest = l.split(" ", 1)
                f.write(name.ljust(width) + rest + "\n")
        return len(self.lines)
