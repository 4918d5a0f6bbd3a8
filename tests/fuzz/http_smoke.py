#!/usr/bin/env python3
"""Raw-HTTP smoke fuzz of etagere-server: starts the server on a free loopback port with a
fresh data directory, sends a few thousand malformed or mutated requests and WebSocket
frames over plain sockets, and checks after every batch that the server is still alive
and answering. Exits 0 when it survived everything, 1 otherwise.

    python3 tests/fuzz/http_smoke.py BUILD/bin/etagere-server [--requests N] [--seed S]

Loopback only, bounded in count and time; it stops the server it started."""
import argparse
import base64
import os
import random
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RECORD = "/v1/collections/tasks/records/"


def seeds():
    """Bodies from the seed corpora (JSON and CBOR documents of the protocol)."""
    bodies = []
    for target in ("fuzz_documents", "fuzz_schema", "fuzz_livemessage", "fuzz_mergepatch"):
        folder = os.path.join(HERE, "corpus", target)
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as f:
                bodies.append((name.endswith(".cbor"), f.read()))
    return bodies


def mutate(rng, data, rounds=None):
    data = bytearray(data)
    for _ in range(rounds or rng.randint(1, 8)):
        kind = rng.randrange(6)
        pos = rng.randrange(len(data) + 1)
        if kind == 0 and data:
            data[min(pos, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif kind == 1:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif kind == 2:
            del data[pos:pos + rng.randint(1, 16)]
        elif kind == 3:
            data[pos:pos] = rng.choice([b"{", b"[", b"\"", b"\\", b"\xef\xbb\xbf", b"\x00", b"\xff",
                                         b"\x9f", b"\xbf", b"\x7f", b"\r\n", b"%", b"%00", b"/"])
        elif kind == 4 and data:
            chunk = data[pos:pos + rng.randint(1, 32)]
            data[pos:pos] = chunk * rng.randint(1, 64)
        else:
            data = data[:pos]
    return bytes(data)


def request(method, path, headers=(), body=b"", host=None, length=True, close=True):
    lines = ["%s %s HTTP/1.1" % (method, path), "Host: %s" % host] + (["Connection: close"] if close else [])
    lines += ["%s: %s" % h for h in headers]
    if length and body is not None:
        lines.append("Content-Length: %d" % len(body))
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")


class Smoke:
    def __init__(self, server, rng):
        self.server = server
        self.rng = rng
        self.host = None
        self.port = None
        self.sent = 0
        self.kinds = {}

    # ---- talking to the server ----------------------------------------------------------
    def exchange(self, payload, wait=0.15, keep=False):
        """Sends raw bytes, reads whatever comes back until `wait` passes or the peer closes."""
        sock = socket.create_connection((self.host, self.port), timeout=2)
        try:
            sock.settimeout(wait)
            try:
                sock.sendall(payload)
            except OSError:
                pass
            return self.drain(sock)
        finally:
            if not keep:
                sock.close()

    @staticmethod
    def drain(sock, limit=1 << 20):
        received = b""
        try:
            while len(received) < limit:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                received += chunk
        except OSError:
            pass
        return received

    def alive(self):
        """The server process runs and answers a plain GET with 200 within a few seconds."""
        if self.server.poll() is not None:
            return False
        try:
            answer = self.exchange(request("GET", "/v1/collections", host=self.host_header())
                                   + b"", wait=5)
        except OSError:
            return False
        return answer.startswith(b"HTTP/1.1 200")

    def host_header(self):
        return "127.0.0.1:%d" % self.port

    def count(self, kind):
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        self.sent += 1

    # ---- what is sent -------------------------------------------------------------------
    def random_bytes(self):
        self.count("random bytes")
        self.exchange(os.urandom(self.rng.randint(1, 4096)))

    def mutated_request(self, bodies):
        self.count("mutated request")
        cbor, body = self.rng.choice(bodies)
        method = self.rng.choice(["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS"])
        path = self.rng.choice(["/v1/collections", "/v1/collections/tasks", RECORD + "r1",
                                "/v1/collections/tasks/records", "/v1/collections/tasks/changes?since=0",
                                "/v1/collections/tasks/records?limit=2&after=a", "/v1/live"])
        ctype = "application/cbor" if cbor else self.rng.choice(
            ["application/json", "application/merge-patch+json", "application/json; charset=utf-8"])
        headers = [("Content-Type", ctype), ("If-Match", "*"),
                   ("Accept", self.rng.choice(["application/cbor", "application/json", "*/*;q=0.5"]))]
        raw = request(method, path, headers, mutate(self.rng, body) if self.rng.random() < 0.8 else body,
                      host=self.host_header())
        self.exchange(mutate(self.rng, raw, 2) if self.rng.random() < 0.3 else raw)

    def body_request(self, bodies):
        """Well-formed HTTP carrying a mutated JSON or CBOR body to a route that decodes it."""
        self.count("mutated body")
        cbor, body = self.rng.choice(bodies)
        method, path, pre = self.rng.choice([
            ("PUT", RECORD + "r%d" % self.rng.randrange(5), ("If-None-Match", "*")),
            ("PUT", RECORD + "r%d" % self.rng.randrange(5), ("If-Match", "*")),
            ("PATCH", RECORD + "r%d" % self.rng.randrange(5), ("If-Match", "*")),
            ("POST", "/v1/collections/tasks/records", ("X-None", "1")),
            ("PUT", "/v1/collections/c%d" % self.rng.randrange(1000), ("If-None-Match", "*"))])
        ctype = "application/cbor" if cbor and method != "PATCH" else (
            "application/merge-patch+json" if method == "PATCH" else "application/json")
        self.exchange(request(method, path, [("Content-Type", ctype), pre], mutate(self.rng, body),
                              host=self.host_header()))

    def bad_headers(self):
        self.count("bad headers")
        choice = self.rng.randrange(8)
        host = self.host_header()
        if choice == 0:
            raw = request("GET", "/v1/collections", [("X-Long", "a" * self.rng.choice([8000, 70000, 300000]))],
                          host=host)
        elif choice == 1:
            raw = request("GET", "/v1/collections", [("X-%d" % i, "v") for i in range(self.rng.choice([100, 5000]))],
                          host=host)
        elif choice == 2:
            raw = request("GET", "/" + "a/" * self.rng.choice([1000, 50000]), host=host)
        elif choice == 3:
            raw = request("GET", "/v1/collections", [("Host", "evil.example"), ("Host", host)], host=host)
        elif choice == 4:
            raw = b"GET /v1/collections HTTP/1.1\r\nHost: " + host.encode() + b"\r\nBad Header Line\r\n\r\n"
        elif choice == 5:
            raw = request("GET", "/v1/collections", [("Accept", ",".join(["a/b;q=0.%d" % i for i in range(2000)]))],
                          host=host)
        elif choice == 6:
            raw = request("PUT", RECORD + "r1", [("If-Match", "\"" * 5000), ("Content-Type", "application/json")],
                          b"{}", host=host)
        else:
            raw = request("GET", "/v1/collections/%s/records/%s" % ("%" + "%02x" % self.rng.randrange(256),
                                                                    "%ff%00%2f"), host=host)
        self.exchange(raw)

    def bad_bodies(self):
        self.count("bad length or chunking")
        host = self.host_header()
        head = ("PUT %s HTTP/1.1\r\nHost: %s\r\nIf-None-Match: *\r\nContent-Type: application/json\r\n"
                % (RECORD + "rc", host))
        choice = self.rng.randrange(7)
        if choice == 0:  # body shorter than its Content-Length: the server waits, we leave
            raw = (head + "Content-Length: 100\r\n\r\n{\"title\":").encode()
        elif choice == 1:
            raw = (head + "Content-Length: 99999999999999999999\r\n\r\n{}").encode()
        elif choice == 2:
            raw = (head + "Content-Length: -5\r\n\r\n{}").encode()
        elif choice == 3:
            raw = (head + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\nab\r\n0\r\n\r\n").encode()
        elif choice == 4:
            raw = (head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").encode()
        elif choice == 5:
            raw = (head + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n").encode()  # no last chunk
        else:
            raw = (head + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}x").encode()
        self.exchange(raw, wait=0.2)

    def oversized_body(self):
        self.count("oversized body")
        body = b"[" + b"1," * (600 * 1024) + b"1]"
        self.exchange(request("POST", "/v1/collections/tasks/records", [("Content-Type", "application/json")],
                              body, host=self.host_header()), wait=1)

    def websocket(self, bodies):
        self.count("websocket frames")
        key = base64.b64encode(os.urandom(16)).decode()
        raw = request("GET", "/v1/live" + self.rng.choice(["", "?format=cbor"]),
                      [("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Key", key),
                       ("Sec-WebSocket-Version", "13")], body=None, host=self.host_header(), length=False,
                      close=False)
        sock = socket.create_connection((self.host, self.port), timeout=2)
        try:
            sock.sendall(raw)
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = sock.recv(4096)
                if not chunk:
                    return
                head += chunk
            if not head.startswith(b"HTTP/1.1 101"):
                self.count("refused upgrade")
                return
            sock.settimeout(0.2)
            for _ in range(self.rng.randint(1, 6)):
                try:
                    sock.sendall(self.frame(bodies))
                except OSError:
                    break
            self.drain(sock, 1 << 16)
        finally:
            sock.close()

    def frame(self, bodies):
        rng = self.rng
        choice = rng.randrange(7)
        if choice == 0:
            return os.urandom(rng.randint(1, 64))
        cbor, body = rng.choice(bodies)
        payload = mutate(rng, body) if rng.random() < 0.7 else body
        if choice == 1:
            payload = b'{"type":"hello","collections":{"tasks":0}}'
        opcode = 2 if cbor else 1
        fin = 0x80
        if choice == 2:
            opcode = rng.choice([0, 3, 7, 8, 9, 10, 11, 15])
        if choice == 3:
            fin = 0
        mask = choice != 4  # a client frame must be masked
        length = len(payload)
        if choice == 5:
            header = bytes([fin | opcode, 0x80 | 127]) + struct.pack(">Q", rng.choice([1 << 62, 1 << 63, 10 ** 9]))
            return header + os.urandom(4) + payload[:16]
        if length < 126:
            header = bytes([fin | opcode, (0x80 if mask else 0) | length])
        elif length < 65536:
            header = bytes([fin | opcode, (0x80 if mask else 0) | 126]) + struct.pack(">H", length)
        else:
            header = bytes([fin | opcode, (0x80 if mask else 0) | 127]) + struct.pack(">Q", length)
        if not mask:
            return header + payload
        key = os.urandom(4)
        return header + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


def start(binary, data):
    """The server's log goes to a file: a pipe nobody reads would fill and block it."""
    log = open(os.path.join(data, "server.log"), "w")
    server = subprocess.Popen([binary, "--data", os.path.join(data, "db"), "--port", "0", "--demo",
                               "--ping-interval", "500"], stdout=subprocess.PIPE, stderr=log, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://([0-9.]+):(\d+)", line)
    if not match:
        server.kill()
        sys.exit("the server did not start: %r" % line)
    return server, match.group(1), int(match.group(2))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("server")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-seconds", type=float, default=600)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    bodies = seeds()
    data = tempfile.mkdtemp(prefix="etagere-smoke-")
    server, host, port = start(args.server, data)
    smoke = Smoke(server, rng)
    smoke.host, smoke.port = host, port
    started = time.monotonic()
    failure = None
    try:
        actions = [(30, lambda: smoke.body_request(bodies)), (25, lambda: smoke.mutated_request(bodies)),
                   (10, smoke.random_bytes), (10, smoke.bad_headers), (8, smoke.bad_bodies),
                   (15, lambda: smoke.websocket(bodies)), (1, smoke.oversized_body)]
        weights = [w for w, _ in actions]
        for i in range(args.requests):
            if time.monotonic() - started > args.max_seconds:
                break
            try:
                rng.choices(actions, weights)[0][1]()
            except (OSError, RuntimeError) as error:
                if server.poll() is not None or not smoke.alive():
                    failure = "after request %d: %s" % (i, error)
                    break
            if i % 100 == 99 and not smoke.alive():
                failure = "not answering after request %d" % i
                break
        if failure is None and not smoke.alive():
            failure = "not answering at the end"
    finally:
        code = server.poll()
        if code is None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        with open(os.path.join(data, "server.log"), errors="replace") as log:
            stderr = log.read()
        shutil.rmtree(data, ignore_errors=True)
    elapsed = time.monotonic() - started
    print("sent %d in %.0f s: %s" % (smoke.sent, elapsed, ", ".join("%s %d" % kv for kv in sorted(smoke.kinds.items()))))
    if code is not None:
        failure = failure or "the server exited with %s" % code
    if failure:
        print("FAILED: %s\n--- server stderr (tail) ---\n%s" % (failure, stderr[-3000:]))
        return 1
    print("the server survived and still answers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
