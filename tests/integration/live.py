"""Clients of Laurel's live stream for the tests: server-sent events over a plain socket (so a
test sees exactly what arrives, when it arrives) and a minimal RFC 6455 WebSocket client."""
import base64
import json
import os
import queue
import socket
import threading
import time


def _connect(base):
    host, port = base.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10), host, int(port)


class SseClient:
    """GET /api/v1/stream; events are parsed on a thread into a queue."""

    def __init__(self, base, token=None, last_event_id=None, cookie=None, query=""):
        self.sock, host, port = _connect(base)
        headers = [f"GET /api/v1/stream{query} HTTP/1.1", f"Host: {host}:{port}",
                   "Accept: text/event-stream"]
        if token:
            headers.append(f"Authorization: Bearer {token}")
        if cookie:
            headers.append(f"Cookie: {cookie}")
        if last_event_id is not None:
            headers.append(f"Last-Event-ID: {last_event_id}")
        self.sock.sendall(("\r\n".join(headers) + "\r\n\r\n").encode())
        self.file = self.sock.makefile("rb")
        self.status_line = self.file.readline().decode().strip()
        self.status = int(self.status_line.split()[1])
        self.headers = {}
        while (line := self.file.readline().decode()) not in ("\r\n", ""):
            name, _, value = line.partition(":")
            self.headers[name.strip().lower()] = value.strip()
        self.events = queue.Queue()
        self.closed = threading.Event()
        if self.status == 200:
            threading.Thread(target=self._read, daemon=True).start()
        else:
            length = int(self.headers.get("content-length", "0"))
            self.body = json.loads(self.file.read(length)) if length else None

    def _chunks(self):
        while True:
            size_line = self.file.readline()
            if not size_line:
                return
            size = int(size_line.strip(), 16)
            if size == 0:
                return
            yield self.file.read(size).decode()
            self.file.readline()  # the chunk's CRLF

    def _read(self):
        pending, event = "", {}
        try:
            for chunk in self._chunks():
                pending += chunk
                while "\n" in pending:
                    line, pending = pending.split("\n", 1)
                    if line == "":
                        if "data" in event:
                            self.events.put({"id": event.get("id"), "event": event.get("event"),
                                             "data": json.loads(event["data"])})
                        event = {}
                    elif line.startswith(":"):
                        self.events.put({"id": None, "event": "heartbeat", "data": None})
                    else:
                        name, _, value = line.partition(": ")
                        event[name] = value
        except OSError:
            pass
        finally:
            self.closed.set()

    def next(self, timeout=5, skip_heartbeats=True):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no event in time")
            e = self.events.get(timeout=left)
            if e["event"] != "heartbeat" or not skip_heartbeats:
                return e

    def until(self, predicate, timeout=10):
        """Events up to and including the first that satisfies `predicate`."""
        seen = []
        deadline = time.monotonic() + timeout
        while True:
            e = self.next(max(0.01, deadline - time.monotonic()))
            seen.append(e)
            if predicate(e):
                return seen

    def quiet(self, seconds=1.0):
        """Every non-heartbeat event arriving within `seconds` (expected: none)."""
        got = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                got.append(self.next(left))
            except (TimeoutError, queue.Empty):
                break
        return got

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


class WsClient:
    """A WebSocket to /api/v1/stream: text messages as parsed JSON."""

    def __init__(self, base, token=None, cookie=None, origin=None, query=""):
        self.sock, host, port = _connect(base)
        key = base64.b64encode(os.urandom(16)).decode()
        headers = [f"GET /api/v1/stream{query} HTTP/1.1", f"Host: {host}:{port}",
                   "Upgrade: websocket", "Connection: Upgrade", f"Sec-WebSocket-Key: {key}",
                   "Sec-WebSocket-Version: 13"]
        if token:
            headers.append(f"Authorization: Bearer {token}")
        if cookie:
            headers.append(f"Cookie: {cookie}")
        if origin:
            headers.append(f"Origin: {origin}")
        self.sock.sendall(("\r\n".join(headers) + "\r\n\r\n").encode())
        self.file = self.sock.makefile("rb")
        self.status = int(self.file.readline().split()[1])
        while self.file.readline() not in (b"\r\n", b""):
            pass

    def _exactly(self, n):
        data = self.file.read(n)
        if len(data) < n:
            raise ConnectionError("closed")
        return data

    def next(self):
        """The next text message (pings are answered, other control frames skipped)."""
        while True:
            head = self._exactly(2)
            opcode, length = head[0] & 0x0F, head[1] & 0x7F
            if length == 126:
                length = int.from_bytes(self._exactly(2), "big")
            elif length == 127:
                length = int.from_bytes(self._exactly(8), "big")
            payload = self._exactly(length)
            if opcode == 0x1:
                return json.loads(payload)
            if opcode == 0x8:
                raise ConnectionError("closed by the server")
            if opcode == 0x9:
                self._send(0xA, payload)

    def _send(self, opcode, payload):
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked)

    def close(self):
        try:
            self._send(0x8, (1000).to_bytes(2, "big"))
        except OSError:
            pass
        self.sock.close()
