"""Diacritic restoration for queries typed without accents, learned from the indexed corpus.

"ty le che phu rung" -> "tỷ lệ che phủ rừng". Each syllable's candidates are the accented forms the
corpus writes for it; the sequence chosen is the likeliest under a trigram model of the corpus
(Viterbi over pairs of forms, Witten-Bell smoothing down to each form's own frequency). The
embedding model reads accented Vietnamese far better than unaccented text; the lexical leg does not
need it (it has the folded field) but benefits from exact words too; the answer engine segments
the restored question, and the user sees it ("Đã hiểu là: …").

Why a language model, not the longest n-gram's most frequent form: taken greedily from the left, a
gram ending in the question's own words swallowed them ("đánh giá bảo nhiều năm" for "danh gia bao
nhieu nam"), and a frequent word beat the one its neighbours call for ("bắt đầu tư thời điểm").
On the Vietnamese questions of the answer sets, folded and restored (bench/accents.py), syllables
came back right 95.0% -> 98.3% (odd lines, which chose the design and weights) and 95.2% -> 98.4%
(even lines); whole questions 44% -> 74% and 42% -> 73%.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from indexer.text import fold

_SYL = re.compile(r"\w+", re.UNICODE)
MAX_N = 3  # (syllables, bigrams, and the trigrams that carry an accent)


def _named(word: str) -> bool:
    """A capitalised word ("Nam" of "Việt Nam", "Bình", a sentence's first word): alone, it says
    how names are written, not how a question typed without diacritics means the syllable. Counted,
    the laws' many "Việt Nam" restored every "nam" as "nam" (the year, "năm", is what questions
    ask: "tối đa bao nhiêu nam"); the name itself is restored by its two-syllable gram."""
    return word[:1].isupper() and not word.isupper()


def count_accents(texts: Iterable[str]) -> dict[str, dict[str, int]]:
    """folded n-gram (n = 1..3, space separated) -> {accented form: count} for one document's texts.
    Stored per document by the engine, so the corpus model can be re-merged after any write."""
    counts: Counter = Counter()
    for text in texts:
        raw = _SYL.findall(text)
        words = [w.lower() for w in raw]
        for n in range(1, MAX_N + 1):
            for i in range(len(words) - n + 1):
                if n == 1 and _named(raw[i]):
                    continue
                gram = " ".join(words[i : i + n])
                # (a bigram without accents too: "trong khi" is what makes "khi" no "khí")
                if fold(gram) != gram or n <= 2:
                    counts[gram] += 1
    out: dict[str, dict[str, int]] = {}
    for gram, c in counts.items():
        out.setdefault(fold(gram), {})[gram] = c
    return out


def merge_accent_counts(per_document: Iterable[dict[str, dict[str, int]]]) -> dict[str, dict[str, int]]:
    """The restoration counts of a collection: each folded n-gram -> {form: count} over all its
    documents (plain dicts, not Counters: five times faster on a cold start). Stored with an index
    generation as JSON; ``AccentModel`` reads it."""
    totals: dict[str, dict[str, int]] = {}
    for counts in per_document:
        for key, forms in counts.items():
            seen = totals.get(key)
            if seen is None:
                totals[key] = dict(forms)
            else:
                for form, c in forms.items():
                    seen[form] = seen.get(form, 0) + c
    return totals


def build_accent_model(texts: Iterable[str]) -> AccentModel:
    """The restoration model of one collection of texts."""
    return AccentModel(merge_accent_counts([count_accents(texts)]))


class AccentModel:
    """Merged counts (``merge_accent_counts``) ready for ``restore``: each folded syllable's
    candidate forms, and how often each form opens a bigram (the denominator of a transition: a
    name's "Hà" is counted in "Hà Tĩnh", never alone). A stored model of the first format (one best
    form per n-gram) is read as counts of one."""

    def __init__(self, counts: Mapping[str, Mapping[str, int] | str]):
        # (read, never written: the merged counts are used as they are, not copied)
        self.counts: dict[str, dict[str, int]] = {
            key: ({forms: 1} if isinstance(forms, str) else forms) for key, forms in counts.items()}
        self.candidates: dict[str, dict[str, int]] = {}
        self.opens: dict[str, int] = {}
        self.in_bigrams: dict[str, int] = {}
        self.followers: dict[str, int] = {}  # distinct words seen after a form
        self.opens3: dict[str, int] = {}  # the same of a bigram, from the trigrams (accented ones)
        self.followers3: dict[str, int] = {}
        for key, forms in self.counts.items():
            parts = key.split(" ")
            if len(parts) == 1:
                self.candidates.setdefault(key, {}).update(forms)
            elif len(parts) == 3:
                for form, c in forms.items():
                    head = form.rsplit(" ", 1)[0]
                    self.opens3[head] = self.opens3.get(head, 0) + c
                    self.followers3[head] = self.followers3.get(head, 0) + 1
            elif len(parts) == 2:
                for form, c in forms.items():
                    first, second = form.split(" ")
                    self.opens[first] = self.opens.get(first, 0) + c
                    self.followers[first] = self.followers.get(first, 0) + 1
                    # a form only ever written capitalised (a name) is a candidate through its bigrams
                    for k, f in ((parts[0], first), (parts[1], second)):
                        self.candidates.setdefault(k, {}).setdefault(f, 0)
                        self.in_bigrams[f] = self.in_bigrams.get(f, 0) + c

    def __len__(self) -> int:
        return len(self.counts)

    def get(self, key: str) -> str | None:
        """The most frequent form of a folded n-gram (None when its best form has no accents)."""
        forms = self.counts.get(key)
        if not forms:
            return None
        best = max(forms, key=forms.__getitem__)
        return best if best != key else None

    def opening(self, form: str) -> int:
        """How often ``form`` is followed by a word: its own count, or its bigrams' (a name)."""
        return max(self.counts.get(fold(form), {}).get(form, 0), self.opens.get(form, 0), 1)

    def unseen_weight(self, form: str) -> float:
        """Witten-Bell: the more different words follow a form, the likelier an unseen one ("Bình
        Lư" is followed by thirty verbs; that the next is none of them says little)."""
        return PRIOR_WEIGHT * max(self.followers.get(form, 0), 1)

    def bigram(self, a: str, b: str, asked: bool = True) -> int:
        said = self.counts.get(fold(f"{a} {b}"), {}).get(f"{a} {b}", 0)
        if asked and QUESTION_BIGRAMS.get(fold(f"{a} {b}")) == f"{a} {b}":
            return max(said, self.opening(a))  # (``QUESTION_BIGRAMS``)
        return said

    def transition(self, a: str, b: str, prior: float, asked: bool = True) -> float:
        """P(b | a): the bigram's count smoothed towards b's prior (Witten-Bell)."""
        w = self.unseen_weight(a)
        return (self.bigram(a, b, asked) + w * prior) / (self.opening(a) + w)

    def transition3(self, a: str, b: str, c: str, prior: float) -> float:
        """P(c | a b): the trigram's count smoothed towards P(c | b) (Witten-Bell); P(c | b) when
        no trigram opens with "a b"."""
        # (a question's pair is no question's where the word before writes another form of its
        # first syllable: "lạm dụng ra sao", "công dụng", "tín dụng" are not "đứng ra")
        asked = not a or QUESTION_BIGRAMS.get(fold(f"{b} {c}")) != f"{b} {c}" or \
            not any(form.split(" ")[1] != b for form in self.counts.get(fold(f"{a} {b}"), ()))
        p2 = self.transition(b, c, prior, asked)
        head = f"{a} {b}"
        opened = self.opens3.get(head, 0)
        if not opened or not a:
            return p2
        t = TRIGRAM_WEIGHT * self.followers3[head]
        return (self.counts.get(fold(f"{head} {c}"), {}).get(f"{head} {c}", 0) + t * p2) / (opened + t)


