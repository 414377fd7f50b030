"""The named-document leg: a query naming a resolution by number ranks the passages of that
resolution's documents (its own, or the plans implementing it) first."""

from __future__ import annotations

from indexer.search.named import doc_numbers, doc_refs, named_documents
from indexer.service import Service
from indexer.text import folded_words


def test_numbers_are_read_from_the_ways_people_write_them():
    assert doc_refs(folded_words("Sơ kết Nghị quyết 06 ở cấp tỉnh")) == ["6"]
    assert doc_refs(folded_words("thực hiện 92-NQ/TU và Kết luận số 224")) == ["92", "224"]
    assert doc_refs("what does resolution 08 require") == ["8"]
    assert doc_refs(folded_words("tỷ lệ che phủ rừng đến năm 2030")) == []  # a year is no number of a document


def test_a_document_is_named_by_its_own_number_or_the_one_it_implements():
    plan = {"id": "plan", "number": "12-KH/ĐU", "title": "Kế hoạch học tập, quán triệt Nghị quyết",
            "implements": [{"number": "92-NQ/TU"}]}
    other = {"id": "other", "number": "08-NQ/TU", "title": "Nghị quyết về phát triển du lịch", "implements": []}
    assert doc_numbers(plan) == {"12", "92"}
    assert named_documents(["học tập Nghị quyết 92"], [plan, other]) == {"plan"}
    assert named_documents(["nghi quyet 8 ve du lich"], [plan, other]) == {"other"}
    assert named_documents(["du lịch cộng đồng"], [plan, other]) == set()


def test_named_leg_puts_the_named_resolution_first(fake_settings, corpus_dir):
    service = Service(fake_settings.model_copy(update={"weight_named": 100.0}))
    service.index_paths([corpus_dir])
    docs = service._documents()
    named = named_documents(["Nghị quyết 06"], docs)
    assert named and len(named) < len(docs)  # the plans name different resolutions
    query = "tuyên truyền, phổ biến Nghị quyết 06"  # words every plan says, and one number
    off = Service(fake_settings.model_copy(update={"weight_named": 0.0}))
    assert not all(r.doc_id in named for r in off.search(query, k=5).results)
    response = service.search(query, k=5)
    assert response.results and all(r.doc_id in named for r in response.results)
