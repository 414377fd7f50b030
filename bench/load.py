"""Load benchmark against a running server (uvicorn, `nghiquyet serve`).

Phase 1: 16 concurrent clients (threads, keep-alive HTTP/1.1) send 2,000 requests in the users' mix:
60% API searches, 20% asks, 10% search pages, 10% document lists, over the unseen questions of
bench/data/questions.blind.jsonl (as written, without diacritics, short keywords, varying k, some
restricted to one document). The server is only loaded once /api/health says ready.
Reports errors (anything but 200, or a broken connection), throughput and latency percentiles.

Phase 2: the same clients keep searching while `nghiquyet index` adds documents to the served data
dir (new generation built beside the old one, then switched). Every search during the run must be
answered from the old generation, and afterwards from the new one, without an error.

The served data dir is a copy of the base index (default /tmp/dall, plans + laws), so the base is
never modified. Writes bench/results/load.json. Usage:
    python bench/load.py [--base /tmp/dall] [--clients 16] [--requests 2000]
With ``--token T`` every request carries ``Authorization: Bearer T`` (a signed-in user: the token
check and the full view); without it requests are anonymous (the public view of the index).
``--tag NAME`` writes bench/results/load-NAME.json instead.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.text import fold  # noqa: E402
from indexer.index.generations import current_name, generations_dir  # noqa: E402
from indexer.search.evaluate import load_questions  # noqa: E402

AUTH: dict[str, str] = {}  # Authorization header of every request (--token)

EVAL = ROOT.parent / "shared" / "eval"
BLIND = ROOT / "bench" / "data" / "questions.blind.jsonl"
RESULTS = ROOT / "bench" / "results"


def pct(values: list[float]) -> dict:
    if not values:
        return {}
    v = sorted(values)
    pick = lambda q: 1000 * v[min(len(v) - 1, int(q * len(v)))]  # noqa: E731
    return {"p50": round(1000 * statistics.median(v), 1), "p95": round(pick(0.95), 1),
            "p99": round(pick(0.99), 1), "max": round(1000 * v[-1], 1)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request_mix(n: int, doc_ids: list[str], seed: int = 7) -> list[tuple[str, str]]:
    """(kind, path) pairs in the user mix: 60% API searches (as asked, without diacritics, short
    keywords, varying k, some in one document), 20% asks, 10% search pages (which also answer), 10%
    document lists, over the unseen questions of bench/data/questions.blind.jsonl."""
    rng = random.Random(seed)
    questions = [q["question"] for q in load_questions(BLIND)]
    out = []
    for _ in range(n):
        r = rng.random()
        q = rng.choice(questions)
        if r < 0.60:
            shape = rng.random()
            if shape < 0.65:
                params = {"q": q, "k": rng.choice([5, 10, 20])}
            elif shape < 0.80:
                params = {"q": fold(q), "k": 10}  # typed without diacritics
            elif shape < 0.92:
                words = q.split()
                start = rng.randrange(max(1, len(words) - 3))
                params = {"q": " ".join(words[start:start + 3]), "k": 10}  # short keywords
            else:
                params = {"q": q, "k": 10, "doc": rng.choice(doc_ids)}
            out.append(("search", "/api/search?" + urllib.parse.urlencode(params)))
        elif r < 0.80:
            out.append(("ask", "/api/ask?" + urllib.parse.urlencode({"q": q})))
        elif r < 0.90:
            out.append(("search_page", "/?" + urllib.parse.urlencode({"q": q})))
        else:
            out.append(("documents", "/api/documents"))
    return out


class Clients:
    """``n`` threads, each with one keep-alive connection, taking requests from a shared queue."""

    def __init__(self, port: int, n: int):
        self.port, self.n = port, n
        self.lock = threading.Lock()

    def run(self, requests: list[tuple[str, str]] | None = None, until: threading.Event | None = None,
            pool: list[tuple[str, str]] | None = None) -> dict:
        """Send ``requests`` once, or cycle through ``pool`` until ``until`` is set."""
        queue = list(reversed(requests or []))
        samples: list[tuple[float, float, str, int]] = []  # (start, seconds, kind, status)
        errors: list[str] = []
        counter = [0]

        def next_request():
            with self.lock:
                if until is not None:
                    if until.is_set():
                        return None
                    counter[0] += 1
                    return pool[counter[0] % len(pool)]
                return queue.pop() if queue else None

        def client():
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            while (item := next_request()) is not None:
                kind, path = item
                t0 = time.perf_counter()
                try:
                    conn.request("GET", path, headers=AUTH)
                    resp = conn.getresponse()
                    body = resp.read()
                    status = resp.status
                    if status != 200:
                        errors.append(f"{status} {path[:80]}: {body[:200]!r}")
                except (OSError, http.client.HTTPException) as exc:
                    status = 0
                    errors.append(f"{exc.__class__.__name__} {path[:80]}: {exc}")
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                with self.lock:
                    samples.append((t0, time.perf_counter() - t0, kind, status))
            conn.close()

        started = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(self.n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        by_kind: dict[str, list[float]] = {}
        for _, took, kind, _ in samples:
            by_kind.setdefault(kind, []).append(took)
        return {"requests": len(samples), "errors": len(errors), "error_examples": errors[:5],
                "wall_s": round(wall, 2), "throughput_rps": round(len(samples) / wall, 1),
                "latency_ms": pct([s[1] for s in samples]),
                "by_kind": {k: {"n": len(v), **pct(v)} for k, v in sorted(by_kind.items())},
                "_samples": samples}


def get_json(port: int, path: str) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)  # first search loads the model
    conn.request("GET", path, headers=AUTH)
    body = json.loads(conn.getresponse().read())
    conn.close()
    return body


def copy_index(base: Path, dst: Path) -> None:
    name = current_name(base)
    shutil.rmtree(dst, ignore_errors=True)
    (dst / "generations").mkdir(parents=True)
    shutil.copytree(generations_dir(base) / name, generations_dir(dst) / name)
    (dst / "CURRENT").write_text(name + "\n")
    if (base / "accounts.sqlite").exists():  # users (for --token) and visibility decisions
        import sqlite3

        src, out = sqlite3.connect(base / "accounts.sqlite"), sqlite3.connect(dst / "accounts.sqlite")
        src.backup(out)
        src.close()
        out.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=Path, default=Path("/tmp/dall"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/nq-load"))
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--token", default="", help="Bearer token of every request (default: anonymous)")
    ap.add_argument("--tag", default="", help="write bench/results/load-TAG.json")
    args = ap.parse_args()
    if args.token:
        AUTH["Authorization"] = f"Bearer {args.token}"
    if current_name(args.base) is None:
        sys.exit(f"no index in {args.base}")
    data = args.work / "data"
    copy_index(args.base, data)
    port = free_port()
    env = {**os.environ, "NGHIQUYET_DATA_DIR": str(data)}
    server = subprocess.Popen([sys.executable, "-m", "indexer.cli", "serve", "--port", str(port)], cwd=ROOT,
                              env=env, stdout=subprocess.DEVNULL, stderr=open(args.work / "server.log", "w"))
    res: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "clients": args.clients, "base": str(args.base),
                 "load_average_1m_before": round(os.getloadavg()[0], 2)}
    try:
        t_start = time.perf_counter()
        for _ in range(3000):
            try:
                if get_json(port, "/api/health").get("ready"):
                    break
            except OSError:
                pass
            time.sleep(0.1)
        res["ready_after_s"] = round(time.perf_counter() - t_start, 2)
        health = get_json(port, "/api/health")
        doc_ids = [d["id"] for d in get_json(port, "/api/documents")["documents"]]
        mix = request_mix(args.requests, doc_ids)
        res["distinct_requests"] = len(set(p for _, p in mix))
        clients = Clients(port, args.clients)
        print(f"phase 1: {args.clients} clients x {args.requests} requests …", flush=True)
        p1 = clients.run(mix)
        p1.pop("_samples")
        res["mixed"] = p1
        print(json.dumps(p1, indent=1), flush=True)

        # phase 2: search while an indexing run adds documents (new names, same texts: no embedding)
        extra = args.work / "extra"
        shutil.rmtree(extra, ignore_errors=True)
        extra.mkdir()
        for i, path in enumerate(sorted((ROOT / "corpus").glob("*.txt"))):
            shutil.copy(path, extra / f"load-copy-{i}.txt")
        searches = [m for m in mix if m[0] == "search"]
        stop = threading.Event()
        holder: dict = {}
        runner = threading.Thread(target=lambda: holder.update(clients.run(until=stop, pool=searches)))
        runner.start()
        time.sleep(2)
        print("phase 2: indexing while serving …", flush=True)
        t0 = time.perf_counter()
        idx = subprocess.run([sys.executable, "-m", "indexer.cli", "index", str(extra), "--json"], cwd=ROOT,
                             env=env, capture_output=True, text=True)
        t1 = time.perf_counter()
        for _ in range(50):  # the server notices the new CURRENT on its next request
            after = get_json(port, "/api/health")
            if after["generation"] != health["generation"]:
                break
            time.sleep(0.1)
        time.sleep(2)
        stop.set()
        runner.join()
        samples = holder.pop("_samples")
        during = [s for s in samples if t0 <= s[0] and s[0] + s[1] <= t1]
        p2 = {k: v for k, v in holder.items() if k != "by_kind"}
        p2.update({"index_exit_code": idx.returncode, "index_seconds": round(t1 - t0, 2),
                   "index_summary": json.loads(idx.stdout)["summary"] if idx.returncode == 0 else idx.stderr[-500:],
                   "searches_during_indexing": len(during),
                   "errors_during_indexing": sum(1 for s in during if s[3] != 200),
                   "latency_during_indexing_ms": pct([s[1] for s in during]),
                   "generation_before": health["generation"], "generation_after": after["generation"],
                   "passages_before": health["passages"], "passages_after": after["passages"]})
        res["search_while_indexing"] = p2
        print(json.dumps(p2, indent=1), flush=True)
        status = Path(f"/proc/{server.pid}/status").read_text().splitlines()
        res["server_peak_rss_mb"] = next(round(int(x.split()[1]) / 1024, 1) for x in status if x.startswith("VmHWM"))
    finally:
        server.terminate()
        server.wait(timeout=30)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / (f"load-{args.tag}.json" if args.tag else "load.json")
    out.write_text(json.dumps(res, ensure_ascii=False, indent=2))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
