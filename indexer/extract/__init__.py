"""Extraction of answers from a parsed document: responsibilities (who does what, in which role),
targets (chỉ tiêu) and deadlines. Pure functions over ``ParsedDocument.text`` and its blocks; every
item carries offsets into the stored text and ``text[start:end] == item.quote``.

    from indexer.extract import extract
    items = extract(parsed_document)       # list[Item]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .deadlines import extract_deadlines
from .laws import extract_law_responsibilities
from .responsibilities import extract_responsibilities
from .targets import extract_targets
from .units import is_generic_unit, matches_unit, normalize_unit, select_unit_keys, unit_key

# Bump when the structure or extraction rules change: the builder reads an unchanged file stored
# with another version again (passages and items), and re-extracts the items of one it cannot read.
# 4: a list entry taken for a heading that heads nothing is an item (its text was in no passage);
#    BM25 k1 0.9 (the write that stores them again rebuilds the lexical index with it).
# 5: a lead verb ("Giao", "Yêu cầu") followed by a lower-case word that heads no body assigns nothing
#    ("Giao dịch dân sự …", "Yêu cầu bên thế chấp …").
# 6: "cơ quan, tổ chức" is a pair of nouns, not a body and the verb "tổ chức" ("Người đứng đầu cơ
#    quan, tổ chức có trách nhiệm …"); an aspect or negation word (đang, đã, sẽ, không) ends a subject.
# 7: law verbs (bầu, miễn nhiệm, bãi nhiệm, phê chuẩn) end a subject, and so does a passive's agent
#    ("Chủ tịch nước | do Quốc hội bầu").
# 8: after "đã"/"đang" a modal of the same clause opens the predicate, the words before it a relative
#    clause of the name ("Tòa án đã giải quyết ly hôn | phải gửi …"); laws' own subjects end the same way.
# 9: a date in words needs no "ngày" when its year follows ("… độc lập 2 tháng 9 năm 1945").
# 10: "thảo luận", "biểu quyết" end a subject ("Hội đồng xét xử | thảo luận tại phòng nghị án").
# 11: "X có những nhiệm vụ và quyền hạn sau đây:" introduces X's duties as "có các …" does (Hiến pháp).
# 12-14: a listed power opening with "Đề nghị", "Công bố", "Bổ nhiệm", "Thống lĩnh" has no subject of its own;
#     an article heading "Điều 88. Chủ tịch nước có những nhiệm vụ và quyền hạn sau đây:" introduces its
#     owner's duties.
# 15-25: a frame before the subject of a list's intro is no subject ("Khi được Chánh án Tòa án phân
#        công, Thẩm phán có những nhiệm vụ, quyền hạn sau đây:" lists the Thẩm phán's duties, not
#        "Khi"'s); "Thư ký" is a clerk, not "Thư" who signs; law verbs ("ra quyết định", "nhận đơn",
#        "trả lại", "xác định", "công bố", "giúp", "nộp", "thẩm tra", "thụ lý", "xét xử" …) end a
#        subject ("Tòa án | nhận đơn khởi kiện …"), though not right after "Hội đồng" or "Viện";
#        "Những trường hợp …" introduces no one's duties, nor is "trường hợp" a school; a competence
#        followed by the body's predicate is part of its name ("Cơ quan nhà nước có thẩm quyền công
#        nhận hạng … | thu hồi …").
#    26: the diacritics-restoration counts (search.accents) leave a capitalised word alone out of
#        its one-syllable counts, so the laws' "Việt Nam" no longer restores every "nam" as "nam".
#    27: the restoration counts every bigram (a plain one too: "trong khi") and reads them as a
#        bigram model (search.accents);
#    28: … and the trigrams that carry an accent, as a trigram model.
#    29: "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp huyện" is one office, not two units.
#    30: a body's sentence after a scope label keeps the label in its quote ("Đối với cấp tỉnh: Ban
#        Thường vụ Tỉnh ủy tổ chức Hội nghị sơ kết …"): the level it acts at is its own words.
EXTRACT_VERSION = 30
KINDS = ("responsibility", "target", "deadline")


@dataclass
class Item:
    kind: str  # responsibility | target | deadline
    start: int
    end: int
    quote: str
    section_path: list[str]
    fields: dict = field(default_factory=dict)
    doc_id: str = ""
    ordinal: int = 0

    def to_dict(self) -> dict:
        return {"kind": self.kind, "doc_id": self.doc_id, "ordinal": self.ordinal, "start": self.start,
                "end": self.end, "quote": self.quote, "section_path": self.section_path, **self.fields}

    @classmethod
    def from_dict(cls, d: dict) -> "Item":
        base = {"kind", "doc_id", "ordinal", "start", "end", "quote", "section_path"}
        return cls(d["kind"], d["start"], d["end"], d["quote"], list(d.get("section_path") or []),
                   {k: v for k, v in d.items() if k not in base}, d.get("doc_id", ""),
                   d.get("ordinal", 0))


def extract_text(text: str, blocks, doc_id: str = "") -> list[Item]:
    """Items of one document given its stored text and outline blocks."""
    law, read = extract_law_responsibilities(text, blocks)
    raw = law + extract_responsibilities(text, blocks, skip=read) + extract_targets(text, blocks) + \
        extract_deadlines(text, blocks)
    resp = [r for r in raw if r["kind"] == "responsibility"]
    for d in raw:
        if d["kind"] != "deadline":
            continue
        owners = [r for r in resp if r["start"] <= d["when_start"] < r["end"]]
        units = []
        for r in owners:
            if r["unit"] not in units and r["role"] != "phối hợp":
                units.append(r["unit"])
        d["units"] = units
        d["unit"] = units[0] if units else None
    items = []
    for d in sorted(raw, key=lambda x: (x["start"], KINDS.index(x["kind"]), x.get("unit_start", 0),
                                        x.get("value_start", 0), x.get("when_start", 0))):
        fields = {k: v for k, v in d.items() if k not in ("kind", "start", "end", "section_path")}
        items.append(Item(d["kind"], d["start"], d["end"], text[d["start"]:d["end"]],
                          list(d["section_path"]), fields, doc_id))
    for i, item in enumerate(items):
        item.ordinal = i
    return items


def extract(doc) -> list[Item]:
    """Items of a ``ParsedDocument`` (or anything with ``id``, ``text`` and ``blocks``)."""
    return extract_text(doc.text, doc.blocks, getattr(doc, "id", ""))


__all__ = ["EXTRACT_VERSION", "Item", "KINDS", "extract", "extract_text", "is_generic_unit",
           "matches_unit", "normalize_unit", "select_unit_keys", "unit_key"]
