"""Extractive answers you can trust: support before answer.

1. The question is read once (``question.analyze``) from the search's own analysis of it — the
   diacritics restored, the English glossary translation — so search and answer see the same
   Vietnamese words: its kind (who / target / when / tasks), the role a who-question asks for, its
   subject's words, the period and measure a target-question asks for, the documents it names.
2. Candidates are the extracted items of the asked kind (responsibilities, targets, deadlines) in
   every document (or the filtered ones). An item can answer only when it *supports* the question
   (``support.Matcher``): the subject's words are in the item (its task, subject or clause; its
   headings and document title count a little less), and the kind fits — who: a unit in the asked
   role (``roles.role_fit``); target: a quantity of the asked measure and period; when: a deadline.
3. A question that names its documents ("Nghị quyết 08", "Luật Du lịch") is answered from them
   only. Among supported items, retrieval rank, role and fit decide.
   Who-questions not tied to one document group the supporting responsibilities by unit across
   documents ("Ban Tuyên giáo Tỉnh ủy — chủ trì (3 văn bản)", a citation per document).
   Some who-questions are answered by words no task holds, read from the passages and documents
   (passages.py): who makes up a body ("X gồm …", role "thành phần"), who attends a meeting
   ("Thành phần: …"), who signed a document (its signature block, role "ký"), who issued a plan
   (its opening sentence), where a plan is reported (its "Nơi nhận" entries marked "(báo cáo)").
4. "How many tasks / targets does the plan list?" is counted in the plan's outline first
   (counts.py). When no item answers, the answer is read where the question word stands in a
   retrieved sentence (insitu.py), then, for an English "how many days / times …", in the sentence
   the model finds closest (typed.py).
5. Nothing supports an answer -> ``answer`` is None, ``message`` says so, and the citations are the
   closest passages of the search.

Every answer is words of a document (a unit name, a value with its measure, a deadline; a count is
the number of the last item the plan numbers) and every citation is a verbatim span. Nothing is
generated.
"""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.search.named import doc_numbers, doc_refs, named_documents as _named_documents
from indexer.search.translate import lookup
from indexer.structure.outline import label as outline_label
from indexer.text import QUESTION_STOPWORDS, folded_words, modern_tones, syllables

from dataclasses import replace

from .actors import (_LIGHT as _LIGHT_VERBS, ACTION_EVIDENCE, actor_items, asked_verbs, does_asked_action,
                     definition_items, does_english_action, done_by_another, english_asked_verbs, regulates_instead,
                     tied_verbs)
from .issuers import asks_issuer, issuer_answer
from .classify import QUESTION_KINDS, classify, content_terms, fold_question, role_words
from .passages import _LINKS as _PASSAGE_LINKS
from .passages import (asked_refs, asked_vision, attendee_items, base_multiple_items, composition_items,
                       duration_items, frequency_items, horizon_items, percent_items, with_lead_ins, is_duration_question, is_frequency_question,
                       is_horizon_question, is_issued_question, is_period_question, issued_items, period_items,
                       cycle_items, is_cycle_question,
                       points_back, preamble_items, quantity_items, recipient_items, signer_items, vision_items,
                       is_year_of_question, year_of_items)
from .question import _ABBR, ROLE_CUES, Question, analyze, expand_abbreviations, own_words_spelled_apart, spelled_apart
from .relations import opening_unit, relation_objects, relation_passage_items, sentence_of
from .roles import ROLE_RANK, is_of_class, item_role, later_partner_items, role_fit, states_right
from .citations import ANSWER_FIELDS, citation
from .counts import asked_list, count_listed, written_in
from .insitu import MIN_ANCHOR, WHAT, align, asked_kind, english_slots, sentence_spans, wh_slots
from .labels import asked_label, label_frame, labels_in, negated_member
from .typed import MOMENT, asked_unit, read_as_asked, unit_value
from .semantic import MAX_EMBEDDED, SEMANTIC_DEPTH, SEMANTIC_RANKED, Similarity, credits
from .support import TOP_PASSAGE, Gate, Matcher, Support, _padded, current_gate, gated, quote_words
from .unitnames import truncated_unit, undergoes

NOT_FOUND_VI = "Không tìm thấy câu trả lời trong các văn bản đã có"
# (``WHAT``: a thing a "<noun> nào" asks, read in place only, held as a target's value is)
_ITEM_KIND = {"who": "responsibility", "tasks": "responsibility", "target": "target", "when": "deadline",
              WHAT: "target"}
MAX_ITEMS = 5
MAX_ANSWER_CHARS = 90


# -- documents a question names ---------------------------------------------------------------------

HEAD_CHARS = 700
_LAW_TYPES = frozenset({"Luật", "Bộ luật", "Hiến pháp"})
_DEFINITIONS = re.compile(r"Điều\s+\d+\.\s*Giải thích từ ngữ")  # (a law's opening: scope, then terms)
_UP = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
_PLACE = re.compile(rf"(?<!\w)((?:[{_UP}]\w+ ){{1,3}}[{_UP}]\w+)(?!\w)")  # "Lai Châu", "Bình Lư"


def _doc_heads(service) -> dict[str, str]:
    """The opening of every document (issuer, place, full title), read once per index version."""
    def build() -> dict[str, str]:
        out = {}
        for doc_id, text in _texts(service).items():
            # Plus the places it names ("Lai Châu", "Bình Lư"): the stored text often starts after
            # the header that names the province.
            places = dict.fromkeys(m.group(1) for m in _PLACE.finditer(text))
            out[doc_id] = text[:HEAD_CHARS] + " " + " ; ".join(places) if text else ""
        return out

    cached = getattr(service, "_cached", None)
    return cached("answer:doc_heads", build) if cached else build()


def _doc_context(docs: list[dict], heads: dict[str, str] | None = None) -> dict[str, str]:
    out = {}
    heads = heads or {}
    for d in docs:
        refs = " ".join(((r.get("text") if isinstance(r, dict) else getattr(r, "text", "")) or "")
                        for r in d.get("implements") or [])
        # (a law's opening states its scope, then defines its terms: the definitions name half its
        # matter — "phương tiện" of "Chỗ ở hợp pháp … phương tiện khác" says nothing about a
        # vehicle's residence —, so they are no context of its sentences)
        head = heads.get(d["id"], "")
        if d.get("type") in _LAW_TYPES:
            head = _DEFINITIONS.split(head, 1)[0]
        out[d["id"]] = " ".join(str(d.get(k) or "") for k in ("type", "title", "number", "issuer", "place")) + \
            " " + refs + " " + head
    return out


def named_documents(q: Question, docs: list[dict]) -> set[str]:
    """Documents the question names: by number ("08-NQ/TU", "Kết luận 224") or by a law's title
    ("Luật Điện ảnh", "Law on Tourism" -> "luật du lịch") found whole in the question."""
    return _named_documents([q.text, q.vi_text], docs, refs=q.doc_refs)


# -- scoring ----------------------------------------------------------------------------------------

def _rank_of(item: dict, results: list) -> int | None:
    return next((i for i, r in enumerate(results)
                 if r.doc_id == item["doc_id"] and item["start"] < r.end and r.start < item["end"]), None)


def _fit(q: Question, item: dict) -> float | None:
    """Kind fit beyond the subject: None = the item cannot answer."""
    if q.kind in ("who", "tasks"):
        return role_fit(item, q.role) if q.kind == "who" else 0.0
    if q.kind == "target":
        measure = item.get("measure") or ""
        bonus = 0.0
        if q.measure == "percent":
            # ("what share / fraction" is also a part: "hai phần ba nghĩa vụ")
            if not measure.startswith("%") and not (measure == "phần" and "phan" in (q.count_nouns or [q.count_noun])):
                return None
            bonus += 0.3
        elif q.measure == "time":
            if not is_time_measure(measure):
                return None  # "the maximum time to resolve a dispute" is not "50% …"
        elif q.measure == "money":
            if not item.get("currency") and "đồng" not in measure and measure != "USD":
                return None
            bonus += 0.3
        if q.count_noun and q.count_noun not in ("phan", "ty", "trieu", "nam", "lan"):
            # (and the nouns a quantity read from the passages counts: "hai phần ba tổng số thành
            # viên" counts members)
            said = f" {folded_words(measure + ' ' + (item.get('answer') or ''))} {' '.join(item.get('counts') or [])} "
            if any(f" {n} " in said for n in q.count_nouns or [q.count_noun]):
                bonus += 0.8
            elif q.measure is None:
                return None  # "how many tourists" is not answered by "01 - 02 giải" (tournaments)
        if _counted_qualifier_unsaid(q, item):
            return None  # "bao nhiêu lượt khách quốc tế" is not answered by "Tổng lượt khách du lịch …"
        if opposite_bound(q, item):
            return None  # "from what age" is not answered by "dưới 12 tháng tuổi" (an upper bound)
        if _SHARE.search(item.get("answer") or "") and _TOTAL_Q.search(f" {folded_words(q.text)} "):
            return None  # "tổng cộng bao nhiêu đại biểu" is a count, not "hai phần ba tổng số đại biểu"
        if unstated_bound(q, item):
            return None  # "lãi suất tối đa" is not "150% lãi suất vay …" (no ceiling said)
        if q.years:
            found = years_of(f"{item.get('period') or ''} {item.get('quote') or ''}") or sentence_years(item)
            if any(y in found for y in q.years):
                bonus += 0.3
            elif found or (years_of(" ".join(item.get("section_path") or []) + " " + (item.get("doc_title") or ""))
                           and not any(y in years_of(" ".join(item.get("section_path") or []) + " " +
                                                     (item.get("doc_title") or "")) for y in q.years)):
                return None  # a 2030 target does not answer "by 2025", even unsaid in its own sentence
            elif not found and horizon_only(q.years, " ".join(item.get("section_path") or []) + " " +
                                            (item.get("doc_title") or "")):
                return None  # "… giai đoạn 2026-2030, định hướng đến năm 2035": not a 2035 target
        if any(re.search(r"(?i)mục tiêu|chỉ tiêu", p) for p in item.get("section_path") or []):
            bonus += 0.2
        return bonus
    if q.kind == "when":
        bonus = 0.0
        folded_q = f" {folded_words(q.text)} "
        wk = item.get("when_kind")
        if re.search(r" (?:ngay nao|what date|which date|by what date) ", folded_q):
            if wk in ("recurring", "period", "duration", "year", "quarter"):
                return None  # "which date" is not answered by "hằng năm", "2021-2025" or "vào năm 2030"
            if wk == "month" and re.search(r"(?i)\bhằng năm|hàng năm|mỗi năm", item.get("quote") or ""):
                return None  # nor by a month of every year ("Tháng 3 hằng năm là Tháng Thanh niên"): no day in it
            bonus += 0.4 if wk == "date" else -0.2
        if wk == "recurring" and re.search(r" (?:nam nao|which year|what year|in what year) ", folded_q):
            return None  # "năm nào" asks a year: "hằng năm" names none
        if wk == "duration" and unstated_bound(q, item):
            return None  # "tối đa bao lâu" is not answered by a time limit stating no ceiling
        if is_period_question(folded_q):
            if wk != "period":
                return None  # "giai đoạn nào" is a span of years, not "hằng năm" or "đến năm 2030"
            bonus += 0.4
        if re.search(r" (?:chu ky|how often|dinh ky nao|frequency|tan suat) ", folded_q) and _asks_frequency(folded_q):
            bonus += 0.4 if wk == "recurring" else -0.2
        if _wrong_end(folded_q, item.get("when") or ""):
            return None
        if _own_enactment(item) and not _ENACTMENT_Q.search(folded_q):
            return None  # "Ngày Thanh niên là ngày nào" is not answered by the law's own adoption date
        if _other_own_act(folded_q, item):
            return None  # "có hiệu lực từ ngày nào" is not answered by "… thông qua ngày 16 tháng 6 năm 2020"
        vision = asked_vision(folded_q)
        if vision and not is_issued_question(folded_q):
            fit = _vision_fit(vision, item, bool(_NAMED_HORIZON.search(f" {folded_q} ")))
            if fit is None:
                return None
            bonus += fit
        if _asks_frequency(folded_q):
            # "bao lâu một lần": how often, not how long ("hằng năm", "mỗi năm một lần")
            if wk != "recurring" or not re.search(r"(?i)năm|tháng|quý|tuần|ngày|thường niên", item.get("when") or ""):
                return None  # a bare "định kỳ" (periodically) does not say how often
            if _COUNT_Q.search(folded_q) and not re.search(r"(?i)\b(?:lần|kỳ|đợt)\b", item.get("when") or ""):
                return None  # "mỗi năm mấy kỳ", "how many times a year": a bare "hằng năm" says no count
            bonus += 0.8
        elif is_duration_question(folded_q):
            if wk in ("date", "month", "quarter", "year") and _ASKED_UNIT.search(folded_q):
                return None  # "kéo dài mấy ngày" counts days: "trong tháng 5/2026" is when, not how long
            bonus += 0.8 if wk == "duration" else -0.6
            if wk == "duration" and defines_duration(item):
                bonus += 0.3  # "Thời hạn cai nghiện … là từ đủ 06 tháng đến 12 tháng" states the length asked
            if wk == "duration" and _opposite_anchor(folded_q, _anchor_words(
                    f"{item.get('when') or ''} {item.get('anchor') or ''}")):
                return None  # "15 ngày trước ngày kết thúc" does not answer "how many days after …"
        elif wk == "duration":
            bonus -= 0.6
        if is_issued_question(folded_q):  # only the date written after the document's number
            if _own_act_asked(folded_q, item):
                return bonus + 1.0  # (or the document's own: "Luật này được Quốc hội … thông qua ngày …")
            if not (item.get("via") == "passage" and wk == "date"):
                return None
            bonus += 1.0 + (0.5 if item.get("ref_rank") == 0 else 0.0)  # the document asked about
        elif item.get("via") == "passage" and wk == "date":
            return None
        if item.get("via") == "title":
            bonus += 0.5  # the period or horizon of the document the question names, in its own title
        if _other_actor(q, item):
            return None  # "Ban Tuyên giáo … phải báo cáo … trước ngày nào" is not answered by the Office's deadline
        actor = _unit_key(item) if item.get("unit") else ""
        if len(actor.split()) >= 2 and f" {actor} " in _padded(f"{q.text} {q.vi_text}"):
            bonus += 1.0  # the deadline of the body the question names, not of its neighbour
        if q.years:
            found = re.findall(r"\b(?:19|20)\d\d\b", item.get("when") or "")
            if found and not any(y in found for y in q.years):
                bonus -= 0.3
        return bonus
    return 0.0


ACTOR_SYLLABLES = 3  # of the body a when-question opens with, enough to tell "Ban Thường vụ" from "Ban Tuyên giáo"


def _other_actor(q: Question, item: dict) -> bool:
    """A Vietnamese when-question opens with the body that acts ("Ban Tuyên giáo Tỉnh ủy Hà Tĩnh phải
    báo cáo … trước ngày nào?", ``relations.opening_unit``) and the deadline's sentence, its units
    and headings never name that body: it is another body's deadline ("Văn phòng Tỉnh ủy … gửi về
    Thường trực Tỉnh ủy trước ngày 20/11/2021"), and a plan sets one per body. The body's first
    ``ACTOR_SYLLABLES`` syllables, abbreviations spelled out ("UBND" -> Ủy ban nhân dân), must be said."""
    key = _opening_key(q.vi_text or q.text) if q.language != "en" else ""
    if not key:
        return False
    said = " ".join([item.get("quote") or "", item.get("task") or "", item.get("unit") or "",
                     " ".join(item.get("units") or []), " ".join(item.get("section_path") or [])])
    return f" {key} " not in f" {' '.join(expand_abbreviations(folded_words(said).split()))} "


@lru_cache(maxsize=1024)
def _opening_key(question: str) -> str:
    """The first ``ACTOR_SYLLABLES`` folded syllables of the body ``question`` opens with
    (``relations.opening_unit``), abbreviations spelled out; "" when it opens with none. Cached: a
    when-question weighs every candidate deadline against the same body."""
    name = opening_unit(question)
    return " ".join(expand_abbreviations(folded_words(name).split())[:ACTOR_SYLLABLES]) if name else ""


_DEFINED = re.compile(r"(?i)^\s*(?:\d+\.\s*|[a-zđ]\)\s*)?(?:Thời hạn|Thời gian|Thời hiệu)\s[^;:()]*?\s(?:là|không quá|tối đa là|tối đa|ít nhất là)\s*$")


# Where the noun a Vietnamese "bao nhiêu <noun> <qualifier>" counts ends: a preposition, a verb of
# the frame, a time (folded syllables).
_COUNTED_ENDS = frozenset("vao den trong cua tai o la duoc se da dat moi tren duoi cho tu theo nam thang ngay "
                          "khi de va hoac tro len ke tu thi neu ma".split())
# Nouns that measure rather than count things (a unit, an age, a share): what follows them is the
# thing measured ("bao nhiêu phần trăm dân số", "bao nhiêu tuổi thì …"), not a qualifier.
_MEASURING_NOUNS = frozenset("phan tuoi ty trieu nghin tram nam thang ngay gio tuan quy ky lan muc dong ha km "
                             "met tan".split())
# Syllables of a counted noun's qualifier ("quốc tế", "nước ngoài"), which a preposition, a time or
# the question's end closes: a longer run is the question's predicate ("bao nhiêu đại biểu | biểu
# quyết tán thành"), said by the sentence in its own words.
MAX_QUALIFIER = 2


def _counted_qualifier_unsaid(q: Question, item: dict) -> bool:
    """A Vietnamese question counting a qualified noun ("bao nhiêu lượt khách quốc tế") is answered
    only by a value whose own clause, value, headings or document say the qualifier's every syllable
    but stopwords: a target for all visitors ("Tổng lượt khách du lịch đạt trên 900.000 lượt") answers
    no question about the international ones, however many other words of the question it says.
    (Known limit: the syllable after the noun is taken as the noun's own, so a one-syllable noun's
    first qualifier syllable goes unchecked — "hộ cận nghèo" checks "nghèo" only; starting one
    syllable earlier changed nothing on the tuning halves, 2026-12-03.)"""
    if q.language == "en" or not q.count_noun or q.count_noun in _MEASURING_NOUNS:
        return False
    words = folded_words(q.vi_text or q.text).split()
    for i in range(len(words) - 2):
        if words[i:i + 2] == ["bao", "nhieu"] and words[i + 2] == q.count_noun:
            break
    else:
        return False
    # (the noun is often two syllables — "lượt khách", "giai đoạn", "hộ gia đình": its qualifier
    # starts after them)
    rest = words[i + 4:]
    n = next((k for k, w in enumerate(rest) if w in _COUNTED_ENDS), len(rest))
    qualifier = rest[:n]
    if not qualifier or n > MAX_QUALIFIER:
        return False
    said = " ".join([item.get("quote") or "", item.get("answer") or "", *(item.get("section_path") or []),
                     item.get("doc_title") or ""])
    said = f" {folded_words(said)} "
    return any(f" {w} " not in said for w in qualifier if w not in QUESTION_STOPWORDS)


def defines_duration(item: dict) -> bool:
    """The sentence opens with a time noun and the duration is its predicate ("Thời hạn cai nghiện
    ma túy tự nguyện tại gia đình, cộng đồng là từ đủ 06 tháng đến 12 tháng", "Thời hiệu khởi kiện
    … là 02 năm"): the length of the thing it names, which a "bao lâu" question about that thing
    asks — more than a deadline a step of its procedure mentions ("Trong thời hạn 05 ngày làm việc
    kể từ ngày người cai nghiện … chấm dứt …"). Read up to the value (its own "là" cut off):
    no ";", ":" or bracket between (the subject may list its cases: "gia đình, cộng đồng")."""
    quote, when = item.get("quote") or "", item.get("when") or ""
    at = (item.get("when_start") or item["start"]) - item["start"]
    if not (0 <= at <= len(quote)):
        return False
    before = quote[:at]
    lead = re.match(r"(?i)(là|không quá|tối đa là|tối đa|ít nhất là)\s", when)
    if lead:
        before = f"{before}{lead.group(1)}"
    before = before.replace("\n", " ")
    return bool(_DEFINED.match(before.rstrip() + " ")) if before.strip() else False


# The bound a question asks and the one a value states, folded: a lower bound ("from what age",
# "tối thiểu", "từ đủ bao nhiêu tuổi") or an upper one ("under what age", "tối đa", "dưới bao nhiêu").
# ("at what age may …" asks from when it is allowed: not "dưới 18 tuổi", the age under which it is not)
_LOWER_Q = re.compile(r" (?:from what|at what age|minimum|at least|lower limit|tu du bao nhieu|tu bao nhieu|toi thieu|"
                      r"it nhat|du bao nhieu|tro len) ")
_UPPER_Q = re.compile(r" (?:under what|below what|maximum|at most|up to what|ceiling|upper limit|duoi bao nhieu|"
                      # a time limit asked as the latest ("how soon after …", "chậm nhất bao nhiêu ngày")
                      r"how soon|at the latest|no later than|cham nhat|"
                      r"chua du bao nhieu|toi da|khong qua|khong vuot qua|tro xuong) ")
_LOWER_VALUE = re.compile(r"(?i)^(?:từ|đủ|trên|ít nhất|tối thiểu|quá|hơn)\b")  # ("quá nửa": more than half)
_UPPER_VALUE = re.compile(r"(?i)^(?:dưới|chưa đủ|tối đa|không quá|không vượt quá|vượt quá)\b")


# A share of a whole ("hai phần ba tổng số …", "quá nửa", "30%") and a question asking the whole.
_SHARE = re.compile(r"(?i)\bphần\s+(?:ba|tư|năm|mười|trăm)\b|\bnửa\b|%")
_TOTAL_Q = re.compile(r" (?:tong cong|total number|in total ?$|altogether ?$)")


def opposite_bound(q: Question, item: dict) -> bool:
    """A quantity read from the passages states the opposite bound of the one asked: "From what age
    may …" (a lower bound, "từ đủ") is not answered by "dưới 12 tháng tuổi" (under twelve months),
    nor "under what age" by "từ đủ 18 tuổi trở lên". A range ("từ đủ 14 tuổi đến dưới 18 tuổi")
    states both; a value with no opener states neither."""
    if item.get("via") != "passage":
        return False
    answer = (item.get("answer") or "").strip()
    if re.search(r"(?i)\s(?:đến|tới)\s", answer):
        return False
    bound = asked_bound(q)
    if bound is None:
        return False
    return bool(_UPPER_VALUE.match(answer)) if bound == "lower" else bool(_LOWER_VALUE.match(answer))


