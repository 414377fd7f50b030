"""Constructed parent/child pairs with known differences, for tests and ``bench/compare.py``.

A child is the parent's stored text (paragraphs separated by blank lines) with edits applied, each
edit naming its paragraph by a verbatim snippet:

    ("reword", snippet, [(old, new), ...])   same task in other words      -> covered
    ("drop", snippet)                        paragraph removed             -> its units missing
    ("cut", snippet, sentence)               one sentence removed          -> task partial, the
                                                                              sentence's items missing
    ("target", snippet, old, new, status)    a number changed              -> that target weaker/stricter
    ("deadline", snippet, old, new, status)  a time moved                  -> that deadline later/earlier
    ("move", snippet, before_snippet)        paragraph moved elsewhere     -> covered
    ("add", after_snippet, text)             local paragraph added         -> addition
    ("head", old, new)                       header wording (not a unit)

``gold_status(result_item)`` gives the expected status of an item of ``compare()``'s output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Pair:
    parent_text: str
    child_text: str
    parent_paras: list[tuple[int, int]]
    effects: dict[int, tuple] = field(default_factory=dict)  # parent paragraph -> effect
    added: list[str] = field(default_factory=list)  # texts of added paragraphs

    def para_of(self, offset: int) -> int | None:
        for i, (s, e) in enumerate(self.parent_paras):
            if s <= offset < e:
                return i
        return None

    def gold_status(self, item: dict) -> str:
        p = item["parent"]
        effect = self.effects.get(self.para_of(p["start"]))
        if effect is None:
            return "covered"
        kind = effect[0]
        if kind == "drop":
            return "missing"
        if kind == "cut":
            sentence = effect[1]
            text = p["text"]
            if item["kind"] == "task":
                return "partial"
            if text in sentence or sentence in text:
                return "missing" if text in sentence else "partial" if item["kind"] != "target" else "covered"
            return "covered"
        if kind == "unit":
            return "partial" if item["kind"] == "responsibility" else "covered"
        if kind == "target" and item["kind"] == "target":
            old, status = effect[1], effect[3]
            value = (item.get("values") or {}).get("parent") or ""
            return status if value and (old in value or value in old) else "covered"
        if kind == "deadline" and item["kind"] == "deadline":
            old, status = effect[1], effect[3]
            return status if (item.get("values") or {}).get("parent") == old else "covered"
        return "covered"

    def is_added(self, child_citation: dict) -> bool:
        return any(child_citation["text"] in a or a in child_citation["text"] for a in self.added)


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def build(parent_text: str, edits: list[tuple]) -> Pair:
    spans = paragraphs(parent_text)
    paras = [parent_text[s:e] for s, e in spans]

    def find(snippet: str) -> int:
        hits = [i for i, p in enumerate(paras) if snippet in p]
        if len(hits) != 1:
            raise ValueError(f"snippet {snippet!r} is in {len(hits)} paragraphs")
        return hits[0]

    out: list[str | None] = list(paras)
    order = list(range(len(paras)))
    effects: dict[int, tuple] = {}
    added: list[str] = []
    inserts: dict[int, list[str]] = {}
    for edit in edits:
        op = edit[0]
        if op == "head":
            i = find(edit[1])
            out[i] = out[i].replace(edit[1], edit[2])
            continue
        i = find(edit[1])
        if op == "reword":
            for old, new in edit[2]:
                if old not in out[i]:
                    raise ValueError(f"{old!r} not in paragraph {i}")
                out[i] = out[i].replace(old, new, 1)
        elif op == "drop":
            out[i] = None
            effects[i] = ("drop",)
        elif op == "cut":
            sentence = edit[2]
            if sentence not in out[i]:
                raise ValueError(f"{sentence!r} not in paragraph {i}")
            out[i] = re.sub(r"\s{2,}", " ", out[i].replace(sentence, "")).strip()
            effects[i] = ("cut", sentence)
        elif op in ("target", "deadline"):
            old, new, status = edit[2], edit[3], edit[4]
            if old not in out[i]:
                raise ValueError(f"{old!r} not in paragraph {i}")
            out[i] = out[i].replace(old, new, 1)
            effects[i] = (op, old, new, status)
        elif op == "move":
            j = find(edit[2])
            order.remove(i)
            order.insert(order.index(j), i)
        elif op == "add":
            inserts.setdefault(i, []).append(edit[2])
            added.append(edit[2])
        else:
            raise ValueError(f"unknown edit {op}")
    pieces = []
    for i in order:
        if out[i] is not None:
            pieces.append(out[i])
        pieces.extend(inserts.get(i, []))
    return Pair(parent_text, "\n\n".join(pieces) + "\n", spans, effects, added)


# Edits of the Lai Châu provincial plan (corpus 002) into a commune plan: the realistic child the
# tests and the bench use. Expected differences: two tasks dropped, one sentence cut, one target
# lowered, one raised, one deadline moved later, one earlier, a local task (with a target) added;
# everything else kept (several tasks reworded with synonyms, some moved).
CHILD_OF_002 = [
    ("head", "thực hiện Kết luận số 224-KL/TU, ngày 18/10/2021 của Ban Chấp hành Đảng bộ tỉnh về tiếp",
     "thực hiện Kế hoạch của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 224-KL/TU của Ban Chấp "
     "hành Đảng bộ tỉnh về tiếp"),
    ("reword", "Các cơ quan báo chí của tỉnh đẩy mạnh đổi mới", [
        ("đẩy mạnh đổi mới cách thức tuyên truyền", "tăng cường đổi mới phương thức tuyên truyền"),
        ("dễ tiếp cận hơn", "dễ tiếp nhận hơn"), ("chú trọng biên tập", "quan tâm biên tập")]),
    ("reword", "Thường xuyên tập huấn, bồi dưỡng nghiệp vụ", [
        ("Thường xuyên tập huấn", "Định kỳ tập huấn"), ("Tổ chức hội thi", "Tổ chức cuộc thi")]),
    ("reword", "- Củng cố, kiện toàn nâng cao chất lượng đội ngũ giảng viên", [
        ("Củng cố, kiện toàn nâng cao", "Kiện toàn, củng cố và nâng cao")]),
    ("reword", "- Đổi mới công tác điều tra xã hội học", [
        ("Quan tâm tổ chức điều tra", "Chú trọng tổ chức điều tra")]),
    ("move", "- Duy trì hiệu quả hoạt động của các trang fanpage", "- Thường xuyên củng cố, kiện toàn ban chỉ đạo 35"),
    ("move", "- Tiếp tục quan tâm đào tạo, bồi dưỡng chuyên môn", "- Xây dựng đội ngũ cán bộ hệ thống tuyên giáo"),
    ("drop", "- Đánh giá hiệu quả hoạt động của Trung tâm Văn hóa - Nghệ thuật"),
    ("drop", "- Sưu tầm, biên soạn bộ Văn kiện Đảng bộ tỉnh giai đoạn 1949-2020"),
    ("cut", "- Quan tâm đầu tư, xây dựng hệ thống cơ sở vật chất",
     "Nghiên cứu có chính sách hỗ trợ cho học viên không hưởng lương từ ngân sách nhà nước tham gia "
     "các lớp đào tạo, bồi dưỡng."),
    ("target", "phấn đấu đến năm 2025, 94% các thôn", "94%", "90%", "weaker"),
    ("target", "Xây dựng hệ thống thông tin nguồn", "80% thôn, bản, tổ dân phố", "85% thôn, bản, tổ dân phố",
     "stricter"),
    ("deadline", "Xây dựng Bảo tàng tỉnh trong giai đoạn 2021-2025", "trong giai đoạn 2021-2025",
     "trong giai đoạn 2021-2027", "later"),
    ("deadline", "- Ban hành chỉ thị về phát triển văn học, nghệ thuật tỉnh đến năm 2030", "đến năm 2030",
     "đến năm 2028", "earlier"),
    ("add", "- Khai thác, sử dụng các thiết chế, tài liệu",
     "- Đảng ủy xã chỉ đạo mở 03 lớp truyền dạy chữ Thái cổ và hát then cho thanh niên các bản Nà Khum, "
     "Hồ Pen; gắn với hoạt động của câu lạc bộ văn nghệ dân gian xã."),
]


def auto_edits(side, every_drop: int = 6, add_text: str | None = None) -> list[tuple]:
    """Edits generated from a parsed document: drop every ``every_drop``-th task paragraph without
    items, lower / raise every third percentage target, move every second year deadline two
    years later / one earlier, add one local paragraph. Paragraphs are touched at most once."""
    from indexer.compare.align import task_spans

    text = side.text
    paras = [text[s:e] for s, e in paragraphs(text)]

    def snippet_of(start: int) -> str | None:
        for p_s, p_e in paragraphs(text):
            if p_s <= start < p_e:
                snip = text[p_s:min(p_e, p_s + 70)]
                return snip if sum(1 for p in paras if snip in p) == 1 else None
        return None

    edits, used = [], set()
    item_starts = [(i["start"], i["end"]) for i in side.items if i["kind"] in ("target", "deadline")]
    tasks = task_spans(side)
    for n, t in enumerate(tasks):
        if n % every_drop != every_drop // 2:
            continue
        if any(t.start <= s < t.end for s, _ in item_starts):
            continue
        snip = snippet_of(t.start)
        if snip and snip not in used:
            used.add(snip)
            edits.append(("drop", snip))
    targets = [i for i in side.items if i["kind"] == "target" and i.get("measure") == "%"
               and i.get("op") in ("=", ">", ">=") and i.get("value") and 10 <= float(i["value"]) <= 95
               and i.get("value_to") is None]
    for n, t in enumerate(targets):
        if n % 3:
            continue
        snip = snippet_of(t["start"])
        old = t["value_text"]
        para = next((p for p in paras if snip and snip in p), "")
        if not snip or snip in used or para.count(old) != 1:
            continue
        v = float(t["value"])
        new_v, status = (v - 5, "weaker") if (n // 3) % 2 == 0 else (v + 3, "stricter")
        new = (f"{new_v:g}".replace(".", ",")) + "%"
        used.add(snip)
        edits.append(("target", snip, old, new, status))
    deadlines = [i for i in side.items if i["kind"] == "deadline" and i.get("when_kind") == "year"
                 and re.search(r"năm \d{4}$", i.get("when") or "")]
    for n, d in enumerate(deadlines):
        if n % 2:
            continue
        snip = snippet_of(d["start"])
        when = d["when"]
        para = next((p for p in paras if snip and snip in p), "")
        if not snip or snip in used or para.count(when) != 1:
            continue
        year = int(when[-4:])
        new_year, status = (year + 2, "later") if (n // 2) % 2 == 0 else (year - 1, "earlier")
        used.add(snip)
        edits.append(("deadline", snip, when, when[:-4] + str(new_year), status))
    if tasks:
        snip = snippet_of(tasks[-1].start)
        if snip:
            edits.append(("add", snip, add_text or "- Ủy ban nhân dân xã tổ chức rà soát, lập danh sách "
                          "các hộ gia đình tại bản Séo Lủng, Nậm Bó cần hỗ trợ sửa chữa nhà văn hóa, "
                          "hoàn thành trong quý III."))
    return edits


def pair_from_json(parent_text: str, child_text: str, differences: list[dict]) -> Pair:
    """A hand-written child (tests/data/children/*.txt) with its planted differences (the .json next to
    it) as a Pair: each difference names its parent paragraph by a verbatim snippet."""
    spans = paragraphs(parent_text)
    paras = [parent_text[s:e] for s, e in spans]
    effects: dict[int, tuple] = {}
    added: list[str] = []
    for d in differences:
        if d["op"] == "add":
            added.append(d["text"])
            continue
        hits = [i for i, p in enumerate(paras) if d["parent"] in p]
        if len(hits) != 1:
            raise ValueError(f"snippet {d['parent']!r} is in {len(hits)} paragraphs")
        i = hits[0]
        if d["op"] == "drop":
            effects[i] = ("drop",)
        elif d["op"] == "cut":
            effects[i] = ("cut", d["sentence"])
        elif d["op"] in ("target", "deadline"):
            effects[i] = (d["op"], d["old"], d["new"], d["status"])
        elif d["op"] == "unit":
            effects[i] = ("unit",)
        else:
            raise ValueError(f"unknown difference {d['op']}")
    return Pair(parent_text, child_text, spans, effects, added)


def hand_written_pairs(children_dir, settings):
    """(name, parent Side, Pair) of every hand-written child in ``children_dir``."""
    import json
    from pathlib import Path

    from indexer.compare import side_from_file

    children_dir = Path(children_dir)
    corpus = children_dir.parents[2] / "corpus"
    for spec_file in sorted(children_dir.glob("*.json")):
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
        parent = side_from_file(corpus / spec["parent_file"], settings)
        child_text = (children_dir / spec["child_file"]).read_text(encoding="utf-8")
        yield spec_file.stem, parent, pair_from_json(parent.text, child_text, spec["differences"])
