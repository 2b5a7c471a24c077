"""Load on ``normalize serve``: N concurrent clients post news paragraphs to /v2/check for S seconds.

    python benchmarks/load.py                          # 200 clients, 60 s, a server of its own
    python benchmarks/load.py --clients 20 --seconds 5 --url http://127.0.0.1:8081

Each client keeps one HTTP/1.1 connection open and sends one request after the
other (a closed loop, as editors do), each a paragraph of a dev document of the
three news corpora (``split.py``: dev only, never the held-out part), as
LanguageTool's clients send it (``text`` and ``language``, url-encoded). A
request counts as an error unless it gets 200 with LanguageTool's JSON in time.
Latency is from the first byte sent to the last byte read. Without ``--url``
the script starts ``normalize serve`` on a free loopback port, waits until it
answers, and stops it with SIGTERM at the end (which must end it cleanly).

The client is plain asyncio streams, so the load needs nothing beyond the
standard library and the figures include no client library's overhead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import split  # noqa: E402

TIMEOUT = 60.0  # seconds for one request before it counts as an error
MIN_WORDS, MAX_CHARS = 20, 3000


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1


def paragraphs(limit: int = 2000, seed: int = 0) -> list[str]:
    """Paragraphs of the dev documents of every corpus that is present (a seeded sample)."""
    found: list[str] = []
    for corpus in split.CORPORA:
        if not split.available(corpus):
            continue
        for doc in split.load("dev", corpus=corpus):
            for para in doc.text.split("\n\n"):
                para = para.strip()
                if len(para.split()) >= MIN_WORDS and len(para) <= MAX_CHARS:
                    found.append(para)
    if not found:
        raise SystemExit(f"no news paragraphs found in {split.data_dir()}: set NORMALIZE_NEWS_DIR")
    random.Random(seed).shuffle(found)
    return found[:limit]


async def _response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    """(status, body, keep-alive) of one HTTP/1.1 response with a Content-Length."""
    status_line = await reader.readuntil(b"\r\n")
    parts = status_line.split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
        raise ValueError(f"bad status line {status_line[:60]!r}")
    status = int(parts[1])
    length, keep = None, True
    while True:
        line = await reader.readuntil(b"\r\n")
        if line == b"\r\n":
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
        elif name.strip().lower() == "connection" and value.strip().lower() == "close":
            keep = False
    if length is None:
        raise ValueError("response without Content-Length")
    return status, await reader.readexactly(length), keep


async def _client(host: str, port: int, bodies: Sequence[bytes], until: float, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    while time.monotonic() < until:
        body = bodies[rng.randrange(len(bodies))]
        head = (
            f"POST /v2/check HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode("ascii")
        start = time.perf_counter()
        try:
            if conn is None:
                conn = await asyncio.wait_for(asyncio.open_connection(host, port), TIMEOUT)
            reader, writer = conn
            writer.write(head + body)
            await writer.drain()
            status, payload, keep = await asyncio.wait_for(_response(reader), TIMEOUT)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as e:
            tally.error(type(e).__name__)
            _close(conn)
            conn = None
            continue
        elapsed = time.perf_counter() - start
        if status != 200:
            tally.error(f"HTTP {status}")
        elif b'"matches"' not in payload:
            tally.error("no matches field")
        else:
            tally.latencies.append(elapsed)
        if not keep:
            _close(conn)
            conn = None
    _close(conn)


def _close(conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None) -> None:
    if conn is not None:
        conn[1].close()


async def _run(host: str, port: int, bodies: Sequence[bytes], clients: int, seconds: float) -> tuple[Tally, float]:
    tally = Tally()
    start = time.monotonic()
    until = start + seconds
    await asyncio.gather(*(_client(host, port, bodies, until, tally, seed) for seed in range(clients)))
    return tally, time.monotonic() - start


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..100) of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), math.ceil(q / 100 * len(sorted_values))))
    return sorted_values[rank - 1]


def load(url: str, texts: Sequence[str], clients: int, seconds: float) -> dict[str, object]:
    """Run the load against ``url`` and summarize it (latencies in milliseconds)."""
    parsed = urllib.parse.urlsplit(url)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    bodies = [urllib.parse.urlencode({"text": t, "language": "en-US"}).encode("ascii") for t in texts]
    tally, wall = asyncio.run(_run(host, port, bodies, clients, seconds))
    lat = sorted(tally.latencies)
    ms = {f"p{q}": round(percentile(lat, q) * 1000, 1) for q in (50, 90, 99)}
    return {
        "clients": clients,
        "seconds": round(wall, 1),
        "requests": len(lat) + sum(tally.errors.values()),
        "ok": len(lat),
        "errors": sum(tally.errors.values()),
        "error_kinds": tally.errors,
        "requests_per_s": round(len(lat) / wall, 1),
        "words_per_request": round(sum(len(t.split()) for t in texts) / len(texts), 1),
        **{f"{k}_ms": v for k, v in ms.items()},
        "max_ms": round(lat[-1] * 1000, 1) if lat else None,
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"normalize serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/v2/healthcheck", timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"normalize serve did not answer within {timeout:.0f} s") from None
            time.sleep(0.3)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", help="a running server (default: start normalize serve on a free port)")
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--paragraphs", type=int, default=2000, help="how many dev paragraphs to sample")
    ap.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    args = ap.parse_args(argv)
    texts = paragraphs(args.paragraphs)
    proc = None
    url = args.url
    log = None
    if url is None:
        url = f"http://127.0.0.1:{_free_port()}"
        log = tempfile.TemporaryFile()
        cmd = [sys.executable, "-m", "normalize", "serve", "--port", url.rsplit(":", 1)[1]]
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    try:
        if proc is not None:
            _wait(url, proc)
        urllib.request.urlopen(  # one request first, so lazy caches are not in the figures
            f"{url}/v2/check", data=urllib.parse.urlencode({"text": texts[0]}).encode(), timeout=TIMEOUT
        ).read()
        summary = load(url, texts, args.clients, args.seconds)
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=60)
            if code not in (0, -signal.SIGTERM):
                print(f"normalize serve ended with {code}", file=sys.stderr)
    summary["cpus"] = os.cpu_count()
    if args.json:
        print(json.dumps(summary))
    else:
        for key, value in summary.items():
            print(f"{key:18} {value}")
    return 0 if summary["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
