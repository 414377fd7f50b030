"""The segmenter loaded without most of underthesea (``analyzer._light_segmenter``) cuts words
exactly as ``from underthesea import word_tokenize`` does, and leaves ``sys.modules`` as it was."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tests.conftest import PLANS, ROOT

TEXTS = ["Hoá học hoà bình THUỶ LỢI", "ty le che phu rung", "UBND xã, phường; Sở TN&MT",
         "“Nghị quyết” số 17-NQ/TU…", "Tỷ lệ che phủ rừng đạt 59,55% vào năm 2030.", ""]


def _texts() -> list[str]:
    lines = [line for path in PLANS.values() for line in path.read_text().splitlines() if line.strip()]
    return TEXTS + lines[::3]


def _segment_in_subprocess(how: str, texts: list[str]) -> dict:
    code = textwrap.dedent(f"""
        import json, sys
        from indexer.index import analyzer
        texts = json.loads(sys.stdin.read())
        fn = analyzer.{how}()
        words = [fn(t) for t in texts if t]
        print(json.dumps({{"words": words, "joblib": "joblib" in sys.modules,
                          "underthesea": sorted(m for m in sys.modules if m.split(".")[0] == "underthesea")}}))
    """)
    run = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), cwd=ROOT, capture_output=True,
                         text=True, timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_light_segmenter_equals_underthesea():
    texts = _texts()
    light = _segment_in_subprocess("_segmenter", texts)
    full = _segment_in_subprocess("_full_segmenter", texts)
    assert light["words"] == full["words"]
    assert sum(len(w) for w in light["words"]) > 2000
    # the light path took effect: no joblib, no underthesea package left behind
    assert not light["joblib"] and light["underthesea"] == []
    assert full["joblib"] and "underthesea" in full["underthesea"]


def test_underthesea_imported_afterwards_is_the_real_package():
    code = textwrap.dedent("""
        from indexer.index.analyzer import segment
        assert "tỷ_lệ" in segment("tỷ lệ che phủ")
        import underthesea
        from underthesea.pipeline import word_tokenize as module
        assert module.word_tokenize_model is None  # its own model, loaded by its own code
        print(underthesea.word_tokenize("tỷ lệ che phủ"), callable(underthesea.pos_tag))
    """)
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "['tỷ lệ', 'che phủ'] True"


def test_unknown_layout_falls_back_to_the_whole_package(monkeypatch):
    from indexer.index import analyzer

    monkeypatch.setattr(analyzer, "_word_tokenize", None)
    monkeypatch.setattr(analyzer, "_light_segmenter", lambda: (_ for _ in ()).throw(RuntimeError("layout")))
    called = []
    monkeypatch.setattr(analyzer, "_full_segmenter", lambda: called.append(1) or (lambda text: text.split()))
    monkeypatch.delitem(sys.modules, "underthesea", raising=False)
    assert analyzer._segmenter()("a b") == ["a", "b"] and called == [1]