def asked_bound(q: Question) -> str | None:
    """"lower" or "upper" when the question asks one bound of a value ("from what age", "tối đa");
    None when it asks both or neither."""
    asked = f" {folded_words(q.text)} "
    lower, upper = bool(_LOWER_Q.search(asked)), bool(_UPPER_Q.search(asked))
    return None if lower == upper else ("lower" if lower else "upper")


# A bound stated right before a value ("không được vượt quá 20%/năm", "tối đa 05 năm", "từ đủ 18
# tuổi") or right after it ("18 tuổi trở lên"), folded.
_UPPER_BEFORE = re.compile(r"(?:toi da|khong (?:duoc )?(?:vuot )?qua|vuot qua|duoi|chua du|cao nhat|nhieu nhat|"
                           r"den|gioi han|cham nhat)(?: (?:la|o muc|muc|bang))? $")
_LOWER_BEFORE = re.compile(r"(?:toi thieu|it nhat|tu du|du|tu|tren|khong (?:duoc )?(?:thap hon|duoi|it hon)|"
                           r"thap nhat)(?: (?:la|o muc|muc|bang))? $")
_UPPER_AFTER = re.compile(r"^ ?tro xuong")
_LOWER_AFTER = re.compile(r"^ ?tro len")


def unstated_bound(q: Question, item: dict) -> bool:
    """The question asks a bound ("lãi suất tối đa", "minimum age", "ít nhất mấy người") and the
    value's own words state none of that direction: "Lãi suất vay tối đa là bao nhiêu?" is not
    answered by "… bằng 150% lãi suất vay theo hợp đồng" (a penalty rate, no ceiling), while "không
    được vượt quá 20%/năm" answers it. Read on the quote, just around the value; the extractor's
    comparator ("trên 900.000 lượt") counts. A question asking both or neither is not checked."""
    bound = asked_bound(q)
    if bound is None:
        return False
    quote, start = item.get("quote") or "", item.get("start")
    # (a target's value, or a deadline item's duration: "Thời hạn tạm trú tối đa là 02 năm")
    vs = next((item[f] for f in ("answer_start", "value_start", "when_start") if item.get(f) is not None), None)
    ve = next((item[f] for f in ("answer_end", "value_end", "when_end") if item.get(f) is not None), None)
    if not quote or start is None or vs is None or ve is None or not (start <= vs <= ve <= start + len(quote)):
        return False  # no position to read the bound at: not judged
    before = " ".join(folded_words(quote[max(0, vs - start - 40):vs - start]).split()[-4:])
    after = folded_words(quote[ve - start:ve - start + 20])
    value = item.get("answer") or item.get("when") or ""
    opening = " ".join(folded_words(value).split()[:3])  # "ít nhất 01 …", "từ đủ 18 …"
    comparator = folded_words(item.get("comparator") or "")
    cue, tail, word = (_UPPER_BEFORE, _UPPER_AFTER, "tro xuong") if bound == "upper" else \
        (_LOWER_BEFORE, _LOWER_AFTER, "tro len")
    said = (comparator and cue.search(f" {comparator} ")) or cue.search(f" {before} ") or tail.search(after) \
        or any(cue.search(f" {' '.join(opening.split()[:n])} ") for n in (1, 2, 3)) \
        or word in folded_words(value) or cue.search(f" {_value_lead(value)} ")
    return not said


def _value_lead(value: str) -> str:
    """A duration's words before its number, folded: the bound it states may follow a time noun
    ("trong thời hạn ít nhất là 30 ngày": "ít nhất là" is its own, after "trong thời hạn")."""
    m = re.search(r"\d", value)
    return folded_words(value[:m.start()]).strip() if m else "" 


def sentence_years(item: dict) -> set[str]:
    """The years of a quantity's whole sentence when its own clause says none ("Phấn đấu đến năm
    2030, tổng lượt khách du lịch đạt 900.000 lượt; …": the clause of 900.000 is a 2030 number), for
    the quantities read from the passages (``passages.quantity_items``), whose quote is one clause:
    a question asking another year ("đến năm 2035") is not answered by it."""
    return years_of(item.get("sentence") or "") if item.get("via") == "passage" else set()


_TIME_UNITS = frozenset("nam thang ngay gio tuan quy phut".split())


def is_time_measure(measure: str) -> bool:
    """The measure counts time: "năm", "ngày làm việc", "tháng" (not "%/năm", a rate)."""
    words = folded_words(measure).split()
    return bool(words) and words[0] in _TIME_UNITS and "%" not in measure


_VISION_WORD = re.compile(r"(?i)^(tầm nhìn|định hướng)")


def _vision_fit(vision: str, item: dict, named_horizon: bool = False) -> float | None:
    """A "tầm nhìn / định hướng đến năm nào" question is answered by the year said after that word
    (``passages.vision_items``, a title's horizon), not by the plan's own end year beside it ("đến
    năm 2025 tầm nhìn 2030" answers 2030); the word the question says fits best. A question that
    names its word (``named_horizon``: "tầm nhìn", "vision", "định hướng", "orientation", not a mere
    "long-term") is not answered by the other one: "giai đoạn 2026 - 2030, định hướng đến năm 2035"
    and "tầm nhìn đến năm 2050" are two horizons, and the orientation year answered "a vision up to
    which year"."""
    m = _VISION_WORD.match(item.get("when") or "")
    if not m:
        return None
    if folded_words(m.group(1)) == vision:
        return 0.3
    return None if named_horizon else 0.0


_SENT_TO_Q = re.compile(r" gui (?:\w+ ){0,10}?(?:ve|len|den|toi) (?:cho )?((?:\w+ ){1,6}?)(?:truoc|trong|vao|han|khi|cham|khi nao|ngay|$)")
# the body a report is sent to: after "gửi" (and its object: "gửi báo cáo Ủy ban nhân dân tỉnh"),
# a direction ("gửi về Văn phòng Tỉnh ủy") or none, a capitalised name
_SENT_TO = re.compile(rf"\b[Gg]ửi\s+(?:[a-zđà-ỹ]+\s+){{0,6}}?(?:(?:về|lên|đến|tới|cho)\s+)?([{_UP}][^;,.\n*]+?)"
                      r"(?=\s+(?:trước|trong|vào|chậm|để)\b|[;,.\n*]|$)")


def _other_destination(q: Question, item: dict) -> bool:
    """A Vietnamese when-question that says where a report is sent ("gửi báo cáo lên Thường trực
    Tỉnh ủy trước ngày nào") and a deadline sent elsewhere ("gửi báo cáo Ủy ban nhân dân tỉnh" — no,
    "gửi về Văn phòng Tỉnh ủy"): the deadline of another report, or of another step of it, a
    neighbouring near-miss the words of both otherwise share. Compared by the destination's first
    two words, abbreviations spelled out ("UBND" is "Ủy ban nhân dân")."""
    if q.language == "en":
        return False
    m = _SENT_TO_Q.search(f" {folded_words(q.vi_text or q.text)} ")
    own = _SENT_TO.search(deadline_clause(item).replace("**", ""))
    if not m or not own:
        return False
    asked = " ".join(_ABBR.get(w, w) for w in m.group(1).split()).split()
    said = folded_words(own.group(1)).split()
    if len(asked) < 2 or len(said) < 2:
        return False
    return " ".join(asked[:2]) not in " ".join(said) and " ".join(said[:2]) not in " ".join(asked)


# A body named by its head and whose it is: "Ban Thường vụ Tỉnh ủy", "Thường trực Đảng ủy",
# "Văn phòng Huyện ủy".
_BODY_HEADS = r"(?:ban thuong vu|thuong truc|van phong|ban chap hanh)"
_OWNERS = r"(?:tinh uy|dang uy|huyen uy|thanh uy|quan uy|thi uy|chi bo|dang bo tinh|dang bo)"
_BODY = re.compile(rf" ({_BODY_HEADS}) ({_OWNERS}) ")


def _other_body(q: Question, item: dict) -> bool:
    """A when-question that names a body by its head and owner ("báo cáo … lên Ban Thường vụ Tỉnh
    ủy") and a deadline whose own clause names the same head of another owner ("báo cáo … với Ban
    Thường vụ Đảng ủy"): the deadline of a neighbouring body, a near-miss the words of both
    otherwise share (the document names "Tỉnh ủy" elsewhere, and that passed the support)."""
    asked = {(h, o) for h, o in _BODY.findall(f" {folded_words(q.vi_text or q.text)} ")}
    if q.language != "en":
        asked |= {(h, o) for h, o in _BODY.findall(f" {folded_words(q.text)} ")}
    said = set(_BODY.findall(f" {folded_words(deadline_clause(item))} "))
    for head, owner in asked:
        others = {o for h, o in said if h == head}
        if others and owner not in others:
            return True
    return False


def _other_ministry(q: Question, item: dict) -> bool:
    """A when-question that names a ministry ("kể từ khi Bộ TN&MT công bố", spelled out by
    ``question.spell_out_ministries``) and a deadline whose own clause names only other
    ministries: the time limit of another ministry's step, a near-miss whose other words all
    match (a ministry's name is a small share of a long question's words)."""
    from .question import _MINISTRIES, spell_out_ministries
    names = {folded_words(v) for v in _MINISTRIES.values()}
    asked = {n for n in names if f" bo {n} " in f" {folded_words(spell_out_ministries(q.vi_text or q.text))} "}
    if q.language != "en":
        asked |= {n for n in names if f" bo {n} " in f" {folded_words(spell_out_ministries(q.text))} "}
    said = {n for n in names if f" bo {n} " in f" {folded_words(deadline_clause(item))} "}
    return bool(asked) and bool(said) and not (asked & said)


_PROCEDURE = re.compile(r"(?i)\btheo (?:thủ tục|trình tự) (\w+ \w+)")


def _special_procedure(q: Question, item: dict) -> bool:
    """The duration is a special procedure's ("Thời hạn kháng cáo đối với bản án … theo thủ tục rút
    gọn là 07 ngày") and the question does not name that procedure: the laws state the general
    limit elsewhere ("… của Tòa án cấp sơ thẩm là 15 ngày"), and the special one answered the
    question asked plainly. Read in the duration's own clause, not its headings. A veto of the best
    answer, not a filter of the candidates: dropped, the special limit no longer kept a neighbouring
    sentence's duration contested ("30 ngày … mở phiên tòa phúc thẩm" for how long a hearing may be
    postponed)."""
    own = f"{item.get('lead') or ''} {deadline_clause(item)}"
    asked = f" {folded_words(q.text)} {folded_words(q.vi_text or '')} "
    return any(f" {folded_words(m.group(1))} " not in asked for m in _PROCEDURE.finditer(own))


_COUNT_Q = re.compile(r" (?:may|bao nhieu) (?:lan|ky|dot) | how many times ")
_OWN_ACT = re.compile(r"(?i)(?:^|[.;]\s*|\n\s*)(?:Luật|Bộ luật|Hiến pháp|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|"
                      r"Kế hoạch|Chỉ thị|Quy định)\s+này\b[^.;]*?\b(?:thông qua|có hiệu lực|hết hiệu lực|ban hành)\b")
_ENACTMENT_Q = re.compile(r" (?:thong qua|hieu luc|ban hanh|ky ngay|ngay ky|duoc ky|adopt|adopted|pass|passed|enact|"
                          r"enacted|effect|effective|force|issued?|sign|signed|promulgate|promulgated|approve|approved|"
                          r"expire|expires|expiry) ")


def _own_enactment(item: dict) -> bool:
    """The date a document gives itself: "Luật này được Quốc hội … thông qua ngày 16 tháng 6 năm
    2020", "Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021". It answers when the
    document was adopted or takes effect, nothing else: every law's closing sentence carries the
    law's name, so its date supported any "… là ngày nào theo Luật X" about a day the law names."""
    return bool(_OWN_ACT.search(item.get("quote") or ""))


# The acts a document dates itself by, as a question asks them (folded) and as its own closing
# sentence states them: taking effect, adoption (passed, issued, signed), expiry.
_ACT_ASKED = {
    "effect": re.compile(r" (?:(?<!het )(?:co )?hieu luc(?! (?:cua|doi voi))|take effect|takes effect|took effect|"
                         r"come into (?:force|effect)|comes into (?:force|effect)|came into (?:force|effect)|"
                         r"entry into force|enter into force|enters into force|in force|in effect|effective from|"
                         r"effective date|effective|apply from|applies from) "),
    "adopt": re.compile(r" (?:thong qua|ban hanh|ky ngay|ngay ky|duoc ky|adopted|passed|enacted|issued|signed|"
                        r"promulgated|approved) "),
    "expire": re.compile(r" (?:het hieu luc|expire|expires|expired|expiry|ceases? to (?:be in force|have effect)) "),
}
_ACT_STATED = {"effect": re.compile(r"(?i)(?<!hết )\bcó hiệu lực"), "adopt": re.compile(r"(?i)\b(?:thông qua|ban hành|ký)\b"),
               "expire": re.compile(r"(?i)\bhết hiệu lực")}


def _other_own_act(folded_q: str, item: dict) -> bool:
    """A document's own date for another act than the one asked: every law closes with both "Luật
    này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021" and "Luật này được Quốc hội … thông qua
    ngày 16 tháng 6 năm 2020", one article apart and under the same heading ("Hiệu lực thi hành"),
    so the question's name of the law and "hiệu lực" support both, and the adoption date kept the
    effective date contested. The act is read from the date's own clause (the words before the
    date, from the sentence's start or last ";"), not from the whole sentence ("… hết hiệu lực kể
    từ ngày Luật này có hiệu lực thi hành"). False when the question asks no act, or several."""
    asked, stated = _own_acts(folded_q, item)
    return len(asked) == 1 and bool(stated) and not (stated & asked)


def _own_act_asked(folded_q: str, item: dict) -> bool:
    """The document's own date for the very act the question asks ("Luật Điện ảnh được Quốc hội
    thông qua ngày nào" — "Luật này được Quốc hội … thông qua ngày 15 tháng 6 năm 2022"): it
    answers an "issued/adopted on what date" question as the date written after a cited number
    does (``is_issued_question`` otherwise takes only those)."""
    asked, stated = _own_acts(folded_q, item)
    return len(asked) == 1 and bool(stated & asked) and item.get("when_kind") == "date"


def _own_acts(folded_q: str, item: dict) -> tuple[set[str], set[str]]:
    """(the acts the question asks, the acts the item's own date clause states) for a document's
    own date (``_own_enactment``); two empty sets for any other item."""
    if not _own_enactment(item):
        return set(), set()
    q = f" {folded_q} "
    asked = {act for act, rx in _ACT_ASKED.items() if rx.search(q)}
    if "expire" in asked:
        asked.discard("effect")  # "hết hiệu lực" says "hiệu lực" too
    quote, at = item.get("quote") or "", (item.get("when_start") or item["start"]) - item["start"]
    clause = quote[max(quote.rfind(";", 0, max(at, 0)), 0):max(at, 0)] if at > 0 else quote
    return asked, {act for act, rx in _ACT_STATED.items() if rx.search(clause)}


_NAMED_HORIZON = re.compile(r" (?:tam nhin|dinh huong|vision|orientation|oriented) ")
_UNTIL_Q = re.compile(r" (?:den ngay nao|den het ngay nao|truoc ngay nao|den khi nao|den bao gio|until|till|"
                      r"by what date|by when|no later than) ")
_FROM_Q = re.compile(r" (?:tu ngay nao|tu khi nao|tu bao gio|tu thang nao|tu nam nao|since when|from when|"
                     r"from what date|starting when|take effect|takes effect|co hieu luc) ")


def _wrong_end(folded_q: str, when: str) -> bool:
    """A span's other end: "tính từ ngày 01 tháng 01 đến hết ngày 31 tháng 12" answers "đến ngày nào"
    (until) with its end, "từ ngày nào" (from, "có hiệu lực từ") with its start."""
    w, folded_q = folded_words(when), f" {folded_q} "
    if _UNTIL_Q.search(folded_q) and not _FROM_Q.search(folded_q):
        return bool(re.match(r"(?:tu|ke tu|bat dau tu) ", w))
    if _FROM_Q.search(folded_q) and not _UNTIL_Q.search(folded_q):
        return bool(re.match(r"(?:den|truoc|het|cham nhat|muon nhat|toi) ", w))
    return False


_HORIZON = re.compile(r"(?i)(?:định hướng|tầm nhìn)(?:\s+(?:đến|tới))?(?:\s+năm)?\s+((?:19|20)\d\d)")


def horizon_only(asked: list[str], context: str) -> bool:
    """Every year asked is named by the headings or title only as their horizon ("Kế hoạch … giai
    đoạn 2026-2030, định hướng đến năm 2035", "tầm nhìn đến năm 2045"): a target whose own sentence
    states no year is one of the plan's period, and the orientation beyond it sets none — "What
    forest cover rate does Bình Lư target for 2035?" is not answered by the 2030 rate."""
    horizon = set(_HORIZON.findall(context))
    rest = years_of(_HORIZON.sub(" ", context))
    return bool(asked) and all(y in horizon and y not in rest for y in asked)


