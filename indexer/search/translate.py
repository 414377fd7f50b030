"""English question -> Vietnamese search terms, through a domain glossary.

The e5 model embeds English questions close to Vietnamese passages only roughly, and BM25 over a
Vietnamese index shares no words with them. A glossary of the administrative, Party and legal
vocabulary (``data/glossary-en-vi.tsv``, plain text, extendable by users) turns the content words of
an English question into Vietnamese terms, which then go through the normal lexical leg. Phrases
are matched longest first ("health insurance" before "health"); words are reduced to a base form by
a few suffix rules; numbers are kept as they are ("2030"); words the glossary lacks are dropped.
Pure functions over a loaded glossary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

GLOSSARY = Path(__file__).with_name("data") / "glossary-en-vi.tsv"
MAX_PHRASE = 4
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")


def load_glossary(path: Path = GLOSSARY) -> dict[tuple[str, ...], list[str]]:
    """English phrase (as a tuple of base-form words) -> Vietnamese equivalents."""
    out: dict[tuple[str, ...], list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        en, vi = line.split("\t", 1)
        key = tuple(base_form(w) for w in tokens(en))
        if key:
            out.setdefault(key, [])
            out[key] += [v.strip() for v in vi.split("|") if v.strip() and v.strip() not in out[key]]
    return out


@lru_cache(maxsize=1)
def default_glossary() -> dict[tuple[str, ...], list[str]]:
    return load_glossary()


def tokens(text: str) -> list[str]:
    text = text.lower().replace("’", "'")
    return [t.removesuffix("'s") for t in _TOKEN.findall(text)]


def base_form(word: str) -> str:
    """A crude English stem that maps inflections onto one key (tasks/task, held/held, ...)."""
    if word.isdigit() or len(word) <= 3:
        return word
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if word.endswith(suffix):
            return word[: -len(suffix)] + repl
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
        return word[:-1] if len(word) > 3 and word[-1] == word[-2] else word
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ed") and len(word) > 4:
        word = word[:-2]
        return word[:-1] if len(word) > 3 and word[-1] == word[-2] else word
    return word


def translate(text: str, glossary: dict[tuple[str, ...], list[str]] | None = None) -> str:
    """Vietnamese terms for an English query ("" when nothing is known)."""
    out: list[str] = []
    for _, vi in translate_groups(text, glossary):
        out.extend(v for v in vi if v not in out)
    return " ".join(out)


def translate_groups(text: str, glossary: dict[tuple[str, ...], list[str]] | None = None
                     ) -> list[tuple[str, list[str]]]:
    """The same translation, kept per English phrase: [(english phrase, [Vietnamese equivalents])];
    an English word the glossary lacks comes back with an empty list (the answer engine needs to
    know which words of the question have no Vietnamese counterpart); a number maps to itself."""
    glossary = default_glossary() if glossary is None else glossary
    words = tokens(text)
    keys = [base_form(w) for w in words]
    out: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            phrase = tuple(keys[i : i + n])
            hit = glossary.get(phrase) or (glossary.get(tuple(words[i : i + n])) if n == 1 else None)
            if hit:
                out.append((" ".join(words[i : i + n]), list(hit)))
                i += n
                break
        else:
            out.append((words[i], [words[i]] if words[i][0].isdigit() else []))
            i += 1
    return out
