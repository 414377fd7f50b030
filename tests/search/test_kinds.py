"""What a question asks for, and the answer-type bonus: among passages that match a how-many or a
when-question about equally, the one holding a number / a date comes first."""

from __future__ import annotations

import pytest

from indexer.search.kinds import answer_type_bonus, classify, holds_kind
from indexer.service import Service
from tests.conftest import CORPUS


@pytest.mark.parametrize("question, kind", [
    ("Chỉ tiêu khách du lịch năm 2030 là bao nhiêu?", "target"),
    ("chi tieu khach du lich nam 2030 la bao nhieu", "target"),
    ("how many tourists by 2030", "target"),
    ("Hội nghị được tổ chức vào thời điểm nào?", "when"),
    ("by when must the report be sent", "when"),
    ("Ai chịu trách nhiệm tuyên truyền?", "who"),
    ("Phát triển du lịch cộng đồng", "general"),
    # the duty words describe the staff counted, not a unit asked for
    ("chu dau tu ha tang cum cong nghiep phai bo tri toi thieu bao nhieu nhan su phu trach bao ve moi truong?",
     "target"),
    ("Mỗi xã bố trí bao nhiêu cán bộ chuyên trách phụ trách công tác du lịch?", "target"),
    ("How many officers in charge of environmental protection must the investor assign?", "target"),
    # a unit asked stays asked: a count elsewhere in the question does not make it a target
    ("Cơ quan nào phụ trách bố trí bao nhiêu nhân sự?", "who"),
    # "may" is no count in English
    ("What entity may be held responsible for the damage?", "who"),
    # a body or person of a kind named before "nào"
    ("Đơn kháng cáo nộp lên thì tòa nào kiểm tra tính hợp lệ?", "who"),
    ("phai nop don o toa an nao", "who"),
    ("Lực lượng nào được giao tuyên truyền kết quả thực hiện?", "who"),
    ("Cấp chính quyền nào hỗ trợ thiệt hại sau thiên tai?", "who"),
    # … but not a law's "whoever", a forecast "dự đoán thế nào", nor the parties a law lists
    ("Người nào vi phạm quy định này bị phạt bao nhiêu tiền?", "target"),
    ("Dự đoán thế nào về tốc độ tăng trưởng năm 2025?", "target"),
    ("Theo Luật Bảo vệ môi trường, trái phiếu xanh do những chủ thể nào phát hành?", "general"),
    # … nor a body described by a few words anywhere in the question ("cơ quan kiểm tra nào của
    # Tỉnh ủy", "ban chuyên trách nào"), in English by a noun the who-words leave out
    ("Trong nơi nhận của kế hoạch có cơ quan kiểm tra nào của Tỉnh ủy?", "who"),
    ("Việc hướng dẫn sơ kết ở các huyện giao cho ban chuyên trách nào?", "who"),
    ("hoi nghi toan tinh do tap the lanh dao nao dung ra", "who"),
    ("Which institutions award the honorary title to foreign scientists?", "who"),
    ("Which Nông Tiến ward office sends out the invitations to the conference?", "who"),
    # … but not a relation or a viewpoint ("có quan hệ", "có quan điểm"), a document ("văn bản"),
    # the verb issue or organise, a unit of measure, the workforce, nor a time after "nào"
    ("Những người có quan hệ gia đình nào được đăng ký cùng nhau?", "general"),
    ("Nghị quyết có quan điểm chỉ đạo nào?", "general"),
    ("Van ban phap luat nao quy dinh ve thue?", "general"),
    ("Kế hoạch do ban hành theo văn bản nào?", "general"),
    ("Tổ chức hoạt động nào trong tháng hành động?", "general"),
    ("Giá được niêm yết theo đơn vị tính nào?", "general"),
    ("Kế hoạch phát triển lực lượng lao động nào?", "general"),
    # … nor, in English, a thing a body has or is subject to
    ("Which rights do unions have?", "general"),
    ("Which provisions of the agency's charter apply?", "general"),
    # an office holder, a comrade, a partner or a focal point asked by its kind, a board or a
    # commission in English, and an association, a mass organisation or a front as written with
    # diacritics
    ("Hội đồng thẩm định được thành lập theo quyết định của chức danh nào?", "who"),
    ("dong chi nao phat bieu chi dao tai hoi nghi so ket", "who"),
    ("Đối tác nào cùng xã đào tạo nghề cho người dân?", "who"),
    ("Báo cáo định kỳ gửi cho những đầu mối lãnh đạo nào của tỉnh?", "who"),
    ("Which board leads the information work on the resolution?", "who"),
    ("Which inspection commission examines the Party cells?", "who"),
    ("Luật Thanh niên giao những hội nào tham gia phản biện chính sách?", "who"),
    ("Việc giám sát do mặt trận hay đoàn thể nào đảm nhận?", "who"),
    # … but not "thế nào" (how), "dự đoán thế nào" typed without diacritics, "chức danh nào"
    # followed by a time, the "hội" of a compound, a figurative front, "hợp đồng chỉ" (folded like
    # "đồng chí"), a wholesale market ("chợ đầu mối"), a professional grade, a notice board nor a
    # commission paid
    ("Hội nghị được tổ chức theo hình thức thế nào?", "general"),
    ("Đời sống xã hội thay đổi thế nào?", "general"),
    ("Cơ quan quản lý hoạt động thế nào?", "general"),
    ("du doan the nao ve du lich nam toi", "general"),
    ("Chức danh nào năm 2025 được bổ sung vào quy chế?", "general"),
    ("Lễ hội nào được tổ chức hằng năm ở xã Bình Lư?", "general"),
    ("Luật Trồng trọt được Quốc hội khóa nào thông qua?", "general"),
    ("Doanh nghiệp phải hội đủ điều kiện nào?", "general"),
    ("Mặt trận kinh tế nào cần tập trung?", "general"),
    ("Hợp đồng chỉ gồm điều khoản nào?", "general"),
    ("Người lao động chi trả những khoản nào?", "general"),
    ("Chợ đầu mối nông sản nào được đầu tư?", "general"),
    ("Viên chức được bổ nhiệm vào chức danh nghề nghiệp nào?", "general"),
    ("On which notice board must the list be posted?", "general"),
    ("Which commission does a sales agent receive?", "general"),
    # a percentage asked by its sign is a target, in English too
    ("What % of hamlets have a cultural team?", "target"),
])
def test_kind_of_question(question, kind):
    assert classify(question) == kind


