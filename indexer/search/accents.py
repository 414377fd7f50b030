"""Diacritic restoration for queries typed without accents, learned from the indexed corpus.

"ty le che phu rung" -> "tỷ lệ che phủ rừng": each run of one to three syllables is replaced by
the most frequent accented spelling of that run in the corpus (longest match first). The embedding
model reads accented Vietnamese far better than unaccented text; the lexical leg does not need it
(it has the folded field) but benefits from exact words too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from indexer.text import fold

_SYL = re.compile(r"\w+", re.UNICODE)
MAX_N = 3


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
                if fold(gram) != gram or n == 1:
                    counts[gram] += 1
    out: dict[str, dict[str, int]] = {}
    for gram, c in counts.items():
        out.setdefault(fold(gram), {})[gram] = c
    return out


def merge_accent_counts(per_document: Iterable[dict[str, dict[str, int]]]) -> dict[str, str]:
    """The restoration model: each folded n-gram -> its most frequent accented form over all
    documents (ties: the first form seen). Keys whose best form has no accents are dropped.
    (Plain dicts, not Counters: five times faster on a cold start, the same result.)"""
    totals: dict[str, dict[str, int]] = {}
    for counts in per_document:
        for key, forms in counts.items():
            seen = totals.get(key)
            if seen is None:
                totals[key] = dict(forms)
            else:
                for form, c in forms.items():
                    seen[form] = seen.get(form, 0) + c
    model = {}
    for key, forms in totals.items():
        best = next(iter(forms)) if len(forms) == 1 else max(forms, key=forms.__getitem__)
        if best != key:
            model[key] = best
    return model


def build_accent_model(texts: Iterable[str]) -> dict[str, str]:
    """The restoration model of one collection of texts."""
    return merge_accent_counts([count_accents(texts)])


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
}
_MAX_PHRASE = max(len(k.split()) for k in QUESTION_PHRASES)


def restore(query: str, model: dict[str, str]) -> str:
    """The query with accents restored where the corpus knows the words; other words unchanged."""
    words = _SYL.findall(query)
    if not words or not model:
        return query
    lower = [w.lower() for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        phrase = next((n for n in range(min(_MAX_PHRASE, len(words) - i), 1, -1)
                       if " ".join(lower[i:i + n]) in QUESTION_PHRASES), None)
        if phrase:
            for orig, new in zip(words[i:i + phrase], QUESTION_PHRASES[" ".join(lower[i:i + phrase])].split(" ")):
                out.append(new[:1].upper() + new[1:] if orig[:1].isupper() else new)
            i += phrase
            continue
        for n in range(min(MAX_N, len(words) - i), 0, -1):
            key = " ".join(lower[i : i + n])
            if key in model:
                for orig, new in zip(words[i : i + n], model[key].split(" ")):
                    out.append(new[:1].upper() + new[1:] if orig[:1].isupper() else new)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)