def years_of(text: str) -> set[str]:
    """The years a text names, a range with the years inside it ("giai đoạn 2026-2030")."""
    out = set(re.findall(r"\b(?:19|20)\d\d\b", text))
    for a, b in re.findall(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", text):
        out |= {str(y) for y in range(int(a), int(b) + 1)} if 0 < int(b) - int(a) <= 30 else set()
    return out


_AFTER = re.compile(r" (?:after|since|following|sau khi|ke tu|sau ngay) ")
_BEFORE = re.compile(r" (?:before|prior to|truoc khi|truoc ngay) ")


_ASKED_UNIT = re.compile(r" (?:bao nhieu|may|how many) (?:working )?(ngay|thang|nam|gio|tuan|days?|months?|years?|hours?|weeks?) ")
_UNIT_EN = {"day": "ngay", "month": "thang", "year": "nam", "hour": "gio", "week": "tuan"}
_DURATION_UNIT = re.compile(r"(?i)\b(ngày|tháng|năm|giờ|tuần)\b(?!\s+(?:trước|sau|kể từ)\b)")


def _other_time_unit(folded_q: str, when: str) -> bool:
    """The question counts its time limit in one unit ("mấy tháng", "how many days") and the
    duration is written in another ("60 ngày" for "bao nhiêu tháng"): the laws state each limit in
    the unit they mean, so another unit is another limit (of a neighbouring clause), not a
    conversion to do. The unit read is the duration's own, not the "ngày" of "kể từ ngày …".
    A veto of the best answer, not a filter of the candidates: dropping the other units let a
    duration of the asked unit from a condition ("đã điều trị 06 tháng liên tục") answer "báo
    trước bao nhiêu tháng", where the notice periods are in days."""
    m = _ASKED_UNIT.search(f" {folded_q} ")
    if not m:
        return False
    asked = m.group(1)
    asked = _UNIT_EN.get(asked.rstrip("s"), asked)
    value = re.split(r"(?i)\s(?:trước|sau|kể từ)\s", when)[0]
    units = [folded_words(u) for u in _DURATION_UNIT.findall(value)]
    return bool(units) and asked not in units


_WORKING_ASKED = re.compile(r"\b(?:ngay lam viec|working days?|business days?)\b")


def _working_days_only(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """A question counting working days ("bao nhiêu ngày làm việc", "how many working days") is
    not answered by a limit in calendar days ("Chậm nhất là 15 ngày …" beside "chậm nhất là 05
    ngày làm việc …"), which is no rival of one in working days either."""
    if not _WORKING_ASKED.search(folded_words(q.text)):
        return scored
    said = [f" {folded_words(it.get('when') or it.get('value') or '')} " for _, it, _ in scored]
    return [x for x, days in zip(scored, said) if " ngay " not in days or " ngay lam viec " in days]


def _anchor_words(when: str) -> str:
    """The folded words of a time limit that say which way it counts, read before folding: "sáu"
    (six) folds like "sau" (after) — "Sáu mươi ngày trước khi …" counts before."""
    return " ".join(w for w in (folded_words(t) for t in re.findall(r"\w+", when.lower()) if t != "sáu") if w)


def _opposite_anchor(folded_q: str, folded_when: str) -> bool:
    """A time limit counted the other way from the one asked: "… trước ngày kết thúc …" (before
    the end) for "how many days after arriving", "kể từ ngày …" (after) for "bao nhiêu ngày trước khi …"."""
    q, w = f" {folded_q} ", f" {folded_when} "
    if _AFTER.search(q) and not _BEFORE.search(q):
        return bool(re.search(r" truoc ", w))
    if _BEFORE.search(q) and not _AFTER.search(q):
        return bool(re.search(r" (?:sau|ke tu) ", w))
    return False


def _passage_items(service, q: Question, results: list, docs: list[dict]) -> list[dict]:
    """Durations, frequencies, periods, horizons and the dates of referenced documents read from the
    passages and documents (see passages.py)."""
    folded_q = folded_words(q.text)
    out = []
    if is_cycle_question(folded_q):
        out += cycle_items(results)  # "chu kỳ bao nhiêu năm": the length of a cycle, no other duration
    elif _asks_frequency(folded_q):
        out += frequency_items(results)
    elif is_duration_question(folded_q):
        out += _list_leads(service, duration_items(results))
    if is_period_question(folded_q):
        out += period_items(results)
    if is_year_of_question(folded_q):
        out += year_of_items(results)
    if is_issued_question(folded_q):
        refs = asked_refs(q.text) or asked_refs(q.vi_text)
        if refs:
            return out + issued_items(refs, _doc_texts(service, docs))
    elif asked_vision(folded_q):
        out += vision_items(results)
    period = is_period_question(folded_q)
    if (is_horizon_question(folded_q) or period) and q.doc_refs and not is_issued_question(folded_q):
        out += horizon_items(q.doc_refs, [t for t in _doc_texts(service, docs)
                                          if doc_numbers(next(d for d in docs if d["id"] == t[0])) & set(q.doc_refs)],
                             period=period)
    return out


# A moment asked ("vào thời điểm nào", "lúc nào", "when does … come to an end", "from what point"):
# a recurrence ("hằng năm", "định kỳ") says how often, not when.
_MOMENT_Q = re.compile(r" (?:thoi diem nao|luc nao|what point|which point|what moment|"
                       r"when (?:does|do|did|is|are) (?:\w+ ){1,12}?(?:end|arise|begin|start|terminate|cease|come))\b")
# A recurrence and nothing else ("hằng năm", "theo định kỳ", "thường xuyên"): no month, day or
# count that would make it a time (as "Tháng 3 hằng năm", "trước tháng 10 hằng năm" are).
_BARE_RECURRENCE = re.compile(r"(?i)^\s*(?:theo\s+|được\s+)?(?:(?:định kỳ|hằng|hàng|mỗi|thường xuyên|thường niên)"
                              r"(?:\s+(?:năm|quý|tháng|tuần|ngày|kỳ))?\s*){1,2}[.;,]?\s*$")


# "từ thời điểm nào", "tính từ ngày nào", "from what date": where a time is counted from, which a
# length of time ("03 năm") never answers.
_START_Q = re.compile(r" (?:tu (?:thoi diem|ngay|khi|luc|nam|thang) nao|tu bao gio|"
                      r"from (?:what|which) (?:date|day|point|moment|time|stage)|from when) ")
# A question that also asks how long ("bao lâu kể từ ngày nào", "mấy ngày"; not the modal "may"
# nor "máy", which fold to the same syllable as "mấy").
_ALSO_LENGTH = re.compile(r" (?:bao lau|bao nhieu|may (?:ngay|thang|nam|tuan|gio|phut|lan)|how long|how many) ")


def _asks_start(folded_q: str) -> bool:
    """The question asks only where a time starts: "từ thời điểm nào", not also how long."""
    return bool(_START_Q.search(f" {folded_q} ")) and not _ALSO_LENGTH.search(f" {folded_q} ")


def _asks_frequency(folded_q: str) -> bool:
    """How often, not the length of a cycle ("chu kỳ bao nhiêu năm", ``is_cycle_question``) nor a
    duration whose subject names a cycle (``_cycle_named_only``)."""
    return is_frequency_question(folded_q) and not is_cycle_question(folded_q) and not _cycle_named_only(folded_q)


def _cycle_named_only(folded_q: str) -> bool:
    """A duration question whose only frequency cue is the noun "chu kỳ" of its subject ("Cây hằng
    năm là cây kết thúc chu kỳ sản xuất trong thời gian không quá bao lâu?"): it asks a duration, and
    read as a frequency it found none (no "bao lâu một lần", "mấy lần", "how often" in it)."""
    if not is_duration_question(folded_q):
        return False
    return not is_frequency_question(re.sub(r"\bchu ky\b", " ", folded_q))


_LIST_LINE = re.compile(r"[ \t]*(?:[a-zđ]\)|[-–•+])[ \t]+")


def _list_leads(service, items: list[dict]) -> list[dict]:
    """A duration on a list line ("a) 01 năm kể từ ngày nhận được … quyết định hành chính …;")
    belongs to the line that opens the list ("2. Thời hiệu khởi kiện đối với từng trường hợp được
    quy định như sau:"), which the passage often starts after: that line is its ``lead`` (as
    ``passages._opens_with`` gives a duration the sentence before it), read from the document —
    the nearest line above that is not itself a list line, if it ends with ":"."""
    texts = None
    for it in items:
        if it.get("lead") or it.get("when_kind") != "duration":
            continue
        quote = it.get("quote") or ""
        at = (it.get("when_start") or it["start"]) - it["start"]
        line_start = quote.rfind("\n", 0, max(at, 0)) + 1
        if not _LIST_LINE.match(quote, line_start) or (line_start and not _LIST_LINE.match(quote)):
            continue  # not a list line, or the list's opening is in the sentence itself
        texts = texts if texts is not None else _texts(service)
        doc = texts.get(it["doc_id"], "")
        if doc[it["start"]:it["start"] + 40] != quote[:40]:
            continue  # offsets not of this text: nothing to read above
        lines = doc[max(0, it["start"] - 4000):it["start"]].splitlines()
        for line in reversed(lines):
            if not line.strip() or _LIST_LINE.match(line):
                continue
            if line.rstrip().endswith(":"):
                it["lead"] = line.strip()
            break
    return items


def _texts(service) -> dict[str, str]:
    """Every document's text by id ("" when it cannot be read), read once per index version: the
    openings, signatures, distribution lists, whole headings and cited dates all read from it."""
    def build() -> dict[str, str]:
        out = {}
        for d in service.documents():
            detail = service.document(d["id"])
            out[d["id"]] = detail.text if detail is not None else ""
        return out

    cached = getattr(service, "_cached", None)
    return cached("answer:doc_texts", build) if cached else build()


def _written(service):
    """Whether the indexed texts write a phrase (lower-cased syllables with modern tones, one space
    apart): one string of every text, built once per index version (``question._unknown_compound``)."""
    def build() -> str:
        return " " + " ".join(" ".join(syllables(modern_tones(t))) for t in _texts(service).values()) + " "

    cached = getattr(service, "_cached", None)
    text = cached("answer:written", build) if cached else build()
    return lambda phrase: f" {phrase} " in text


def _law_titles(service) -> dict[str, str]:
    """The folded names of the indexed laws by document id (" luat to tung hanh chinh "), built once
    per index version: a law's own name says its matter (``_in_place_answer``)."""
    def build() -> dict[str, str]:
        return {d.id: f" {folded_words(d.title or '')} " for d in service.documents() if d.type in _LAW_TYPES}

    cached = getattr(service, "_cached", None)
    return cached("answer:law_titles", build) if cached else build()


def _doc_texts(service, docs: list[dict]) -> list[tuple[str, str, str]]:
    """(doc_id, title, text) of the given documents: a document the question names by number is
    often not in the index, only cited by those that are ("thực hiện Nghị quyết số 103/NQ-CP ngày
    06/10/2017 của Chính phủ")."""
    texts = _texts(service)
    return [(d["id"], d.get("title") or "", texts.get(d["id"], "")) for d in docs]


def _full_headings(service, docs: list[dict]):
    """A function (doc_id, label) -> the heading whole. Section paths are stored with each heading
    cut to ``outline.PATH_LABEL_CHARS`` ("Điều 31. Trình tự, thủ tục cung cấp thông tin qua dịch
    vụ…"), so the words of a law's article title past the cut ("bưu chính, fax") were missing from
    every item under it — half the responsibilities of the index. The heading is the line of the
    document the label opens; each is looked up once per index version."""
    texts = dict((d, t) for d, _, t in _doc_texts(service, docs))
    cached = getattr(service, "_cached", None)
    memo = cached("answer:full_headings", dict) if cached else {}

    def full(doc_id: str, label: str) -> str:
        if not label.endswith("…"):
            return label
        key = (doc_id, label)
        if key not in memo:
            text, head = texts.get(doc_id, ""), " ".join(label[:-1].split())
            at = text.find(head) if head else -1
            if at < 0:  # the label's spaces were normalised: match its words across any spacing
                m = re.search(r"\s+".join(map(re.escape, head.split())), text) if head else None
                at, head = (m.start(), m.group(0)) if m else (-1, head)
            end = text.find("\n", at) if at >= 0 else -1
            memo[key] = text[at:end if end >= 0 else len(text)].strip() if at >= 0 else label
        return memo[key]
    return full


def _signed_plan_by_number(q: Question) -> bool:
    """"Ai ký kế hoạch thực hiện Kết luận 224-KL/TU?": a signer question that names its plan only by
    the number it implements (no other words to support it). Not "Ai ký Nghị quyết 08-NQ/TU?": the
    resolution itself is not here, and the plan that implements it was signed by someone else."""
    return q.kind == "who" and q.role == "ký" and bool(q.doc_refs) and \
        bool(re.search(r"\b(?:ke hoach|plans?)\b", folded_words(q.text)))


def _implemented_numbers(doc: dict) -> set[str]:
    """The leading numbers of the documents ``doc`` implements ("08-NQ/TU" -> "8")."""
    out = set()
    for r in doc.get("implements") or []:
        number = (r.get("number") if isinstance(r, dict) else getattr(r, "number", "")) or ""
        m = re.match(r"0*(\d+)", number)
        if m:
            out.add(m.group(1))
    return out


def _signs_another(q: Question, item: dict, docs: list[dict]) -> bool:
    """"Who signed Resolution 17-NQ/TU …?" names the resolution a plan implements: the plan's
    signature (its task is the plan's opening, which cites the resolution in full) is not the
    resolution's, which is not here — unless the question asks about the plan ("Ai ký kế hoạch
    thực hiện Kết luận 224?", ``_signed_plan_by_number``)."""
    if _signed_plan_by_number(q):
        return False
    asked = {m.group(1) for ref in asked_refs(q.text) + asked_refs(q.vi_text or "")
             if (m := re.match(r"0*(\d+)", ref[0]))}
    doc = next((d for d in docs if d["id"] == item["doc_id"]), None)
    return bool(asked) and doc is not None and asked <= _implemented_numbers(doc)


def _signer_items(service, docs: list[dict]) -> list[dict]:
    """The signature of every document (passages.signer_items), its task the document's opening."""
    heads = _doc_heads(service)
    return signer_items([(doc_id, title, text, heads.get(doc_id, ""))
                         for doc_id, title, text in _doc_texts(service, docs) if text])


def deadline_clause(item: dict) -> str:
    """The words a deadline belongs to: the ";"-clause that holds it and the sentence's opening (its
    actor). "Văn phòng Tỉnh ủy … gửi về Thường trực Tỉnh ủy trước ngày 20/11/2021; tham mưu tổ chức
    Hội nghị sơ kết …": 20/11 is the report's deadline, not the conference's."""
    quote = item.get("quote") or ""
    at = (item.get("when_start") or item["start"]) - item["start"]
    if not 0 <= at <= len(quote) or ";" not in quote:
        return quote
    s = quote.rfind(";", 0, at) + 1
    e = quote.find(";", at)
    head = re.split(r"[,;]", quote, maxsplit=1)[0] if s else ""
    if head and _LIST_LINE.match(quote) and _LIST_LINE.match(quote[s:].lstrip()):
        head = ""  # "a) …;\n\nb) 30 ngày …": the line before is a sibling case, not b)'s opening
    return f"{head} {quote[s:e if e >= 0 else len(quote)]}".strip()


# The words of a line that states only a time ("- Dự kiến trong tháng 5/2026 (có văn bản triệu tập
# riêng).", "- Thời gian: Hoàn thành trong tháng 5/2026."): a label, a time verb, the time itself.
_TIME_ONLY = frozenset("du kien thoi gian han hoan thanh trong vao tu den truoc sau chu ky dinh "
                       "nam thang ngay quy tuan cuoi dau giua nhat cham la".split())


def _headed(item: dict, clause: str) -> str:
    """A deadline line that says nothing but its time takes its headings as its own words: under
    "III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ › 1. Cấp phường", "- Dự kiến trong tháng 5/2026" is the time
    of the ward-level meeting, which only the headings say (as a "Báo cáo viên:" line's meeting,
    ``_own_text``). A line with words of its own keeps them alone: its headings name its section,
    not its subject."""
    rest = re.sub(r"\([^)]*\)", " ", clause.replace(item.get("when") or "\0", " "))
    if any(w not in _TIME_ONLY and not w.isdigit() for w in folded_words(rest).split()):
        return clause
    return f"{clause} {' '.join((item.get('section_path') or [])[-2:])}"


_EXCEPTION_CLAUSE = re.compile(r"(?:,\s*|\s)(?:ngoại trừ|trừ|không bao gồm)\s[^.;\n]*", re.I)


def _without_exceptions(text: str) -> str:
    """A duty's words without its exception clause: "… kiểm tra an ninh mạng đột xuất đối với hệ
    thống thông tin quan trọng …, trừ hệ thống thông tin quân sự do Bộ Quốc phòng quản lý …" does
    not say its unit checks military systems — the words after "trừ" are what it does not do."""
    return _EXCEPTION_CLAUSE.sub(" ", text) if ("trừ" in text or "không bao gồm" in text) else text


def _own_text(q: Question, item: dict) -> str:
    """The item's own words: a target's clause and subject, a responsibility's task (the unit is
    the answer, not the subject), a deadline's clause."""
    if item["kind"] == "responsibility" and item.get("via") in ("composition", "attendees"):
        # Who is in a body or at a meeting: the body (its head, headings, the sentence before) is
        # what the question names, not the members — "Ban Thường vụ Đảng ủy phường gồm những ai?" is
        # not answered by a meeting's list that merely names "Đảng ủy" among those invited.
        return (item.get("task") or "").replace(item.get("unit") or "\0", " ")
    if item["kind"] == "responsibility":  # and the unit's name: "Ban Tuyên giáo" is a propaganda body
        own = f"{_without_exceptions(item.get('task') or '')} {_without_exceptions(item.get('quote') or '')} " \
              f"{item.get('unit_normalized') or ''}"
        if item_role(item) == "báo cáo viên":
            # "Báo cáo viên: Thường trực Đảng ủy." names no subject: the meeting its headings name is
            # its own (as for an attendee list, passages.attendee_items)
            own += " " + " ".join((item.get("section_path") or [])[-2:])
        return own
    if item["kind"] == "deadline":  # (and the sentence it continues: passages._opens_with)
        return _this_document_named(item, f"{item.get('lead') or ''} {_headed(item, deadline_clause(item))}".strip())
    return f"{item.get('quote') or ''} {item.get('subject') or ''} {item.get('task') or ''} {read_measure(item)}"


_THIS_DOCUMENT = re.compile(r"(?i)\b(Bộ luật|Luật|Hiến pháp|Pháp lệnh)\s+này\b")


def _this_document_named(item: dict, own: str) -> str:
    """A document's own date names the document as "Luật này" (this Law): read as the document's
    title when the title is of that type ("LUẬT DU LỊCH"), so "When was the Law on Tourism
    adopted?" is said by "Luật này được Quốc hội … thông qua ngày 19 tháng 6 năm 2017" of the
    Tourism law and not of another law (whose own sentence then says "Luật Giáo dục")."""
    title = (item.get("doc_title") or "").strip()
    m = _THIS_DOCUMENT.search(own) if title and _own_enactment(item) else None
    if not m or not folded_words(title).startswith(folded_words(m.group(1))):
        return own
    return own[:m.start()] + title + own[m.end():]


def read_measure(item: dict) -> str:
    """A target's measure as it reads: "kỳ/tuần" is "kỳ mỗi tuần" (issues per week), "%/năm" "mỗi
    năm" — the question says the rate in words, the text with a slash; an amount in đồng is "số
    tiền" ("bao nhiêu tiền"). Empty for another measure."""
    measure = item.get("measure") or ""
    money = " số tiền" if item.get("currency") else ""  # "30.203.000.000 đồng" is a sum of money (tiền)
    return (re.sub(r"\s*/\s*", " mỗi ", measure).strip() if "/" in measure else "") + money


# Head words any unit name may start with ("Cơ quan cấp Giấy phép …", "Ủy ban nhân dân cấp tỉnh"):
# what follows them says which unit.
_GENERIC_UNIT_WORDS = frozenset("co quan to chuc ca nhan nguoi don vi cac cap".split())


def said_by_question(q: Question, item: dict) -> bool:
    """The unit is the question's own words: "Ai chỉ đạo UBND tỉnh ban hành …" is not answered by
    "Ủy ban nhân dân cấp tỉnh", nor "Đơn vị nào có thẩm quyền cấp giấy phép phân loại phim?" by
    "Cơ quan cấp Giấy phép phân loại phim" — a who-question asks for a unit it does not name."""
    from indexer.extract import unit_key

    def proper(text: str) -> str:
        return " ".join(w for w in re.findall(r"\w+", text) if w not in _GENERIC_UNIT_WORDS)

    asked = [f" {proper(unit_key(t))} " for t in (q.text, q.vi_text)]
    # said as one stretch: "Văn phòng … Ban Thường vụ Tỉnh ủy" does not name "Văn phòng Tỉnh ủy";
    # a pair names the question's unit when its first one is ("Hội đồng và thành viên Hội đồng" for
    # "Ai thành lập Hội đồng quốc gia …")
    key = _unit_key(item)
    names = [proper(key)] + [proper(p) for p in re.split(r"\s+(?:và|va)\s+", key)[:1] if p != key]
    # (a deputy is another person: "Ai trình … cách chức Phó Thủ tướng Chính phủ" names no "Thủ
    # tướng Chính phủ", who is the answer)
    return any(len(name.split()) >= 2 and any(f" {name} " in a.replace(f" pho {name} ", " ") for a in asked)
               for name in names)


# The date of a document the question names by its full number ("103/NQ-CP", "238-QĐ/TW"): the
# number with its type and issuer says which document; the question's other words often describe
# where it is cited ("mà Hà Tĩnh triển khai", "cited in the Conclusion 224 plan"), which the
# reference's own words need not say. Still, some of them must be said by it or its document.
CITED_MIN_COVERAGE = 0.5


def _cited_exactly(item: dict) -> bool:
    """A date read after the first document number the question names, type and issuer as asked."""
    return bool(item.get("ref_exact")) and item.get("ref_rank") == 0


def _asks_cited_date(q: Question) -> bool:
    """The date of a document named by its full number and nothing else ("Kết luận 224-KL/TU ban
    hành ngày nào?"): no subject words, the number says which."""
    return q.kind == "when" and is_issued_question(folded_words(q.text)) and any(
        code and issuer for _, code, issuer in asked_refs(q.text)[:1])


def _asks_titled_span(q: Question) -> bool:
    """The horizon or period of a document named by its number and nothing else ("Kế hoạch thực hiện
    NQ 17 định hướng đến năm nào?"): no subject words, the number says which, and its own title
    states it (``passages.horizon_items``, items "via" "title")."""
    folded = folded_words(q.text)
    return q.kind == "when" and not q.groups and bool(q.doc_refs) and not is_issued_question(folded) and \
        (is_horizon_question(folded) or is_period_question(folded))


def _cites_full_number(q: Question, item: dict) -> bool:
    """The date of a document the question names by its full number, type and issuer ("Resolution
    08-NQ/TW"), read where another document cites it ("Nghị quyết số 08-NQ/TW, ngày 16/01/2017 của
    Bộ Chính trị"): the documents "named" by the bare number 08 (the plan for Nghị quyết 08-NQ/TU
    of a province) are not the one asked, so the citing document's date is not another question's."""
    rank = item.get("ref_rank")
    if rank is None or item.get("when_kind") != "date" or item.get("via") != "passage":
        return False
    refs = asked_refs(q.text) or asked_refs(q.vi_text)
    return rank < len(refs) and all(refs[rank][1:])


def _bare_class(q: Question, item: dict) -> bool:
    """The unit's name is only the kind of body the question asks for ("Các chi bộ" for "Which
    Party cells …"): the question names the kind, not the unit, so it is an answer, not an echo."""
    name = re.sub(r"^(?:cac|nhung|moi|tung) ", "", folded_words(item.get("unit_normalized") or item.get("unit") or ""))
    return bool(q.unit_class) and name in q.unit_class


# "Which ministry …" (one): the class named in the singular. Vietnamese "Bộ nào" is one unless a
# plural word comes before it ("các bộ nào", "những cơ quan nào").
_ONE_OF_CLASS_EN = re.compile(r"\bwhich (?:\w+ )?(?:ministry|court|council|(?:party )?cell)\b")
_PLURAL_VI = re.compile(r"(?<![a-z])(?:cac|nhung) (?:\w+ ){1,2}nao(?![a-z])")


def _class_for_one(q: Question, item: dict) -> bool:
    """The question asks for one body of a kind ("Which ministry reports …", "Bộ nào …") and the
    unit is every body of that kind ("Các Bộ, cơ quan ngang Bộ"): it names no ministry, and the law
    that gives every ministry a duty gives one ministry the asked one in another article."""
    if not q.unit_class:
        return False
    if q.language == "en":
        if not _ONE_OF_CLASS_EN.search(q.text.lower()):
            return False
    elif _PLURAL_VI.search(fold_question(q.vi_text or q.text)):
        return False
    unit = (item.get("unit") or "").strip()
    m = re.match(r"(?:(?:Các|Những|Mọi|các|những|mọi)\s+)?", unit)
    quantified, name = m.end() > 0, unit[m.end():].split()
    for head in q.unit_class:
        n = len(head.split())
        if folded_words(" ".join(name[:n])).strip(",") != head:
            continue
        # "Các Bộ, cơ quan ngang Bộ", "Các Bộ có liên quan", "Bộ, cơ quan ngang Bộ": no name after
        # the head ("Bộ Nội vụ" has one; "Bộ trưởng Bộ Tư pháp" is a minister)
        after = name[n] if len(name) > n else ""
        if name[n - 1].endswith(",") or after in ("", "và", "hoặc") or (quantified and not after[:1].isupper()):
            return True
    return False


# "Ai làm chủ tịch hội đồng …", "who chairs …", "who heads …": a position in a body, which only a
# sentence that names the position answers ("… do Bộ trưởng … làm Chủ tịch"), not a body that merely
# sends members to it — the position word said by the law's heading or signature is no evidence.
_POSITION_Q = re.compile(r"(?<![a-z])(?:ai|nguoi nao) (?:lam|giu chuc|dung dau voi vai tro) "
                         r"(chu tich|pho chu tich|truong|pho truong|chu nhiem|giam doc|thu ky|chu toa)(?![a-z])"
                         r"|(?<![a-z])who (?:heads|presides|is the (chair|head|president|director|secretary))(?![a-z])"
                         # "who chairs" a body holds its chair; "who chairs the guidance and monitoring
                         # of …" leads an activity (chủ trì, a role: question.ROLE_CUES)
                         r"|(?<![a-z])who (chairs)(?= (?:the |a |an )?(?:[\w'-]+ ){0,5}?(?:council|committee|board|"
                         r"commission|court|tribunal|panel|assembly|delegation|union|association|fund|centre|center)s?(?![a-z]))")
_POSITION_WORDS = {"chairs": "chu tich", "chair": "chu tich", "president": "chu tich", "presides": "chu toa",
                   "heads": "truong", "head": "truong", "director": "giam doc", "secretary": "thu ky"}


def _asked_position(q: Question) -> str | None:
    """The folded position a who-question asks who holds ("chu tich"), or None."""
    m = _POSITION_Q.search(folded_words(q.vi_text if q.language != "en" else q.text))
    if not m:
        return None
    if m.group(1):
        return m.group(1)
    word = (m.group(2) or m.group(3) or m.group(0).split()[1])
    return _POSITION_WORDS.get(word)


def _names_position(q: Question, item: dict, position: str | None) -> bool:
    """The item's own words, not its unit's name ("Chủ tịch nước"), name the asked position (see
    ``_POSITION_Q``)."""
    if position is None:
        return True
    unit = item.get("unit") or ""
    said = f"{item.get('task') or ''} {item.get('quote') or ''}".replace(unit, " ") if unit else \
        f"{item.get('task') or ''} {item.get('quote') or ''}"
    return f" {position} " in f" {folded_words(said)} "


_OWNER = re.compile(r"\s(?:thuộc|của|trực thuộc)\s+")


def _owner_of_class(item: dict, heads: list[str]) -> dict | None:
    """The body of the asked kind a unit belongs to, as the unit: "Lực lượng chuyên trách bảo vệ an
    ninh mạng thuộc Bộ Quốc phòng" answers "lực lượng chuyên trách của bộ nào …" with "Bộ Quốc
    phòng" (the name after "thuộc"/"của" that opens with the asked head). None when there is none."""
    unit = item.get("unit") or ""
    for m in _OWNER.finditer(unit):
        owner = {"unit": unit[m.end():], "unit_normalized": unit[m.end():]}
        if is_of_class(owner, heads):
            out = dict(item, unit=owner["unit"], unit_normalized=owner["unit"])
            if item.get("unit_start") is not None:
                out["unit_start"] = item["unit_start"] + m.end()
            return out
    return None


def _named_by_role_alone(q: Question, matcher: Matcher, item: dict, fit: float, named: set[str]) -> bool:
    """"Who is tasked with inspecting and supervising the implementation of Conclusion 224-KL/TU in
    Lai Chau?": every word of the subject names the document (its number, its place), so the
    question asks for the unit of that document holding the role — the role is the question's
    content. An item of the named document whose role fits (``WHO_MIN_FIT``) and whose document or
    headings say every word is supported; a second such unit is a rival (the margins decide)."""
    if q.kind != "who" or q.role is None or item["doc_id"] not in named or fit < WHO_MIN_FIT:
        return False
    sup = matcher.support(item, _own_text(q, item))
    return not sup.missing and not sup.matched.get("item") and bool(sup.matched)


_LEVEL = re.compile(r"\bcap (xa|phuong|huyen|tinh|co so|trung uong|thi tran)\b|\b(quoc gia)\b")
# "trên phạm vi cả nước", "toàn quốc": the national level, said without "cấp" ("Chiến lược phát
# triển chăn nuôi trên phạm vi cả nước …" is not the provincial strategy a question asks about)
_NATIONWIDE = re.compile(r"\b(?:pham vi ca nuoc|toan quoc)\b")


def other_level(q: Question, item: dict) -> bool:
    """The question names an administrative level ("Hội nghị cấp huyện", "district-level", "hạn
    chót cấp xã", "Hội đồng quốc gia") and the item names only others ("Hội nghị cấp phường",
    "hội đồng thẩm định cấp tỉnh"): another meeting's date, another level's deadline or unit. Only
    the level written as "cấp …" (or the national one, ``_NATIONWIDE``) counts on either side (a
    ward's plan says "Đảng ủy" for its own committee)."""
    asked = {a or b for a, b in _LEVEL.findall(folded_words(q.vi_text if q.language == "en" else q.text))}
    if not asked:
        return False
    # (a deadline's own ";"-clause, not its whole sentence: "a) Diễn tập … cấp cơ sở … ít nhất 02 năm
    # một lần …; b) Diễn tập … cấp huyện, cấp tỉnh … theo kế hoạch …" — the 02 years are the
    # grassroots level's only)
    quote = deadline_clause(item) if item.get("kind") == "deadline" and item.get("when") else item.get("quote") or ""
    task = "" if item.get("kind") == "deadline" and item.get("task") == item.get("quote") else item.get("task") or ""
    own = " ".join([quote, task, item.get("lead") or "", *(item.get("section_path") or [])])
    said = {a or b for a, b in _LEVEL.findall(_NATIONWIDE.sub("quoc gia", folded_words(own)))}
    return bool(said) and not (said & asked)


def _regulates_instead(q: Question, item: dict) -> bool:
    """The unit writes the rules of what the question asks someone to do (actors.regulates_instead)."""
    return regulates_instead(q.vi_text or q.text, q.text if q.language == "en" else None, item)


def score_items(q: Question, items: list[dict], results: list, docs: list[dict],
                named: set[str], heads: dict[str, str] | None = None,
                similarity: Similarity | None = None, headings=None) -> list[tuple[float, dict, Support]]:
    """Supported items, best first: (score, item, support). ``similarity``: the model's view of
    the question, which credits the words the lexical gate cannot read (semantic.py)."""
    matcher = Matcher(q, items, _doc_context(docs, heads), named, headings)
    of_class = {(it["doc_id"], it["start"]) for it in items if is_of_class(it, q.unit_class)} \
        if q.kind == "who" and q.unit_class else set()
    out = []
    position = _asked_position(q) if q.kind == "who" else None
    pending = []  # items that pass only if the model credits the words they cannot show
    for item in items:
        if named and item["doc_id"] not in named and not _cites_full_number(q, item):
            continue  # the question names its document: another document's item answers another question
        if q.kind == "when" and other_provision(q, item):
            continue  # "điểm a khoản 2 Điều 116" asked, "điểm b khoản 2 Điều 116" said: another case
        if other_article(q, item):
            continue  # "Article 56 sets …" asked, Điều 57 said
        if q.kind == "when" and not named and _own_enactment(item):
            continue  # "Luật này … có hiệu lực": the date of the document the question names, none named here
        fit = _fit(q, item)
        if fit is None or (q.kind == "who" and said_by_question(q, item) and not _bare_class(q, item)):
            continue
        if other_level(q, item):
            continue
        if q.kind == "who" and (_class_for_one(q, item) or not _names_position(q, item, position)):
            continue
        if q.asks_right and item["kind"] == "responsibility" and not states_right(item):
            continue
        if q.kind == "who" and q.unit_class and not is_of_class(item, q.unit_class) and \
                (item["doc_id"], item["start"]) not in of_class:
            item = _owner_of_class(item, q.unit_class)
            if item is None:
                continue  # (a unit listed with one of the class is answered with it: "Các chi bộ, đảng bộ …")
        if not matcher.groups and (_cited_exactly(item) or (item.get("via") == "title" and _asks_titled_span(q))):
            # "Kết luận 224-KL/TU ban hành ngày nào?": the full number is all the question says
            out.append(_scored(q, matcher, item, Support(1.0, 1.0, own_total=1.0), fit, results, named))
            continue
        sup = matcher.support(item, _own_text(q, item), settle=True)
        if not sup.ok and _cited_exactly(item):
            sup = matcher.support(item, _own_text(q, item))
            if sup.coverage >= CITED_MIN_COVERAGE:
                out.append(_scored(q, matcher, item, sup, fit, results, named))
                continue
        if sup.ok and q.kind == "target" and other_place(q, item, sup.missing):
            continue  # "… ở thành phố" asked, "… ở vùng cao, miền núi" said: another place's number
        if sup.ok and q.kind == "target" and (
                spelled_apart(q, sup.matched.get("item", []), _own_text(q, item)) or
                spelled_apart(q, sup.matched.get("section", []), " ".join(item.get("section_path") or []))):
            continue  # an English sense found only by its fold is another word ("thành niên")
        if sup.ok and q.kind == "who" and own_words_spelled_apart(q, sup.matched.get("item", []), _own_text(q, item)):
            continue  # "cơ yếu" asked, "có yêu cầu" said: another word of the same fold
        if not sup.ok and _named_by_role_alone(q, matcher, item, fit, named):
            sup = matcher.support(item, _own_text(q, item))
            sup.titled = sup.coverage  # (said by the document the question names: see Support.titled)
            out.append(_scored(q, matcher, item, sup, fit, results, named))
            continue
        if not sup.ok:
            if similarity is not None and matcher.has_unsure:
                most = matcher.support(item, _own_text(q, item), settle=True, credit=1.0)
                if most.ok:
                    pending.append((item, fit, most.coverage))
            continue
        out.append(_scored(q, matcher, item, sup, fit, results, named))
    out += _semantic_scored(q, matcher, pending, [it for _, it, _ in out], similarity, results, named)
    if q.kind == "who":
        # (left out after the scoring: as candidates they still stand in the model's comparison of
        # the pending units, which credits only the nearest)
        asked = folded_words(q.vi_text or q.text)
        out = [x for x in out if not truncated_unit(x[1]) and not _regulates_instead(q, x[1])
               and not undergoes(x[1], asked)
               and not done_by_another(q.vi_text or q.text, q.text if q.language == "en" else None, x[1])]
    if q.kind == "when":
        out = _asked_owner(q, out)
        out = _named_owner(q, out)
        out = _clause_owner(q, out)
    out.sort(key=lambda x: -x[0])
    return out


_PROVISION = re.compile(r"\b(?:diem ([a-zđ]) )?(?:khoan (\d+) )?dieu (\d+)\b")


# (in English: "point a, clause 2, Article 116", "point a of clause 2 of Article 116")
_PROVISION_EN = re.compile(r"\b(?:point ([a-z]) (?:of )?)?(?:clause (\d+) (?:of )?)?article (\d+)\b")


def _provisions(text: str) -> set[tuple[str, str, str]]:
    folded = folded_words(text)
    return {(m.group(1) or "", m.group(2) or "", m.group(3))
            for pattern in (_PROVISION, _PROVISION_EN) for m in pattern.finditer(folded)}


def other_provision(q: Question, item: dict) -> bool:
    """The question cites a provision ("(điểm a khoản 2 Điều 116)") and the item's sentence cites
    the same article only at another point or clause ("… đối với trường hợp quy định tại điểm b
    khoản 2 Điều 116"), never the one asked: the law's list gives each cited case its own value
    ("1. 04 tháng … điểm a …; 2. 02 tháng … điểm b …"), and the words of the question, the same
    for both, could not tell them apart."""
    asked = {p for p in _provisions(q.text) if p[0] or p[1]}
    if not asked:
        return False
    said = _provisions(item.get("quote") or "")
    if not said or asked & said:
        return False
    return any(p[2] == a[2] and (p[0], p[1]) != (a[0], a[1]) for p in said for a in asked)


_ARTICLE_ASKED = re.compile(r"\b(?:dieu|article)\s+(\d{1,3})\b")
_ARTICLE_OF = re.compile(r"^\s*Điều\s+(\d{1,3})\b")


def other_article(q: Question, item: dict) -> bool:
    """The question names the article it asks about ("Article 56 sets …", "theo Điều 39") and the
    item stands in another article whose words do not cite it: another provision's rule."""
    folded = folded_words(q.text)
    # (not an article the question sets aside: "(trừ khoản 3 Điều 29)", "except Article 29")
    asked = {m.group(1) for m in _ARTICLE_ASKED.finditer(folded)
             if not re.search(r"\b(?:tru|ngoai|except|other than)\b(?:\s+\S+){0,4}\s*$", folded[:m.start()])}
    if not asked:
        return False
    own = {m.group(1) for part in item.get("section_path") or [] if (m := _ARTICLE_OF.match(part))}
    cited = set(_ARTICLE_ASKED.findall(folded_words(item.get("quote") or "")))
    return bool(own) and not (own | cited) & asked


_JOINERS = frozenset({"va", "hoac", "nhung", "con"})
_QUESTION_PHRASES = re.compile(r" (?:bao lau|bao nhieu|how long|how many|la gi|what is|what) ")


def _asked_owner(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Several durations of one sentence, each with its own words (``passages._duration_owners``):
    the one whose words that the others lack the question says ("lâu năm" against "hằng năm",
    "bất động sản" against "động sản") is asked, by a full point. Read from the question's own
    words and the owners' differences, not the question's groups: the analysis drops words like
    "lâu" of "lâu năm" (its "bao lâu") or "năm", which are what tells the owners apart here."""
    by_sentence: dict[tuple, list[int]] = {}
    for i, (_, it, _) in enumerate(scored):
        if it.get("subject") and it.get("when_kind") == "duration":
            by_sentence.setdefault((it["doc_id"], it["start"]), []).append(i)
    if not any(len(ix) > 1 for ix in by_sentence.values()):
        return scored
    asked = set(_QUESTION_PHRASES.sub(" ", f" {folded_words(q.text)} {folded_words(q.vi_text or '')} ").split())
    out = list(scored)
    for ix in by_sentence.values():
        if len(ix) < 2:
            continue
        words = []
        for i in ix:
            it = out[i][1]
            own = it["subject"].replace(it.get("when") or "\0", " ")
            # (a "và", "hoặc" left at a clause's edge tells no owner apart; "không" does: "không xác
            # định thời hạn" against "xác định thời hạn")
            words.append({w for w in folded_words(own).split() if not w.isdigit() and w not in _JOINERS})
        distinct = [w - set().union(*(o for m, o in enumerate(words) if m != n)) for n, w in enumerate(words)]
        said = [bool(d & asked) for d in distinct]
        plain = [not d for d in distinct]  # an owner with no words of its own but the shared ones
        for n, i in enumerate(ix):
            sc, it, sup = out[i]
            if said[n]:
                out[i] = (sc + 1.0, it, sup)
            elif distinct[n] and any(said[m] or plain[m] for m in range(len(ix)) if m != n):
                out[i] = (sc - 1.0, it, sup)  # its own case ("bất động sản") is not the one asked
    return out


def _own_clause(item: dict) -> str:
    """The ";"-clause that holds an item's value, without the sentence's opening."""
    quote = item.get("quote") or ""
    at = (item.get("when_start") or item["start"]) - item["start"]
    if not 0 <= at <= len(quote):
        return quote
    e = quote.find(";", at)
    return quote[quote.rfind(";", 0, at) + 1:e if e >= 0 else len(quote)]


def _clause_owner(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Values of one sentence in different ";"-clauses ("Bộ Tài nguyên và Môi trường lập báo cáo
    tổng quan về hiện trạng môi trường quốc gia 05 năm một lần …; hằng năm, lập báo cáo chuyên đề
    …"): each is read with the sentence's opening (``deadline_clause``), so both say the question
    alike; the one whose own clause says a larger share of the question's words — by a third of
    them — is asked, and the others are dropped (not a rival, not the answer: the stored item of the
    other clause outscored the passage's value by the stored items' lead).""" 
    by_sentence: dict[tuple, list[int]] = {}
    for i, (_, it, _) in enumerate(scored):
        if not it.get("subject") and it.get("when") and ";" in (it.get("quote") or ""):
            by_sentence.setdefault((it["doc_id"], it["end"]), []).append(i)  # (a stored item and the passage's end alike)
    if not any(len(ix) > 1 for ix in by_sentence.values()):
        return scored
    labels = [alts for label, alts in q.groups if label not in q.soft]
    if not labels:
        return scored
    out, dropped = list(scored), set()
    for ix in by_sentence.values():
        clauses = {i: _padded(folded_words(_own_clause(out[i][1]))) for i in ix}
        if len(set(clauses.values())) < 2:
            continue
        found = {i: {n for n, alts in enumerate(labels) if any(f" {a} " in c for a in alts)} for i, c in clauses.items()}
        shares = {i: len(f) / len(labels) for i, f in found.items()}
        best = max(ix, key=lambda i: shares[i])
        # (or it says every word the other clause says and two more: "… báo cáo tổng quan … quốc gia
        # 05 năm một lần" against "hằng năm, lập báo cáo chuyên đề … quốc gia" for the overview report)
        if all(shares[best] - shares[i] >= 1 / 3 or (found[i] <= found[best] and len(found[best] - found[i]) >= 2)
               for i in ix if i != best and clauses[i] != clauses[best]):
            dropped |= {i for i in ix if clauses[i] != clauses[best]}
    return [x for i, x in enumerate(out) if i not in dropped]


_OWNER_NOISE = frozenset("thoi ky giai doan tam nhin dinh huong den toi nam va hoac cung".split())


def _named_owner(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Several horizons or periods of one sentence, each with the words it belongs to
    (``passages._owned``: "… quy hoạch phát triển hệ thống du lịch Việt Nam …, tầm nhìn đến năm 2045
    và Quy hoạch tỉnh Lai Châu …, tầm nhìn đến năm 2050"): the question names one owner by its own
    words ("Quy hoạch tỉnh Lai Châu … có tầm nhìn đến năm nào" says all of the province plan's words
    and a few of the national one's). The owner whose words of its own (those the other owners do
    not share) the question says the largest share of — at least half of them, and twice the next
    one's share — is the one asked: the other owners of that sentence lose a full point (a loss,
not a gain: the named owner is told from its neighbours, not lifted over another sentence that
the question names better, "What period does Resolution 08-NQ/TU cover?" against the sentence that
also names the Lai Châu plan's period). Folded words of the question and its translation; the
    words that say the kind of value ("thời kỳ", "tầm nhìn") tell no owner apart."""
    by_sentence: dict[tuple, list[int]] = {}
    for i, (_, it, _) in enumerate(scored):
        if it.get("subject") and it.get("when_kind") in ("horizon", "period", "vision"):
            by_sentence.setdefault((it["doc_id"], it["start"]), []).append(i)
    if not any(len(ix) > 1 for ix in by_sentence.values()):
        return scored
    asked = set(f"{folded_words(q.text)} {folded_words(q.vi_text or '')}".split())
    out = list(scored)
    for ix in by_sentence.values():
        words = []
        for i in ix:
            it = out[i][1]
            own = it["subject"].replace(it.get("when") or "\0", " ")
            words.append({w for w in folded_words(own).split() if not w.isdigit() and w not in _OWNER_NOISE})
        if len({frozenset(w) for w in words}) < 2:
            continue  # one owner read twice
        distinct = [w - set().union(*(o for m, o in enumerate(words) if m != n)) for n, w in enumerate(words)]
        shares = [len(d & asked) / len(d) if d else 0.0 for d in distinct]
        best = max(range(len(ix)), key=lambda n: shares[n])
        rest = max((sh for n, sh in enumerate(shares) if n != best), default=0.0)
        if shares[best] >= 0.5 and shares[best] >= 2 * rest:
            for n, i in enumerate(ix):
                if n != best and words[n] != words[best]:
                    sc, it, sup = out[i]
                    out[i] = (sc - 1.0, it, sup)
    return out


def _semantic_scored(q: Question, matcher: Matcher, pending: list[tuple[dict, float, float]],
                     supported: list[dict], similarity: Similarity | None, results: list,
                     named: set[str]) -> list[tuple]:
    """The pending items the model credits with the words they cannot show: cosines against the
    question, relative to the nearest of all the candidates (``semantic.credits``). A who- or
    when-question weighs every unit or deadline of the documents, so there the nearest is trusted
    only when the search retrieved its passage too (in its first ``SEMANTIC_DEPTH``); a target's
    sentence with another number in it is not credited (the model reads a sentence, not which of
    its numbers is asked: comparing the numbers' own subjects answered wrong on the tuning half's
    English questions)."""
    if not pending or similarity is None:
        return []
    pending = sorted(pending, key=lambda p: -p[2])[:MAX_EMBEDDED]
    pool = [it for it, _, _ in pending] + supported[:MAX_EMBEDDED]
    cos = similarity.cosines(pool)
    out = []
    for (item, fit, _), c, credit in zip(pending, cos, credits(cos)):
        if credit <= 0 or (q.kind == "target" and any(
                _same_sentence(it, item) and _value_key(it) != _value_key(item) for it in pool)):
            continue  # the model reads a sentence, not which of its numbers is asked
        if q.kind in SEMANTIC_RANKED and _rank_of(item, similarity.retrieved() or results) is None:
            continue  # among ~1,800 units or every deadline, the nearest counts where the search agrees
        sup = matcher.support(item, _own_text(q, item), credit=credit)
        if sup.ok:
            sup.cosine = c
            out.append(_scored(q, matcher, item, sup, fit, results, named))
    return out


def _scored(q: Question, matcher: Matcher, item: dict, sup: Support, fit: float, results: list,
            named: set[str]) -> tuple[float, dict, Support]:
    """An item's score: coverage, own share and fit, retrieval rank, a target's own subject."""
    score = 3.0 * sup.coverage + 1.0 * sup.own + fit
    rank = _rank_of(item, results)
    if rank is not None:  # one passage's rank weighs less where documents are compared
        score += (0.5 if q.kind == "who" and not named else 1.0) / (1 + rank)
    if q.kind in ("target", "when"):
        sup.sentence = matcher.share(item.get("quote") or "")
    if q.kind in ("target", "when") and item.get("subject"):
        # the number whose own subject is asked, not its neighbour's: words said by the
        # subject itself, not by the headings both numbers share
        sup.subject = matcher.share(item["subject"])
        whole = whole_of_part(item)
        if whole and sup.subject > 0:
            sup.subject = matcher.share(f"{whole} {item['subject']}")
        if item.get("when_kind") != "duration":
            # (a duration's own words tell it from its siblings only, ``_asked_owner``: added to its
            # score they lifted a sentence of several durations over one that states a single one)
            score += 1.0 * sup.subject
    return score, item, sup


_AT = r"(?:ở|tại)"


def other_place(q: Question, item: dict, missing: list[str]) -> bool:
    """The question places its number ("ở thành phố", "tại vùng nông thôn") with words the item
    does not say, and the item's own sentence places it elsewhere ("… phim ở vùng cao, miền núi"):
    the item is the number of another place. Only for a Vietnamese question (its own words)."""
    if q.language == "en" or not missing:
        return False
    asked = re.findall(rf"(?i)(?<!\w){_AT}\s+((?:\w+\s*){{1,3}})", q.vi_text or q.text)
    placed = {folded_words(p).split()[0] for p in asked if p.strip()}
    missing_heads = {w.split()[0] for w in missing}
    if not placed & missing_heads:
        return False
    said = re.search(rf"(?i)(?<!\w){_AT}\s+(\w+)", item.get("quote") or "")
    return bool(said) and folded_words(said.group(1)) not in placed


def said_whole(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """The quantities read from the passages whose whole sentence, headings or document say every word of
    the question (the soft and unsure ones aside): any sentence of a law states an age or a count,
    and one that leaves a word of the question unsaid is about something else ("từ đủ 09 tuổi …
    xem xét nguyện vọng của con" for "from what age is a person a youth"). ``Support.ok`` lets a
    fifth of the words be missing, which the extractor's curated targets can afford."""
    loose = q.soft | q.unsure
    alts = dict(q.groups)

    def unsaid(item: dict, missing: list[str]) -> set[str]:
        # a word its whole sentence says is said: "Công dân đủ mười tám tuổi …, đủ hai mươi mốt
        # tuổi … ứng cử" — the citizen opens the sentence, the clause of 21 does not repeat it
        # (and its case's points, and the sentence before when this one names its subject back:
        # "Hội đồng quốc gia thẩm định … . Hội đồng phải có ít nhất một phần ba …")
        sentence = _padded(f"{item.get('sentence') or ''} {item.get('case') or ''} {item.get('referent') or ''}")
        return {w for w in set(missing) - loose if not any(f" {a} " in sentence for a in alts.get(w, [w]))}
    return [(sc, it, sup) for sc, it, sup in scored if not unsaid(it, sup.missing)]


def english_without_counted(q: Question) -> Question:
    """An English question without the group of the noun its "how many" counts, for the quantities
    read from the passages: their fit already requires a sense of that noun as the value's own noun
    (``_fit``: "01 bản phim" counts bản for "copies"), and the glossary's phrase for it ("bản sao",
    "sao chép") need not be the law's word. A Vietnamese question's noun is the asker's own word, the
    text's, and stays a subject word."""
    import dataclasses

    from .question import english_counted

    if q.language != "en" or q.measure is not None or not q.count_noun:
        return q
    head = (english_counted(q.text) or [""])[-1]
    groups = [(label, alts) for label, alts in q.groups if not head or head not in label.split()]
    return dataclasses.replace(q, groups=groups) if groups and len(groups) < len(q.groups) else q


def parts_yield(scored: list[tuple[float, dict, Support]], q: Question | None = None) -> list[tuple[float, dict, Support]]:
    """Quantities read from the passages without the parts whose whole is supported too and says as
    much of the question (``passages.part_of_whole``: "lập thành ba bản, trong đó một bản giao cho
    viên chức" answers "lập thành mấy bản" with three, not one); a part whose own clause says more
    of the question ("mấy bản giao cho viên chức") stays, and then beats its whole — provided the
    part's clause says a word of the question the sentence before it does not ("giao"): the "viên
    chức" of "Hợp đồng … với … viên chức và được lập thành ba bản, trong đó một bản giao cho viên
    chức" is the whole's too ("how many copies of a public employee's contract")."""
    def key(it: dict) -> tuple:
        return it["doc_id"], it.get("sentence")

    def own_word(it: dict) -> bool:
        if q is None:
            return True
        sentence, clause = it.get("sentence") or "", it.get("subject") or ""
        before = _padded(sentence[:max(sentence.find(clause), 0)])
        said = _padded(clause)
        return any(f" {a} " in said and f" {a} " not in before for _, alts in q.groups for a in alts)

    wholes = {}
    for _, it, sup in scored:
        wholes.setdefault((key(it), (it.get("answer") or "").strip()), sup.subject)
    return [(sc, it, sup) for sc, it, sup in scored
            if not (it.get("whole_value") and (key(it), it["whole_value"]) in wholes
                    and (sup.subject <= wholes[(key(it), it["whole_value"])] or not own_word(it)))]


def cases_yield(scored: list[tuple[float, dict, Support]], q: Question) -> list[tuple[float, dict, Support]]:
    """Quantities read from the passages without those stated for a case (``passages.case_of``:
    "…; trường hợp làm Hiến pháp, sửa đổi Hiến pháp, … phải được ít nhất hai phần ba …") when the
    same sentence states the rule's own quantity, supported too, and the question says no word of
    the case that the rule's clause does not say: a question asked plainly ("Luật … cần bao nhiêu
    đại biểu biểu quyết tán thành?") asks the rule, not its special case; one that names the case asks
    the case, not the rule."""
    def key(it: dict) -> tuple:
        # (a case stated after its quantity, ``passages.case_after``, is the next sentence's — "… gồm
        # một Thẩm phán và 02 Hội thẩm nhân dân, … Hội đồng … có thể gồm … 03 Hội thẩm nhân dân trong
        # trường hợp sau đây:" —: its rule is the one of the same article)
        if it.get("case_after"):
            return it["doc_id"], tuple(it.get("section_path") or ())
        return it["doc_id"], it.get("sentence")

    rules = {}
    for _, it, _ in scored:
        if not it.get("case"):
            rules.setdefault(key(it), []).append(_padded(it.get("subject") or ""))
            rules.setdefault((it["doc_id"], tuple(it.get("section_path") or ())), []).append(
                _padded(it.get("subject") or ""))
    if not rules:
        return scored

    def asked(it: dict) -> bool:
        case = _padded(it["case"])
        return any(f" {a} " in case and all(f" {a} " not in rule for rule in rules[key(it)])
                   for _, alts in q.groups for a in alts)
    # a case the question names ("Quốc hội quyết định làm Hiến pháp khi có bao nhiêu đại biểu tán
    # thành?") is asked, and the rule of its sentence yields to it in turn
    named = {key(it) for _, it, _ in scored if it.get("case") and key(it) in rules and asked(it)}
    return [(sc, it, sup) for sc, it, sup in scored
            if not (it.get("case") and key(it) in rules and not asked(it))
            and not (not it.get("case") and key(it) in named)]


# A change asked ("giảm bao nhiêu", "tăng", "how fast", "reduce", "growth") or a rate per period
# ("mỗi năm", "bình quân", "per year"), folded and padded; and a rate of change per period stated
# ("giảm bình quân 1%/năm", "tăng … mỗi năm").
_CHANGE_Q = re.compile(r" (?:giam|tang|tang truong|moi nam|hang nam|binh quan|toc do|per year|a year|each year|"
                       r"every year|annual|annually|yearly|average|how fast|reduce|reduced|reduces|reduction|"
                       r"decrease|decreases|decreased|fall|falls|drop|drops|decline|declines|cut|cuts|grow|grows|"
                       r"growth|increase|increases|increased|rise|rises|change|changes) ")
# (a change verb with it: "20%/năm" alone is an interest rate, "thu nhập bình quân" an average level)
_RATE_SAID = re.compile(r"(?i)\b(?:giảm|tăng)\b.*(?:%\s*/\s*(?:năm|tháng)|\b(?:mỗi|hằng|hàng)\s+năm\b|\bbình quân\b)")
# ... a rate per period asked, and a level asked even with its change verb ("giảm xuống còn bao
# nhiêu", "reduced to", "remain")
_RATE_Q = re.compile(r" (?:moi nam|hang nam|binh quan|toc do|per year|a year|each year|every year|annual|annually|"
                     r"yearly|average|how fast) ")
_LEVEL_Q = re.compile(r" (?:con(?: lai)? (?:bao nhieu|may|duoi|khoang|o muc)|xuong con|giam con|xuong duoi|"
                      r"remains?|remaining|down to|fall to|falls to|drop to|drops to|reduced to|brought to) ")


def rate_for_level(q: Question, answer: str) -> bool:
    """The answer is a rate of change per period ("giảm bình quân 1%/năm") and the question asks no
    change nor rate, so it asks a level ("Đến năm 2030 tỷ lệ hộ nghèo còn bao nhiêu phần trăm?",
    "What share of poor households will Bình Lư have in 2030?"): a yearly fall is not the level
    reached, and the plans that state one rarely state the other ("giảm xuống còn bao nhiêu" asks the
    level too). A question that says the change ("giảm bao nhiêu", "how fast", "per year") is
    answered by it."""
    asked = f" {folded_words(q.text)} {folded_words(q.vi_text or '')} "
    return bool(_RATE_SAID.search(answer)) and not _RATE_Q.search(asked) and \
        (bool(_LEVEL_Q.search(asked)) or not _CHANGE_Q.search(asked))


def _rate_item(q: Question, item: dict) -> bool:
    """``rate_for_level`` read on the target's subject with its value ("Tốc độ tăng trưởng lượt
    khách du lịch bình quân giai đoạn" + "đạt 10%/năm"): the value alone may not say the change."""
    return rate_for_level(q, f"{item.get('subject') or ''} {_target_answer(item) or ''}")


def whole_of_part(item: dict) -> str:
    """The words of the whole a target is a part of: "94% các thôn, bản có đội văn nghệ, trong đó
    có 80% hoạt động ổn định" — "trong đó" (of which) makes 80% a share of the villages with a
    troupe, so the whole's words are the part's subject too ("of the villages with a troupe, what
    share works well" asks for 80%). Empty when the target is no such part. The scorer counts them
    only when the part's own words say some of the question: a question about the whole alone
    still finds the whole's number."""
    quote = item.get("quote") or ""
    if item.get("answer_start") is None:
        return ""
    at = item["answer_start"] - item["start"]
    i = quote.lower().rfind("trong đó", 0, max(at, 0))
    if i < 0 or ";" in quote[i:at]:
        return ""
    whole = quote[quote.rfind(";", 0, i) + 1:i]
    return whole if re.search(r"\d", whole) else ""


# -- answers ----------------------------------------------------------------------------------------

def _clip(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit].rstrip(" ,;:") + "…"


def _said_on(kept: str, rest: str, question: str) -> str:
    """The words of ``rest`` (verbatim, from its start) that continue ``kept`` the way the question
    says it: the counted noun is "tổ chức, cá nhân" when the question asks for "bao nhiêu tổ chức,
    cá nhân", so the answer is not cut at the comma inside the coordinated noun."""
    def fold(text: str) -> str:  # folded words with their commas: the question must write the comma
        return " " + " ".join("," if t == "," else folded_words(t) for t in re.findall(r"\w+|,", text)) + " "

    asked = fold(question)
    kept = (re.findall(r"\w+", kept) or [""])[-1]  # the noun before the comma ("05 tổ chức" is asked
    # "bao nhiêu tổ chức")
    words = list(re.finditer(r"\w+", rest))
    end = 0
    for w in words:
        if fold(f"{kept}, {rest[:w.end()]}") not in asked:
            break
        end = w.end()
    return rest[:end]


def _target_answer(item: dict, question: str = "") -> str | None:
    from indexer.extract.targets import target_answer

    answer = item.get("answer") or item.get("value_text")
    if not answer:
        return None
    period_answer = target_answer(item)  # "đạt 59,55% đến năm 2030": the due period is part of it
    # A counted noun's phrase follows the number ("01 điểm | du lịch cộng đồng"): keep it.
    if item.get("subject_start") is not None and item.get("answer_end") is not None and \
            item["subject_start"] <= item["answer_end"] + 1 < item["subject_end"]:
        quote, base = item.get("quote") or "", item["start"]
        tail = quote[max(item["answer_end"], item["subject_start"]) - base:item["subject_end"] - base]
        if item["subject_start"] < item["answer_end"]:
            tail = quote[item["answer_end"] - base:item["subject_end"] - base]
        cut = re.split(r"[,;(]|\s+(?:và|trong đó|đến năm|vào năm|năm \d)", tail)[0]
        rest = tail[len(cut):]
        more = _said_on(answer + cut, rest.lstrip(" ,"), question) if rest.startswith(",") and question else ""
        tail = cut + (rest[:len(rest) - len(rest.lstrip(" ,"))] + more if more else "")
        gap = " " if tail and not tail[0].isspace() and tail[0] != "," and not answer[-1:].isspace() else ""
        answer = _clip(answer + gap + tail)  # "100% xã", not "100%xã"
    if period_answer != (item.get("answer") or item.get("value_text") or "").strip():
        answer = f"{answer} {period_answer[len((item.get('answer') or item.get('value_text') or '').strip()):].strip()}"
    return answer


def _units_of_sentence(best: dict, pool: list[dict], asked: str | None) -> str:
    """The units of the best item's sentence in its role, as one verbatim stretch when they are
    written side by side ("Cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân")."""
    role = item_role(best)
    same = [it for it in pool if it["doc_id"] == best["doc_id"] and it["start"] == best["start"]
            and item_role(it) == role and it.get("unit_start") is not None]
    same = sorted({it["unit_start"]: it for it in same}.values(), key=lambda it: it["unit_start"])
    if not same:
        return best.get("unit") or ""
    quote, base = best.get("quote") or "", best["start"]
    groups: list[list[dict]] = [[same[0]]]
    for it in same[1:]:
        gap = quote[groups[-1][-1]["unit_end"] - base:it["unit_start"] - base]
        if re.fullmatch(r"[\s,;]*(?:và|cùng)?[\s,;]*", gap):
            groups[-1].append(it)
        else:
            groups.append([it])
    names = []
    for g in groups:
        s, e = g[0]["unit_start"] - base, g[-1]["unit_end"] - base
        names.append(quote[s:e] if 0 <= s < e <= len(quote) else g[0].get("unit", ""))
    if best.get("unit_start") is not None:  # the best unit's group first
        names.sort(key=lambda n: best["unit"] not in n)
    return "; ".join(names[:3])


def _unit_key(item: dict) -> str:
    from indexer.extract import unit_key

    return unit_key(item.get("unit_normalized") or item.get("unit") or "")


def _role_said(q: Question, role: str) -> bool:
    """The question's own words say the unit's role: "Ai hướng dẫn quán triệt …" asks who guides,
    so a unit that guides (hướng dẫn) is not ranked below the leads, as it is for "who is
    responsible for …" (``ROLE_RANK``)."""
    labels = {label for label, _ in q.groups}
    return any(folded_words(r) in labels for r in role.split("/"))


def _rank_units(q: Question, scored: list[tuple[float, dict, Support]], named: set[str]) -> list[tuple]:
    """The units of the supported responsibilities, best first: (score, unit key, group), by score but
    for a unit that does the asked act, put before the adviser on it (``_doer_first``)."""
    by_unit: dict[str, dict] = {}
    matched_words = {w for _, _, s in scored[:50] for ws in s.matched.values() for w in ws}
    groups = [alts for _, alts in q.groups]
    for score, item, sup in scored:
        key = _unit_key(item)
        g = by_unit.setdefault(key, {"best": None, "score": score, "docs": {}, "items": []})
        if g["best"] is None:
            g["best"] = (score, item, sup)
        g["items"].append((score, item, sup))
    for g in by_unit.values():
        # A unit counts once per document where it holds the role it is answered with: "chủ trì
        # (3 văn bản)" must not count a document where the same unit only guides (hướng dẫn).
        role = item_role(g["best"][1])
        for score, item, sup in g["items"]:
            if item_role(item) == role:
                g["docs"].setdefault(item["doc_id"], (score, item, sup))
    ranked = []
    for key, g in by_unit.items():
        best_score = g["best"][0]
        role = item_role(g["best"][1])
        bonus = 0.5 * min(len(g["docs"]) - 1, 3) if not named else 0.0
        # A unit whose name carries the subject is the specialised body ("Ban Tuyên giáo" for
        # "tuyên truyền", "Ủy ban Kiểm tra" for "kiểm tra"), in proportion to how much of the
        # subject its name carries: "Bộ Giáo dục" is not the body for "state management of
        # vocational education" just because its name says "giáo dục".
        name = f" {key} "
        if groups:
            named_groups = sum(1 for alts in groups if any(
                w in matched_words and len(w) > 2 and f" {w.split()[0]} " in name for w in alts))
            bonus += 0.75 * named_groups / len(groups)
        if q.role in (None, "chủ trì") and not _role_said(q, role):
            bonus -= 0.1 * ROLE_RANK.get(role, 5)
        ranked.append((best_score + bonus, key, g))
    ranked.sort(key=lambda x: -x[0])
    return _doer_first(q, ranked)


def _doer_first(q: Question, ranked: list[tuple]) -> list[tuple]:
    """"Ai tổ chức Hội nghị sơ kết cấp tỉnh?", "Who organises the review conference?" (no role asked):
    the unit whose task does the asked act ("Ban Thường vụ Tỉnh ủy | tổ chức Hội nghị sơ kết …") comes
    before the one that only advises on it ("Văn phòng Tỉnh ủy | thẩm định, tham mưu … tham mưu tổ
    chức Hội nghị sơ kết"), whatever their scores: it is the answer, the adviser is no rival of it
    (``_unit_rivals``)."""
    if q.kind != "who" or q.role is not None or not ranked or not _advises(ranked[0][2]["best"][1]):
        return ranked
    doer = next((r for r in ranked[1:] if not _advises(r[2]["best"][1]) and _does_asked_act(q, r[2]["best"][1])),
                None)
    if doer is None or _does_asked_act(q, ranked[0][2]["best"][1]):
        return ranked
    return [doer] + [r for r in ranked if r is not doer]


def _advises(item: dict) -> bool:
    """The unit's role is to advise (tham mưu) on its task, not to do it."""
    return item_role(item) == "tham mưu"


def _does_asked_act(q: Question, item: dict) -> bool:
    """The item's task opens with the act the question asks (an English question's verb through the
    glossary, ``does_english_action``; a Vietnamese one's first verb, ``_opens_with_asked_verb``)."""
    if q.language == "en":
        return does_english_action(english_asked_verbs(q.text), item)
    return _opens_with_asked_verb(q, item)


# Two different answers whose scores are closer than this are a coin toss: no answer. (0.15 is half
# of a 10% difference in coverage, weighted 3, or a retrieval rank 3 vs 5.)
CONTESTED_MARGIN = 0.15


def _same_sentence(a: dict, b: dict) -> bool:
    return a["doc_id"] == b["doc_id"] and a["start"] == b["start"]


def _value_key(item: dict) -> tuple[str, ...]:
    """What a target's or deadline's answer says, as its numbers: "vào cuối tháng 11/2021" and
    "cuối tháng 11/2021" say the same; "hằng năm" (no number) is its words."""
    text = item.get("when") or item.get("answer") or item.get("value_text") or ""
    return tuple(re.findall(r"\d+", text)) or (folded_words(text),)


def _unit_rivals(q: Question, ranked: list[tuple]) -> list[tuple]:
    """The other units (``_rank_units`` rows) to weigh against the best one: not of its sentence, not
    a name holding or held in its name. When a Vietnamese question ties an action to its who-word
    and the best unit does it ("Việc phối hợp giữa các cơ quan chuyên trách … do ai quy định?" —
    "Chính phủ quy định việc phối hợp …"), those that do not are no rivals, however much of the
    question their names say (the bodies coordinated)."""
    _, top_key, g = ranked[0]
    _, best, sup = g["best"]
    rivals = [r for r in ranked[1:] if not _same_sentence(r[2]["best"][1], best)
              and r[1] not in top_key and top_key not in r[1]]
    if q.role is None and q.kind == "who" and not _advises(best) and _does_asked_act(q, best):
        # (who advises on the act the best unit does is no rival of it: ``_doer_first``)
        rivals = [r for r in rivals if not _advises(r[2]["best"][1]) or _does_asked_act(q, r[2]["best"][1])]
    asked = q.vi_text or q.text
    if not rivals or q.language == "en" or not tied_verbs(asked) or not does_asked_action(asked, best) \
            or set(sup.missing) - q.soft:
        return rivals  # (and says every word of the question: "Ai giữ vai trò chủ thể?" is not asked of a
        # unit that "giữ vai trò nòng cốt")
    return [r for r in rivals if does_asked_action(asked, r[2]["best"][1], clauses=True)]


def contested(q: Question, scored: list[tuple[float, dict, Support]], named: set[str]) -> bool:
    """A different answer scores within ``CONTESTED_MARGIN`` of the best one (not the best item's
    own sentence, whose units or numbers are answered together): the support cannot tell them
    apart, and a wrong short answer is worse than none."""
    if q.kind == "who":
        ranked = _rank_units(q, scored, named)
        rivals = _unit_rivals(q, ranked)
        return bool(rivals) and ranked[0][0] - rivals[0][0] < CONTESTED_MARGIN
    if q.kind == "when":
        scored = _sent_elsewhere_dropped(q, scored)
    if q.kind in ("target", "when"):
        # A rival whose own subject says less of the question than the best one's is told apart
        # ("nữ từ đủ 18 tuổi" against "Nam từ đủ 20 tuổi" for "nữ … bao nhiêu tuổi").
        top_score, best, top_sup = scored[0]
        if q.kind == "when" and _equal_elsewhere(scored):
            return True
        if q.kind == "when" and best.get("subject"):
            return _contested_owned(scored)
        if q.kind == "when" and best.get("ref_rank") is not None and any(
                it.get("ref_rank") == best["ref_rank"] and _value_key(it) != _value_key(best) for _, it, _ in scored[1:]):
            return True  # the documents cite the number asked with two dates: no telling which is right
        rivals = [sc for sc, it, sup in scored[1:] if (not _same_sentence(it, best) or _told_apart_by_nothing(q, it, best))
                  and _value_key(it) != _value_key(best) and (sup.subject >= top_sup.subject or q.kind == "when")]
        return bool(rivals) and top_score - rivals[0] < CONTESTED_MARGIN
    return False


def _equal_elsewhere(scored: list[tuple[float, dict, Support]]) -> bool:
    """Under the lower gate (``support.TOP_PASSAGE``) the search's first passage is the second
    witness: a value of another sentence whose words say more of the question is then a rival
    whatever its rank — the rank is what the lower gate already spent ("The Binh Lu tourism plan
    must be consistent with the Lai Chau provincial master plan for which period?": the plan's own
    "giai đoạn 2026 - 2030" in the first passage saying 66% of it, "Quy hoạch tỉnh Lai Châu thời kỳ
    2021 - 2030" in the third 71%). (A value saying as much is no rival: the summary procedure's
    "07 ngày" says the words of the plain appeal period's "15 ngày" as well.)"""
    if current_gate() is not TOP_PASSAGE or len(scored) < 2:
        return False
    _, best, top_sup = scored[0]
    return any(not _same_sentence(it, best) and _value_key(it) != _value_key(best)
               and sup.coverage > top_sup.coverage + 0.02 for _, it, sup in scored[1:])


SENTENCE_LEAD = 0.3


def _title_synonym_only(q: Question, item: dict, sup: Support) -> bool:
    """A Vietnamese question's word that a value read from a law's passage has only as another
    word of the same glossary line in its document's title or opening ("chăn nuôi" asked, the crop
    law's "nhân giống" there): the sentence itself is about something else ("Chiến lược phát triển
    trồng trọt …" for the livestock strategy), and a passage's sentence has no extractor's care
    behind it. (English questions are matched through the glossary's words by design.)"""
    if q.language == "en" or item.get("via") != "passage":
        return False
    labels = {label for label, _ in q.groups}
    return any(w not in labels for w in sup.matched.get("document", []))


def other_kind_named(q: Question, item: dict, sup: Support) -> bool:
    """A word the question says after words the item says too, where the item says another word
    ("Chiến lược phát triển thủy sản …" asked, "Chiến lược phát triển chăn nuôi …" said): the item
    names another kind of the same thing, and its value is that one's. Read on the folded question
    and the item's own words: the two syllables before a missing word (a Vietnamese question)."""
    if q.language == "en" or not sup.missing:
        return False
    asked = f" {folded_words(q.text)} "
    own = _padded(folded_words(_own_text(q, item)))
    labels = {label for label, _ in q.groups}
    for label in sup.missing:
        if label in q.soft or len(label.split()) < 2:
            continue  # (a noun of two syllables: "thủy sản", not "bằng cách"'s "cách")
        at = asked.find(f" {label} ")
        before = asked[:at].split()[-2:] if at > 0 else []
        lead = " ".join(before)
        if len(before) < 2 or lead not in labels:
            continue  # the words before it must be a word of the question's own ("phát triển")
        if own.count(f" {lead} {label} "):
            continue
        # the word after the shared words must be a noun of another kind, not a link or verb that
        # goes on with the sentence ("pháp luật chuyên ngành" asked, "pháp luật có liên quan" said)
        nexts = [m.group(1) for m in re.finditer(rf" {re.escape(lead)} (\w+)", own)]
        if nexts and all(w not in _FOLDED_LINKS and w not in QUESTION_STOPWORDS for w in nexts):
            return True
    return False


_FOLDED_LINKS = frozenset(folded_words(" ".join(_PASSAGE_LINKS)).split())


_CASE_OF = re.compile(r"(?i)\bđối với\s+([^,;:]+?)\s+(?:là|thì|không quá|tối đa|ít nhất)\s*$")


# The bounds of an age a case states or a question asks, folded: ("tu", "18") of "từ đủ 18 tuổi",
# ("duoi", "18") of "dưới 18 tuổi".
_AGE_BOUND = re.compile(r" (tu|duoi|tren) (?:du )?(\d+) tuoi")


def unasked_case(q: Question, item: dict) -> bool:
    """A duration the sentence gives one case ("Thời hạn cai nghiện ma túy bắt buộc đối với người
    nghiện ma túy từ đủ 12 tuổi đến dưới 18 tuổi là từ đủ 06 tháng đến 12 tháng") whose words of
    its own — not the subject's before it — the question says none of: the case's value is not
    the plain one asked ("Cai nghiện ma túy bắt buộc kéo dài bao lâu?")."""
    if item.get("via") != "passage" or item.get("when_kind") != "duration":
        return False
    quote = item.get("quote") or ""
    at = (item.get("when_start") or item["start"]) - item["start"]
    if not 0 < at <= len(quote):
        return False
    lead = re.match(r"(?i)(là|không quá|tối đa|ít nhất)\s", item.get("when") or "")
    before = quote[:at] + (lead.group(1) if lead else "")
    m = _CASE_OF.search(before.rstrip() + " " if not lead else before)
    if not m:
        return False
    asked_bounds = set(_AGE_BOUND.findall(folded_words(f" {q.text} ")))
    if asked_bounds and not asked_bounds <= set(_AGE_BOUND.findall(folded_words(f" {m.group(1)} "))):
        return True  # "từ đủ 18 tuổi trở lên" asked, the case "từ đủ 12 tuổi đến dưới 18 tuổi" said
    subject = set(folded_words(before[:m.start()]).split())
    own = {w for w in folded_words(m.group(1)).split()
           if w not in subject and w not in QUESTION_STOPWORDS and not w.isdigit() and len(w) > 1}
    asked = set(folded_words(f"{q.text} {q.vi_text or ''}").split())
    return bool(own) and not (own & asked)


def _echoes_dropped(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Without the when-items whose value is the question's own words ("Cây hằng năm là cây …
    không quá bao lâu?": the "hằng năm" of the thing's name, which the extractor stored as a
    recurrence): no answer, and not a rival either, so the value the same sentence states ("không
    quá 01 năm") can answer. (Before, the echo was the top item and its veto left the question
    unanswered.)"""
    asked = f" {folded_words(q.text)} "
    folded = folded_words(q.text)
    # (a year the question states, asking which year: "Up to which year is the scheme planned (with a
    # vision to 2030)?" gives 2030 to name the scheme, and asks another)
    given = set(q.years) if (is_horizon_question(folded) or is_year_of_question(folded)) else set()
    return [x for x in scored if not (x[1].get("when") and f" {folded_words(x[1]['when'])} " in asked)
            and not (given and (said := set(re.findall(r"\b(?:19|20)\d\d\b", x[1].get("when") or "")))
                     and said <= given)]


def _own_sentence_first(scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Two values within ``CONTESTED_MARGIN`` whose items say the question alike — one in its own
    sentence, the other only with the sentence before it or its headings ("Thời gian lưu hành của
    sản phẩm thức ăn bổ sung là 05 năm …. Trong thời gian 06 tháng trước khi hết hạn lưu hành …"
    for "… được lưu hành trong thời gian bao lâu"): the value whose own sentence says
    ``SENTENCE_LEAD`` more of the question is asked, and the other is no rival of it."""
    if len(scored) < 2:
        return scored
    head = scored[0][0]
    close = [x for x in scored if head - x[0] < CONTESTED_MARGIN]
    if len(close) < 2:
        return scored
    best = max(close, key=lambda x: x[2].sentence)
    if any(x is not best and x[2].sentence > best[2].sentence - SENTENCE_LEAD for x in close):
        return scored
    rest = [x for x in scored if x is not best and x not in close]
    return [best] + rest


# (up to the consequent or a time frame: "… đối với giống cây trồng lâu năm | tính đến ngày … thì …")
_CONDITION_AFTER = re.compile(r"[ \t]+(?:nếu|đối với)[ \t]+([^,;.:\n]+?)(?=[ \t]+(?:thì|tính đến|kể từ|mà)(?!\w)|[,;.:\n]|$)")


def _named_condition_first(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """Values of one sentence each stated with its own condition after it ("… ít nhất là 07 năm nếu
    có bằng cử nhân …, ít nhất là 03 năm nếu có bằng thạc sĩ …, ít nhất là 02 năm nếu có bằng tiến
    sĩ …"; "Sau 06 tháng, … hoặc sau 01 năm đối với gia súc thả rông": the general rule and a case)
    score alike, the question's words being the sentence's: the one whose condition says a word the
    question says and no other condition says ("tiến sĩ") is asked, and the others are no rivals of
    it. None told apart so: unchanged (and ``contested`` then leaves it unanswered)."""
    if len(scored) < 2:
        return scored
    head = scored[0][0]
    close = [x for x in scored if head - x[0] < CONTESTED_MARGIN]
    sentence = close[0][1].get("sentence") or close[0][1].get("quote") or ""
    if len(close) < 2 or any((x[1].get("sentence") or x[1].get("quote") or "") != sentence for x in close):
        return scored
    conditions, spans = [], []
    for _, it, _ in close:
        value = it.get("answer") or it.get("when") or ""
        at = sentence.find(value) if value else -1
        if at < 0 or sentence.count(value) != 1:
            return scored
        m = _CONDITION_AFTER.match(sentence, at + len(value))
        # (a value with no condition is the general rule: "Sau 06 tháng, … hoặc sau 01 năm đối với
        # gia súc thả rông" — the case named asks the other)
        conditions.append(set(folded_words(m.group(1)).split()) if m else set())
        spans += [m.span(1)] if m else []
    if not any(conditions):
        return scored
    asked = set(folded_words(f"{q.text} {q.vi_text}").split())
    # a condition's own words: said by no other condition nor by the sentence around them (the
    # topic the whole sentence is about: "giống cây trồng … lâu năm")
    outside = "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(sentence))
    around = set(folded_words(outside).split())
    own = [c - around - set().union(*(o for j, o in enumerate(conditions) if j != i))
           for i, c in enumerate(conditions)]
    named = [i for i, words in enumerate(own) if words & asked]
    if len(named) != 1:
        return scored
    best = close[named[0]]
    return [best] + [x for x in scored if x not in close]


def _sent_elsewhere_dropped(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """The rivals of the best deadline without those sent to another body than the question names
    ("… gửi về Văn phòng Tỉnh ủy trước ngày 10/11/2021" asked, "… gửi về Thường trực Tỉnh ủy trước
    ngày 20/11/2021" a later step of the same report): ``_other_destination`` and ``_other_body``
    veto such a deadline as the answer, so it is no rival of the one that goes where asked either
    (each step of a plan's reporting chain shares the report's words)."""
    if len(scored) < 2 or _other_destination(q, scored[0][1]) or _other_body(q, scored[0][1]):
        return scored
    return scored[:1] + [x for x in scored[1:] if not (_other_destination(q, x[1]) or _other_body(q, x[1]))]


def _told_apart_by_nothing(q: Question, a: dict, b: dict) -> bool:
    """Two deadlines of one sentence read with the same words ("… không chọn được Trọng tài viên
    trong thời hạn 30 ngày, kể từ ngày bị đơn nhận được đơn khởi kiện, thì … trong thời hạn 15
    ngày …"): for a when-question nothing tells which one is asked, so the second is a rival of
    the first, not a part of the same answer (as a sentence's units are for a who-question)."""
    if q.kind != "when" or _own_text(q, a) != _own_text(q, b):
        return False
    # one expression read twice ("Tháng 3 hằng năm" as "Tháng 3" and "hằng năm") is one answer
    (s1, e1), (s2, e2) = sorted(((x.get("when_start") or 0, x.get("when_end") or 0) for x in (a, b)))
    between = (a.get("quote") or "")[e1 - a["start"]:s2 - a["start"]] if a["start"] == b["start"] else "x x"
    return s2 > e1 and len(between.split()) >= 2


def _contested_owned(scored: list[tuple[float, dict, Support]]) -> bool:
    """``contested`` for a when-answer read with the words it belongs to (``passages._owned``: two
    horizons or periods of one sentence, "… tầm nhìn đến năm 2045 và Quy hoạch tỉnh … tầm nhìn đến
    năm 2050"): a rival of the same sentence counts too, unless its own words say less of the
    question; one without such words always counts."""
    top_score, best, top_sup = scored[0]
    rivals = [sc for sc, it, sup in scored[1:] if _value_key(it) != _value_key(best)
              and (not it.get("subject") or sup.subject >= top_sup.subject)]
    return bool(rivals) and top_score - rivals[0] < CONTESTED_MARGIN


# A who-answer names a unit, and a wrong unit is worse than none, so its evidence must be firm
# (every who-answer right on the tuning halves meets all three; they are not met by chance):
# - every word of the subject is said by the unit's sentence, its headings or its document (or
#   credited by the model, semantic.py): ``Support.ok`` lets a fifth of it be missing, and a unit
#   whose sentence leaves a word of the question unsaid is often acting on something else. Only
#   for Vietnamese questions, whose words are the asker's own: an English question's words are a
#   glossary's senses, and one the documents word otherwise is no evidence against the unit (with
#   a share of the glossary removed, bench/ask_dropout.py, gating English too lost 4-5 right of 79);
# - a role the question asks is the unit's stated role or a verb of it opening its task
#   (``roles.role_fit`` >= ``WHO_MIN_FIT``), not a unit that merely "carries out" beside the lead;
# - the best unit leads the best unit of another sentence by ``WHO_MARGIN`` (a wider margin than
#   ``CONTESTED_MARGIN``: right who-answers on the tuning halves lead by 0.29 or more).
WHO_MIN_FIT = 0.7
WHO_MARGIN = 0.25
WHO_TIE = 0.05
WHO_TIE_RIVALS = 5


_RESPONSIBLE = re.compile(r"(?<![a-z])(?:chiu trach nhiem|phu trach|responsible)(?![a-z])")


def _responsible_for_asked(q: Question, item: dict) -> bool:
    """"Ai chịu trách nhiệm tuyên truyền …", "Ai phụ trách …" ("who is responsible for …") asks who does it, a lead
    first (``ROLE_RANK``) but not only a lead: a unit that carries the asked action out in one of
    its duties ("Các cơ quan báo chí của tỉnh … ; tuyên truyền công tác sơ kết …") answers when no
    lead does — not when the question says "chủ trì" or "lead" itself, nor for an English question
    (whose action is read through the glossary). The margins still apply."""
    folded = folded_words(q.vi_text or q.text)
    return (q.language != "en" and q.role == "chủ trì" and bool(_RESPONSIBLE.search(folded))
            and " chu tri " not in f" {folded} " and does_asked_action(q.vi_text or q.text, item, clauses=True))


def _asked_class(q: Question, item: dict) -> set[str]:
    """The question's words that name the kind of unit a "<noun> nào" asks ("Cơ quan trung ương nào
    thanh tra …"): the answer is of that class ("Bộ Nội vụ thanh tra …"), its sentence need not say
    it — as the in-place reading holds (``Slot.asked``). Not a level the item's own words contradict
    (``other_level``: "cơ quan cấp tỉnh nào" is not answered by a ministry)."""
    slots = wh_slots(q.text, "who", {label for label, _ in q.groups if " " in label},
                     lambda w: expand_abbreviations([w]))
    asked = {w for slot in slots for w in slot.asked}
    if not asked or other_level(q, item):
        return set()
    return {label for label, _ in q.groups if set(label.split()) <= asked}


def weak_who(q: Question, scored: list[tuple[float, dict, Support]], named: set[str]) -> bool:
    """The best unit's evidence is too weak to name it (see ``WHO_MARGIN``): no answer."""
    ranked = _rank_units(q, scored, named)
    top_score, top_key, g = ranked[0]
    _, best, sup = g["best"]
    if q.language != "en" and set(sup.missing) - q.soft - _asked_class(q, best):
        return True  # (a soft word — a territory phrase, a folded modal — does not decide the support)
    if q.role is not None:
        fit = _fit(q, best)
        if fit is None or (fit < WHO_MIN_FIT and not _responsible_for_asked(q, best)):
            return True
    if q.language == "en" and q.role is None and _does_other_action(q, best):
        return True
    rivals = _unit_rivals(q, ranked)
    if q.role is None and _advises(best) and any(
            not _advises(r[2]["best"][1]) and _opens_with_asked_verb(q, r[2]["best"][1])
            for r in rivals):
        # "Ai tổ chức Hội nghị sơ kết cấp tỉnh?": the unit that advises on it ("Văn phòng Tỉnh ủy …
        # tham mưu tổ chức Hội nghị sơ kết …") is not the one that does it ("Ban Thường vụ Tỉnh ủy
        # tổ chức Hội nghị sơ kết …"), whatever their scores
        return True
    if not rivals:
        return False
    if top_score - rivals[0][0] < WHO_MARGIN:
        return True
    # Retrieval rank alone does not pick a unit: a rival whose sentence supports the question as
    # well (same coverage, own share, role fit and unit bonuses) is another answer the search
    # merely ranked lower ("Bộ Quốc phòng … thực hiện quản lý nhà nước về an ninh mạng" against
    # "Bộ Công an … thực hiện quản lý nhà nước về an ninh mạng"). Only for Vietnamese questions:
    # an English question's support is read through glossary senses, and there the search's
    # rank (the model reads the English) tells apart what the senses tie (two English questions
    # of the tuning half are right that way).
    if q.language == "en":
        return _other_does_english_action(q, best, sup, rivals)

    asked = q.vi_text or q.text

    def evidence(r: tuple) -> float:
        sc, it, sp = r[2]["best"]
        # (the unit that does what the question asks, not another thing to the same subject)
        action = ACTION_EVIDENCE if does_asked_action(asked, it) else 0.0
        return r[0] - sc + 3.0 * sp.coverage + sp.own + (_fit(q, it) or 0.0) + action
    top_evidence = evidence(ranked[0])
    return any(evidence(r) >= top_evidence - WHO_TIE for r in rivals[:WHO_TIE_RIVALS])


def _opens_with_asked_verb(q: Question, item: dict) -> bool:
    """The item's task opens with the first verb the question asks about, light ones too ("Ai tổ
    chức Hội nghị …" -> "tổ chức Hội nghị sơ kết …")."""
    asked = asked_verbs(q.vi_text or q.text)
    return bool(asked) and f" {folded_words(item.get('task') or '')} ".startswith(f" {asked[0]} ")


def _does_other_action(q: Question, best: dict) -> bool:
    """An English who-question's own verb ("who submits the dossier …" -> trình, gửi, nộp) is said
    nowhere in the best unit's sentence: the unit does something else to the same subject ("Ủy ban
    nhân dân cấp tỉnh … quyết định công nhận khu du lịch cấp tỉnh" decides what another submits).
    The glossary's senses of the verb are many, so one of them said anywhere in the sentence will do."""
    verbs = english_asked_verbs(q.text)
    said = f" {folded_words(best.get('quote') or '')} "
    return bool(verbs) and not any(f" {v} " in said for v in verbs)


def _other_does_english_action(q: Question, best: dict, sup: Support, rivals: list[tuple]) -> bool:
    """An English who-question's own verb ("Who organises the conference …" -> tổ chức) is what a
    rival unit's task does and the best unit's does not ("Ban Thường vụ Tỉnh ủy tổ chức Hội nghị sơ
    kết" against "Văn phòng Tỉnh ủy thẩm định, tham mưu Ban Thường vụ Tỉnh ủy Báo cáo sơ kết"), the
    rival's sentence saying the question as fully: retrieval rank picked a unit that does something
    else to the same subject. No answer (as ``weak_who``'s action evidence for Vietnamese)."""
    verbs = english_asked_verbs(q.text)
    if not verbs or does_english_action(verbs, best):
        return False
    return any(does_english_action(verbs, r[2]["best"][1]) and r[2]["best"][2].coverage >= sup.coverage - 1e-9
               for r in rivals[:WHO_TIE_RIVALS])


def _who_answer(q: Question, scored: list[tuple[float, dict, Support]], named: set[str]):
    """(answer, role, chosen items) for a who-question: units grouped across documents."""
    _, key, g = _rank_units(q, scored, named)[0]
    score, best, sup = g["best"]
    pool = [it for _, it, _ in scored]
    units = _units_of_sentence(best, pool, q.role)
    role = item_role(best)
    ndocs = len(g["docs"])
    if ndocs > 1 and not named:
        answer = f"{units} — {role} ({ndocs} văn bản)"
        chosen = [best] + [v[1] for d, v in sorted(g["docs"].items(), key=lambda kv: -kv[1][0])
                           if v[1] is not best]
    else:
        answer = f"{units} ({role})" if role not in ("thực hiện",) else units
        chosen = [best] + [it for _, it, _ in scored if it is not best][:MAX_ITEMS - 1]
    return answer, role, sup, chosen


_VERB_ROLES = frozenset({"kiểm tra/giám sát", "phối hợp", "báo cáo", "xây dựng"})


def _role_words_elsewhere(q: Question) -> bool:
    """A Vietnamese who-question ties another action to its who-word than the role it names: "Ai
    thành lập Hội đồng quốc gia thẩm định sách giáo khoa?" asks who founds the council, and
    "thẩm định" (a cue of "tham mưu") is the council's name; "… thì ai phải ghi việc này …" after
    "Khi có Trọng tài viên không ký tên …" asks who records it, "ký" is the circumstance's. The
    who-word's own verb (``tied_verbs``) is then the action asked, read from the sentences' actors
    — not a light or role verb, and none of the role's own cue words."""
    if q.language == "en":
        return False
    tied = tied_verbs(q.vi_text or q.text)
    cues = {cue for cue, r in ROLE_CUES if r == q.role}
    return bool(tied) and all(v not in _LIGHT_VERBS and not any(v in c or c in v for c in cues) for v in tied)


def _actor_answer(q: Question, results: list, docs: list[dict], items: list[dict], named: set[str],
                  heads: dict[str, str], similarity: Similarity | None = None, headings=None):
    """(answer, role, support, chosen items) from the actors of the retrieved sentences (actors.py)
    when no stored responsibility answers: "… do Tòa án nhân dân cấp huyện quyết định", "Bộ trưởng
    Bộ Tài chính quy định chi tiết khoản này". The same support check, rivals and margins as the
    stored units (``weak_who``, ``contested``)."""
    # (a stored item whose name is cut short leaves its sentence to this reader: "Tòa án đã | giải
    # quyết ly hôn phải gửi …" is read "Tòa án đã giải quyết ly hôn | phải gửi …")
    extra = actor_items(results, q.vi_text or q.text, [it for it in items if not truncated_unit(it)])
    return _read_unit_answer(q, extra, results, docs, named, heads, similarity, headings)


def _read_unit_answer(q: Question, extra: list[dict], results: list, docs: list[dict], named: set[str],
                      heads: dict[str, str], similarity: Similarity | None, headings):
    """(answer, role, support, chosen items) from units read at question time (actors, defining
    sentences), through the stored units' support check, rivals and margins."""
    if not extra:
        return None, None, None, []
    scored = score_items(q, extra, results, docs, named, heads, similarity, headings)
    if not scored or contested(q, scored, named) or weak_who(q, scored, named):
        return None, None, None, []
    answer, role, sup, best = _who_answer(q, scored, named)
    return answer, role, _support_dict(sup, best[0]), best


def _definition_answer(q: Question, results: list, docs: list[dict], items: list[dict], named: set[str],
                       heads: dict[str, str], similarity: Similarity | None = None, headings=None):
    """(answer, role, support, chosen items) from the defining sentences of the retrieved passages
    ("<body> là cơ quan do Quốc hội thành lập, có nhiệm vụ …", actors.definition_items) when
    nothing else answers a Vietnamese who-question: the same support check and margins as the
    stored units (``weak_who``, ``contested``)."""
    if q.language == "en":
        return None, None, None, []
    extra = definition_items(results, [it for it in items if not truncated_unit(it)])
    return _read_unit_answer(q, extra, results, docs, named, heads, similarity, headings)


def _relation_answer(q: Question, items: list[dict], results: list, docs: list[dict], named: set[str],
                     heads: dict[str, str], similarity: Similarity | None = None, headings=None):
    """(answer, role, support, chosen items) for a question about a relation's object (see
    relations.py): any responsibility that supports the subject, in whatever role its actor holds
    (the actor the question names ranks first), answers with the unit written after the relation
    word in its sentence that says most of the question. Two different objects close in score are
    a coin toss: no answer."""
    from dataclasses import replace

    q = _without_relation_words(q)
    scored = score_items(replace(q, kind="tasks", role=None), items, results, docs, named, heads, similarity,
                         headings)
    if not scored:
        return None, None, None, []
    matcher = Matcher(q, [it for _, it, _ in scored], {})
    cands = []
    for score, item, sup in scored[:30]:
        quote = item.get("quote") or ""
        # (of the kind of body asked: "… với Bộ nào" is not answered by "Sở Tư pháp")
        objects = [(s, e) for s, e in relation_objects(quote, q.relation)
                   if not said_by_question(q, {"unit_normalized": quote[s:e]})
                   and is_of_class({"unit": quote[s:e]}, q.unit_class)]
        if not objects:
            continue
        s, e = max(objects, key=lambda o: matcher.share(quote[slice(*sentence_of(quote, o[0]))]))
        if q.relation == "partner" and said_by_question(q, item):
            score += 0.5  # "Ban cán sự đảng … phối hợp với ai": that actor's partners
        # (a name ends before the conjunction that joins the next clause: "với Bộ Nông nghiệp và Phát
        # triển nông thôn | hoặc báo cáo đột xuất theo yêu cầu")
        cands.append((score, item, sup, re.sub(r"(?:[\s,]+(?:hoặc|và|cùng))+\s*$", "", quote[s:e])))
    if not cands:
        return None, None, None, []
    cands.sort(key=lambda c: -c[0])
    top_score, top, sup, obj = cands[0]
    rivals = [c for c in cands[1:] if folded_words(c[3]) != folded_words(obj)]
    if rivals and top_score - rivals[0][0] < CONTESTED_MARGIN:
        return None, None, None, []
    if q.language != "en" and sup.missing:
        return None, None, None, []  # a unit is named on every word of a Vietnamese question (weak_who)
    # the answer's own item first when the extractor has it (a listed partner of the same sentence)
    own = next((it for _, it, _ in scored if _same_sentence(it, top) and it.get("unit")
                and it["unit"] in obj and item_role(it) == "phối hợp"), None) if q.relation == "partner" else None
    chosen = ([own] if own else []) + [top] + [c[1] for c in cands[1:] if c[1]["start"] != top["start"]]
    chosen = chosen[:MAX_ITEMS]
    return (_clip(obj), "phối hợp" if q.relation == "partner" else None, _support_dict(sup, top), chosen)


# Words of a recipient question that say the relation, not what is sent: "gửi báo cáo lên …".
_RELATION_WORDS = frozenset("gui len ve cho toi den nop trinh bao cao report reported reports send sent "
                            "submit submitted".split())
# The relation's own words (``q.relation``): what the answering sentence says by its marker
# (relations._MARKER), in whatever words — "thông qua" asked, "(qua Ban xây dựng Đảng tổng hợp)"
# written; "submit … to which body" asked, "Báo cáo … với Sở Tư pháp" written.
_OWN_RELATION_WORDS = {"via": frozenset("thong qua qua through via".split()),
                       "recipient": frozenset("gui len ve nop trinh submit submits submitted send sends sent "
                                              "submitting sending".split()),
                       "addressee": frozenset("yeu cau de nghi ask asks asked request requests requested".split())}


def _without_relation_words(q: Question) -> Question:
    """The question without the groups that only say its relation (``_OWN_RELATION_WORDS``): the
    relation is checked by the marker the object is read after, not by the question's verb."""
    own = _OWN_RELATION_WORDS.get(q.relation or "")
    if not own:
        return q
    groups = [(label, alts) for label, alts in q.groups if not set(label.split()) <= own]
    return replace(q, groups=groups) if groups else q


def _reported_to_answer(q: Question, service, docs: list[dict], named: set[str]):
    """(answer, role, support, chosen items) for "<plan> gửi báo cáo lên cơ quan nào?" when no
    sentence of it says so: the entries of the named plan's distribution list marked "(b/c)" /
    "(báo cáo)" (passages.recipient_items). The question's other words must all be the plan's own
    (its title, issuer, places), and one body only is marked."""
    from dataclasses import replace

    heads = _doc_heads(service)
    items = recipient_items([(doc_id, title, text, heads.get(doc_id, ""))
                             for doc_id, title, text in _doc_texts(service, [d for d in docs if d["id"] in named])
                             if text])
    groups = [(label, alts) for label, alts in q.groups if not set(label.split()) <= _RELATION_WORDS]
    if not items or not groups:
        return None, None, None, []
    q2 = replace(q, groups=groups, kind="tasks", role=None)
    matcher = Matcher(q2, items, _doc_context(docs, heads))
    supported = [(it, sup) for it in items for sup in [matcher.support(it, _own_text(q2, it))]
                 if sup.ok and not sup.missing]
    units = {folded_words(it["unit"]) for it, _ in supported}
    if len(units) != 1:
        return None, None, None, []
    item, sup = supported[0]
    return item["unit"], "báo cáo", _support_dict(sup, item), [it for it, _ in supported][:MAX_ITEMS]


def _support_dict(sup: Support, item: dict) -> dict:
    words = [w for ws in sup.matched.values() for w in ws]
    out = sup.to_dict()
    out["says"] = quote_words(item.get("quote") or "", sup.matched.get("item", []))
    out["fields"] = {"item": "task" if item["kind"] == "responsibility" else
                     ("subject" if item["kind"] == "target" else "task"),
                     "section": "section_path", "document": "document title"}
    out["words"] = words
    return out


def ask(service, question: str, k: int = 10, response=None, doc_ids: set[str] | None = None) -> dict:
    """{"question", "kind", "role", "answer", "support", "items", "citations", "interpreted"}.

    ``response``: the ``SearchResponse`` of this same question when the caller already searched (the
    search page), so the search (and its translation) is not run twice; its first ``k`` results are
    used. ``doc_ids``: only answer from these documents (a filtered search).

    Two witnesses: the item must say the question's words (``support.STRICT``), or, when none does,
    a little fewer of them (``support.TOP_PASSAGE``) provided it lies in the passage the search —
    which reads the question with the model as well as by its words — ranks first. A paraphrased
    question ("How many days before temporary residence expires …") says only part of its words in
    the document's, and the search then vouches for the rest.

    Last, a Vietnamese question is left unanswered when it writes a name its answer's document never
    writes (``_unsaid_names``; the document the answer is read from, or any of those a unit's
    responsibilities are grouped from: "… (2 văn bản)"). English names are not the documents' words."""
    if response is None:
        response = service.search(question, k=k, highlights=False)  # (an answer shows no highlights)
    out = _ask(service, question, k, response, doc_ids)
    if out["answer"] and out["items"] and response.language != "en":
        texts = _folded_texts(service)
        grouped = bool(_GROUPED.search(out["answer"]))
        docs = {it["doc_id"] for it in out["items"]} if grouped else {out["items"][0]["doc_id"]}
        unsaid = [set(_unsaid_names(question, texts.get(d, ""))) for d in docs]
        if unsaid and set.intersection(*unsaid):
            asked = analyze(question, response.interpreted, response.translated, response.language,
                            written=_written(service))
            return {**out, "role": asked.role if out["kind"] == "who" else None, "answer": None,
                    "message": NOT_FOUND_VI, "support": None, "items": [],
                    "citations": [citation(r.to_dict()) for r in response.results[:min(k, 3)]]}
    return out


_GROUPED = re.compile(r"\(\d+ văn bản\)$")  # a unit's responsibilities across documents (_who_answer)
# A name the question writes capitalised, two words or more ("Ngày Môi trường Việt Nam", "Bình Lư"),
# but for the word a sentence opens with ("Theo Luật …", "(Theo …", "1. Theo …", "… ? Ở Việt Nam").
_NAME_RUN = re.compile(rf"(?<!\w)[{_UP}]\w*(?:\s+[{_UP}]\w*)+")
_SENTENCE_OPENS = re.compile(r"(?:^|[.?!:;…]\s)[\W\d]*$")


def _unsaid_names(question: str, folded_doc: str) -> list[str]:
    """The names the question writes that the document (folded, " "-padded) never writes: the
    question is about something else than the document holds ("Luật Bảo vệ môi trường quy định Ngày
    Môi trường Việt Nam là ngày nào?" was answered by one of the law's reporting dates). A name is
    caught up to its first word written lower case ("Ngày Môi"); an abbreviation ("BTV Đảng ủy", "Bộ
    NN&PTNT") is not checked: the document spells it out. None for a document with no text."""
    if not folded_doc.strip():
        return []
    out = []
    for m in _NAME_RUN.finditer(question):
        words = m.group(0).split()
        if _SENTENCE_OPENS.search(question[:m.start()]):
            words = words[1:]
        if any(sum(c.isupper() for c in w) > 1 for w in words):
            continue
        name = folded_words(" ".join(words))
        if len(words) >= 2 and f" {name} " not in folded_doc:
            out.append(" ".join(words))
    return out


def _folded_texts(service) -> dict[str, str]:
    """Every document's folded words, " "-padded, read once per index version."""
    def build() -> dict[str, str]:
        return {doc_id: f" {folded_words(text)} " for doc_id, text in _texts(service).items()}

    cached = getattr(service, "_cached", None)
    return cached("answer:folded_texts", build) if cached else build()


def _ask(service, question: str, k: int, response, doc_ids: set[str] | None) -> dict:
    """``ask`` without its check of the question's names (``response`` required)."""
    counted = _count_answer(service, question, response, doc_ids)
    if counted is not None:
        return counted
    out = _ask_once(service, question, k, response, doc_ids)
    considered = out.pop("_considered")
    top = response.results[0] if response.results else None
    if out["answer"] is None and top is not None and out["kind"] in ("who", "target", "when"):
        with gated(TOP_PASSAGE):
            relaxed = _ask_once(service, question, k, response, doc_ids)
        considered |= relaxed.pop("_considered")
        first = relaxed["items"][0] if relaxed["items"] else None
        if relaxed["answer"] and first and first["doc_id"] == top.doc_id and top.start <= first["start"] < top.end:
            if relaxed["support"] is not None:
                relaxed["support"]["gate"] = "top_passage"
            return relaxed
    # Last, the answer read where the question word stands (insitu.py), but never from a sentence
    # whose item said the question and was set aside by the readers (a rival value of its
    # sentence, another level, a report sent elsewhere): a trap the reading would fall into.
    if out["answer"] is None and top is not None and getattr(service.settings, "answer_in_place", True):
        q = analyze(question, response.interpreted, response.translated, response.language,
                written=_written(service))
        return _in_place_answer(service, question, q, response, doc_ids, considered) or \
            _typed_answer(service, question, q, response, doc_ids, considered) or \
            _label_answer(service, question, q, response, doc_ids, considered) or out
    return out


def _count_answer(service, question: str, response, doc_ids: set[str] | None) -> dict | None:
    """How many tasks, solutions or targets a plan lists, counted in its outline (counts.py): in the
    documents the question names, else in the search's first passage's document; one document's
    count, cited by the heading and the last numbered item ("10. Kinh phí thực hiện")."""
    english = response.language == "en"
    asked = asked_list(question, lookup if english else None)
    if not asked or not response.results:
        return None
    q = analyze(question, response.interpreted, response.translated, response.language,
                written=_written(service))
    docs = [d.model_dump() if hasattr(d, "model_dump") else d for d in service.documents()]
    named = named_documents(q, docs)
    ids = named or {response.results[0].doc_id}
    if doc_ids is not None:
        ids &= doc_ids
    found = []
    for doc_id in sorted(ids):
        detail = service.document(doc_id)
        if detail is None:
            continue
        blocks = [b.model_dump() if hasattr(b, "model_dump") else b for b in detail.blocks]
        counted = count_listed(asked, question, detail.text, blocks)
        if counted is not None:
            found.append((doc_id, detail, blocks, counted))
    if len(found) != 1:
        return None  # none, or two plans the words fit: which one the question means is not said
    doc_id, detail, blocks, c = found[0]
    title = next((d.get("title") or "" for d in docs if d["id"] == doc_id), "")
    by_idx = {b["idx"]: b for b in blocks}

    def item(b: dict, answer: bool) -> dict:
        path = [outline_label(detail.text[by_idx[i]["start"]:by_idx[i]["end"]]) for i in b.get("parents") or []
                if i in by_idx]
        out = {"kind": "target", "doc_id": doc_id, "doc_title": title, "start": b["start"], "end": b["end"],
               "quote": detail.text[b["start"]:b["end"]], "section_path": path, "via": "count",
               "subject": detail.text[c.heading["start"]:c.heading["end"]]}
        if answer:
            out.update(answer=detail.text[c.number_start:c.number_end], answer_start=c.number_start,
                       answer_end=c.number_end)
        return out

    last, heading = item(c.last, True), item(c.heading, False)
    words = [written_in(heading["quote"], alts) for alts in asked]  # as the heading writes them
    # why: the heading says the list asked, and its last item's number is the count (marked there)
    support = {"coverage": 1.0, "own": 1.0, "missing": [], "matched": {"section": words}, "read": "count",
               "says": heading["quote"].strip(), "fields": {"section": "section heading"}, "words": words}
    return {"question": question, "kind": "target", "role": None,
            "interpreted": _shown_interpretation(response, question),
            "answer": f"{c.n} ({heading['quote'].strip()})", "message": None, "support": support,
            "items": [last, heading], "citations": [citation(last), citation(heading)]}


_LAW_YEAR = re.compile(r"(?i)(?<!\w)(?:bộ luật|luật|hiến pháp|bo luat|luat|hien phap|BLDS)(?:\s+[\w&-]+){0,4}?\s+"
                       r"(?:năm\s+|nam\s+)?(?:19|20)\d\d(?!\d)")
IN_PLACE_DEPTH = 5  # passages the in-place reading looks in (the search's first)
# The weighted share of the question's words the sentence, its headings and its document must say
# (Support.coverage, without the bonus a named document's title earns in Support.ok).
IN_PLACE_COVERAGE = 0.9
# A reading anchored by this many content syllables of the question right next to its slot, in the
# search's first passage, may leave one word of the question unsaid: the subject named otherwise
# ("Cơ sở sản xuất phân bón phải thử nghiệm từng lô phân bón thành phẩm vào lúc nào?" against "Tổ
# chức, cá nhân sản xuất phân bón … d) Thử nghiệm đối với từng lô phân bón thành phẩm trước khi …").
LONG_ANCHOR = 5
_ITEM_FIELDS = {kind: ANSWER_FIELDS[_ITEM_KIND[kind]] for kind in ("who", "target", "when", WHAT)}


# What a time read in place opens with when it is the whole answer: a preposition of time, a time
# noun, a number ("trước khi …", "kể từ thời điểm …", "ngay", "đồng thời với …", "15 ngày").
_TIME_OPENS = re.compile(r"^(?:truoc|sau|ke tu|tu|khi|vao|ngay|thoi diem|thoi han|trong|den|cho den|toi|dong thoi|"
                         r"cung|cham nhat|hang|moi|dinh ky|lap tuc|tai|\d)")


def _cleanly_read(q: Question, item: dict, name: str, start_key: str) -> bool:
    """The answer read in place is a whole one: a name not cut from a list ("Cha, mẹ, | người thân
    thích khác"), a time that opens as one ("đối kháng với người thứ ba kể từ …" is the rest of
    a predicate)."""
    answer = item.get(name) or ""
    before = (item.get("quote") or "")[:max(0, item[start_key] - item["start"])].rstrip()
    if q.kind == "who":
        return not before.endswith(",")
    if q.kind == "when":
        return bool(_TIME_OPENS.match(folded_words(answer)))
    return True


def _sentence_item(q: Question, r, s: int, e: int, vs: int, ve: int, via: str) -> dict:
    """An item of the kind asked made of the sentence ``r.text[s:e]`` of a retrieved passage, its
    answer the words ``r.text[vs:ve]`` (read at question time: in place, typed)."""
    name, start_key, end_key = _ITEM_FIELDS[q.kind]
    item = {"kind": _ITEM_KIND[q.kind], "doc_id": r.doc_id, "doc_title": r.doc_title, "start": r.start + s,
            "end": r.start + e, "quote": r.text[s:e], "section_path": list(r.section_path_parts or []),
            "via": via, name: r.text[vs:ve], start_key: r.start + vs, end_key: r.start + ve}
    if q.kind == "who":
        item.update(unit_normalized="", role="thực hiện", roles=["thực hiện"], task=r.text[s:e])
    return item


def _set_aside(considered: set[tuple[str, int, int]], r, s: int, e: int) -> bool:
    """An item of the sentence ``r.text[s:e]`` said the question and the readers set it aside."""
    return any(d == r.doc_id and a < r.start + e and r.start + s < b for d, a, b in considered)


def _sentence_matcher(service, q: Question, items: list[dict], doc_ids: set[str] | None) -> Matcher:
    """The support matcher for items read at question time, weighed among the stored ones of their
    kind."""
    docs = [d.model_dump() if hasattr(d, "model_dump") else d for d in service.documents()]
    return Matcher(q, service.all_items(_ITEM_KIND[q.kind], doc_ids) + items, _doc_context(docs, _doc_heads(service)),
                   named_documents(q, docs), _full_headings(service, docs))


def _in_place_answer(service, question: str, q: Question, response, doc_ids: set[str] | None,
                     considered: set[tuple[str, int, int]] = frozenset()) -> dict | None:
    """The answer read where the question word stands in a retrieved sentence (insitu.py), asked
    when no extracted item answers: the people a plan supports, a share a law grants, the moment a
    decision takes effect. The sentence must pass the strict support gate and say every other word
    of the question itself or by its headings (``IN_PLACE_COVERAGE``), and two sentences read as
    equally close with different answers leave the question unanswered."""
    if q.kind == "general":
        q = replace(q, kind=asked_kind(q.text) or "general")  # "giữa những chủ thể nào", "những kỳ hạn nào"
    if q.kind not in _ITEM_FIELDS or not q.groups or (q.language == "en" and q.kind != "who"):
        return None
    if q.language == "en":  # "whose role …", "… for whom", "who is encouraged to V": the governing word
        slots = english_slots(q.text, lookup)
    else:
        slots = wh_slots(q.text, q.kind, {label for label, _ in q.groups if " " in label},
                         lambda w: expand_abbreviations([w]))
    results = [r for r in response.results if doc_ids is None or r.doc_id in doc_ids][:IN_PLACE_DEPTH]
    if not slots or not results:
        return None
    name, start_key, end_key = _ITEM_FIELDS[q.kind]
    asked = {w for slot in slots for w in slot.asked}
    if q.kind == WHAT:  # the noun asked ("nguyên tắc nào") is the answer's kind, not a word it must say
        q = replace(q, groups=[g for g in q.groups if not set(g[0].split()) <= asked])
        if not q.groups:
            return None
    # the proper names the question writes (the plan's place: "Bình Lư", "Lai Châu"), which a
    # plan's sentence leaves to its title, as it leaves the document's kind
    names = {folded_words(m.group(0)) for m in _NAME_RUN.finditer(q.text)}
    # (but not the year that names a law: "Bộ luật Dân sự 2015", "Luật BVMT 2020", "Hiến pháp 2013")
    years = set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", _LAW_YEAR.sub(" ", q.text)))
    read = []
    for rank, r in enumerate(results):
        spans = sentence_spans(r.text)
        for i, (s, e) in enumerate(spans):
            found = [x for x in (align(slot, r.text, s, e, q.kind) for slot in slots) if x]
            if not found:
                continue
            x = max(found, key=lambda x: x.closeness)
            if _set_aside(considered, r, s, e):
                continue
            if i and points_back(r.text[s:e]):
                s = spans[i - 1][0]  # "Hết thời hạn này thì …": the sentence before says which
            if any(y not in f"{r.text[s:e]} {' '.join(r.section_path_parts or [])}" for y in years):
                continue  # "đến năm 2035" asked, "đến năm 2030" said
            read.append((x.closeness, rank, _sentence_item(q, r, s, e, x.start, x.end, "in_place")))
    if not read:
        return None
    matcher = _sentence_matcher(service, q, [it for _, _, it in read], doc_ids)
    # a law's own name says its matter: "phiên tòa hành chính" asked of the Luật Tố tụng hành chính
    law_titles = _law_titles(service)
    passed = []
    closest = None
    if any(rank == 0 for _, rank, _ in read):
        found = _closest_sentence(service, question, response, results[0])
        closest = found[0][found[1]] if found else None
    for closeness, rank, item in sorted(read, key=lambda x: (tuple(-c for c in x[0]), x[1])):
        if q.language == "en":
            # An English question says its words through the glossary, which misses some ("star
            # rating", "showrooms"): the sentence must be the search's first passage's and say
            # what the first passage's items must say (TOP_PASSAGE), next to the anchor's two words
            # — or, when the answer's own sentence (not the one a "points back" sentence is read
            # with) is the one the model finds closest to the question, what the typed reader's
            # must (TYPED_GATE): half the question's words, the model having chosen the sentence
            # the glossary reads too few of ("published inaccurately by another agency").
            model_s = _in_closest(closest, rank, results, item[start_key])
            with gated(TYPED_GATE if model_s else TOP_PASSAGE):
                sup = matcher.support(item, item["quote"])
                ok = sup.ok
            if rank == 0 and ok and closeness[1] >= MIN_ANCHOR and not other_level(q, item) \
                    and not _unasked_number(q, item["quote"]):
                passed.append((closeness, rank, item, sup))
            continue
        sup = matcher.support(item, item["quote"])
        # Every word of the question said by the sentence or its headings (but the noun "<noun>
        # nào" asks: "cơ quan trung ương nào" is answered by "Bộ Nội vụ"), as for a relation's
        # answer: this reading is the fallback, and a word left unsaid is the trap's qualifier
        # ("buôn bán" asked, "sản xuất" said). A word only the document says elsewhere ("cấp
        # tỉnh" asked, the law's grassroots drill said) is unsaid, even when the question names the
        # document (its kind aside: the "Luật" of "Luật Thanh niên khuyến khích ai …"). On the
        # held-back halves, in-place answers leaning on the document's words were 1 right of 4.
        unsaid = list(sup.missing) + [w for w in sup.matched.get("document", [])
                                      if w not in _DOC_KIND_WORDS and w not in names
                                      and f" {w} " not in law_titles.get(item["doc_id"], "")]
        if _rival_values(item, start_key, end_key) and sup.matched.get("section"):
            # two values of one sentence ("… trong thời hạn 30 ngày … thì … trong thời hạn 15
            # ngày"): which one is asked only the sentence's own words can tell, not its headings
            unsaid += sup.matched["section"]
        if closeness[1] < MIN_ANCHOR and (unsaid or sup.matched.get("section")):
            continue  # one word next to the answer: the sentence itself must say the rest
        if not (sup.ok and not other_level(q, item) and not _unasked_number(q, item["quote"])):
            continue
        unasked = [label for label in unsaid if not set(label.split()) <= asked]
        # (one word may be left unsaid by a long anchor's reading, or by a name's or a moment's in
        # the sentence of the first passage the model finds closest to the question: the model
        # vouches for it as for an English reading's; not for a value, which a sentence's rival
        # values and labels make ambiguous: "mười tám tuổi" read for "mười lăm tuổi", "ba gồm")
        if (sup.coverage >= IN_PLACE_COVERAGE and not unasked) or \
                ((closeness[1] >= LONG_ANCHOR and q.kind != WHAT or
                  q.kind in ("who", "when") and _in_closest(closest, rank, results, item[start_key]))
                 and len(set(unasked)) <= 1 and rank == 0 and _cleanly_read(q, item, name, start_key)):
            passed.append((closeness, rank, item, sup))
    if not passed:
        return None
    closeness, rank, item, sup = passed[0]
    if any(c == closeness and it[name] != item[name] for c, _, it, _ in passed[1:]):
        return None  # two sentences as close, two answers
    return _read_response(service, question, q, response, item, name, sup, "in_place")


def _in_closest(closest: tuple[int, int] | None, rank: int, results, at: int) -> bool:
    """``at`` (a document offset) lies in the sentence ``closest`` of the first passage."""
    return closest is not None and rank == 0 and results[0].start + closest[0] <= at < results[0].start + closest[1]


def _closest_sentence(service, question: str, response, top) -> tuple[list[tuple[int, int]], int, float] | None:
    """The sentence spans of the passage ``top``, the index of the one the model finds closest to
    the question, and its cosine (None without a semantic model or without a sentence). The typed
    reader reads there; the in-place reader gates an English reading there as the typed one."""
    if not getattr(service.embedder, "semantic", True) or not getattr(service.settings, "answer_semantic", True):
        return None
    spans = sentence_spans(top.text)
    if not spans:
        return None
    cos = Similarity(service.embedder, response.interpreted or question).cosines(
        [{"quote": top.text[s:e]} for s, e in spans])
    best = max(range(len(spans)), key=lambda i: cos[i])
    return spans, best, float(cos[best])


def _label_answer(service, question: str, q: Question, response, doc_ids: set[str] | None,
                  considered: set[tuple[str, int, int]] = frozenset()) -> dict | None:
    """The label of the numbered category a Vietnamese question asks ("… thuộc hàng thừa kế thứ
    mấy?" -> "Hàng thừa kế thứ ba", labels.py), read in a retrieved sentence that names the asked
    category with one label and says every other word of the question itself (or by its headings),
    strictly. Two sentences as supported with two labels leave it unanswered."""
    if q.language == "en" or q.kind not in ("target", "general"):
        return None
    folded_q = folded_words(q.vi_text or q.text)
    noun = asked_label(folded_q)
    if not noun:
        return None
    frame = label_frame(noun)
    q = replace(q, kind="target", groups=[g for g in q.groups if not set(g[0].split()) <= frame])
    results = [r for r in response.results if doc_ids is None or r.doc_id in doc_ids][:IN_PLACE_DEPTH]
    if not q.groups or not results:
        return None
    read = []
    for rank, r in enumerate(results):
        for s, e in sentence_spans(r.text):
            spans = labels_in(r.text, s, e, noun)
            if len({folded_words(r.text[a:b]) for a, b in spans}) != 1 or _set_aside(considered, r, s, e):
                continue
            if negated_member(folded_words(r.text[s:e]), folded_q):
                continue  # "Vật liệu … không thuộc loài cây trồng chính là … nhóm 1": the other category
            read.append((rank, _sentence_item(q, r, s, e, spans[0][0], spans[0][1], "label")))
    if not read:
        return None
    matcher = _sentence_matcher(service, q, [it for _, it in read], doc_ids)
    name = _ITEM_FIELDS["target"][0]
    passed = []
    for rank, item in read:
        sup = matcher.support(item, item["quote"])
        if sup.ok and not sup.missing and sup.coverage >= IN_PLACE_COVERAGE and not other_level(q, item):
            passed.append((sup.coverage, rank, item, sup))
    if not passed:
        return None
    passed.sort(key=lambda x: (-x[0], x[1]))
    coverage, _, item, sup = passed[0]
    if any(c >= coverage - 1e-9 and folded_words(it[name]) != folded_words(item[name]) for c, _, it, _ in passed[1:]):
        return None
    return _read_response(service, question, q, response, item, name, sup, "label")


TYPED_GATE = Gate(0.5, 0.25, 0.15)  # the question's words the model's sentence must still say


def _typed_answer(service, question: str, q: Question, response, doc_ids: set[str] | None,
                  considered: set[tuple[str, int, int]] = frozenset()) -> dict | None:
    """The length of time an English question asks ("how many days …"), read in the sentence of
    the search's first passage the model finds closest to the question, when that sentence states
    exactly one number of the unit asked (typed.py) and says half the question's words."""
    if q.kind not in ("when", "target", "general") or not q.groups:
        return None
    asked = asked_unit(q.text, translate=lookup) if q.language == "en" else \
        asked_unit(q.text, folded_words(q.vi_text or q.text))
    if asked and asked[0] == MOMENT:
        q = replace(q, kind="when")  # "at what moment is an inheritance opened": a when, however classified
    elif q.kind == "general":
        return None
    results = [r for r in response.results if doc_ids is None or r.doc_id in doc_ids][:1]
    if not asked or not results:
        return None
    top = results[0]
    found = _closest_sentence(service, question, response, top)
    if found is None:
        return None
    spans, best, similarity = found
    s, e = spans[best]
    # (a Vietnamese question's own words tell the event it states from the one it asks; an English
    # one's glossary senses are many, and say the asked event too: "a closed landfill" for "kể từ
    # ngày kết thúc việc đóng bãi chôn lấp")
    folded_q = "" if q.language == "en" else folded_words(q.text)
    found = unit_value(top.text[s:e], *asked, asked=folded_q)
    if _set_aside(considered, top, s, e) or found is None or \
            not read_as_asked(top.text[s:e], *found, folded_words(q.text)):
        return None
    item = _sentence_item(q, top, s, e, s + found[0], s + found[1], "typed")
    rivals = []
    if asked[0] == MOMENT:
        # A moment named by its event is in many sentences ("Sau khi thẩm định hồ sơ, cơ quan …"
        # beside "Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú …, công dân phải …"):
        # the model's sentence must also say the question's words best of those that name one.
        for i, (s2, e2) in enumerate(spans):
            other = unit_value(top.text[s2:e2], *asked, asked=folded_q) if i != best else None
            if other is not None:
                rivals.append(_sentence_item(q, top, s2, e2, s2 + other[0], s2 + other[1], "typed"))
    matcher = _sentence_matcher(service, q, [item, *rivals], doc_ids)
    # (a Vietnamese question's words are the documents' own: what the sentence lacks is missing
    # indeed, and the first passage's gate applies, not the glossary's looser one)
    with gated(TYPED_GATE if q.language == "en" else TOP_PASSAGE):
        sup = matcher.support(item, item["quote"])
        ok = sup.ok
    if not ok or other_level(q, item) or _unasked_number(q, item["quote"]):
        return None
    if any(matcher.support(it, it["quote"]).coverage >= sup.coverage for it in rivals):
        return None
    out = _read_response(service, question, q, response, item, _ITEM_FIELDS[q.kind][0], sup, "typed")
    out["support"]["similarity"] = round(similarity, 4)
    return out


def _shown_interpretation(response, question: str) -> str:
    """The question as the search read it (diacritics restored), "" when that is the question."""
    interpreted = response.interpreted or question
    return interpreted if interpreted != question else ""


def _read_response(service, question: str, q: Question, response, item: dict, name: str, sup: Support,
                   read: str) -> dict:
    """The answer of an item read at question time (in place, typed): its words, why, its citation."""
    support = _support_dict(sup, item)
    support["read"] = read
    return {"question": question, "kind": "general" if q.kind == WHAT else q.kind,
            "role": q.role if q.kind == "who" else None,
            "interpreted": _shown_interpretation(response, question),
            "answer": _clip(item[name]), "message": None, "support": support, "items": [item],
            "citations": [citation(item, _texts(service).get(item["doc_id"]))]}


_DOC_KIND_WORDS = frozenset({"luat", "bo luat", "hien phap", "nghi quyet", "ke hoach", "ket luan", "chi thi",
                             "quyet dinh", "nghi dinh", "thong tu", "van ban"})
_VALUE = re.compile(r"(?<![\w/.,])\d+(?:[.,]\d+)*(?![\w/])")


def _rival_values(item: dict, start_key: str, end_key: str) -> bool:
    """The item's sentence states another number than the one read (outside the answer's span)."""
    s, e = item[start_key] - item["start"], item[end_key] - item["start"]
    quote = item["quote"]
    return any(not (s <= m.start() < e) for m in _VALUE.finditer(quote)) and bool(_VALUE.search(quote[s:e]))


_DOC_NUMBER = re.compile(r"(?<!\w)(?:số\s+)?(\d+/\d{4}/[\w-]+|\d+-[A-ZĐ]+/[A-ZĐ]+)", re.IGNORECASE)


def _unasked_number(q: Question, sentence: str) -> bool:
    """The sentence names a document by a number the question does not ("Luật Điện ảnh số
    62/2006/QH11 hết hiệu lực …" for "Luật Điện ảnh hết hiệu lực khi nào?"): another document's.
    A sentence that also names the document asked is that document's own ("… nêu trong Nghị quyết
    số 06-NQ/TU …, Kế hoạch số 131-KH/UBND …" for a question on NQ 06-NQ/TU)."""
    asked = f"{q.text} {q.vi_text}"
    numbers = [m.group(1) for m in _DOC_NUMBER.finditer(sentence)]
    refs = set(doc_refs(f" {folded_words(asked)} "))  # "NQ 06", "Nghị quyết 06"
    return bool(numbers) and not any(n in asked or re.match(r"0*(\d+)", n).group(1) in refs for n in numbers)


def _ask_once(service, question: str, k: int, response, doc_ids: set[str] | None) -> dict:
    """One reading of the question against the items, by the support gate in force (``gated``)."""
    interpreted = response.interpreted or question
    results = response.results[:k]
    q = analyze(question, response.interpreted, response.translated, response.language,
                written=_written(service))
    answer, role, support, best = None, None, None, []
    scored = []
    item_kind = _ITEM_KIND.get(q.kind)
    if item_kind and (q.groups or _asks_cited_date(q) or _asks_titled_span(q) or _signed_plan_by_number(q) or
                      (q.kind == "who" and asks_issuer(question))):
        docs = [d.model_dump() if hasattr(d, "model_dump") else d for d in service.documents()]
        if doc_ids is not None:
            docs = [d for d in docs if d["id"] in doc_ids]
        items = service.all_items(item_kind, doc_ids)
        named = named_documents(q, docs)
        # (who and when only: a target's number is told from its sibling's by its own sentence,
        # and the longer headings both share let a stored sibling pass where the passage's
        # quantity reading answered — fresh3 odd lost two target answers)
        headings = _full_headings(service, docs) if q.kind in ("who", "when") else None
        issued = None
        if q.kind == "who" and not q.relation and q.role != "ký":
            # "Which body issued Resolution 92-NQ/TU …?": the issuer every citation of it names
            # (not "Ai ký ban hành Nghị quyết 06-NQ/TU?": who signed is a person, not the body)
            issued, found = issuer_answer(question, _doc_texts(service, docs))
            if issued:
                # the citations the search ranks first (the passage it retrieved for the question)
                found = sorted(found, key=lambda it: (r if (r := _rank_of(it, results)) is not None else len(results)))
                answer, best = _clip(issued), found[:MAX_ITEMS]
                support = _support_dict(Support(1.0, 1.0), best[0])
                items = []
        if issued:
            pass
        elif q.kind == "when":
            items = items + _passage_items(service, q, results, docs)
        elif q.kind == "who" and q.role == "xây dựng":
            items = items + preamble_items(results)
        elif q.kind == "who" and q.role == "phối hợp":
            items = items + later_partner_items(items)
        elif q.kind == "who" and q.role in ("tham dự", "thành phần"):
            items = items + attendee_items(results) + composition_items(results)
        elif q.kind == "who" and q.role == "ký":
            # "Ai ký chứng thực Hiến pháp, luật …": a law that says who signs what answers before the
            # documents' own signatures, which say only who signed each document
            answer, role, support, best = _actor_answer(replace(q, role=None), results, docs, [], named,
                                                        _doc_heads(service), None, headings)
            items = [] if answer else [it for it in _signer_items(service, docs)
                                       if not _signs_another(q, it, docs)]
        semantic = getattr(service.settings, "answer_semantic", True) and getattr(service.embedder, "semantic", True)
        similarity = Similarity(service.embedder, interpreted) if q.unsure and semantic else None
        if similarity is not None:
            similarity.retrieve = lambda: service.search(question, k=SEMANTIC_DEPTH, highlights=False).results
        if q.relation:
            items = items + relation_passage_items(results, q.relation, items)
            answer, role, support, best = _relation_answer(q, items, results, docs, named, _doc_heads(service),
                                                           similarity, headings)
            if answer is None and q.relation == "recipient":
                # (a question that names no document by number describes its plan by words — "Kế
                # hoạch học tập NQ 92 của phường", "Bình Lư's tourism plan" —: every plan's list is
                # read, and the question's words must all be one plan's own, one body marked)
                answer, role, support, best = _reported_to_answer(q, service, docs,
                                                                  named or {d["id"] for d in docs})
            items = []  # answered (or not) from the relation alone
        scored = score_items(q, items, results, docs, named, _doc_heads(service), similarity,
                             headings) if items else []
        if not q.groups and len(named) == 1 and _signed_plan_by_number(q):
            # "Who signed the plan implementing Conclusion 224-KL/TU?"
            scored = [(1.0, it, Support(1.0, 1.0)) for it in items if it["doc_id"] in named]
        if not scored and q.kind == "target" and (q.count_noun or q.count_nouns):
            # No stored target says it: a count the passages state ("đủ hai mươi mốt tuổi").
            # (with the law's whole article titles, which the passages cut: "Điều 81. Việc trông
            # nom, … giáo dục con sau khi ly hôn" says the "ly hôn" of the question — a law's
            # sentence leaves its article's matter unsaid, and no stored sibling competes here)
            # (a bare list point "b) Từ đủ 18 tuổi trở lên." read with its list's lead-in)
            qc = english_without_counted(q)
            scored = cases_yield(parts_yield(said_whole(qc, score_items(qc, with_lead_ins(quantity_items(
                                                               results, q.count_nouns or q.count_noun,
                                                               f"{q.text} {q.vi_text}"), _texts(service)),
                                                           results, docs, named, _doc_heads(service), similarity,
                                                           headings or _full_headings(service, docs))), qc), qc)
        if not scored and q.kind == "target" and q.measure == "percent":
            # No stored target says it: a percentage a law's sentence states ("20%/năm"), every word
            # of the question said by that sentence (``said_whole``).
            scored = said_whole(q, score_items(q, percent_items(results, f"{q.text} {q.vi_text}"), results, docs,
                                               named, _doc_heads(service), similarity, headings))
        if not scored and q.kind == "target" and not q.count_noun and q.measure in (None, "money"):
            # A value with no counted noun: a law's limit written as a multiple of the base salary.
            scored = score_items(q, base_multiple_items(results, f"{q.text} {q.vi_text}"), results, docs, named,
                                 _doc_heads(service), similarity, headings)
        if q.kind == "when":
            scored = [x for x in _echoes_dropped(q, scored) if not _title_synonym_only(q, x[1], x[2])
                      and not other_kind_named(q, x[1], x[2]) and not unasked_case(q, x[1])]
        if q.kind == "target" and any(_rate_item(q, it) for _, it, _ in scored):
            # a yearly rate does not answer a question asking a level ("Chỉ tiêu khách du lịch năm
            # 2030?": "900.000 lượt", not "tăng trưởng … bình quân 10%/năm"), so it is no rival either
            scored = [x for x in scored if not _rate_item(q, x[1])]
        if q.kind in ("target", "when"):
            scored = _named_condition_first(q, _own_sentence_first(_working_days_only(q, scored)))
        if scored and not contested(q, scored, named):
            top_score, top, sup = scored[0]
            if q.kind == "who":
                if not weak_who(q, scored, named):
                    answer, role, sup, best = _who_answer(q, scored, named)
            elif q.kind == "tasks":
                task = _clip(top.get("task") or top["quote"], 240)
                answer, role = f"{top['unit']}: {task}", item_role(top)
                best = [it for _, it, _ in scored[:MAX_ITEMS]]
            elif q.kind == "target":
                answer = _target_answer(top, f"{q.text} {q.vi_text}")
                best = [it for _, it, _ in scored[:MAX_ITEMS]]
            elif q.kind == "when":
                answer = top.get("when")
                if top.get("when_kind") == "duration" and _other_time_unit(folded_words(q.text), answer or ""):
                    answer = None  # "mấy tháng" is not answered by "60 ngày" (see _other_time_unit)
                folded_q = folded_words(q.text)
                if top.get("when_kind") == "recurring" and not _asks_frequency(folded_q) and \
                        (is_duration_question(folded_q) or _MOMENT_Q.search(f" {folded_q} ")
                         or _BARE_RECURRENCE.match(answer or "") and not is_cycle_question(folded_q)):
                    answer = None  # "báo trước bao nhiêu tháng" is not answered by "hằng năm" (how often),
                    # nor "vào thời điểm nào" (a moment) by "cây hàng năm", "theo định kỳ", nor any
                    # question but how often by a bare recurrence ("When is a decision … suspended?"
                    # by the "hằng năm" of "giống cây trồng hằng năm", an annual crop);
                    # a veto, not a filter: the recurrence still keeps a neighbouring duration contested
                if top.get("when_kind") == "duration" and _asks_start(folded_q):
                    answer = None  # "tính lại từ thời điểm nào" asks where a count starts, not "03 năm"
                if _other_body(q, top):
                    answer = None  # "Ban Thường vụ Tỉnh ủy" asked, "Ban Thường vụ Đảng ủy" said
                if _other_ministry(q, top):
                    answer = None  # "Bộ TN&MT công bố" asked, "Bộ Nông nghiệp và Phát triển nông thôn công bố" said
                if _other_destination(q, top):
                    answer = None  # "gửi … lên Thường trực Tỉnh ủy" is not the report sent to the UBND
                if top.get("when_kind") == "duration" and is_duration_question(folded_words(q.text)) and \
                        _special_procedure(q, top):
                    answer = None  # the summary procedure's 07 days do not answer the appeal period asked plainly
                best = [it for _, it, _ in scored[:MAX_ITEMS]]
            if answer:
                support = _support_dict(sup, best[0])
        if not answer and q.kind == "who" and q.role in (None, "chủ trì") and not q.relation and q.groups:
            answer, role, support, best = _actor_answer(q, results, docs, items, named, _doc_heads(service),
                                                        similarity, headings)
        if not answer and q.kind == "who" and q.role in _VERB_ROLES and not q.relation and q.groups:
            # "Cơ quan nào giám sát tối cao việc …": a role that is the verb itself is read from the
            # sentences whose actor does it ("Quốc hội giám sát tối cao việc …"), asked as a plain who
            answer, role, support, best = _actor_answer(replace(q, role=None), results, docs, items, named,
                                                        _doc_heads(service), similarity, headings)
        if not answer and q.kind == "who" and q.role is None and not q.relation and q.groups:
            answer, role, support, best = _definition_answer(q, results, docs, items, named, _doc_heads(service),
                                                             similarity, headings)
        if not answer and q.kind == "who" and q.role and q.role not in _VERB_ROLES and not q.relation and \
                q.groups and _role_words_elsewhere(q):
            answer, role, support, best = _actor_answer(replace(q, role=None), results, docs, items, named,
                                                        _doc_heads(service), similarity, headings)
    if not answer:
        answer, best, role, support = None, [], None, None
    texts = _texts(service) if best else {}
    citations = [citation(it, texts.get(it["doc_id"])) for it in best] if best else \
        [citation(r.to_dict()) for r in results[:3]]
    return {"question": question, "kind": q.kind, "role": role or q.role,
            "interpreted": _shown_interpretation(response, question),
            "answer": answer, "message": None if answer else NOT_FOUND_VI, "support": support,
            "items": [dict(it) for it in best], "citations": citations,
            "_considered": {(it["doc_id"], it["start"], it["end"]) for _, it, _ in scored}}


__all__ = ["NOT_FOUND_VI", "QUESTION_KINDS", "analyze", "ask", "classify", "content_terms", "role_words"]
