"""Spans of query words inside a passage, matched as words, without diacritics or case.

A passage is cut into words the way the index cuts it (underthesea: "tuyên truyền", "truyền
thanh", "che phủ"). A word is marked when its syllables appear, in order and side by side, in the
query: the query "tuyên truyền" marks "tuyên truyền" but not the "truyền" of "truyền thanh" (another
word), and "ty le che phu rung" still marks "Tỷ lệ che phủ rừng". The query is not segmented, so a
query typed without diacritics (which the segmenter cannot read) works the same way.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from indexer.text import HIGHLIGHT_STOPWORDS, fold, modern_tones

_SYLLABLE = re.compile(r"\w+", re.UNICODE)
MAX_WORD_SYLLABLES = 6


def tokens_from_terms(terms: list[str], syllables: int) -> tuple[str, ...] | None:
    """The words of a passage rebuilt from its stored lexical terms (``analyzer.segment`` of the
    indexed text: each compound "a_b" followed by its syllables), keeping the last words that cover
    ``syllables`` syllables (the indexed text starts with a heading line the passage does not
    have). Segmenting a passage again at query time costs ~10 ms each; this costs microseconds.
    None when the terms do not cover that many syllables."""
    words: list[str] = []
    i = 0
    while i < len(terms):
        t = terms[i]
        if "_" in t:
            words.append(t.replace("_", " "))
            i += 1 + t.count("_") + 1
        else:
            words.append(t)
            i += 1
    out: list[str] = []
    count = 0
    for w in reversed(words):
        if count >= syllables:
            break
        out.append(w)
        count += w.count(" ") + 1
    return tuple(reversed(out)) if count == syllables else None


def _words(text: str, terms: str | list[str] | None = None) -> list[list[tuple[int, int]]]:
    """Words of ``text`` as lists of syllable spans: from the index's segmentation (``terms``, a
    list or the stored space-separated string) when given, else by the segmenter; one word per
    syllable when the segmenter is unavailable or its tokens do not line up with the text."""
    if isinstance(terms, str):
        terms = terms.split()
    spans = [(m.start(), m.end()) for m in _SYLLABLE.finditer(text)]
    tokens = tokens_from_terms(terms, len(spans)) if terms else None
    if tokens is not None:
        # The stored terms are the text's own syllables, lower-cased: one comparison over the
        # whole passage (folded: the segmenter may rewrite old-style tone marks) instead of one
        # per word makes a passage seen for the first time cheap.
        stored = fold(" ".join(tokens))
        if stored == fold(" ".join(text[s:e] for s, e in spans).lower()):
            out, pos = [], 0
            for token in tokens:
                n = token.count(" ") + 1
                out.append(spans[pos:pos + n])
                pos += n
            return out
    if tokens is None:
        tokens = _segment(text)
    if tokens is None:
        return [[s] for s in spans]
    out: list[list[tuple[int, int]]] = []
    pos = 0
    for token in tokens:
        n = len(_SYLLABLE.findall(token))
        if n == 0:
            continue
        word = spans[pos:pos + n]
        # the segmenter rewrites old-style tone marks ("hoá" -> "hóa"): compare without them
        if len(word) != n or fold("".join(text[s:e] for s, e in word)).lower() != \
                fold("".join(_SYLLABLE.findall(token))).lower():
            return [[s] for s in spans]
        out.append(word)
        pos += n
    if pos != len(spans):
        return [[s] for s in spans]
    return out


_WORDS_CACHE: dict[str, tuple[list[list[tuple[int, int]]], str, dict[str, list[int]]]] = {}
_WORDS_CACHE_SIZE = 2048  # ~6 KB each; a passage seen first costs ~0.1 ms (the stored terms)
_WORDS_LOCK = threading.Lock()


def _passage_words(text: str, terms: str | list[str] | None
                   ) -> tuple[list[list[tuple[int, int]]], str, dict[str, list[int]]]:
    """``_words`` of a passage with its lower-cased text and where its words start with each
    first syllable, folded (the highlighter's cheap first test: only the words starting like a
    query word are looked at), remembered per passage text: a passage's words never change, and
    popular passages come back in many results."""
    entry = _WORDS_CACHE.get(text)
    if entry is None:
        words = _words(text, terms)
        lowered = text.lower()
        folded = fold(lowered)
        heads: dict[str, list[int]] = {}
        for i, w in enumerate(words):
            heads.setdefault(folded[w[0][0]:w[0][1]], []).append(i)
        entry = (words, lowered, heads)
        with _WORDS_LOCK:  # concurrent searches evict one at a time
            if len(_WORDS_CACHE) >= _WORDS_CACHE_SIZE:
                _WORDS_CACHE.pop(next(iter(_WORDS_CACHE)), None)
            _WORDS_CACHE[text] = entry
    return entry


def _segment(text: str) -> tuple[str, ...] | None:
    """The segmenter's words of ``text`` (None: fall back to syllables). A query's words come from
    the analyzer's cache, filled by the search's own lexical leg a moment before."""
    from indexer.index.analyzer import SHORT_TEXT, _segmenter, segmented

    if len(text) <= SHORT_TEXT:
        return segmented(text)
    try:
        return tuple(_segmenter()(text))
    except Exception:  # highlighting must never fail a search: fall back to syllables
        return None


def _query_ngrams(query: str) -> dict[int, set[tuple[str, ...]]]:
    """The query's words as syllable tuples, by length, lower-cased with modern tone marks. A
    query written with diacritics is segmented like the text ("tuyên truyền" is one word, so a
    lone "truyền" in "truyền dạy" is another); one written without them cannot be, and every run
    of its syllables counts as a word."""
    syl = [modern_tones(s.lower()) for s in _SYLLABLE.findall(query)]
    words: list[tuple[str, ...]] = []
    if fold(query) != query:
        tokens = _segment(query)
        if tokens is not None:
            words = [tuple(modern_tones(x.lower()) for x in _SYLLABLE.findall(t)) for t in tokens]
            words = [w for w in words if w]
            if [x for w in words for x in w] != syl:
                words = []
    if not words:
        words = [tuple(syl[i:i + n]) for n in range(1, MAX_WORD_SYLLABLES + 1)
                 for i in range(len(syl) - n + 1)]
    out: dict[int, set[tuple[str, ...]]] = {}
    for w in words:
        out.setdefault(len(w), set()).add(w)
    return out


def _same(q: str, t: str) -> bool:
    """A query syllable typed with diacritics must match them ("tuyên" is not "tuyến"); one typed
    without diacritics matches any ("tuyen" finds "tuyên")."""
    return q == t or (fold(q) == q and fold(t) == q)


def _by_fold(grams: dict[int, set[tuple[str, ...]]]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """The query words keyed by their folded syllables: a text run can only be named by a query
    word that folds like it, so ``_named`` compares a run with those few, not with every word."""
    out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for size in grams.values():
        for g in size:
            out.setdefault(tuple(fold(x) for x in g), []).append(g)
    return out


def _named(key: tuple[str, ...], folded_key: tuple[str, ...],
           by_fold: dict[tuple[str, ...], list[tuple[str, ...]]]) -> bool:
    return any(g == key or all(_same(q, t) for q, t in zip(g, key)) for g in by_fold.get(folded_key, ()))


@lru_cache(maxsize=65536)
def _syllable(text: str) -> tuple[str, str]:
    """A text syllable (lower-cased) with modern tone marks, and folded: the same few thousand
    syllables come back in every passage."""
    modern = modern_tones(text)
    return modern, fold(modern)


@lru_cache(maxsize=256)
def _query_words(query: str) -> tuple[dict[int, set[tuple[str, ...]]],
                                      dict[tuple[str, ...], list[tuple[str, ...]]], dict[str, set[int]]]:
    """``_query_ngrams`` and ``_by_fold`` of a query, and the syllable counts of its words by
    their first syllable, folded: once for all the passages of its results."""
    # Only words that can be marked: a stopword ("của", "và") is never marked (``_is_content`` of a
    # text run is that of the query word it folds like), and leaving it out here spares testing
    # every one of its many places in a passage.
    grams = {n: kept for n, words in _query_ngrams(query).items()
             if (kept := {w for w in words if _is_content(w)})}
    by_fold = _by_fold(grams)
    sizes: dict[str, set[int]] = {}
    for key in by_fold:
        sizes.setdefault(key[0], set()).add(len(key))
    return grams, by_fold, sizes


@lru_cache(maxsize=8192)
def _is_content(word: tuple[str, ...]) -> bool:
    word = tuple(fold(w) for w in word)
    if len(word) > 1:
        return not all(w in HIGHLIGHT_STOPWORDS for w in word)
    w = word[0]
    return w not in HIGHLIGHT_STOPWORDS and (len(w) > 1 or w.isdigit())


def highlight_spans(text: str, query: str, terms: str | list[str] | None = None) -> list[list[int]]:
    """[[start, end], ...] of the words of ``text`` that the query names; adjacent hits are merged
    into one span. ``terms``: the passage's stored word terms (its segmentation), when known."""
    grams, by_fold, sizes = _query_words(query)
    if not grams or not text.strip():
        return []
    spans: list[list[int]] = []
    words, lowered, heads = _passage_words(text, terms)
    # Each syllable normalised once (lower case, modern tone marks), and cheap first tests: a run
    # can only be named when its first syllable, folded, starts some query word, and only when it
    # has as many syllables as one of those words (``sizes``): the few runs left are compared.
    norm: dict[tuple[int, int], tuple[str, str]] = {}
    longest = max(grams)  # no run longer than the longest query word can be named
    n_words = len(words)
    after = 0  # the first word not inside a span already marked
    starts = sorted(i for head in sizes.keys() & heads.keys() for i in heads[head])
    for i in starts:
        if i < after:
            continue
        first = words[i][0]
        if first not in norm:
            norm[first] = _syllable(lowered[first[0]:first[1]])
        lengths = sizes.get(norm[first][1])
        if not lengths:
            continue
        ends, count = [], 0  # the runs words[i:k] whose syllable count a query word has
        for k in range(i, min(n_words, i + longest)):
            count += len(words[k])
            if count > longest:
                break
            if count in lengths:
                ends.append(k + 1)
        for k in reversed(ends):  # the longest run first
            run = [syl for w in words[i:k] for syl in w]
            for span in run:
                if span not in norm:
                    norm[span] = _syllable(lowered[span[0]:span[1]])
            key = tuple(norm[span][0] for span in run)
            if _named(key, tuple(norm[span][1] for span in run), by_fold) and _is_content(key):
                start, end = run[0][0], run[-1][1]
                if spans and text[spans[-1][1]:start].isspace():
                    spans[-1][1] = end
                else:
                    spans.append([start, end])
                after = k
                break
    return spans
