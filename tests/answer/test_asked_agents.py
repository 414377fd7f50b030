"""A law's bodies named after the asked action in its passive or nominal form, whatever case their
name opens with (actors.asked_agents): "do <X> <verb>", "<verb> của <X>". Probed on Luật Viên chức
sentences; the closest-actor reader gives them as a who-question's answer."""

from __future__ import annotations

import pytest

from indexer.answer.actors import asked_agents
from tests.conftest import law_line


def _agents(text: str, asked: list[str]) -> list[str]:
    return [text[us:ue] for us, ue, _ in asked_agents(text, 0, len(text), asked)]


def test_a_passive_agent_in_lower_case_ends_at_its_verb():
    text = ("Thẩm quyền bổ nhiệm viên chức giữ chức vụ quản lý do người đứng đầu đơn vị sự nghiệp công lập "
            "quyết định hoặc đề nghị cấp có thẩm quyền quyết định theo phân cấp quản lý")
    assert _agents(text, ["quyet dinh"]) == ["người đứng đầu đơn vị sự nghiệp công lập"]


def test_the_agent_of_a_nominal_action_follows_its_cua():
    text = ("Được nghỉ không hưởng lương trong trường hợp có lý do chính đáng và được sự đồng ý của người "
            "đứng đầu đơn vị sự nghiệp công lập")
    assert _agents(text, ["dong y"]) == ["người đứng đầu đơn vị sự nghiệp công lập"]


def test_no_agent_where_the_action_is_not_asked_or_not_the_agents():
    text = ("Được nghỉ không hưởng lương trong trường hợp có lý do chính đáng và được sự đồng ý của người "
            "đứng đầu đơn vị sự nghiệp công lập")
    # ("nghỉ" is said, but no one is named as its agent)
    assert _agents(text, ["nghi"]) == []
    # the law whose rule it is, not a body ("theo quy định của pháp luật")
    assert _agents("Viên chức được hưởng chế độ theo quy định của pháp luật", ["quy dinh"]) == []
    # a list of actions: the name does not run on to the verb after a comma ("… do cơ quan có thẩm
    # quyền của nước ngoài lập, cấp")
    assert _agents("Giấy tờ do cơ quan có thẩm quyền của nước ngoài lập, cấp hoặc xác nhận", ["cap"]) == []
    # a cause, not an agent: "do" then the asked verb with a clause word between
    assert _agents("Viên chức bị kỷ luật do vi phạm thì không được bổ nhiệm", ["bo nhiem"]) == []


def test_no_pronoun_document_or_consequence_is_an_agent():
    assert _agents("Người đứng đầu thực hiện theo quyết định của mình", ["quyet dinh"]) == []
    assert _agents("Việc này thực hiện theo quy định của các luật có liên quan", ["quy dinh"]) == []
    assert _agents("Hồ sơ chưa đầy đủ, do đó cơ quan có thẩm quyền quyết định trả lại", ["quyet dinh"]) == []
    # a lawyer is a person, not a law
    assert _agents("Tòa án phải ghi nhận ý kiến của luật sư", ["y kien"]) == ["luật sư"]


def test_a_name_with_a_known_head_is_left_to_the_actor_reader():
    # ("do Chánh án …" is read by ``actors``, whose name ends where this reading's would not)
    text = "Việc thay đổi do Chánh án Tòa án nhân dân tối cao trong trường hợp cần thiết quyết định"
    assert _agents(text, ["quyet dinh"]) == []


def test_an_act_named_before_its_agent():
    # Luật Trồng trọt: the act opens the clause, its agent follows "do" and runs to the verb that
    # carries the act out, or to the clause's end after a passive
    line = law_line("luat-trong-trot.txt", "Kiểm tra nhà nước về chất lượng phân bón nhập khẩu do")
    assert _agents(line, ["kiem tra"]) == \
        ["cơ quan quản lý chuyên ngành về phân bón thuộc Bộ Nông nghiệp và Phát triển nông thôn"]
    line = law_line("luat-trong-trot.txt", "Giống cây trồng nhập khẩu phục vụ sản xuất, mua bán phải được kiểm tra")
    assert _agents(line, ["kiem tra"]) == \
        ["cơ quan quản lý chuyên ngành về trồng trọt thuộc Bộ Nông nghiệp và Phát triển nông thôn"]
    # (a body named by a unit's head, read as if it opened the sentence: "Bộ Y tế", "cơ quan …")
    assert _agents("Kiểm tra định kỳ do Bộ Y tế chủ trì thực hiện.", ["kiem tra"]) == ["Bộ Y tế"]


def test_no_agent_after_an_act_where_the_name_has_a_verb_of_its_own():
    # (no passive before the act, no verb carrying it out: "do doanh nghiệp nộp" names who filed)
    assert _agents("Bộ Tài chính kiểm tra hồ sơ do doanh nghiệp nộp.", ["kiem tra"]) == []
    # (the act said again before the agent: the agent is the later act's)
    assert _agents("Kiểm tra định kỳ; kiểm tra đột xuất do cơ quan có thẩm quyền thực hiện", ["kiem tra"]) == \
        ["cơ quan có thẩm quyền"]


@pytest.mark.parametrize("text, asked", [
    # a reason, not an agent ("do không đạt", "do thiếu kinh phí", "lý do", "tự do")
    ("Hàng hóa phải được kiểm tra lại do không đạt yêu cầu.", "kiem tra"),
    ("Việc kiểm tra bị chậm do thiếu kinh phí thực hiện.", "kiem tra"),
    ("Được nghỉ trong trường hợp có lý do chính đáng.", "nghi"),
    # another noun's "do": the procedure's issuer, the laboratory's appointer, a certificate's issuer
    ("Sản phẩm được kiểm tra theo quy trình do Bộ Y tế ban hành.", "kiem tra"),
    ("Kết quả được cấp bởi phòng thử nghiệm do Bộ Nông nghiệp và Phát triển nông thôn chỉ định.", "cap"),
    ("Việc công nhận văn bằng do nước ngoài cấp thực hiện theo quy định.", "cong nhan"),
    # a title holding the verb, not the act ("Kiểm tra viên")
    ("Việc thay đổi Kiểm tra viên do Viện trưởng quyết định.", "kiem tra"),
])
def test_no_agent_after_an_act_where_the_do_is_not_its_agents(text, asked):
    assert _agents(text, [asked]) == []
