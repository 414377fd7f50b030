"""The public view reads the signed-in service's extracted items and article maps instead of
building copies (~130 MB at 100k passages), and still never shows an internal document's items."""

from __future__ import annotations

from indexer.service import Service
from tests.conftest import PLANS


def test_public_items_are_the_base_items_without_internal_documents(fake_settings):
    service = Service(fake_settings)
    secret = "LƯU HÀNH NỘI BỘ\n\n".encode() + PLANS["002"].read_bytes()
    report = service.add_files([("cong-khai.txt", PLANS["000"].read_bytes()), ("noi-bo.txt", secret)],
                               actor="test")
    assert report.summary()["added"] == 2
    internal = next(f.doc_id for f in report.files if "noi-bo" in f.source)
    public = service.for_viewer()
    mine = service.all_items("responsibility")
    theirs = public.all_items("responsibility")
    assert {it["doc_id"] for it in mine} >= {internal} and theirs
    assert internal not in {it["doc_id"] for it in theirs}
    # the same dicts, not copies
    ids = {id(it) for it in mine}
    assert all(id(it) in ids for it in theirs)
    assert public.accent_model() is service.accent_model()
    # a visibility change is seen at once: the document made public shows up for anonymous viewers
    service.set_visibility(internal, "public")
    assert internal in {it["doc_id"] for it in service.for_viewer().all_items("responsibility")}
