"""Speed of the coverage matrix: one parent against N children (default 50) with the real model.

Children are constructed variants of the Lai Châu plan (corpus 002): each drops a different set of
tasks, changes different targets and deadlines, adds its own local task under its own header, and
half of them are localized ("tỉnh" -> "huyện", "Tỉnh ủy" -> "Huyện ủy"), so their paragraphs differ
from the parent's. They are indexed once (setup, timed apart), then ``Service.coverage`` is timed
cold (empty caches, a fresh process state), warm (the same view again: cached results) and after a
restart (a new Service over the same index: results read back from the on-disk cache).

    .venv/bin/python bench/coverage.py [--children 50] [--model hash-256]

Writes bench/results/coverage.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import auto_edits, build  # noqa: E402
from indexer.compare import side_from_file  # noqa: E402
from indexer.settings import Settings  # noqa: E402

COMMUNES = ["Bình Lư", "Bản Bo", "Nà Tăm", "Sơn Bình", "Khun Há", "Bản Giang", "Hồ Thầu", "Nùng Nàng",
            "Bản Hon", "Thèn Sin", "Tả Lèng", "Giang Ma", "Sùng Phài", "Nậm Loỏng", "San Thàng",
            "Đông Phong", "Quyết Thắng", "Tân Phong", "Quyết Tiến", "Đoàn Kết", "Mường So", "Khổng Lào",
            "Hoang Thèn", "Bản Lang", "Dào San"]


def children_texts(parent_text: str, side, n: int) -> list[tuple[str, str]]:
    out = []
    for k in range(n):
        name = COMMUNES[k % len(COMMUNES)] + (f" {k // len(COMMUNES) + 1}" if k >= len(COMMUNES) else "")
        edits = auto_edits(side, every_drop=4 + k % 5,
                           add_text=f"- Ủy ban nhân dân xã {name} tổ chức rà soát, lập danh sách các bản cần "
                                    f"hỗ trợ loa truyền thanh, hoàn thành trong quý {1 + k % 4} năm 2022 "
                                    f"(nhiệm vụ riêng số {k + 1}).")
        text = build(parent_text, edits).child_text
        if k % 2:
            text = text.replace("Tỉnh ủy", "Huyện ủy").replace("của tỉnh", "của huyện")
        header = (f"ĐẢNG ỦY XÃ {name.upper()}\n\nSố {k + 1:02d}-KH/ĐU\n\nKẾ HOẠCH\n\nthực hiện Kế hoạch số 57-KH/TU "
                  f"của Ban Thường vụ Tỉnh ủy\n\nThực hiện Kế hoạch số 57-KH/TU, ngày 15/11/2021 của Ban "
                  f"Thường vụ Tỉnh ủy về thực hiện Kết luận số 224-KL/TU, ngày 18/10/2021 của Ban Chấp hành "
                  f"Đảng bộ tỉnh, Ban Thường vụ Đảng ủy xã {name} xây dựng kế hoạch như sau:\n\n")
        body = text[text.index("A- MỤC ĐÍCH, YÊU CẦU"):]
        out.append((f"xa-{k + 1:02d}.txt", header + body))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--children", type=int, default=50)
    ap.add_argument("--model", default=None, help="default: the configured model (e5)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary index")
    args = ap.parse_args()
    from indexer.service import Service

    load_before = os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp(prefix="nq-coverage-"))
    settings = Settings(data_dir=tmp / "index", **({"model": args.model} if args.model else {}))
    parent_file = next((ROOT / "corpus").glob("002_*.txt"))
    side = side_from_file(parent_file, settings)
    src = tmp / "docs"
    src.mkdir()
    shutil.copy(parent_file, src / parent_file.name)
    for name, text in children_texts(side.text, side, args.children):
        (src / name).write_text(text, encoding="utf-8")
    service = Service(settings)
    t0 = time.perf_counter()
    report = service.index_paths([src])
    t_index = time.perf_counter() - t0
    parent_id = next(d["id"] for d in service.documents() if d["id"].startswith("002_"))
    linked = service.children(parent_id)

    def timed(svc) -> tuple[float, dict]:
        t = time.perf_counter()
        result = svc.coverage(parent_id)
        return time.perf_counter() - t, result

    service.embedder  # the model load is not the matrix's cost
    t_cold, result = timed(service)
    t_warm, _ = timed(service)
    fresh = Service(settings)
    fresh.embedder
    t_restart, again = timed(fresh)
    same = json.dumps(result, sort_keys=True, default=str) == json.dumps(again, sort_keys=True, default=str)
    out = {"model": settings.model, "children": args.children, "load_average_1m": round(load_before, 1), "linked_children_found": len(linked),
           "cpu_count": os.cpu_count(), "torch_threads": settings.torch_threads,
           "index_seconds": round(t_index, 1), "indexed": report.summary(),
           "coverage_cold_seconds": round(t_cold, 2), "coverage_warm_seconds": round(t_warm, 3),
           "coverage_after_restart_seconds": round(t_restart, 3), "same_result_after_restart": same,
           "rows": len(result["tasks"]), "cells": len(result["tasks"]) * len(result["children"]),
           "mean_coverage": round(sum(c["coverage"] for c in result["children"]) / max(1, len(result["children"])), 3)}
    print(json.dumps(out, ensure_ascii=False, indent=2))
    path = ROOT / "bench" / "results" / ("coverage.json" if not args.model else f"coverage-{args.model}.json")
    path.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"index kept in {tmp}")


if __name__ == "__main__":
    main()
