"""A Learning Record Store on 127.0.0.1 for the tests: the xAPI 1.0.3 statements resource.

It keeps what the specification says an LRS keeps (one statement per id; a resent identical
statement is accepted and not stored twice, a different one under the same id is 409), checks
the version header and Basic credentials, and can be told to stall after storing a batch, as a
slow LRS behind a proxy does, so the client times out although the statements landed.
"""

import base64
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

USERNAME, PASSWORD = "lrs-klient", "tajné-heslo-ěščř"


class LRS:
    def __init__(self):
        self.statements: dict[str, dict] = {}
        self.requests: list[tuple[str, int]] = []
        self.stall_seconds = 0.0
        self.lock = threading.Lock()
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, body=None):
                payload = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("X-Experience-API-Version", "1.0.3")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _store(self, items: list[dict]) -> int:
                with lrs.lock:
                    conflict = any(
                        item["id"] in lrs.statements and lrs.statements[item["id"]] != item
                        for item in items
                    )
                    if conflict:
                        return 409
                    for item in items:
                        lrs.statements.setdefault(item["id"], item)
                return 200

            def _handle(self, method: str):
                url = urlparse(self.path)
                if url.path != "/xapi/statements":
                    return self._answer(404)
                if self.headers.get("X-Experience-API-Version") != "1.0.3":
                    return self._answer(400)
                expected = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
                if self.headers.get("Authorization") != f"Basic {expected}":
                    return self._answer(401)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if method == "PUT":
                    statement_id = parse_qs(url.query)["statementId"][0]
                    status = self._store([{**body, "id": statement_id}])
                    status = 204 if status == 200 else status
                else:
                    status = self._store(body if isinstance(body, list) else [body])
                lrs.requests.append((method, len(body) if isinstance(body, list) else 1))
                if lrs.stall_seconds:
                    time.sleep(lrs.stall_seconds)
                ids = [item["id"] for item in body] if status == 200 else None
                return self._answer(status, ids)

            def do_POST(self):
                self._handle("POST")

            def do_PUT(self):
                self._handle("PUT")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/xapi"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