# Candidates per syllable: the most frequent forms, and up to MAX_NAMES forms seen only in bigrams
# (capitalised: names), the most frequent first.
MAX_FORMS = 6
MAX_NAMES = 4
# Weight of a form's own frequency against the bigram's evidence, per distinct follower of the
# previous form (Witten-Bell smoothing of the transition towards the prior), and of the bigram's
# against the trigram's. Chosen on the odd lines' questions (bench/accents.py).
PRIOR_WEIGHT = 0.01
TRIGRAM_WEIGHT = 5.0


# The words a question asks with, which the documents (statements, not questions) seldom write:
# learned from the corpus, "bao nhieu" came back as "bảo nhiều", "bao lau" as "bảo lâu", "nhu the
# nao" as "như thể nào", "o dau" as "ở đầu". They are restored as questions write them, before the
# corpus's n-grams.
QUESTION_PHRASES = {
    "bao nhieu": "bao nhiêu", "bao lau": "bao lâu", "bao gio": "bao giờ", "khi nao": "khi nào",
    "nhu the nao": "như thế nào", "the nao": "thế nào", "ra sao": "ra sao", "o dau": "ở đâu",
    "la gi": "là gì", "nhung gi": "những gì", "tai sao": "tại sao", "vi sao": "vì sao",
    "nam nao": "năm nào", "ngay nao": "ngày nào", "thang nao": "tháng nào", "luc nao": "lúc nào",
    "nhung ai": "những ai", "la ai": "là ai", "cua ai": "của ai", "voi ai": "với ai", "cho ai": "cho ai",
    "phan tram": "phần trăm",  # (the documents write "%")
    # a milestone asked: the corpus writes "mốc" only in "mốc giới", so the pair came back "móc"
    "moc nao": "mốc nào", "moc thoi gian": "mốc thời gian",
}
# "mấy" (how many, which) before the noun it counts or after the ordinal it asks: the documents
# write numbers, so the corpus made it "máy" (a machine).
QUESTION_PHRASES.update({f"may {noun}": f"mấy {written}" for noun, written in (
    ("nam", "năm"), ("ngay", "ngày"), ("thang", "tháng"), ("tuan", "tuần"), ("gio", "giờ"), ("lan", "lần"),
    ("nguoi", "người"), ("bo", "bộ"), ("ban", "bản"), ("loai", "loại"), ("nhom", "nhóm"), ("cap", "cấp"),
    ("muc", "mức"), ("doi", "đời"), ("tuoi", "tuổi"), ("thanh vien", "thành viên"), ("phan", "phần"),
    ("hang", "hạng"), ("buoc", "bước"), ("giai doan", "giai đoạn"), ("ky", "kỳ"), ("dot", "đợt"))})
