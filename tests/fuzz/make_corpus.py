#!/usr/bin/env python3
"""Writes the seed corpora under corpus/<target>/: small valid documents of the protocol,
each as JSON text and as CBOR (RFC 8949, encoded here with the standard library only).
Run it again after changing the seeds; the fuzzers only read these files."""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def head(major, n):
    if n < 24:
        return bytes([major << 5 | n])
    for extra, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if n < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | extra]) + struct.pack(fmt, n)
    raise ValueError(n)


def cbor(value):
    if value is None:
        return b"\xf6"
    if value is True or value is False:
        return b"\xf5" if value else b"\xf4"
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, str):
        data = value.encode()
        return head(3, len(data)) + data
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(cbor(v) for v in value)
    if isinstance(value, dict):
        return head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())
    raise TypeError(value)


TASKS = {"name": "tasks", "title": "Tasks", "seq": 3, "fields": [
    {"name": "title", "type": "string", "title": "Title", "required": True},
    {"name": "notes", "type": "text"},
    {"name": "estimate", "type": "integer"},
    {"name": "cost", "type": "number"},
    {"name": "done", "type": "boolean"},
    {"name": "due", "type": "date"},
    {"name": "updated", "type": "datetime"},
    {"name": "priority", "type": "enum", "values": ["low", "normal", "high"]}]}
DATA = {"title": "Write the fuzzers", "notes": "line\nbreak \u00e9\u6f22", "estimate": 3, "cost": 2.5,
        "done": False, "due": "2024-02-29", "updated": "2024-03-01T12:30:00.250Z", "priority": "high"}
RECORD = {"id": "r-1_A", "etag": "\"4-9cee3387bfcfb4c9\"", "seq": 4, "data": DATA}
CHANGE = {"seq": 7, "collection": "tasks", "id": "r1", "op": "put", "etag": "\"7-ab\"",
          "data": {"title": "x"}, "author": "ana"}
DELETE = {"seq": 8, "collection": "tasks", "id": "r1", "op": "delete", "etag": "\"8-cd\"",
          "data": None, "author": "ana"}

SEEDS = {
    "codec": [DATA, TASKS, [1, -2, 3.5, "\u00fc", None, True, {"a": [[], {}]}], "text", 0,
              -9007199254740992, 1e300, {"a": {"b": {"c": {"d": [1, [2, [3]]]}}}}],
    "livemessage": [
        {"type": "hello", "collections": {"tasks": 4, "notes": 0}},
        {"type": "welcome", "collections": {"tasks": 9}, "user": "alice"},
        dict(CHANGE, type="change"), dict(DELETE, type="change"),
        {"type": "reset", "collection": "tasks", "seq": 120},
        {"type": "error", "collection": "gone", "status": 404, "detail": "no such collection"},
        {"type": "presence", "collection": "tasks", "id": "r1", "user": "bob", "state": "editing"}],
    "documents": [
        RECORD, {"seq": 9, "records": [RECORD], "next": "r-1_A"}, {"seq": 0, "records": [], "next": None},
        CHANGE, DELETE, {"seq": 8, "changes": [CHANGE, DELETE]},
        {"type": "about:blank", "title": "Unprocessable Content", "status": 422, "detail": "due: bad",
         "field": "due"}],
    "schema": [[TASKS, DATA, {"title": "t", "due": None}, {"title": None}, {"nope": 1}], TASKS,
               [{"name": "a", "fields": [{"name": "x", "type": "enum", "values": ["p", "q"],
                                          "required": True}]}, {"x": "p"}, {"x": "r"}]],
    "mergepatch": [[DATA, {"title": "y", "notes": None, "extra": {"a": 1}}],
                   [{"a": "b", "c": {"d": "e", "f": "g"}}, {"a": "z", "c": {"f": None}}],
                   [{"a": [1, 2]}, {"a": [{"b": None}]}], ["scalar", {"a": 1}], [{"a": 1}, None]],
}
TARGETS = {"fuzz_json": "codec", "fuzz_cbor": "codec", "fuzz_livemessage": "livemessage",
           "fuzz_documents": "documents", "fuzz_schema": "schema", "fuzz_mergepatch": "mergepatch"}


def main():
    for target, seeds in TARGETS.items():
        folder = os.path.join(HERE, "corpus", target)
        os.makedirs(folder, exist_ok=True)
        for i, doc in enumerate(SEEDS[seeds]):
            encodings = {"json": json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode(),
                         "cbor": cbor(doc)}
            for ext, data in encodings.items():
                if (target, ext) in (("fuzz_json", "cbor"), ("fuzz_cbor", "json")):
                    continue
                with open(os.path.join(folder, "seed%02d.%s" % (i, ext)), "wb") as f:
                    f.write(data)


if __name__ == "__main__":
    main()
