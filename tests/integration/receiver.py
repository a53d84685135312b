"""A real HTTP receiver on loopback standing in for a group-chat bot: it records what it is
sent and answers as it is told — a bot's success, its "too many messages", 5xx, 429, or slowly."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

OK = (200, {"errcode": 0, "errmsg": "ok"}, 0.0)


class Receiver:
    def __init__(self):
        self.received = []
        self.plan = []  # answers to give, in order, before falling back to OK
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                with receiver.lock:
                    status, answer, delay = receiver.plan.pop(0) if receiver.plan else OK
                    receiver.received.append({
                        "path": urlsplit(self.path).path,
                        "query": {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()},
                        "headers": dict(self.headers), "body": json.loads(raw or b"null"),
                        "at": time.monotonic(), "answered": status})
                time.sleep(delay)
                data = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up waiting

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, *answers):
        with self.lock:
            self.plan.extend(answers)

    def at(self, path):
        with self.lock:
            return [r for r in self.received if r["path"] == path]

    def wait_for(self, path, count, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.at(path)) >= count:
                return self.at(path)
            time.sleep(0.05)
        raise AssertionError(f"{path}: {len(self.at(path))} requests, not {count}")

    def close(self):
        self.server.shutdown()
        self.server.server_close()