QUESTION_PHRASES.update({f"{noun} may": f"{written} mấy" for noun, written in (
    ("thu", "thứ"), ("lop", "lớp"), ("nhom", "nhóm"), ("hang", "hàng"), ("loai", "loại"), ("bac", "bậc"),
    ("cap", "cấp"), ("muc", "mức"), ("la", "là"), ("gom", "gồm"), ("co", "có"))})
# The asker's "tôi" with the words it goes with ("toi" alone is as often "tới" in a question: "tới
# năm nào", "toi da" is "tối đa", "chong toi pham" "chống tội phạm"); the corpus has no "tôi" and
# made it "tới", "tối" or "tội".
# (not "cua toi", "toi la", "toi phai": "hình phạt của tội …", "phạm tội là gì", "người phạm tội phải")
QUESTION_PHRASES.update({f"{a} toi": f"{b} tôi" for a, b in (
    ("chung", "chúng"), ("con", "con"), ("vo", "vợ"), ("nha", "nhà"))})
QUESTION_PHRASES.update({f"toi {a}": f"tôi {b}" for a, b in (("muon", "muốn"), ("dang", "đang"))})
# Sums of money asked: the documents write the number before "đồng", so the corpus's "dong" after
# a word is "hội đồng", "hoạt động".
QUESTION_PHRASES.update({"bao nhieu dong": "bao nhiêu đồng", "ty dong": "tỷ đồng", "nghin dong": "nghìn đồng",
                         "ngan dong": "ngàn đồng", "bao nhieu ty dong": "bao nhiêu tỷ đồng", "bao nhieu ty": "bao nhiêu tỷ",
                         "bao nhieu dong vat": "bao nhiêu động vật", "xe may": "xe máy",
                         "bao nhieu trieu dong": "bao nhiêu triệu đồng", "han chot": "hạn chót",
                         "muon nhat": "muộn nhất", "muon hon": "muộn hơn"})  # (a deadline's "muộn", not "muốn" below)
_MAX_PHRASE = max(len(k.split()) for k in QUESTION_PHRASES)

# Pairs a question says and the documents seldom do, whose syllables are each common in another
# pair: "ai đứng ra …" (who takes it on) came back "ai dụng ra", the "dụng" of "sử dụng" being thirteen
# times as frequent and the corpus writing "đứng ra" once. Unlike ``QUESTION_PHRASES`` they are not
# fixed: the pair is counted as often as its first form opens a pair, unless the word before is
# written with another form of its first syllable ("lạm dụng", "công dụng", "sử dụng ra sao", "nội
# dung ra sao" keep theirs, ``AccentModel.transition3``), so it wins where that word says nothing
# of it ("ai", "nào").
QUESTION_BIGRAMS = {"dung ra": "đứng ra", "moc nam": "mốc năm"}  # ("máy móc năm 2020" keeps its "móc")

