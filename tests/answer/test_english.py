"""How English questions are read (translate.py, the glossary, question.py's English handling,
kinds.py's English cues), checked against the real text of the laws under ../shared/corpus-alqac
and the plans under corpus/: law names read whole, time limits asked in other words, physical
measures, lists written "A, B", phrasal verbs around their object, role words naming a body."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from indexer.answer.passages import quantity_items
from indexer.answer.question import _english_groups, analyze, asked_role, physical_units
from indexer.search.kinds import classify
from indexer.search.translate import translate_groups
from indexer.text import folded_words

ROOT = Path(__file__).resolve().parents[2]
LAWS = ROOT.parent / "shared" / "corpus-alqac"


def _law(name: str) -> str:
    path = LAWS / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path.read_text(encoding="utf-8")


def _line(text: str, words: str) -> str:
    return next(line for line in text.splitlines() if words in line)


@pytest.mark.parametrize("question, law", [
    ("Under the Law on Drug Prevention and Control, which court decides?", "luat-phong-chong-ma-tuy.txt"),
    ("Under the Drug Prevention and Control Law, which court decides?", "luat-phong-chong-ma-tuy.txt"),
    ("Under the Law on Administrative Procedures, what is the statute of limitations?",
     "luat-to-tung-hanh-chinh.txt"),
    ("Under the Law on Access to Information, how soon must it be corrected?", "luat-tiep-can-thong-tin.txt"),
    ("Under the Animal Husbandry Law, what is a livestock unit?", "luat-chan-nuoi.txt"),
    ("Under the Law on Marriage and Family, who may marry?", "luat-hon-nhan-va-gia-dinh.txt"),
    ("Under the Law on Commercial Arbitration, who chooses?", "luat-trong-tai-thuong-mai.txt"),
    ("Under the Law on Crop Production, who manages?", "luat-trong-trot.txt"),
    ("Under the Law on Public Employees, who recruits?", "luat-vien-chuc.txt"),
])
def test_a_law_named_either_way_is_one_phrase_its_title_says(question, law):
    # "the Law on X" is the glossary's "X law", read whole: its words are no subject words
    # ("control" of "drug prevention and control" is no kiểm soát)
    title = folded_words(_law(law).splitlines()[0])
    named = [(en, vi) for en, vi in translate_groups(question) if any(v.startswith("luật") for v in vi)]
    assert len(named) == 1, translate_groups(question)
    assert any(folded_words(v) == title for v in named[0][1])


@pytest.mark.parametrize("question", [
    "If a state agency discovers that information it provided was inaccurate, how soon must it correct it?",
    "What is the statute of limitations for filing a lawsuit against an administrative decision?",
    "Within what period must the court decide?",
    "How frequently must the committee report?",
    "How many times a year does the council meet?",
])
def test_time_limits_asked_in_other_words_are_when_questions(question):
    assert classify(question) == "when"


def test_a_preposition_weighs_as_a_soft_word():
    # "khởi kiện quyết định hành chính": the law does not say "chống" (against)
    q = analyze("What is the statute of limitations for filing a lawsuit against an administrative decision?")
    assert "against" in q.soft


def test_a_physical_measure_is_counted_in_its_units_and_is_no_money():
    question = "Under the Animal Husbandry Law, one livestock unit is equivalent to how much live weight?"
    q = analyze(question)
    assert q.kind == "target" and q.measure is None and "kg" in q.count_nouns
    line = _line(_law("luat-chan-nuoi.txt"), "tương đương với 500 kg")
    result = SimpleNamespace(text=line, doc_id="luat-chan-nuoi", doc_title="Luật", start=0, end=len(line),
                             section_path_parts=["Điều 1"])
    assert [it["answer"] for it in quantity_items([result], q.count_nouns)] == ["500 kg"]
    assert physical_units("What area of forest must be replanted?")
    assert not physical_units("In which area does the plan apply?")  # a place, not a surface
    assert not physical_units("How much money is allocated?")


def test_a_pair_joined_by_and_also_matches_the_list_the_law_writes():
    groups = dict(_english_groups("spent on education and training", None))
    line = folded_words(_line(_law("luat-giao-duc.txt"), "tối thiểu là 20%"))
    assert "giao duc va dao tao" not in line
    assert any(alt in line for alt in groups["education and training"])


def test_a_role_word_before_a_body_noun_names_the_body():
    question = ("Besides the provincial Party building boards, which office coordinates with the "
                "Provincial Propaganda Board in monitoring implementation of Conclusion 224-KL/TU?")
    assert asked_role(folded_words(question)) == "phối hợp"
    assert asked_role(folded_words("Who drew up the plan for Resolution 17?")) == "xây dựng"


def test_a_phrasal_verb_around_its_object_is_read_whole():
    question = ("Who is responsible for bringing Resolution 08-NQ/TU and the plan down to every cadre "
                "and Party member of Binh Lu commune?")
    groups = dict(_english_groups(question, None))
    assert "quan triet" in groups["bringing down"]
    plan = (ROOT / "corpus" / "000_ab11ea391550b282.txt").read_text(encoding="utf-8")
    assert "quán triệt" in _line(plan, "đến toàn thể cán bộ, đảng viên")
    on = dict(translate_groups("who should pass residents' concerns on to the Party committee?"))
    assert "phản ánh" in on["pass on"]
    # a particle that is no part of the verb's phrase stays where it is
    assert "carry out" in dict(translate_groups("Who must carry the plan out?"))
    assert "works" in dict(translate_groups("Who works on the plan?"))


def test_kinds_of_document_named_are_subjects():
    # "the Lai Chau provincial master plan" is about a quy hoạch, as "strategy" is about a chiến lược
    assert dict(_english_groups("The Lai Chau provincial master plan has a vision up to which year?",
                                None)).get("master plan") == ["quy hoach"]
    assert "scheme" in dict(_english_groups("Who leads the scheme on digital transformation?", None))


def test_a_term_that_ends_is_what_the_constitution_says():
    # "Sáu mươi ngày trước khi Quốc hội hết nhiệm kỳ"
    groups = dict(_english_groups("How long before the legislature's term ends must the new one be elected?",
                                  None))
    line = folded_words(_line(_law("hien-phap.txt"), "Sáu mươi ngày trước khi Quốc hội hết nhiệm kỳ"))
    assert any(f" {alt} " in f" {line} " for alt in groups["ends"])


def test_responsible_for_doing_asks_the_doer_responsible_for_a_field_asks_the_lead():
    doing = analyze("Who is responsible for bringing Resolution 08-NQ/TU down to every Party member?")
    assert doing.kind == "who" and doing.role is None
    assert analyze("Who is responsible for propaganda work?").role == "chủ trì"
    assert analyze("Ai chịu trách nhiệm tuyên truyền Nghị quyết?").role == "chủ trì"


def test_parties_of_a_dispute_are_the_laws_cac_ben_not_the_party():
    law = folded_words(_law("luat-trong-tai-thuong-mai.txt"))
    parties = dict(translate_groups("if the parties have not agreed on the number of arbitrators"))["parties"]
    assert "các bên" in parties and " cac ben " in law
    assert dict(translate_groups("Party members"))["party members"] == ["đảng viên"]


def test_a_commune_certified_as_new_rural_meets_its_standard(plans):
    """"certified as a new rural commune" is the plans' "đạt chuẩn nông thôn mới" (the glossary's
    further sense of "certify"), and "the target year" asks a year."""
    from indexer.answer import ask

    assert "đạt chuẩn" in dict(translate_groups("certified"))["certified"]
    out = ask(plans, "Bình Lư wants to be certified as a new rural commune: what is the target year of its "
                     "Resolution 17 plan?")
    assert out["answer"] and "2030" in out["answer"]
    # near miss: the advanced standard, which the plan sets no year for
    assert ask(plans, "By which year should Bình Lư commune be certified as an advanced new rural commune?")["answer"] is None


def test_meeting_a_standard_is_reaching_it(plans):
    """"meet the new-rural-area standard": the plans' "đạt chuẩn nông thôn mới" (a standard is met by
    reaching it; "đáp ứng" is how a requirement is met), with words between the verb and its noun."""
    from indexer.answer import ask

    assert "đạt chuẩn" in dict(translate_groups("meet"))["meet"]
    out = ask(plans, "By what year does Bình Lư commune aim to meet the new-rural-area standard under its plan for "
                     "Resolution 17-NQ/TU?")
    assert out["answer"] and "2030" in out["answer"], out["answer"]


def test_considered_young_is_a_definition():
    """"is considered young": the defining verb before a status adjective is the law's "là" of its
    definition ("Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi"), not "xem xét"."""
    q = analyze("Under the 2020 Youth Law, a Vietnamese citizen is considered young between which ages?", "", None, "en")
    assert ("considered", ["la"]) in q.groups
    q = analyze("Will the child's wishes be considered when the court decides custody?", "", None, "en")
    assert ("considered", ["la"]) not in q.groups
    # "considered old enough for the court to take their wishes into account": the law's "xem xét"
    q = analyze("At what age is a child considered old enough for the court to take their wishes into account?",
                "", None, "en")
    assert ("considered", ["la"]) not in q.groups


def test_interim_measures_and_their_cancellation_are_glossed():
    q = analyze("Under the Law on Commercial Arbitration, who may lift an interim emergency measure, "
                "and who decides on its cancellation?")
    senses = {label: variants for label, variants in q.groups}
    assert "bien phap khan cap tam thoi" in senses.get("interim emergency measure", [])
    assert "huy bo" in senses.get("cancellation", [])
    assert "huy bo" in senses.get("lift", [])


def test_in_accordance_with_is_a_preposition_not_the_matter():
    # "… organizes referendums in accordance with the National Assembly's decision" is the
    # Constitution's "Tổ chức trưng cầu ý dân theo quyết định của Quốc hội": no "phù hợp" to find
    labels = [label for label, _ in analyze("Which body organizes referendums in accordance with the "
                                            "National Assembly's decision?").groups]
    assert "accordance" not in labels and "referendums" in labels, labels


def test_a_hedge_on_the_value_is_no_subject_and_stops_are_places():
    from indexer.answer.question import analyze
    from indexer.search.translate import translate

    text = "Roughly how many check-in stops will the Love Road project have?"
    q = analyze(text, "", translate(text), "en")
    groups = dict(q.groups)
    assert "roughly" not in groups
    assert "diem" in groups["stops"]  # "09 đến 10 điểm Check-in"
