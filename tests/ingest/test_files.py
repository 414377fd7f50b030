"""Every file of a folder is accounted for: supported files listed, every other one named with its
reason; originals stored content-addressed and read back."""

from __future__ import annotations

import hashlib
import os

import pytest

from indexer.ingest.files import collect_files
from indexer.ingest.originals import Originals
from tests.conftest import PLANS


def test_unknown_files_are_named_with_reasons(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / ".git").mkdir()
    (docs / ".git" / "config").write_text("x")
    plan = docs / "plan.txt"
    plan.write_bytes(PLANS["004"].read_bytes())
    for name in ("scan.JPG", "old.doc", "sub/page.tiff", "notes.rtf"):
        (docs / name).write_bytes(b"x")
    (docs / "budget.xlsx").write_bytes(b"PK")
    (docs / "README").write_text("x")
    (docs / ".DS_Store").write_bytes(b"\0")
    (docs / "~$plan.docx").write_bytes(b"lock")
    os.symlink(docs / "missing.txt", docs / "dangling.txt")
    found, skipped = collect_files([docs, tmp_path / "nowhere", docs / "plan.txt"])
    assert [p.name for p in found] == ["notes.rtf", "old.doc", "plan.txt", "scan.JPG", "page.tiff"]
    reasons = {os.path.basename(s.source): (s.code, s.reason) for s in skipped}
    assert reasons["budget.xlsx"][0] == "unsupported" and "'.xlsx'" in reasons["budget.xlsx"][1]
    assert reasons["README"][0] == "unsupported" and "without an extension" in reasons["README"][1]
    assert reasons[".DS_Store"][0] == "hidden"
    assert reasons["~$plan.docx"][0] == "temporary"
    assert reasons["dangling.txt"][0] == "unreadable"
    assert reasons["nowhere"] == ("unreadable", "no such file or directory")
    assert "config" not in reasons  # hidden folders are not entered
    assert all(s.status == "failed" and s.reason_vi for s in skipped)


def test_explicit_unsupported_file_is_named(tmp_path):
    f = tmp_path / "table.xlsx"
    f.write_bytes(b"PK")
    found, skipped = collect_files([f])
    assert found == [] and [(s.source, s.code) for s in skipped] == [(str(f), "unsupported")]


def test_originals_round_trip(tmp_path):
    store = Originals(tmp_path / "originals")
    data = PLANS["001"].read_bytes()
    digest = store.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert store.put(data) == digest and store.digests() == {digest}  # stored once
    assert store.get(digest) == data and store.has(digest)
    store.path(digest).write_bytes(b"tampered")
    assert store.get(digest) is None  # damaged content is never served
    store.delete(digest)
    assert not store.has(digest) and store.get("0" * 64) is None
    with pytest.raises(ValueError):
        store.path("../../etc/passwd")
    assert store.get("../../etc/passwd") is None
