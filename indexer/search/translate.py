"""English question -> Vietnamese search terms, through a domain glossary.

The e5 model embeds English questions close to Vietnamese passages only roughly, and BM25 over a
Vietnamese index shares no words with them. A glossary of the administrative, Party and legal
vocabulary (``data/glossary-en-vi.tsv``, plain text, extendable by users) turns the content words of
an English question into Vietnamese terms, which then go through the normal lexical leg. Phrases
are matched longest first ("health insurance" before "health"); words are reduced to a base form by
a few suffix rules and a table of irregular forms ("held" -> hold, "children" -> child), an -ing/-ed
stem is also tried with its silent "e" ("raising" -> raise); a word asked in its base form does not
take the senses of an entry written inflected ("new" is not "news", "meet" is not "meeting");
an unknown -ment/-ness noun falls back to the word it derives from ("enforcement" -> enforce);
"which types of X" asks about X. Numbers are kept as they are ("2030"); words the glossary lacks are
dropped. A line's "|" joins wordings of one meaning, ";" separates meanings (``Glossary.primary``).
Pure functions over a loaded glossary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

GLOSSARY = Path(__file__).with_name("data") / "glossary-en-vi.tsv"
THESAURUS = Path(__file__).with_name("data") / "thesaurus-vi.txt"  # Vietnamese wordings of one meaning
MAX_PHRASE = 4
MAX_TITLE = 6  # words of a law's name ("drug prevention and control")
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")


class Glossary(dict):
    """English phrase (a tuple of base-form words) -> Vietnamese equivalents, remembering each
    entry's own spelling (``entries``): "news" and "new" share the base form "new", "meeting" and
    "meet" the base form "meet", but a question saying "new" or "meet" does not mean the entry that
    says "news" or "meeting" (see ``lookup``)."""

    def __init__(self):
        super().__init__()
        self.entries: dict[tuple[str, ...], list[tuple[tuple[str, ...], list[str]]]] = {}
        # The first meaning of each line only ("a|b;c" -> a, b): wordings of one meaning, which
        # the answer engine may read as synonyms of each other (question._thesaurus); a word's
        # other meanings ("second": thứ hai; biệt phái) are no synonyms of its first.
        self.primary: dict[tuple[str, ...], list[str]] = {}


def load_glossary(path: Path = GLOSSARY) -> Glossary:
    """English phrase (as a tuple of base-form words) -> Vietnamese equivalents. A line is
    "english<TAB>vi|vi;vi": "|" between wordings of one meaning, ";" between meanings."""
    out = Glossary()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        en, vi = line.split("\t", 1)
        words = tuple(tokens(en))
        key = tuple(base_form(w) for w in words)
        if key:
            meanings = [[v.strip() for v in m.split("|") if v.strip()] for m in vi.split(";")]
            senses = [v for m in meanings for v in m]
            out.setdefault(key, [])
            out[key] += [v for v in senses if v not in out[key]]
            out.entries.setdefault(key, []).append((words, senses))
            primary = out.primary.setdefault(key, [])
            primary += [v for v in meanings[0] if v not in primary]
    return out


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    return load_glossary()


def tokens(text: str) -> list[str]:
    text = text.lower().replace("’", "'")
    return [t.removesuffix("'s") for t in _TOKEN.findall(text)]


# Past forms and plurals no suffix rule brings back (the glossary's own lines for some of them win:
# "found" is also "establish").
_IRREGULAR = dict(pair.split(":") for pair in """
held:hold drew:draw drawn:draw made:make gave:give given:give took:take taken:take sent:send
kept:keep brought:bring built:build chose:choose chosen:choose began:begin begun:begin sold:sell
bought:buy spent:spend taught:teach won:win undertook:undertake undertaken:undertake
oversaw:oversee overseen:oversee withdrew:withdraw withdrawn:withdraw arose:arise arisen:arise
shown:show grown:grow paid:pay laid:lay told:tell wrote:write written:write ran:run fed:feed
bred:breed met:meet lent:lend lost:lose sought:seek struck:strike chosen:choose driven:drive
drove:drive forbade:forbid forbidden:forbid stolen:steal stole:steal hidden:hide hid:hide
fought:fight caught:catch thought:think felt:feel understood:understand stood:stand
children:child women:woman men:man criteria:criterion using:use
""".split())
# Words ending in "s" that are no plural ("news" is not "new"s).
_NOT_PLURAL = frozenset("news always perhaps series species means whereas thus besides towards "
                        "afterwards arrears premises headquarters".split())


def base_form(word: str) -> str:
    """A crude English stem that maps inflections onto one key (tasks/task, held/hold, ...)."""
    if word.isdigit() or len(word) <= 3:
        return _IRREGULAR.get(word, word)
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _NOT_PLURAL:
        return word
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if word.endswith(suffix):
            return word[: -len(suffix)] + repl
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]  # and on: "meetings" is "meeting" is "meet", as the glossary's "meeting"
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
        return word[:-1] if len(word) > 3 and word[-1] == word[-2] else word
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ed") and len(word) > 4:
        word = word[:-2]
        return word[:-1] if len(word) > 3 and word[-1] == word[-2] else word
    return word


def _key_options(word: str) -> list[str]:
    """Base forms a question word may stand for: its stem, and for an -ing/-ed form whose stem lost
    a silent "e" the stem with it ("raising", "required" -> rais/raise, requir/require): the
    glossary keeps a base word whole ("raise"), so both are looked up."""
    key = base_form(word)
    stem = word[:-3] if word.endswith("ing") else word[:-2]
    if key != word and word.endswith(("ing", "ed")) and not key.endswith("e") and \
            word not in _IRREGULAR and stem[-1:] != stem[-2:-1]:  # "sitting" is "sit", not "site"
        return [key, key + "e"]
    return [key]


def _same_word(asked: str, key: str, written: str) -> bool:
    """Whether a question word matches a glossary word of the same base form. An inflected question
    word matches any form ("meetings" ~ "meeting", "raised" ~ "raise"); a word asked in its base
    form matches only a glossary word written in its base form, or itself, or an irregular form of
    it ("begin" ~ "began"): "new" is not "news", "meet" is not "meeting"."""
    return asked == written or asked != key or written == key or written in _IRREGULAR


def lookup(words: list[str], glossary: dict | None = None) -> list[str]:
    """The Vietnamese equivalents of an English phrase (its words as typed, lower case), [] when
    the glossary has no entry for it (see ``_same_word`` for which inflections match)."""
    glossary = default_glossary() if glossary is None else glossary
    options = [_key_options(w) for w in words]
    keys = [()]
    for opts in options:
        keys = [k + (o,) for k in keys for o in opts]
    entries = getattr(glossary, "entries", None)

    def as_asked(written: tuple[str, ...]) -> bool:  # the same word, or its plural asked
        return all(a in (w, w + "s", w + "es") for a, w in zip(words, written))

    found: list[str] = []
    for key in keys:  # both stems of "charged" (charg, charge): the senses of each
        if key not in glossary:
            continue
        if entries is None or key not in entries:
            found += [v for v in glossary[key] if v not in found]
            continue
        # the entries written as asked or as its singular ("customs", "custom"; "visitors",
        # "visitor"), and only without them another form of it ("raising" is "raise"; "concerns"
        # is "concern", not "concerning"; "meeting" is not "meet")
        tiers: list[list[str]] = [[], []]
        for written, senses in sorted(entries[key], key=lambda e: not as_asked(e[0])):
            if not all(_same_word(a, k, w) for a, k, w in zip(words, key, written)):
                continue
            tier = tiers[0 if as_asked(written) else 1]
            tier += [v for v in senses if v not in tier]
        found += [v for v in next((t for t in tiers if t), []) if v not in found]
    return found


# "Which types of crime …", "what kinds of support …": the noun after "of" is what is asked about;
# "types" (loại) is how the question asks, and the documents list the crimes without saying "loại".
_FRAME_NOUN = re.compile(r"(?i)\b((?:which|what)\s+)(?:types?|kinds?|sorts?|forms?|categories|category)\s+of\s+")


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
    words = tokens(_joined_particles(_FRAME_NOUN.sub(r"\1", text), glossary))
    out: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(words):
        number = _number(words, i)
        if number and (number[0] > 1 or not lookup(words[i : i + 1], glossary)):
            n, senses = number
            out.append((" ".join(words[i : i + n]), senses))
            i += n
            continue
        named = _law_named(words, i, glossary)
        if named:
            n, senses = named
            out.append((" ".join(words[i : i + n]), senses))
            i += n
            continue
        for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            hit = lookup(words[i : i + n], glossary)
            if hit:
                out.append((" ".join(words[i : i + n]), list(hit)))
                i += n
                break
        else:
            derived = next((hit for base in _spellings(words[i]) + _derived(words[i])
                            if (hit := lookup([base], glossary))), [])
            out.append((words[i], [words[i]] if words[i][0].isdigit() else derived))
            i += 1
    return out


_PARTICLE = re.compile(r"(?i)\b(up|down|out|over|on|off|back)\b(?=\s+(?:to|into|with)\b|\s*[,.?;!]|\s*$)")
_WORD = re.compile(r"[A-Za-z][\w'’/-]*")
MAX_OBJECT = 6  # words between a phrasal verb and its particle


def _joined_particles(text: str, glossary) -> str:
    """A phrasal verb said around its object, its particle moved back beside it: "bringing
    Resolution 08 and the plan down to every cadre" -> "bringing down Resolution 08 and the plan to
    …", "pass them on to the Party committee" -> "pass on them to …" — the glossary knows "bring
    down", "pass on", not "bringing" alone. Only a particle ending its clause or followed by
    "to"/"into"/"with" (where a separated particle stands), and only when the glossary has the verb
    with that particle, the nearest such verb at most ``MAX_OBJECT`` words before it."""
    for m in reversed(list(_PARTICLE.finditer(text))):
        before = list(_WORD.finditer(text, 0, m.start()))[-(MAX_OBJECT + 1):]
        for k in range(len(before) - 2, -1, -1):  # an object of at least one word
            verb = before[k]
            if lookup([verb.group().lower(), m.group(1).lower()], glossary):
                text = (text[:verb.end()] + f" {m.group(1)}" + text[verb.end():m.start()].rstrip() +
                        text[m.end():])
                break
    return text


_NAMED_BY = frozenset({"law", "code"})


def _law_named(words: list[str], i: int, glossary) -> tuple[int, list[str]] | None:
    """A law named the other way round at ``words[i]``: "the Law on Drug Prevention and Control",
    "the Code on …" are the glossary's "drug prevention and control law" (an English law's name is
    written both ways, the glossary keeps one), and a law's name is longer than a phrase
    (``MAX_TITLE``, also for "the Drug Prevention and Control Law"). How many words it takes and
    its senses, or None (then "law" and its subject are read word by word as before)."""
    if words[i] in _NAMED_BY and i + 1 < len(words) and words[i + 1] == "on":
        start = i + 2 + (i + 2 < len(words) and words[i + 2] == "the")
        for n in range(min(MAX_TITLE, len(words) - start), 0, -1):
            hit = lookup(words[start : start + n] + [words[i]], glossary)
            if hit:
                return start + n - i, hit
        return None
    for n in range(min(MAX_TITLE, len(words) - i - 1), MAX_PHRASE - 1, -1):
        if words[i + n] in _NAMED_BY:
            hit = lookup(words[i : i + n + 1], glossary)
            if hit:
                return n + 1, hit
    return None


_UNITS = {w: n for n, w in enumerate("one two three four five six seven eight nine".split(), 1)}
_TEENS = {w: n for n, w in enumerate("ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
                                      "eighteen nineteen".split(), 10)}
_TENS = {w: n * 10 for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_VI_DIGITS = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _vi_number(n: int) -> list[str]:
    """How the laws write 1-99 in words ("sáu mươi", "mười lăm", "hai mươi mốt")."""
    tens, unit = divmod(n, 10)
    if tens == 0:
        return [_VI_DIGITS[unit]]
    head = "mười" if tens == 1 else f"{_VI_DIGITS[tens]} mươi"
    if unit == 0:
        return [head]
    tails = {1: ["một"] if tens == 1 else ["mốt", "một"], 4: ["bốn"] if tens == 1 else ["tư", "bốn"],
             5: ["lăm"]}.get(unit, [_VI_DIGITS[unit]])
    return [f"{head} {t}" for t in tails]


def _number(words: list[str], i: int) -> tuple[int, list[str]] | None:
    """An English number word at ``words[i]`` ("sixty", "twenty five", "eleven"): how many words it
    takes and how the documents may write it ("60", "sáu mươi"). The laws spell durations and ages
    in words ("Sáu mươi ngày", "đủ mười tám tuổi"), the plans in digits ("05 năm")."""
    w = words[i]
    if w in _TENS:
        if i + 1 < len(words) and words[i + 1] in _UNITS:
            n, size = _TENS[w] + _UNITS[words[i + 1]], 2
        else:
            n, size = _TENS[w], 1
    elif w in _TEENS:
        n, size = _TEENS[w], 1
    elif w in _UNITS:
        n, size = _UNITS[w], 1
    else:
        return None
    return size, list(dict.fromkeys([str(n), f"{n:02d}", *_vi_number(n)]))


_SPELLINGS = [("isation", "ization"), ("ization", "isation"), ("ise", "ize"), ("ize", "ise"),
              ("ising", "izing"), ("izing", "ising"), ("ised", "ized"), ("ized", "ised"),
              ("our", "or"), ("or", "our"), ("ours", "ors"), ("ors", "ours"), ("tre", "ter"), ("ter", "tre"),
              ("ence", "ense"), ("ense", "ence"), ("lled", "led"), ("lling", "ling"), ("mme", "m")]


def _spellings(word: str) -> list[str]:
    """The other side's spelling of an unknown English word ("specialise" / "specialize",
    "neighbour" / "neighbor", "centre" / "center"): the glossary may hold only one of them."""
    return [word[: -len(a)] + b for a, b in _SPELLINGS if len(word) > len(a) + 2 and word.endswith(a)]


def _derived(word: str) -> list[str]:
    """Words an unknown English noun is derived from without a change of meaning, tried when it
    has no entry of its own: "enforcement" -> enforce, "effectiveness" -> effective, "happiness" ->
    happy. Not adverbs ("officially" is not the noun "official", cán bộ) nor agent nouns
    ("organizer": the doer is not the deed)."""
    if len(word) < 7 or not word.isalpha() or not word.endswith(("ment", "ness")):
        return []
    stem = word[:-4]
    return [stem, stem[:-1] + "y"] if stem.endswith("i") else [stem]
