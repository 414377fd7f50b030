"""OCR benchmark: seconds per page and word recall of tesseract (vie) on corpus pages rendered as
scans, and the cost of a .doc conversion.

Fixtures are built as the tests build them (tests/documents.py): plan pages typeset in DejaVu
Serif, rotated slightly, grey noise, JPEG-compressed, then packed into an image-only PDF (no text
layer). Each is read through the product path (read_document -> OCR per page, deskew), then parsed
so we can check that a phrase of each scanned page lands in a passage carrying that page.

    .venv/bin/python bench/ocr.py [--plans 004 001] [--dpi 200 300] [--pages 2]
Writes bench/results/ocr.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.document import parse_text  # noqa: E402
from indexer.ingest import OcrOptions, read_document  # noqa: E402
from indexer.ingest.convert import converter_problem  # noqa: E402
from indexer.ingest.ocr import tesseract_problem  # noqa: E402
from indexer.ingest.reflow import page_at  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from tests.conftest import PLANS  # noqa: E402
from tests.documents import (docx_bytes, image_pdf, libreoffice_convert, plan_paragraphs,  # noqa: E402
                             render_pages, scanned, word_recall, words)

LIMIT = 200 * 1024 * 1024


def phrase_of(text: str, others: list[str], n: int = 6) -> str:
    """A phrase from the middle of a page's longest paragraph that no other page contains."""
    para = max(text.split("\n\n"), key=len).split()
    mid = max(0, len(para) // 2 - n // 2)
    for start in [mid, *range(len(para) - n + 1)]:
        phrase = " ".join(para[start:start + n])
        if not any(phrase in other for other in others):
            return phrase
    return " ".join(para[mid:mid + n])


def run_case(plan: str, dpi: int, pages: int, angle: float, noise: float) -> dict:
    paras = plan_paragraphs(PLANS[plan])
    rendered = render_pages(paras, dpi=dpi, max_pages=pages)
    images = [scanned(img, angle=angle * (1 if i % 2 else -1), noise=noise, seed=i)
              for i, (img, _) in enumerate(rendered)]
    sources = [text for _, text in rendered]
    data = image_pdf(images, dpi)
    with tempfile.TemporaryDirectory() as cache:
        options = OcrOptions(dpi=dpi, cache_dir=Path(cache))
        began = time.perf_counter()
        doc = read_document(f"{plan}.pdf", data, LIMIT, options)
        first = time.perf_counter() - began
        began = time.perf_counter()
        read_document(f"{plan}.pdf", data, LIMIT, options)
        cached = time.perf_counter() - began
    page_texts = doc.text.split("\f")
    recalls = [word_recall(src, got) for src, got in zip(sources, page_texts)]
    total_words = sum(len(words(s)) for s in sources)
    overall = sum(r * len(words(s)) for r, s in zip(recalls, sources)) / total_words
    parsed = parse_text(plan, f"{plan}.pdf", doc.text, "x", Settings(model="hash-64"), paged=True)
    found = []
    for number, src in enumerate(sources, start=1):
        phrase = phrase_of(src, [o for o in sources if o is not src])
        # a passage cites the page it starts on; one running over a page break spans both
        hits = [(p.page, page_at(parsed.page_starts, p.end - 1)) for p in parsed.passages
                if phrase in p.text]
        found.append({"page": number, "phrase": phrase, "found": bool(hits),
                      "page_right": bool(hits) and hits[0][0] <= number <= hits[0][1]})
    return {"plan": plan, "dpi": dpi, "pages": len(sources), "angle": angle, "noise": noise,
            "seconds_per_page": [p.seconds for p in doc.ocr],
            "mean_seconds_per_page": round(statistics.mean(p.seconds for p in doc.ocr), 2),
            "total_seconds": round(first, 2), "cached_reread_seconds": round(cached, 3),
            "recall_per_page": [round(r, 4) for r in recalls], "recall": round(overall, 4),
            "phrases": found}


def doc_conversion() -> dict:
    if converter_problem():
        return {"skipped": converter_problem()}
    paras = plan_paragraphs(PLANS["004"])
    doc = libreoffice_convert(docx_bytes(paras, bold={0}), ".docx", "doc")
    began = time.perf_counter()
    raw = read_document("004.doc", doc, LIMIT)
    seconds = time.perf_counter() - began
    return {"seconds": round(seconds, 2), "recall": round(word_recall("\n".join(paras), raw.text), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plans", nargs="+", default=["004", "001"])
    ap.add_argument("--dpi", nargs="+", type=int, default=[200, 300])
    ap.add_argument("--pages", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ocr.json")
    args = ap.parse_args()
    problem = tesseract_problem("vie")
    if problem:
        sys.exit(f"cannot benchmark OCR: {problem}")
    cases = []
    for plan in args.plans:
        for dpi in args.dpi:
            case = run_case(plan, dpi, args.pages, angle=1.2, noise=12.0)
            cases.append(case)
            print(f"plan {plan} @ {dpi} dpi: {case['mean_seconds_per_page']:.1f} s/page, recall "
                  f"{case['recall']:.3f}, phrases found {sum(f['found'] for f in case['phrases'])}/"
                  f"{len(case['phrases'])} (right page {sum(f['page_right'] for f in case['phrases'])}), "
                  f"cached re-read {case['cached_reread_seconds']:.3f} s", flush=True)
    conversion = doc_conversion()
    print(f".doc (plan 004) via LibreOffice: {conversion}")
    all_pages = [s for c in cases for s in c["seconds_per_page"]]
    summary = {"pages": len(all_pages), "mean_seconds_per_page": round(statistics.mean(all_pages), 2),
               "min_recall": min(c["recall"] for c in cases),
               "phrases_found": sum(f["found"] for c in cases for f in c["phrases"]),
               "phrases": sum(len(c["phrases"]) for c in cases)}
    print(f"summary: {summary}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"summary": summary, "cases": cases, "doc_conversion": conversion},
                                   ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
