"""Fault benchmark: kill -9 at random points of an indexing run, full disk, read-only data dir and
damaged index files, each through the real CLI (`python -m indexer.cli`, hash embedder so a trial
costs seconds, not minutes; the crash safety does not depend on the model).

kill -9: the old state is 2 plans indexed; the run adds 1 law and 3 plans. The run is first timed
without interruption (reference "new" state), then killed 20 times at uniform random points in
[0.1 s, 1.1 x its length]. After each kill the index must open, answer a search, and equal either
the old or the new state (documents, passage counts, the top results of a query); a re-run must then
complete to the new state with no leftovers. The phase reached at the kill (files present in the
unfinished generation) is recorded.

Full disk (a small tmpfs) and read-only data dir (a read-only bind mount) need root to mount; damaged
FAISS / SQLite / BM25 files are detected at start with a clear message and `index --rebuild`
repairs them. Writes bench/results/faults.json. Usage: python bench/faults.py [--trials 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "results"
PLANS = sorted((ROOT / "corpus").glob("*.txt"))
LAWS = sorted((SHARED / "corpus-alqac").glob("*.txt"), key=lambda p: p.stat().st_size)
QUERY = "phát triển du lịch"


def cli(*args, data: Path, check=False, timeout=600) -> subprocess.CompletedProcess:
    env = {**os.environ, "NGHIQUYET_DATA_DIR": str(data), "NGHIQUYET_MODEL": "hash-256"}
    return subprocess.run([sys.executable, "-m", "indexer.cli", *args], env=env, cwd=ROOT, check=check,
                          capture_output=True, text=True, timeout=timeout)


STATE = """
import json, sys
from indexer.service import Service
from indexer.settings import Settings
e = Service(Settings(data_dir=sys.argv[1], model="hash-256"))
try:
    docs = sorted((d["id"], d["passages"]) for d in e.documents())
    top = [(r.doc_id, r.ordinal) for r in e.search(sys.argv[2], k=5).results]
    print(json.dumps({"documents": docs, "top": top}))
except Exception as exc:
    print(json.dumps(f"ERROR: {exc.__class__.__name__}: {exc}"))
