"""The load client of the deadline rush: many requests at once, or spread over a window.

Runs as its own process (bench/run.py starts it), so the server's CPU time and the client's
are never the same process. Reads a JSON spec on stdin: {"host", "port", "window": seconds
over which the requests start (0: all at once, released by one barrier), "requests": [{"method",
"path", "cookie", "body", "expect"}]}; prints one JSON line: per request its latency in
seconds, its status and whether the redirect went where `expect` says (a substring of the
Location header, or "" for a 200).
"""

import http.client
import json
import sys
import threading
import time


def one(spec: dict, request: dict, start_at: float, barrier, out: list, index: int) -> None:
    connection = http.client.HTTPConnection(spec["host"], spec["port"], timeout=60)
    body = request.get("body") or None
    headers = {"Cookie": request["cookie"], "Host": f"{spec['host']}:{spec['port']}"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.connect()  # connected before the start, as a browser's keep-alive would be
    if barrier is not None:
        barrier.wait()
    else:
        time.sleep(max(0.0, start_at - time.monotonic()))
    started = time.monotonic()
    try:
        connection.request(request["method"], request["path"], body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        status = response.status
        location = response.getheader("Location") or ""
    except OSError as error:
        status, location = 0, str(error)
    elapsed = time.monotonic() - started
    expect = request.get("expect", "")
    ok = status == 200 if not expect else status in (302, 303) and expect in location
    out[index] = {"seconds": elapsed, "status": status, "ok": ok}
    connection.close()


def main() -> None:
    spec = json.load(sys.stdin)
    requests = spec["requests"]
    out: list = [None] * len(requests)
    window = float(spec.get("window", 0))
    barrier = threading.Barrier(len(requests)) if window == 0 else None
    origin = time.monotonic() + 1.0
    threads = [
        threading.Thread(
            target=one,
            args=(spec, r, origin + window * i / len(requests), barrier, out, i),
            daemon=True,
        )
        for i, r in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
