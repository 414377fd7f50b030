"""CURRENT as the read path sees it (remembered 50 ms) and as writers see it (read now)."""

from __future__ import annotations

import os
import time

from indexer.index.generations import SERVED_RECHECK_S, current_name, forget_current, served_name


def _point(data_dir, name: str) -> None:
    tmp = data_dir / "CURRENT.tmp"
    tmp.write_text(name + "\n")
    os.replace(tmp, data_dir / "CURRENT")  # as publishing does: a new file, never an edit


def test_switch_by_another_process_is_seen_within_the_recheck_window(tmp_path):
    _point(tmp_path, "g000001")
    assert served_name(tmp_path) == "g000001"
    _point(tmp_path, "g000002")  # another process published
    assert current_name(tmp_path) == "g000002"  # writers and backups always read it now
    time.sleep(SERVED_RECHECK_S * 1.5)
    assert served_name(tmp_path) == "g000002"


def test_switch_by_this_process_is_seen_at_once(tmp_path):
    _point(tmp_path, "g000001")
    assert served_name(tmp_path) == "g000001"
    _point(tmp_path, "g000002")
    forget_current(tmp_path)
    assert served_name(tmp_path) == "g000002"
    (tmp_path / "CURRENT").unlink()
    forget_current(tmp_path)
    assert served_name(tmp_path) is None and current_name(tmp_path) is None