"""


def state(data: Path) -> dict | str:
    """What a fresh process sees: documents with passage counts and the top results, or the error."""
    out = subprocess.run([sys.executable, "-c", STATE, str(data), QUERY], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    if out.returncode:
        return f"ERROR: {out.stderr.strip()[-300:]}"
    value = json.loads(out.stdout.strip().splitlines()[-1])
    return {k: [list(x) for x in v] for k, v in value.items()} if isinstance(value, dict) else value


def phase(data: Path) -> str:
    tmp = [p for p in (data / "generations").glob("*.tmp")]
    if not tmp:
        return "no unfinished generation"
    files = {p.name for p in tmp[0].iterdir()}
    for name, label in (("manifest.json", "manifest written, not switched"), ("accents.json", "accent model"),
                        ("dense.faiss", "FAISS written"), ("lexical-folded", "BM25 written"),
                        ("lexical-words", "BM25 being written"), ("store.sqlite", "store (parse/embed/terms)")):
        if name in files:
            return label
    return "generation dir created"


def kill_trials(work: Path, trials: int, seed: int) -> dict:
    docs = work / "docs"
    shutil.rmtree(work, ignore_errors=True)
    docs.mkdir(parents=True)
    for p in PLANS[:2]:
        shutil.copy(p, docs / p.name)
    base = work / "base"
    cli("index", str(docs), data=base, check=True)
    old = state(base)
    for p in LAWS[:1] + PLANS[2:]:
        shutil.copy(p, docs / p.name)
    ref = work / "ref"
    shutil.copytree(base, ref)
    t0 = time.perf_counter()
    cli("index", str(docs), data=ref, check=True)
    run_s = time.perf_counter() - t0
    new = state(ref)
    rng = random.Random(seed)
    rows = []
    for i in range(trials):
        data = work / f"t{i}"
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(base, data)
        at = rng.uniform(0.1, 1.1 * run_s)
        env = {**os.environ, "NGHIQUYET_DATA_DIR": str(data), "NGHIQUYET_MODEL": "hash-256"}
        proc = subprocess.Popen([sys.executable, "-m", "indexer.cli", "index", str(docs)], env=env, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(at)
        finished = proc.poll() is not None
        where = "finished before the kill" if finished else phase(data)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = state(data)
        outcome = "old" if after == old else "new" if after == new else "OTHER"
        rerun = cli("index", str(docs), data=data)
        final = state(data)
        leftovers = [p.name for p in (data / "generations").iterdir() if p.name.endswith(".tmp")]
        rows.append({"trial": i, "kill_at_s": round(at, 2), "phase": where, "state_after_kill": outcome,
                     "rerun_exit": rerun.returncode, "rerun_state": "new" if final == new else "OTHER",
                     "leftovers": leftovers, **({"error": after} if isinstance(after, str) else {})})
        print(rows[-1], flush=True)
        shutil.rmtree(data, ignore_errors=True)
    ok = all(r["state_after_kill"] in ("old", "new") and r["rerun_exit"] == 0 and r["rerun_state"] == "new"
             and not r["leftovers"] for r in rows)
    return {"uninterrupted_run_s": round(run_s, 2), "trials": rows, "all_ok": ok,
            "old_state_kept": sum(r["state_after_kill"] == "old" for r in rows),
            "new_state_seen": sum(r["state_after_kill"] == "new" for r in rows),
            "phases": sorted({r["phase"] for r in rows})}


def mounts(work: Path) -> dict:
    if os.geteuid() != 0:
        return {"skipped": "needs root to mount a tmpfs"}
    mnt, ro = work / "mnt", work / "ro"
    for p in (mnt, ro):
        p.mkdir(parents=True, exist_ok=True)
    out = {}
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)]).returncode:
        return {"skipped": "cannot mount a tmpfs"}
    try:
        data = mnt / "data"
        cli("index", str(PLANS[4]), data=data, check=True)
        before = state(data)
        full = cli("index", str(PLANS[4]), str(PLANS[0]), str(PLANS[2]), data=data)
        out["disk_full"] = {"exit": full.returncode, "message": full.stderr.strip()[-300:],
                            "previous_index_intact": state(data) == before,
                            "leftovers": [p.name for p in (data / "generations").glob("*.tmp")]}
        subprocess.run(["mount", "--bind", str(mnt), str(ro)], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(ro)], check=True)
        rod = cli("index", str(PLANS[4]), str(PLANS[1]), data=ro / "data")
        out["read_only"] = {"exit": rod.returncode, "message": rod.stderr.strip()[-300:],
                            "still_searchable": state(ro / "data") == before}
    finally:
        subprocess.run(["umount", "-l", str(ro)], capture_output=True)
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)
    return out


def corruption(work: Path) -> dict:
    docs = work / "cdocs"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    shutil.copy(PLANS[4], docs / PLANS[4].name)
    out = {}
    for target in ("dense.faiss", "store.sqlite", "lexical-words"):
        data = work / f"c-{target}"
        shutil.rmtree(data, ignore_errors=True)
        cli("index", str(docs), data=data, check=True)
        good = state(data)
        gdir = data / "generations" / (data / "CURRENT").read_text().strip()
        victim = gdir / target
        if victim.is_dir():
            victim = max(victim.iterdir(), key=lambda p: p.stat().st_size)
        raw = bytearray(victim.read_bytes())
        if target == "store.sqlite":
            raw[:4096] = b"\x00" * 4096
        else:
            raw[len(raw) // 2] ^= 0xFF  # one flipped byte: the file still loads
        victim.write_bytes(bytes(raw))
        seen = cli("search", QUERY, data=data)
        rebuild = cli("index", "--rebuild", *([] if target != "store.sqlite" else [str(docs)]), data=data)
        out[target] = {"search_exit": seen.returncode, "message": seen.stderr.strip()[-300:],
                       "rebuild_exit": rebuild.returncode, "repaired": state(data) == good}
        if target == "store.sqlite":
            shutil.rmtree(data)
            cli("index", str(docs), data=data, check=True)
            gdir = data / "generations" / (data / "CURRENT").read_text().strip()
            with open(gdir / "store.sqlite", "r+b") as fh:
                fh.write(b"\x00" * 4096)
            bare = cli("index", "--rebuild", data=data)
            out[target]["rebuild_without_paths"] = {"exit": bare.returncode, "message": bare.stderr.strip()[-300:]}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--work", type=Path, default=Path("/tmp/nq-faults"))
    args = ap.parse_args()
    res = {"date": time.strftime("%Y-%m-%d %H:%M")}
    res["kill_9"] = kill_trials(args.work, args.trials, args.seed)
    res["mounts"] = mounts(args.work)
    res["corruption"] = corruption(args.work)
    print(json.dumps({k: v for k, v in res.items() if k != "kill_9"}, ensure_ascii=False, indent=1))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "faults.json").write_text(json.dumps(res, ensure_ascii=False, indent=2))
    print(f"wrote {RESULTS / 'faults.json'}")


if __name__ == "__main__":
    main()