def _sentences(corpus_dir, *needles: str) -> list[str]:
    """Lines of the bundled plans holding each needle (real text, not written for the test)."""
    lines = [line.strip() for path in sorted(corpus_dir.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = []
    for needle in needles:
        hit = next((line for line in lines if needle in line), None)
        assert hit is not None, needle
        found.append(hit)
    return found


def test_a_passage_holds_a_number_or_a_date(corpus_dir):
    target, deadline, plain = _sentences(corpus_dir, "tổng lượt khách du lịch đạt", "trước ngày",
                                         "gắn bảo tồn văn hóa với phát triển du lịch cộng đồng")
    assert holds_kind("target", target)
    assert holds_kind("when", deadline)
    assert not holds_kind("target", plain) and not holds_kind("when", plain)
    assert not holds_kind("who", target)  # who-questions have no value test


def test_bonus_reorders_near_equals_within_the_head_only(corpus_dir):
    target, plain = _sentences(corpus_dir, "tổng lượt khách du lịch đạt",
                               "gắn bảo tồn văn hóa với phát triển du lịch cộng đồng")
    fused = [(("d", 1), 0.30, {}), (("d", 2), 0.28, {}), (("d", 3), 0.10, {})]
    texts = {("d", 1): plain, ("d", 2): target, ("d", 3): target}
    asked = answer_type_bonus("target", fused, texts, 0.1, depth=2)
    assert [key for key, _, _ in asked] == [("d", 2), ("d", 1), ("d", 3)]
    # far behind, a number does not jump the queue; other kinds and a zero bonus change nothing
    assert answer_type_bonus("target", [fused[0], fused[2]], texts, 0.1, depth=2)[0][0] == ("d", 1)
    assert answer_type_bonus("general", fused, texts, 0.1, depth=2) == fused
    assert answer_type_bonus("target", fused, texts, 0.0, depth=2) == fused


def test_search_puts_the_passage_with_the_date_first(fake_settings, corpus_dir):
    """Same index, same candidates: with the bonus the top 10 of a when-question are the same
    passages, re-ordered by fused score + 0.1 for each one holding a date or period."""
    query = "Hội nghị sơ kết được tổ chức vào thời điểm nào?"
    on = Service(fake_settings)
    on.index_paths([corpus_dir])
    off = Service(fake_settings.model_copy(update={"weight_answer_type": 0.0}))
    with_bonus, without = on.search(query, k=10).results, off.search(query, k=10).results
    keys = [(r.doc_id, r.passage) for r in with_bonus]
    assert sorted(keys) == sorted((r.doc_id, r.passage) for r in without)
    assert keys != [(r.doc_id, r.passage) for r in without]  # the bonus moved something
    expected = sorted(without, key=lambda r: -(r.score + 0.1 * holds_kind("when", r.text)))
    assert keys == [(r.doc_id, r.passage) for r in expected]
    assert holds_kind("when", with_bonus[0].text)


@pytest.mark.parametrize("question,kind", [
    ("What is the minimum number of community tourism sites Bình Lư must build?", "target"),
    ("What average income per person does Bình Lư aim to reach by 2030?", "target"),
    ("What is the minimum marriage age for women?", "target"),
    ("In which month is the conference held?", "when"),
    ("Hội nghị sơ kết tổ chức vào tháng mấy?", "when"),
    ("Kế hoạch sơ kết mấy năm thực hiện Nghị quyết?", "target"),  # mấy năm: how many years
    ("Which body leads the review?", "who"),
    # a date named by what it dates, the years a work is set for
    ("What is the issuance date of Resolution 06-NQ/TU?", "when"),
    ("What is the cut-off date for the draft review report?", "when"),
    ("In what years is the provincial museum to be built?", "when"),
    ("Nghị quyết 17-NQ/TU mang ngày ban hành nào?", "when"),
    ("Bản dự thảo phải nộp trước hôm nào?", "when"),
    ("What years of work experience must a judge have?", "general"),
])
def test_the_noun_a_which_or_what_asks_for_names_the_kind(question, kind):
    assert classify(question) == kind


def test_schedule_test_without_lead_words_agrees_with_the_whole_patterns():
    """``holds_kind("when", …)`` tests the schedule patterns without their optional leading cue
    words (four times faster): on every paragraph and line of the bundled plans, it must find a
    schedule exactly where the whole patterns do."""
    from indexer.search.kinds import SCHEDULE_PATTERNS, _SCHEDULE_HELD

    assert all(p.pattern != q.pattern for (_, p), q in zip(SCHEDULE_PATTERNS[:4], _SCHEDULE_HELD))
    pieces = [piece for path in sorted(CORPUS.glob("*.txt"))
              for piece in path.read_text(encoding="utf-8").split("\n") if piece.strip()]
    held = [any(p.search(t) for p in _SCHEDULE_HELD) for t in pieces]
    assert held == [any(p.search(t) for _, p in SCHEDULE_PATTERNS) for t in pieces]
    assert sum(held) > 20


@pytest.mark.parametrize("question, kind", [
    # a who-word closing the question, a time limit its condition (BLDS, Điều 623)
    ("Hết thời hiệu yêu cầu chia di sản thì di sản thuộc về ai?", "who"),
    ("Het thoi hieu yeu cau chia di san thi di san thuoc ve ai", "who"),
    ("Thời hạn kháng cáo là bao lâu?", "when"),
    # the case set out, the question asked after "thì": the frequency is what is determined
    ("Theo Luật Bảo vệ môi trường thì ai chủ trì xác định thời gian, địa điểm, tần suất thu gom?", "who"),
    ("Tần suất thu gom chất thải rắn sinh hoạt là bao lâu?", "when"),
    # a count asked, its only "when" a conjunction
    ("A marriage and family relationship has a foreign element when at least how many parties are foreigners?",
     "target"),
    ("When the court decides, within how many days must it notify the parties?", "when"),
    # a relative "who" asks no one (the moment asked is read by the typed reader: no kind of its own)
    ("A person who in good faith used someone else's property must return the yields from what point in time?",
     "general"),
    ("Under the Law on Tourism, who issues the card?", "who"),
    ("Someone who finds a stray animal must report to whom?", "who"),
    ("Unless otherwise agreed, how far ahead of the hearing must the summons be sent?", "when"),
    # a who-word after the frame that names the law, a "when" clause its circumstance
    ("Under the Law on Crop Production, which authority must a grower notify when soil pollution occurs?", "who"),
    ("Under the Law on Crop Production, when must a grower notify the commune?", "when"),
])
def test_conjunctions_and_relative_pronouns_are_not_the_question(question, kind):
    assert classify(question) == kind


@pytest.mark.parametrize("question, kind", [
    # the case set out first, the question after a semicolon, a colon or a full stop: a time limit
    # in the case is its circumstance, the who-word that opens the last clause the question
    ("Hợp đồng thuê nhà của cơ quan sắp hết thời hạn; ai quyết định gia hạn hợp đồng?", "who"),
    ("hop dong thue nha cua co quan sap het thoi han: ai quyet dinh gia han hop dong?", "who"),
    ("Hợp đồng thuê nhà sắp hết thời hạn. Ai quyết định gia hạn?", "who"),
    # (the last clause asking a time stays a when)
    ("Chúng tôi đã biết ai quyết định gia hạn; thời hạn gia hạn là bao lâu?", "when"),
    # an English who-word opening a sentence after the case is the question, not a relative pronoun
    ("Our commune runs a community tourism site. Who drafts the residents' code of conduct?", "who"),
    ("A person who finds buried treasure must declare it. Within how many days?", "when"),
    # … or after a comma, when the case names a time limit only as its circumstance; a time
    # counted in the case ("bao nhiêu ngày") is asked too
    ("Trong thời hạn tạm giữ tài sản, cơ quan nào quản lý tài sản đó?", "who"),
    ("trong thoi han tam giu tai san, co quan nao quan ly tai san do", "who"),
    ("Trong thời hạn bao nhiêu ngày, cơ quan nào phải trả lời?", "when"),
    # an English case opened by a bare "when", the who-word after its comma
    ("When a fire breaks out at a licensed farm, which authority must the owner inform?", "who"),
    ("When the tribunal cannot agree, who appoints the replacement arbitrator?", "who"),
    ("When the tribunal cannot agree, within how many days must the court appoint one?", "when"),
    # … after any comma of the case, a name later in the question holding one of its own
    ("When a company applies for the licence, who decides after the Ministry of Culture, Sports and "
     "Tourism has reviewed it?", "who"),
    ("When the council is not sitting, by which date must the chairman report?", "when"),
    # "bộ phận nào", which department: a who-word as "cơ quan nào" is
    ("Bộ phận nào tổng hợp kết quả học tập Nghị quyết của các chi bộ?", "who"),
    ("bo phan nao tong hop ket qua hoc tap nghi quyet cua cac chi bo", "who"),
    # every head a who-word takes, after the comma too: "ban nào" follows the progress, it is asked
    ("Khi các huyện sơ kết Nghị quyết 06, ban nào của Tỉnh ủy hướng dẫn và theo dõi tiến độ?", "who"),
    ("khi cac huyen so ket nghi quyet 06, ban nao cua tinh uy theo doi tien do?", "who"),
])
def test_the_clause_after_the_case_is_the_question(question, kind):
    assert classify(question) == kind


def test_a_village_asked_after_the_comma_is_no_board():
    # "bản nào" (which village), written with its diacritics, is no "ban nào" (which board)
    assert classify("Khi sơ kết, bản nào phải hoàn thành theo tiến độ?") != "who"


def test_a_time_asked_as_hoi_nao_is_no_association():
    # "hồi nào" (since when), written with its diacritics, is no "hội nào" (which association)
    assert classify("Kế hoạch này có từ hồi nào?") != "who"