# Syllables a question says and the documents seldom do ("muốn": the corpus has "mượn" 58 times,
# "muốn" 8; "mấy": the corpus writes numbers, and has "máy"): the question's form is counted as
# often as the syllable's likeliest form, so it wins wherever the corpus's bigrams say nothing.
QUESTION_WORDS = {"muon": "muốn", "may": "mấy"}


def _candidates(model: AccentModel, word: str, attested: Iterable[str] = ()) -> list[tuple[str, float]]:
    """(form, prior) of a typed syllable: the forms the corpus writes for it — its most frequent,
    and those it writes next to a neighbour of the question (``attested``: "do" after "ban" is the
    "đồ" of "bản đồ", though "do", "đó", "độ" … are written far more often)."""
    if fold(word) != word or not word.isalpha():
        return [(word, 1.0)]  # typed with its accents, or a number
    forms = model.candidates.get(word)
    if not forms:
        return [(word, 1.0)]
    ranked = sorted(forms.items(), key=lambda kv: (-kv[1], -model.in_bigrams.get(kv[0], 0)))
    chosen = ranked[:MAX_FORMS] + [kv for kv in ranked[MAX_FORMS:] if kv[1] == 0][:MAX_NAMES]
    have = {f for f, _ in chosen}
    chosen += [(f, forms[f]) for f in dict.fromkeys(attested) if f in forms and f not in have]
    if word not in dict(chosen):
        chosen.append((word, forms.get(word, 0)))
    if word in QUESTION_WORDS:
        asked = QUESTION_WORDS[word]
        chosen = [kv for kv in chosen if kv[0] != asked] + [(asked, max(c for _, c in chosen))]
    total = sum(c for _, c in chosen) + 0.5 * len(chosen)
    return [(form, (c + 0.5) / total) for form, c in chosen]


def _attested(model: AccentModel, lower: list[str], i: int) -> list[str]:
    """The forms of syllable i the corpus writes in a bigram with the syllable before or after it."""
    out = []
    if i:
        out += [form.split(" ")[1] for form in model.counts.get(f"{lower[i - 1]} {lower[i]}", ())]
    if i + 1 < len(lower):
        out += [form.split(" ")[0] for form in model.counts.get(f"{lower[i]} {lower[i + 1]}", ())]
    return out


def restore(query: str, model: AccentModel | Mapping) -> str:
    """The query with accents restored where the corpus knows the words; other words unchanged.
    The question's own words (``QUESTION_PHRASES``) are fixed first; the rest is the likeliest
    sequence of forms under the corpus's bigrams."""
    found = list(_SYL.finditer(query))
    words = [m.group(0) for m in found]
    if not words or not model:
        return query
    if not isinstance(model, AccentModel):
        model = AccentModel(model)
    lower = [w.lower() for w in words]
    n = len(words)
    options: list[list[tuple[str, float]]] = []
    i = 0
    while i < n:
        phrase = next((m for m in range(min(_MAX_PHRASE, n - i), 1, -1)
                       if " ".join(lower[i:i + m]) in QUESTION_PHRASES), None)
        if phrase:
            options.extend([(new, 1.0)] for new in QUESTION_PHRASES[" ".join(lower[i:i + phrase])].split(" "))
            i += phrase
            continue
        options.append(_candidates(model, lower[i], _attested(model, lower, i)))
        i += 1
    # Viterbi over pairs: layer[(previous form, form)] = (log probability of the best sequence
    # ending in them, the pair before them)
    layers = [{("", form): (math.log(p), None) for form, p in options[0]}]
    for i in range(1, n):
        layer: dict[tuple[str, str], tuple[float, tuple[str, str]]] = {}
        for (a, b), (score, _) in layers[-1].items():
            for form, prior in options[i]:
                sc = score + math.log(model.transition3(a, b, form, prior))
                if (b, form) not in layer or sc > layer[(b, form)][0]:
                    layer[(b, form)] = (sc, (a, b))
        layers.append(layer)
    state = max(layers[-1], key=lambda k: layers[-1][k][0])
    chosen = []
    for layer in reversed(layers):
        chosen.append(state[1])
        state = layer[state][1]
    chosen.reverse()
    # (a word the corpus does not know, or typed with its accents, stays as typed: "UBTVQH", "THPT";
    # and so does everything between the words: "06-NQ/TU", the comma that ends a clause)
    out, pos = [], 0
    for m, new in zip(found, chosen):
        orig = m.group(0)
        out.append(query[pos:m.start()])
        out.append(orig if new == orig.lower() else (new[:1].upper() + new[1:] if orig[:1].isupper() else new))
        pos = m.end()
    out.append(query[pos:])
    return "".join(out)
