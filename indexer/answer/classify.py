"""What a question asks for (who / target / when / tasks / general), in Vietnamese with or without
diacritics and in English, and the content words an answer must contain. Matching is done on the
folded (diacritics-free, lower-case) question, so "ai chiu trach nhiem" and "Ai chịu trách nhiệm"
are the same."""

from __future__ import annotations

import re

from indexer.text import QUESTION_STOPWORDS as _STOP, folded_words
from indexer.search.translate import translate

QUESTION_KINDS = ("who", "target", "when", "tasks", "general")

_WHEN = re.compile(r"\b(?:khi nao|bao gio|thoi han|han chot|han khi nao|truoc ngay nao|ngay nao|"
                   r"thang nao|nam nao|quy nao|giai doan nao|thoi gian nao|thoi diem nao|luc nao|tien do|"
                   r"bao lau|chu ky nao|thoi hieu|"
                   r"deadline|by when|what date|which date|which period|what period|time ?frame|due|"
                   r"which year|what year|how long|how often|within how many|"
                   r"how many (?:working )?(?:days|months|years))\b|"
                   r"^when (?:is|are|was|were|will|must|does|do|did|should|can|has|have)\b|"
                   r"(?<!^)\bwhen\b(?! (?:investigat|\w+ing\b))")
_TASKS = re.compile(r"\b(?:nhiem vu gi|lam gi|phai lam|co nhiem vu|nhiem vu cua|trach nhiem gi|"
                    r"what (?:tasks|duties|must|should|does)|tasks? of|duties of|what is .* responsible for)\b")
_WHO = re.compile(r"(?:^|\s)(?:ai|co quan nao|don vi nao|to chuc nao|ban nao|cap nao|ben nao|bo nao|"
                  r"nhung ai|voi ai|"
                  r"chiu trach nhiem|chu tri|phu trach|who|whom|which (?:agency|agencies|body|bodies|unit|units|"
                  r"office|organi[sz]ation|department|committee|authority|authorities|ministry|party body|"
                  r"organ|organs|level)|responsible|in charge)(?:\s|$|\?)")
_TARGET = re.compile(r"\b(?:bao nhieu|may|muc tieu|chi tieu|ty le|phan tram|toc do|dat muc|muc nao|tuoi nao|"
                     # English nouns and verbs inflect: "is … targeting", "the targeted rate", "goals"
                     r"how (?:many|much)|target(?:s|ed|ing)?|percent|percentage|rates?|goals?|indicators?|"
                     r"budgets?|total|"
                     r"what share|which share|what proportion|what level)\b")


_ROLE_WORDS = {"chu tri": "chủ trì", "phoi hop": "phối hợp", "tham muu": "tham mưu",
               "huong dan": "hướng dẫn", "kiem tra": "kiểm tra/giám sát", "giam sat": "kiểm tra/giám sát",
               "bao cao": "báo cáo", "lead": "chủ trì", "coordinate": "phối hợp", "advise": "tham mưu",
               "guide": "hướng dẫn", "inspect": "kiểm tra/giám sát", "supervise": "kiểm tra/giám sát",
               "report": "báo cáo"}


# Words naming documents, not subjects: they match every item of every plan.
_GENERIC_EN = {"program", "programme", "programs", "plan", "plans", "resolution", "resolutions",
               "conclusion", "document", "documents", "law", "laws", "project", "scheme", "who"}
_ROLE_SYLLABLES = {w for phrase in _ROLE_WORDS for w in phrase.split()}


# Heads of a who-word ("ban nào", "bộ nào", "cấp nào", "bên nào") as they are written with
# diacritics. Folded, "bản nào" (which village), "bán", "bạn" read as "ban nào" (which board), "bò"
# as "bộ": when the question carries diacritics, a word that folds to a head but is written
# otherwise is not that head.
_WHO_HEADS = {"ban": "ban", "bo": "bộ", "cap": "cấp", "ben": "bên"}


def fold_question(question: str) -> str:
    """The folded question, a false friend of a who-head (see ``_WHO_HEADS``) kept apart as
    "x<syllable>" when the question was typed with diacritics."""
    if not any(ord(c) > 127 for c in question):
        return folded_words(question)
    out = []
    for word in re.findall(r"\w+", question):
        folded = folded_words(word)
        proper = _WHO_HEADS.get(folded)
        out.append(f"x{folded}" if proper and word.lower() != proper else folded)
    return " ".join(out)


def classify(question: str) -> str:
    """who | target | when | tasks | general."""
    q = f" {fold_question(question)} "
    if _WHEN.search(q):
        return "when"
    if _TASKS.search(q):
        return "tasks"
    if _WHO.search(q):
        return "who"
    if _TARGET.search(q):
        return "target"
    return "general"


def content_terms(question: str) -> list[str]:
    """Folded content words of a question. An English question is first turned into Vietnamese
    terms by the search glossary (indexer/search/data/glossary-en-vi.tsv); English words it lacks
    are left out."""
    if _looks_english(question):  # role words ("who" -> chủ trì) say what kind, not what about
        english = " ".join(w for w in re.findall(r"[a-z']+|\d+", question.lower()) if w not in _GENERIC_EN)
        words = folded_words(translate(english)).split()
        words = [w for w in words if w not in _ROLE_SYLLABLES]
    else:
        words = folded_words(question).split()
    return [w for w in words if w not in _STOP and not w.isdigit() and len(w) > 1]


def _looks_english(question: str) -> bool:
    return not any(ord(c) > 127 for c in question) and bool(
        re.search(r"\b(?:the|is|are|what|who|which|how|for|of|when|target|responsible)\b", question.lower()))


def role_words(question: str) -> list[str]:
    q = f" {folded_words(question)} "
    return list(dict.fromkeys(role for w, role in _ROLE_WORDS.items() if f" {w} " in q))
