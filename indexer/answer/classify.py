"""What a question asks for (who / target / when / tasks / general), in Vietnamese with or without
diacritics and in English, and the content words an answer must contain. Matching is done on the
folded (diacritics-free, lower-case) question, so "ai chiu trach nhiem" and "Ai chịu trách nhiệm"
are the same."""

from __future__ import annotations

import re

from indexer.text import QUESTION_STOPWORDS as _STOP, folded_words, query_language
from indexer.search.kinds import QUESTION_KINDS, classify, fold_question, percent_sign  # noqa: F401 (one home: the search layer ranks by it too)
from indexer.search.translate import translate

_ROLE_WORDS = {"chu tri": "chủ trì", "phoi hop": "phối hợp", "tham muu": "tham mưu",
               "huong dan": "hướng dẫn", "kiem tra": "kiểm tra/giám sát", "giam sat": "kiểm tra/giám sát",
               "bao cao": "báo cáo", "lead": "chủ trì", "coordinate": "phối hợp", "advise": "tham mưu",
               "guide": "hướng dẫn", "inspect": "kiểm tra/giám sát", "supervise": "kiểm tra/giám sát",
               "report": "báo cáo"}


# Words naming documents, not subjects: they match every item of every plan.
_GENERIC_EN = {"program", "programme", "programs", "plan", "plans", "resolution", "resolutions",
               "conclusion", "document", "documents", "law", "laws", "project", "scheme", "who"}
_ROLE_SYLLABLES = {w for phrase in _ROLE_WORDS for w in phrase.split()}


def content_terms(question: str) -> list[str]:
    """Folded content words of a question. An English question is first turned into Vietnamese
    terms by the search glossary (indexer/search/data/glossary-en-vi.tsv); English words it lacks
    are left out."""
    if query_language(question) == "en":  # role words ("who" -> chủ trì) say what kind, not what about
        english = " ".join(w for w in re.findall(r"[a-z']+|\d+", question.lower()) if w not in _GENERIC_EN)
        words = folded_words(translate(english)).split()
        words = [w for w in words if w not in _ROLE_SYLLABLES]
    else:
        words = folded_words(question).split()
    return [w for w in words if w not in _STOP and not w.isdigit() and len(w) > 1]



def role_words(question: str) -> list[str]:
    q = f" {folded_words(question)} "
    return list(dict.fromkeys(role for w, role in _ROLE_WORDS.items() if f" {w} " in q))
