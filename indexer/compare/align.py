"""Align a parent document (a resolution, a provincial plan) with a child plan that implements it.

Every parent task (a body paragraph or list item), target, deadline and responsibility gets a
status with citations of both sides (verbatim slices of each stored text, with offsets):

- tasks and responsibilities: ``covered`` | ``partial`` | ``missing``;
- targets: ``covered`` (same value), ``weaker`` / ``stricter`` (both values in ``values``),
  ``changed`` (same subject, values not comparable), ``partial`` (the subject is there without a
  number), ``missing``;
- deadlines: ``covered`` (same time), ``later`` / ``earlier``, ``changed`` (not comparable),
  ``partial`` (the task is there without its time), ``missing``.

Child tasks and targets with no parent counterpart are ``additions`` (local initiatives).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from indexer.extract.text import SKIP_KINDS, content_span, sentences, trim
from indexer.extract.units import _LEVEL_WORDS, normalize_unit
from indexer.text import fold
from indexer.settings import Settings

from .side import Side
from .similarity import Similarity, terms, lexical

STATUSES = ("covered", "partial", "missing", "weaker", "stricter", "changed", "later", "earlier")
GAPS = ("missing", "partial", "weaker", "changed", "later")  # what a checker must look at
KIND_ORDER = ("task", "target", "deadline", "responsibility")
MIN_TASK_CHARS = 25


@dataclass
class Span:
    kind: str
    start: int
    end: int
    text: str
    path: list[str]
    item: dict | None = None
    block: int | None = None


# -- what is compared ------------------------------------------------------------------------------

def body_blocks(side: Side, min_chars: int = MIN_TASK_CHARS):
    """Content blocks (paragraphs, items) of the body: after the first heading or item, without
    the header, title, preamble and closing blocks; (block, start, end) of their trimmed content."""
    started = False
    for b in side.blocks:
        if b.kind in ("heading", "item"):
            started = True
        if not started or b.kind in SKIP_KINDS or b.kind not in ("para", "item"):
            continue
        s, e = content_span(side.text, b.start, b.end)
        s, e = trim(side.text, s, e)
        if e - s >= max(min_chars, 1):
            yield b, s, e


def task_spans(side: Side) -> list[Span]:
    return [Span("task", s, e, side.text[s:e], side.path_of(b), block=b.index)
            for b, s, e in body_blocks(side)]


def candidate_spans(side: Side) -> list[Span]:
    """Where a parent item may be found in the child: every body block and each of its sentences."""
    out = []
    for b, s, e in body_blocks(side):
        path = side.path_of(b)
        out.append(Span("block", s, e, side.text[s:e], path, block=b.index))
        sents = sentences(side.text, s, e)
        if len(sents) > 1:
            out.extend(Span("sentence", a, z, side.text[a:z], path, block=b.index) for a, z in sents
                       if z - a >= 12)
    return out


def item_spans(side: Side, kind: str) -> list[Span]:
    return [Span(kind, it["start"], it["end"], side.text[it["start"]:it["end"]],
                 list(it.get("section_path") or []), item=it)
            for it in side.items if it["kind"] == kind]


# -- helpers ---------------------------------------------------------------------------------------

def cite(side: Side, span: Span | None) -> dict | None:
    if span is None:
        return None
    assert side.text[span.start:span.end] == span.text
    return {"text": span.text, "section_path": list(span.path), "start": span.start, "end": span.end,
            "passage": side.passage_at(span.start)}


def _family(item: dict) -> str:
    return item.get("currency") or (item.get("measure") or "").strip().lower()


def _scale(item: dict) -> float:
    measure = (item.get("measure") or "").lower()
    for word, mult in (("tỷ đồng", 1e9), ("triệu đồng", 1e6), ("nghìn đồng", 1e3), ("ngàn đồng", 1e3)):
        if measure.startswith(word) and not item.get("currency"):
            return mult
    return 1.0


_LOWER_BETTER = re.compile(r"dưới|tối đa|không quá|xuống|còn|giảm (?:xuống|còn)", re.I)


def _lower_is_better(item: dict) -> bool:
    comp = item.get("comparator") or ""
    subject = fold((item.get("subject") or "").lower())
    if item.get("op") in ("<", "<="):
        return True
    if _LOWER_BETTER.search(comp) and item.get("op") != "decrease":
        return True
    return bool(re.search(r"\bho ngheo\b|\bty le .*(?:nghiem|tu vong|suy dinh duong|that nghiep)", subject)
                and item.get("op") not in ("decrease", ">", ">="))


def _bound(item: dict) -> tuple[float, float]:
    """(value, strictness tie-break) of a target for a higher-is-better reading."""
    v = float(item.get("value") or 0) * _scale(item)
    op = item.get("op")
    rank = {">": 1, ">=": 0, "=": 0, "~": -0.5, "<": -1, "<=": 0, "decrease": 0, "increase": 0}.get(op, 0)
    return v, rank


def target_verdict(p: dict, c: dict) -> tuple[str, str]:
    """covered | weaker | stricter | changed, and a Vietnamese note with both values."""
    both = f"cấp trên: «{p.get('answer') or p.get('value_text')}», cấp dưới: «{c.get('answer') or c.get('value_text')}»"
    if _family(p) != _family(c):
        return "changed", f"Đơn vị đo khác nhau — {both}"
    pv, pr = _bound(p)
    cv, cr = _bound(c)
    p_to = float(p["value_to"]) * _scale(p) if p.get("value_to") is not None else None
    c_to = float(c["value_to"]) * _scale(c) if c.get("value_to") is not None else None
    if (p.get("op") == "decrease") != (c.get("op") == "decrease") and pv != cv:
        return "changed", f"Cách nêu chỉ tiêu khác nhau — {both}"
    if abs(pv - cv) < 1e-9 and pr == cr and p_to == c_to:
        return "covered", f"Cùng chỉ tiêu — {both}"
    lower_better = _lower_is_better(p)
    if abs(pv - cv) < 1e-9:
        if p_to != c_to and p_to is not None and c_to is not None:
            diff = (c_to - p_to)
        else:
            diff = cr - pr
            if lower_better:
                diff = -diff if p.get("op") in ("<", "<=") else diff
    else:
        diff = cv - pv
    if lower_better:
        diff = -diff
    if diff > 0:
        return "stricter", f"Cấp dưới đặt cao hơn — {both}"
    if diff < 0:
        return "weaker", f"Cấp dưới đặt thấp hơn — {both}"
    return "covered", f"Cùng chỉ tiêu — {both}"


def _when_key(item: dict) -> tuple[str, float | None]:
    kind = item.get("when_kind") or ""
    if kind == "recurring":
        return "recurring", None
    for key in ("year_to", "year"):
        if item.get(key):
            y = float(item[key])
            m = item.get("month") or item.get("month_to")
            if m:
                y += (float(m) - 0.5) / 12
            return "time", y
    date = str(item.get("date") or "")
    if re.match(r"^\d{4}", date):
        y = float(date[:4])
        parts = date.split("-")
        if len(parts) > 2 and parts[1].isdigit() and parts[2].isdigit():  # a day: "trước ngày 05/11/2021"
            y += (int(parts[1]) - 1) / 12 + (int(parts[2]) - 0.5) / 31 / 12
        elif len(parts) > 1 and parts[1].isdigit():
            y += (int(parts[1]) - 0.5) / 12
        return "time", y
    return kind, None


def deadline_verdict(p: dict, c: dict) -> tuple[str, str]:
    both = f"cấp trên: «{p.get('when')}», cấp dưới: «{c.get('when')}»"
    pk, pv = _when_key(p)
    ck, cv = _when_key(c)
    if pk == ck == "recurring":
        return "covered", f"Cùng định kỳ — {both}"
    if pk == ck == "time" and pv is not None and cv is not None:
        if abs(pv - cv) < 1e-6:
            return "covered", f"Cùng thời hạn — {both}"
        return ("later", f"Cấp dưới lùi thời hạn — {both}") if cv > pv else \
            ("earlier", f"Cấp dưới đặt thời hạn sớm hơn — {both}")
    if fold((p.get("when") or "").lower()) == fold((c.get("when") or "").lower()):
        return "covered", f"Cùng thời hạn — {both}"
    return "changed", f"Thời hạn nêu khác cách — {both}"


_PARTY_ROLES = ((r"\bban chap hanh dang bo\b", "uy"), (r"\bchi uy\b", "ban thuong vu uy"),
                (r"\bdang uy\b", "uy"), (r"\bchi bo\b", "uy"), (r"\bdang bo\b", "uy"))


def _level_free(name: str) -> str:
    key = fold(normalize_unit(name)).lower()
    for word in _LEVEL_WORDS:
        key = re.sub(rf"\b{re.escape(fold(word))}\b", " ", key)
    key = re.sub(r"\bviet nam\b", " ", key)
    # The party committee of each level plays one role: Tỉnh ủy / Huyện ủy / Đảng ủy xã / Chi bộ
    # (and its standing committee: Ban Thường vụ … / Chi ủy).
    for pattern, role in _PARTY_ROLES:
        key = re.sub(pattern, role, key)
    return " ".join(key.split())


def same_unit(a: str, b: str) -> bool:
    """Same body, up to the level: "UBND tỉnh" (parent) and "UBND xã" (child) are the same role."""
    return _level_free(a) == _level_free(b)


# -- the comparison ---------------------------------------------------------------------------------

class Comparer:
    def __init__(self, parent: Side, child: Side, settings: Settings, embedder=None):
        self.parent, self.child, self.settings = parent, child, settings
        self.sim = Similarity(embedder, settings.compare_dense_weight)
        self.t_cov = settings.compare_covered
        self.t_part = settings.compare_partial
        self.t_item = settings.compare_item_match
        self.t_margin = getattr(settings, "compare_borrow_margin", 0.15)
        self.p_tasks = task_spans(parent)
        self.c_cands = candidate_spans(child)
        self.c_tasks = task_spans(child)
        self.p_cands = candidate_spans(parent)
        self.p_items = {k: item_spans(parent, k) for k in ("target", "deadline", "responsibility")}
        self.c_items = {k: item_spans(child, k) for k in ("target", "deadline", "responsibility")}

    def run(self) -> dict:
        p_texts = [s.text for s in self.p_tasks] + [s.text for k in self.p_items for s in self.p_items[k]]
        c_texts = [s.text for s in self.c_cands] + [s.text for k in self.c_items for s in self.c_items[k]]
        self.sim.prepare(p_texts + [s.text for s in self.p_cands], c_texts)
        # Parent spans against child candidates, once.
        items: list[dict] = []
        items += self._tasks()
        items += self._targets()
        items += self._deadlines()
        items += self._responsibilities()
        summary = {s: 0 for s in STATUSES}
        for it in items:
            summary[it["status"]] += 1
        additions = self._additions()
        return {"parent": self.parent.describe(), "child": self.child.describe(),
                "summary": summary, "items": items, "additions": additions,
                "settings": {"dense_weight": self.sim.dense_weight, "covered": self.t_cov,
                             "partial": self.t_part, "item_match": self.t_item,
                             "dense_floor": round(self.sim.floor, 4)}}

    def _best(self, texts: list[str], cands: list[Span]) -> tuple[np.ndarray, np.ndarray]:
        if not texts or not cands:
            return np.zeros(len(texts), int), np.zeros(len(texts))
        m = self.sim.matrix(texts, [c.text for c in cands])
        return m.argmax(axis=1), m.max(axis=1)

    def _entry(self, kind: str, status: str, p: Span, c: Span | None, score: float, note: str,
               **extra) -> dict:
        return {"kind": kind, "status": status, "parent": cite(self.parent, p),
                "child": cite(self.child, c), "score": round(float(score), 3), "note": note, **extra}

    # tasks ------------------------------------------------------------------------------------
    def _tasks(self) -> list[dict]:
        out = []
        self._missing_tasks: list[tuple[int, int]] = []
        cands = self.c_cands
        m = self.sim.matrix([s.text for s in self.p_tasks], [c.text for c in cands]) \
            if self.p_tasks and cands else np.zeros((len(self.p_tasks), len(cands)))
        idx = m.argmax(axis=1) if cands else np.zeros(len(self.p_tasks), int)
        best = m.max(axis=1) if cands else np.zeros(len(self.p_tasks))
        # Which parent task each child candidate belongs to: a dropped task that resembles a kept
        # neighbour finds the neighbour's paragraph, which is the neighbour's, not its own.
        owner = m.argmax(axis=0) if self.p_tasks and cands else np.zeros(len(cands), int)
        owner_score = m.max(axis=0) if self.p_tasks and cands else np.zeros(len(cands))
        # A sentence belongs to its paragraph's task: judge ownership on the whole child paragraph
        # (one sentence of a long paragraph holds little of the task that paragraph carries).
        block_at = {c.block: j for j, c in enumerate(cands) if c.kind == "block"}
        for j, c in enumerate(cands):
            jb = block_at.get(c.block)
            if c.kind == "sentence" and jb is not None and owner_score[jb] > owner_score[j]:
                owner[j], owner_score[j] = owner[jb], owner_score[jb]
        for n, (span, i, score) in enumerate(zip(self.p_tasks, idx, best)):
            sents = [Span("sentence", a, z, self.parent.text[a:z], span.path)
                     for a, z in sentences(self.parent.text, span.start, span.end) if z - a >= 12]
            s_idx, s_best = self._best([s.text for s in sents], cands) if len(sents) > 1 else ([], [])
            found = int(sum(1 for x in s_best if x >= self.t_cov))
            absent = int(sum(1 for x in s_best if x < self.t_part))
            child = cands[int(i)] if cands else None
            if cands and score < self.t_cov + 0.1 and self._borrowed(n, int(i), float(score), owner, owner_score):
                out.append(self._entry("task", "missing", span, None, score,
                                       "Không thấy nội dung tương ứng trong kế hoạch cấp dưới (đoạn gần "
                                       "nhất là của nhiệm vụ khác)"))
            elif cands and score >= self.t_cov and absent and found:
                out.append(self._entry("task", "partial", span, child, score,
                                       f"{len(sents) - absent}/{len(sents)} câu có trong kế hoạch cấp "
                                       "dưới; câu thiếu: «" + next(
                                           s.text for s, x in zip(sents, s_best) if x < self.t_part) + "»"))
            elif cands and score >= self.t_cov:
                out.append(self._entry("task", "covered", span, child, score,
                                       "Nội dung có trong kế hoạch cấp dưới"))
            elif len(sents) > 1 and found == len(sents):
                out.append(self._entry("task", "covered", span, child, score,
                                       f"Đủ {found}/{len(sents)} câu có trong kế hoạch cấp dưới"))
            elif cands and (score >= self.t_part or found):
                if found and score < self.t_part:
                    j = int(np.argmax(s_best))
                    child, score = cands[int(s_idx[j])], float(s_best[j])
                note = (f"{found}/{len(sents)} câu có trong kế hoạch cấp dưới" if len(sents) > 1
                        else "Chỉ có nội dung gần giống")
                out.append(self._entry("task", "partial", span, child, score, note))
            else:
                out.append(self._entry("task", "missing", span, None, score,
                                       "Không thấy nội dung tương ứng trong kế hoạch cấp dưới"))
        self._missing_tasks = [(it["parent"]["start"], it["parent"]["end"]) for it in out
                               if it["status"] == "missing"]
        return out

    def _borrowed(self, n: int, j: int, score: float, owner: np.ndarray, owner_score: np.ndarray) -> bool:
        """The best child candidate ``j`` of parent task ``n`` is clearly another parent task's
        (that task covers it and scores it well above ``n``)."""
        other = int(owner[j])
        return other != n and owner_score[j] >= self.t_cov and owner_score[j] - score >= self.t_margin

    def _context_matrix(self, kind: str) -> np.ndarray:
        """Similarity of the paragraphs around the parent's and the child's items of one kind."""
        ps, cs = self.p_items[kind], self.c_items[kind]
        if not ps or not cs:
            return np.zeros((len(ps), len(cs)))
        return self.sim.matrix([self._context(self.parent, p) for p in ps],
                               [self._context(self.child, c) for c in cs])

    @staticmethod
    def _context(side: Side, span: Span) -> str:
        block = side.block_at(span.start)
        return side.text[block.start:block.end] if block is not None else span.text

    def _deadline_pick(self, i: int, m: np.ndarray, ctx: np.ndarray) -> int:
        """The child deadline of parent deadline ``i``: the best match; among near-equal ones (one
        sentence can carry two times, "đến năm 2030 … hằng năm") the same context, then the one
        stating the same time, then the one at the same place in its sentence."""
        p = self.p_items["deadline"][i].item
        top = float(m[i].max())
        near = [j for j in range(m.shape[1]) if m[i, j] >= top - 0.03]
        cs = self.c_items["deadline"]

        def key(j: int) -> tuple:
            c = cs[j].item
            same_when = fold((c.get("when") or "").lower()) == fold((p.get("when") or "").lower())
            same_kind = (c.get("when_kind") or "") == (p.get("when_kind") or "")
            offset = abs(((c.get("when_start") or 0) - c["start"]) - ((p.get("when_start") or 0) - p["start"]))
            return (round(float(ctx[i, j]), 2), same_when, same_kind, -offset, float(m[i, j]))

        return max(near, key=key)

    def _item_matrix(self, kind: str) -> np.ndarray:
        ps, cs = self.p_items[kind], self.c_items[kind]
        if not ps or not cs:
            return np.zeros((len(ps), len(cs)))
        return self.sim.matrix([p.text for p in ps], [c.text for c in cs])

    def _in_missing_task(self, span: Span) -> bool:
        return any(s <= span.start < e for s, e in getattr(self, "_missing_tasks", []))

    def _passage_fallback(self, span: Span, threshold: float) -> tuple[Span | None, float]:
        """The child passage that carries this item's task without the item itself; none when the
        item's own task is missing from the child (an item of a dropped task is missing too)."""
        if self._in_missing_task(span):
            return None, 0.0
        idx, best = self._best([span.text], self.c_cands)
        if self.c_cands and best[0] >= threshold:
            return self.c_cands[int(idx[0])], float(best[0])
        return None, float(best[0]) if len(best) else 0.0

    # targets ----------------------------------------------------------------------------------
    def _target_pairs(self) -> list[tuple[int, int | None, float]]:
        ps, cs = self.p_items["target"], self.c_items["target"]
        m = self._item_matrix("target")
        ctx = self._context_matrix("target")
        pairs = []
        for i, p in enumerate(ps):
            best_j, best_s, best_key = None, 0.0, -1.0
            pt = terms(p.item.get("subject") or p.text)
            for j, c in enumerate(cs):
                subj = lexical(pt, terms(c.item.get("subject") or c.text))
                score = 0.5 * float(m[i, j]) + 0.5 * subj
                if _family(p.item) == _family(c.item):
                    score += 0.1
                    if _bound(p.item)[0] == _bound(c.item)[0]:
                        score += 0.1
                else:  # another measure: only the same subject, nearly word for word, is "changed"
                    score -= 0.2
                # A plan repeats a target (in the list of targets and in its task): the one in the
                # same context (the surrounding paragraph) is the counterpart.
                key = score + 0.2 * float(ctx[i, j])
                if key > best_key:
                    best_j, best_s, best_key = j, score, key
            pairs.append((i, best_j if best_s >= self.t_item else None, min(best_s, 1.0)))
        return pairs

    def _targets(self) -> list[dict]:
        ps, cs = self.p_items["target"], self.c_items["target"]
        out = []
        self._matched_child_targets = set()
        for i, j, score in self._target_pairs():
            p = ps[i]
            extra = {"values": {"parent": p.item.get("answer") or p.item.get("value_text"), "child": None}}
            if j is not None:
                c = cs[j]
                self._matched_child_targets.add(j)
                status, note = target_verdict(p.item, c.item)
                extra["values"]["child"] = c.item.get("answer") or c.item.get("value_text")
                out.append(self._entry("target", status, p, c, score, note, **extra))
                continue
            c, s = self._passage_fallback(p, self.t_cov)
            if c is not None:
                out.append(self._entry("target", "partial", p, c, s,
                                       "Có nội dung tương ứng nhưng không nêu chỉ tiêu bằng số", **extra))
            else:
                out.append(self._entry("target", "missing", p, None, max(s, score),
                                       "Không thấy chỉ tiêu này trong kế hoạch cấp dưới", **extra))
        return out

    # deadlines --------------------------------------------------------------------------------
    def _deadlines(self) -> list[dict]:
        ps, cs = self.p_items["deadline"], self.c_items["deadline"]
        m = self._item_matrix("deadline")
        out = []
        ctx = self._context_matrix("deadline")
        for i, p in enumerate(ps):
            j = self._deadline_pick(i, m, ctx) if cs else None
            score = float(m[i, j]) if cs else 0.0
            extra = {"values": {"parent": p.item.get("when"), "child": None}}
            if j is not None and score >= self.t_item:
                c = cs[j]
                status, note = deadline_verdict(p.item, c.item)
                extra["values"]["child"] = c.item.get("when")
                out.append(self._entry("deadline", status, p, c, score, note, **extra))
                continue
            c, s = self._passage_fallback(p, self.t_cov)
            if c is not None:
                out.append(self._entry("deadline", "partial", p, c, s,
                                       "Có nhiệm vụ tương ứng nhưng không nêu thời hạn «"
                                       f"{p.item.get('when')}»", **extra))
            else:
                out.append(self._entry("deadline", "missing", p, None, max(s, score),
                                       "Không thấy nhiệm vụ và thời hạn này trong kế hoạch cấp dưới",
                                       **extra))
        return out

    # responsibilities -------------------------------------------------------------------------
    def _responsibilities(self) -> list[dict]:
        ps, cs = self.p_items["responsibility"], self.c_items["responsibility"]
        m = self._item_matrix("responsibility")
        out = []
        for i, p in enumerate(ps):
            unit = p.item.get("unit_normalized") or p.item.get("unit") or ""
            extra = {"unit": {"parent": p.item.get("unit"), "child": None}}
            same = [j for j, c in enumerate(cs) if m[i, j] >= self.t_item
                    and same_unit(unit, c.item.get("unit_normalized") or c.item.get("unit") or "")]
            if same:
                j = max(same, key=lambda j: m[i, j])
                extra["unit"]["child"] = cs[j].item.get("unit")
                out.append(self._entry("responsibility", "covered", p, cs[j], m[i, j],
                                       f"Giao cho «{cs[j].item.get('unit')}»", **extra))
                continue
            others = [j for j, c in enumerate(cs) if m[i, j] >= self.t_item]
            if others:
                j = max(others, key=lambda j: m[i, j])
                extra["unit"]["child"] = cs[j].item.get("unit")
                out.append(self._entry("responsibility", "partial", p, cs[j], m[i, j],
                                       f"Nhiệm vụ có nhưng giao cho đơn vị khác: «{p.item.get('unit')}» → "
                                       f"«{cs[j].item.get('unit')}»", **extra))
                continue
            c, s = self._passage_fallback(p, self.t_cov)
            if c is not None:
                out.append(self._entry("responsibility", "partial", p, c, s,
                                       f"Nhiệm vụ có nhưng không thấy giao cho «{p.item.get('unit')}»",
                                       **extra))
            else:
                out.append(self._entry("responsibility", "missing", p, None, s,
                                       f"Không thấy nhiệm vụ của «{p.item.get('unit')}» trong kế hoạch "
                                       "cấp dưới", **extra))
        return out

    # additions ---------------------------------------------------------------------------------
    def _additions(self) -> list[dict]:
        out = []
        idx, best = self._best([s.text for s in self.c_tasks], self.p_cands)
        for span, i, score in zip(self.c_tasks, idx, best):
            if score < self.t_part:
                near = self.p_cands[int(i)] if self.p_cands else None
                out.append({"kind": "task", "child": cite(self.child, span),
                            "parent_nearest": cite(self.parent, near), "score": round(float(score), 3),
                            "note": "Nhiệm vụ riêng của cấp dưới (không có ở văn bản cấp trên)"})
        cs = self.c_items["target"]
        matched = getattr(self, "_matched_child_targets", set())
        for j, c in enumerate(cs):
            if j in matched:
                continue
            _, best = self._best([c.text], self.p_cands)
            if not len(best) or best[0] < self.t_cov:
                out.append({"kind": "target", "child": cite(self.child, c), "parent_nearest": None,
                            "score": round(float(best[0]) if len(best) else 0.0, 3),
                            "values": {"parent": None, "child": c.item.get("answer") or c.item.get("value_text")},
                            "note": "Chỉ tiêu riêng của cấp dưới"})
        out.sort(key=lambda a: a["child"]["start"])
        return out


def compare(parent: Side, child: Side, settings: Settings | None = None, embedder=None) -> dict:
    """Parent x child alignment as the JSON the API, CLI and pages share."""
    settings = settings or Settings()
    return Comparer(parent, child, settings, embedder).run()
