"""The closest-sentence actor reader (indexer/answer/sentence_answer.py, ``_closest_actor_answer``):
a who-question's doer read in the sentence of the first passage the model finds closest,
when that sentence names one actor doing the asked action. Probed on Luật Viên chức, Điều 7 ("Chính
phủ quy định nguyên tắc, phương pháp xác định vị trí việc làm …"), a passage no tuning question
asks; the forms it must leave to other readers (or null) are asked of the same sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.answer.question import analyze
from indexer.answer.sentence_answer import _closest_actor_answer
from indexer.answer.texts import _written
from indexer.answer.unitnames import cut_in_word
from tests.conftest import SHARED


def test_a_name_cut_inside_a_word_is_no_name():
    text = "Hội đồng bầu cử quốc gia là cơ quan do Quốc hội thành lập"
    assert cut_in_word(text, 0, len("Hội đồng bầu"))
    assert not cut_in_word(text, 0, len("Hội đồng bầu cử quốc gia"))
    at = text.index("Quốc hội")
    assert not cut_in_word(text, at, at + len("Quốc hội"))
    # an in-place slot's edge ("Ai phân công Thẩm phán …" read "Thẩm")
    text = "Chánh án Tòa án quyết định phân công Thẩm phán giải quyết vụ án"
    at = text.index("Thẩm")
    assert cut_in_word(text, at, at + len("Thẩm"))
    assert not cut_in_word(text, at, at + len("Thẩm phán"))


def _law_service(real_settings, tmp_path_factory, name: str):
    """A service over one ALQAC law, indexed with the real model; skips when the laws are not here."""
    from indexer.service import Service
    from indexer.settings import Settings

    law = SHARED / "corpus-alqac" / name
    if not law.exists():
        pytest.skip("the ALQAC laws are not here")
    service = Service(Settings(data_dir=tmp_path_factory.mktemp("closest-actor") / "data",
                               model=real_settings.model))
    service.index_paths([Path(law)])
    return service


@pytest.fixture(scope="module")
def civil_servants(real_settings, tmp_path_factory):
    return _law_service(real_settings, tmp_path_factory, "luat-vien-chuc.txt")


def _read(service, question: str):
    response = service.search(question, k=10, highlights=False)
    q = analyze(question, response.interpreted, response.translated, response.language, written=_written(service))
    return _closest_actor_answer(service, question, q, response, None)


@pytest.mark.slow
def test_the_doer_of_the_asked_action_in_the_closest_sentence(civil_servants):
    question = "Ai quy định nguyên tắc, phương pháp xác định vị trí việc làm trong đơn vị sự nghiệp công lập?"
    out = _read(civil_servants, question)
    assert out is not None and out["answer"] == "Chính phủ", out
    assert out["support"]["read"] == "closest_actor"
    cited = out["citations"][0]
    assert civil_servants.document(cited["doc_id"]).text[cited["start"]:cited["end"]] == cited["text"]
    assert "Chính phủ quy định nguyên tắc" in cited["text"]
    # the whole answer engine gives it too (whichever reader reads it first)
    assert civil_servants.ask(question).answer == "Chính phủ"


@pytest.mark.slow
def test_an_english_question_by_the_verb_after_its_who_word(civil_servants):
    # the verb right after "who" is the action asked ("lays down" -> quy định), not every glossary
    # word of the question
    out = _read(civil_servants, "Who lays down the principles and methods for determining job positions "
                                "in public service units?")
    assert out is not None and out["answer"] == "Chính phủ", out
    # the same question with another action: the Government regulates, it does not approve
    assert _read(civil_servants, "Who approves the principles and methods for determining job positions "
                                 "in public service units?") is None


@pytest.mark.slow
def test_forms_left_to_other_readers(civil_servants):
    # an English question that does not open with its who-word asks a recipient, not the doer
    assert _read(civil_servants, "To which body are the principles and methods for determining job "
                                 "positions in public service units sent?") is None
    # a role asked, not an action
    assert _read(civil_servants, "Ai chủ trì quy định nguyên tắc xác định vị trí việc làm trong đơn vị "
                                 "sự nghiệp công lập?") is None
    # the question ends with its who-word: it asks a recipient or a partner, not the doer
    assert _read(civil_servants, "Nguyên tắc, phương pháp xác định vị trí việc làm trong đơn vị sự nghiệp "
                                 "công lập được quy định cho ai?") is None
    # the question names the actor itself
    assert _read(civil_servants, "Ai quy định thay Chính phủ nguyên tắc xác định vị trí việc làm trong "
                                 "đơn vị sự nghiệp công lập?") is None


def test_an_english_duty_word_is_no_asked_action():
    from types import SimpleNamespace

    from indexer.answer.actors import english_asked_verbs
    from indexer.answer.sentence_answer import _asked_action

    english = SimpleNamespace(language="en")
    # "Who is required to return …": "required" says a duty, the action is the verb after it
    returns = _asked_action("Who returns the leased property?", english)
    assert returns is not None
    assert _asked_action("Who is required to return the leased property?", english)[0] == returns[0]
    assert english_asked_verbs("Which body has the right to institute a criminal case?") == \
        english_asked_verbs("Which body institutes a criminal case?")
    assert _asked_action("Who is required?", english) is None, "a duty with no action asks none"
    # a recipient asked ("To which body …") opens with no who-word
    assert _asked_action("To which body must the report be sent?", english) is None


@pytest.mark.slow
def test_a_role_the_doer_plays_is_read_as_its_action(civil_servants):
    """Luật Viên chức, Điều 4: "Bộ Nội vụ chủ trì, phối hợp với các bộ, cơ quan ngang bộ có liên quan quy
    định hệ thống danh mục, tiêu chuẩn và mã số chức danh nghề nghiệp." A question asking who leads
    (chủ trì) asks what the subject does; one asking who coordinates asks its partners, which the
    subject is not."""
    out = _read(civil_servants, "Cơ quan nào chủ trì quy định hệ thống danh mục, tiêu chuẩn và mã số chức danh "
                                "nghề nghiệp của viên chức?")
    assert out is not None and out["answer"] == "Bộ Nội vụ", out
    cited = out["citations"][0]
    assert civil_servants.document(cited["doc_id"]).text[cited["start"]:cited["end"]] == cited["text"]
    partner = _read(civil_servants, "Những cơ quan nào phối hợp quy định hệ thống danh mục, tiêu chuẩn và mã số chức "
                                    "danh nghề nghiệp của viên chức?")
    assert partner is None or partner["answer"] != "Bộ Nội vụ", partner


@pytest.mark.slow
def test_a_lower_case_passive_agent_is_read(civil_servants):
    """Luật Viên chức: "Thẩm quyền bổ nhiệm viên chức giữ chức vụ quản lý do người đứng đầu đơn vị sự
    nghiệp công lập quyết định …": an agent whose name opens with no head the actor reader knows
    ("người đứng đầu …"), read up to the asked verb (actors.asked_agents)."""
    out = _read(civil_servants, "Việc bổ nhiệm viên chức vào chức vụ quản lý do ai quyết định?")
    assert out is not None and out["answer"] == "người đứng đầu đơn vị sự nghiệp công lập", out
    cited = out["citations"][0]
    assert civil_servants.document(cited["doc_id"]).text[cited["start"]:cited["end"]] == cited["text"]
    assert "do người đứng đầu đơn vị sự nghiệp công lập quyết định" in cited["text"]



@pytest.mark.slow
def test_an_action_asked_in_other_words_in_a_very_close_sentence(civil_servants):
    """"Ai đặt ra …" for "Chính phủ quy định nguyên tắc, phương pháp xác định vị trí việc làm …": the
    sentence's one actor does the asked action under another verb, and the sentence is close enough
    to the question (``SAYS_THE_ACTION``) for the model to vouch for it."""
    from indexer.answer.sentence_answer import SAYS_THE_ACTION

    out = _read(civil_servants, "Ai đặt ra nguyên tắc và phương pháp xác định vị trí việc làm ở các đơn vị sự "
                                "nghiệp công lập?")
    assert out is not None and out["answer"] == "Chính phủ", out
    assert out["support"]["similarity"] >= SAYS_THE_ACTION
    assert out["support"]["gate"] == "closest", "the page shows it as a partial reading"
    assert "Chính phủ quy định nguyên tắc" in out["citations"][0]["text"]


@pytest.fixture(scope="module")
def cybersecurity(real_settings, tmp_path_factory):
    return _law_service(real_settings, tmp_path_factory, "luat-an-ninh-mang.txt")


@pytest.mark.slow
def test_one_point_of_a_list_of_like_duties_is_read_where_the_model_points(cybersecurity):
    # "a) Lực lượng … thuộc Bộ Công an | b) … thuộc Bộ Quốc phòng | c) Ban Cơ yếu Chính phủ — đánh
    # giá, chứng nhận đủ điều kiện an ninh mạng đối với hệ thống thông tin …": three units of like
    # evidence the item readers set aside as rivals; the model's closest sentence is b)'s, the
    # military systems the question names in other words
    out = cybersecurity.ask("Mạng thông tin của quân đội do lực lượng nào đánh giá, chứng nhận đủ điều kiện an ninh mạng?")
    assert out.answer == "Lực lượng chuyên trách bảo vệ an ninh mạng thuộc Bộ Quốc phòng", out
    assert out.support["read"] == "closest_actor"
    assert "hệ thống thông tin quân sự" in out.citations[0].text
