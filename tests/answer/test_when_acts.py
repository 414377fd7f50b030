"""A document's own dates told apart by the act asked (takes effect / adopted / expires), the
document named as "Luật này" read as its title, "ra ngày nào" as an issued-date question, and a
report's deadline told from a later step sent to another body — real law and plan text, the
readers and the scorer as they run (probes written on other laws and plans than the tuning set's)."""

from __future__ import annotations

import pytest

from indexer.answer import ask
from indexer.answer.fit_when import _other_own_act, _own_act_asked
from indexer.answer.passages import is_issued_question
from indexer.search.kinds import classify
from indexer.text import folded_words
from tests.conftest import CORPUS, assert_answer, index_laws, law_line

_LAWS = ("luat-thanh-nien.txt", "luat-du-lich.txt", "luat-tiep-can-thong-tin.txt", "luat-dien-anh.txt",
         "luat-chan-nuoi.txt", "luat-to-tung-hanh-chinh.txt")


def _own(line: str, date: str) -> dict:
    at = line.index(date)
    return {"kind": "deadline", "doc_id": "law", "start": 0, "end": len(line), "quote": line, "when": date,
            "when_start": at, "when_end": at + len(date), "when_kind": "date"}


def test_the_act_asked_and_the_act_stated():
    effect = _own(law_line("luat-chan-nuoi.txt", "Luật này có hiệu lực thi hành từ ngày"), "từ ngày 01 tháng 01 năm 2020")
    adopted = _own(law_line("luat-du-lich.txt", "thông qua ngày"), "ngày 19 tháng 6 năm 2017")
    q_effect = folded_words("Luật Chăn nuôi bắt đầu có hiệu lực từ ngày nào?")
    q_adopted = folded_words("When was the Law on Tourism adopted?")
    assert _other_own_act(q_effect, adopted) and not _other_own_act(q_effect, effect)
    assert _other_own_act(q_adopted, effect) and not _other_own_act(q_adopted, adopted)
    assert _own_act_asked(q_adopted, adopted) and not _own_act_asked(q_adopted, effect)
    # "hết hiệu lực" (expires) is not "có hiệu lực" (takes effect)
    assert _other_own_act(folded_words("Luat Du lich het hieu luc khi nao?"), effect)
    # a question that asks no act leaves both alone (``_own_enactment`` already keeps them out)
    assert not _other_own_act(folded_words("Luật Du lịch quy định gì về khách du lịch?"), adopted)


def test_issued_said_as_ra():
    assert is_issued_question(folded_words("Nghi quyet 17-NQ/TU ra ngay nao?"))
    assert not is_issued_question(folded_words("Trong thời hạn bao nhiêu ngày phải ra quyết định?"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return index_laws(tmp_path_factory, "acts", _LAWS, with_plans=True)


@pytest.mark.parametrize("question, expected", [
    ("Khi nào Luật Thanh niên có hiệu lực thi hành?", "01 tháng 01 năm 2021"),
    ("Luat Chan nuoi bat dau co hieu luc tu ngay nao?", "01 tháng 01 năm 2020"),
    ("When does the Law on Access to Information take effect?", "01 tháng 7 năm 2018"),
    ("Luật Du lịch được Quốc hội thông qua ngày nào?", "19 tháng 6 năm 2017"),
    ("When was the Law on Access to Information passed?", "06 tháng 4 năm 2016"),
    ("On what date did the National Assembly pass the Law on Youth?", "16 tháng 6 năm 2020"),  # (the bare verb)
])
def test_a_laws_own_dates_by_the_act_asked(corpus, question, expected):
    assert_answer(ask(corpus, question), expected)


@pytest.mark.parametrize("question", [
    "Luật Điện ảnh được Quốc hội thông qua ngày nào?",  # the text given here has no adoption line
    "Luật Điện ảnh hết hiệu lực khi nào?",  # the law dates its predecessor's expiry, not its own
    "Luật Thanh niên có hiệu lực từ năm 2030 phải không?",
])
def test_a_laws_own_dates_not_stated_stay_null(corpus, question):
    assert ask(corpus, question)["answer"] is None


@pytest.mark.parametrize("question", [
    "Ket luan 224-KL/TU ra ngay nao?",
    "Ket luan 224-KL/TU cua Tinh uy Lai Chau mang ngay thang nao?",  # (the date asked in longer words)
])
def test_a_plans_date_issued_said_as_ra(corpus, question):
    assert_answer(ask(corpus, question), "18/10/2021")


def test_a_documents_date_asked_in_other_words():
    """"ngày tháng năm nào", "ngày mấy", "ngày bao nhiêu" ask a date as "ngày nào" does; "ngày ký"
    names the date of signing; "did … adopt" is the bare verb of an English date question."""
    for question in ("Kết luận 224-KL/TU mang ngày tháng nào?", "Nghi quyet 06-NQ/TU ban hanh ngay thang nam nao",
                     "Kế hoạch 209-KH/TU được ký ngày mấy?", "Ngay ky Ke hoach 131 la ngay nao?",
                     "On what date did the Politburo adopt Resolution 35-NQ/TW?"):
        assert is_issued_question(folded_words(question)), question
    # (the anniversary, "ngày kỷ niệm", and a rate per day are no document's date)
    assert not is_issued_question(folded_words("Ngày kỷ niệm thành lập Đoàn là ngày nào?"))
    assert classify("Chương trình 08-CTr/TU ký ngày bao nhiêu?") == "when"
    assert classify("Mỗi ngày bao nhiêu lượt khách đến xã?") == "target"


def test_the_step_sent_where_the_question_says(corpus):
    out = ask(corpus, "Han gui du thao Bao cao so ket 05 nam NQ 06 ve Van phong Tinh uy la ngay nao?")
    assert out["answer"] and "10/11/2021" in out["answer"]
    out = ask(corpus, "Báo cáo sơ kết 05 năm Nghị quyết 06 gửi về Thường trực Tỉnh ủy trước ngày nào?")
    assert out["answer"] and "20/11/2021" in out["answer"]



def test_an_english_question_says_where_the_report_is_sent_too(corpus):
    """Plan 004 sends the districts' and departments' reports to the provincial People's Committee
    ("gửi báo cáo Ủy ban nhân dân tỉnh trước ngày 05/11/2021"): no answer to when the review goes to
    the Party's standing body, whose English name is both "Ban Thường vụ" and "Thường trực"."""
    out = ask(corpus, "When must Hà Tĩnh's review report on Resolution 06 be sent to the Standing Committee of "
                      "the provincial Party?")
    assert not out["answer"] or "05/11/2021" not in out["answer"]
    out = ask(corpus, "By what date must the provincial Party Office submit the Resolution 06 five-year review "
                      "report to the provincial Party Standing Committee?")
    assert out["answer"] and "20/11/2021" in out["answer"]


def test_owners_joined_by_va_share_the_lead():
    from types import SimpleNamespace

    from indexer.answer.passages import vision_items
    line = next(l for l in (CORPUS / "000_ab11ea391550b282.txt").read_text(encoding="utf-8").splitlines()
                if "tầm nhìn đến năm 2045" in l)
    r = SimpleNamespace(text=line, doc_id="000", doc_title="", start=0, end=len(line), section_path_parts=[])
    owners = {it["when"]: it["subject"] for it in vision_items([r])}
    # "… đảm bảo phù hợp với chiến lược, quy hoạch …": the lead governs both plans, neither owns it
    assert owners["tầm nhìn đến năm 2045"].startswith("chiến lược, quy hoạch phát triển hệ thống du lịch")
    assert owners["tầm nhìn đến năm 2050"].startswith("và Quy hoạch tỉnh Lai Châu")


@pytest.mark.parametrize("question, expected", [
    ("Quy hoạch tỉnh Lai Châu mà kế hoạch phát triển du lịch phải phù hợp có tầm nhìn đến năm nào?", "2050"),
    ("Quy hoach phat trien he thong du lich Viet Nam ma ke hoach cua Binh Lu phai phu hop co tam nhin den nam nao?", "2045"),
    ("Quy hoạch tỉnh Sơn La có tầm nhìn đến năm nào?", None),  # another province's plan: not said
])
def test_the_owner_the_question_names_among_a_sentences_horizons(corpus, question, expected):
    out = ask(corpus, question)
    assert_answer(out, expected)


def test_a_year_reached_asked_with_bao_nhieu_is_a_when_question(corpus):
    from indexer.search.kinds import classify
    assert classify("Ke hoach 17-NQ/TU co tam nhin den nam bao nhieu?") == "when"
    assert classify("Đến năm 2030 tỷ lệ hộ nghèo giảm bao nhiêu?") == "target"  # a year given, a count asked
    # the year a milestone is, asked "là năm bao nhiêu", "đến mốc nào"; not a count per year
    assert classify("Mốc năm để xã về đích nông thôn mới là năm bao nhiêu?") == "when"
    assert classify("Quy hoạch tỉnh có tầm nhìn xa nhất đến mốc nào?") == "when"
    assert classify("moc thoi gian hoan thanh viec sap xep la khi nao") == "when"
    assert classify("Mỗi năm bao nhiêu lượt khách đến xã?") == "target"
    assert classify("Đến mốc năm 2030, tỷ lệ che phủ rừng đạt bao nhiêu?") == "target"  # a year given
    assert classify("Cơ quan nào xác định mốc thời gian hoàn thành?") == "who"
    out = ask(corpus, "Nghị quyết 92-NQ/TU về phát triển du lịch có tầm nhìn tới năm bao nhiêu?")
    assert out["answer"] and "2050" in out["answer"], out["answer"]


def test_how_much_notice_asks_a_time():
    from indexer.answer.passages import is_duration_question
    from indexer.search.kinds import classify
    for q in ("How much advance notice must the owner receive before an inspection?",
              "How much notice must a public employee give before resigning?"):
        assert classify(q) == "when" and is_duration_question(folded_words(q))
    assert classify("How much money is the fine for late registration?") != "when"


@pytest.mark.parametrize("question, expected", [
    ("Ket qua thuc hien Nghi quyet 92 duoc lay lam thuoc do danh gia dang vien bao lau mot lan?", "hàng năm"),
    # the frame said, another measure asked ("tiêu chí thi đua"): no sentence says it
    ("Kết quả thực hiện Nghị quyết 92 được lấy làm tiêu chí thi đua bao lâu một lần?", None),
])
def test_a_verb_said_around_its_object(corpus, question, expected):
    out = ask(corpus, question)
    assert_answer(out, expected)


def test_chair_of_a_body_is_its_chairperson():
    from indexer.search.translate import translate_groups
    senses = dict(translate_groups("the chairs of People's Committees"))
    assert any("chủ tịch" in v for k, v in senses.items() if "chair" in k)
    # the verb keeps its senses: "who chairs the meeting" is who leads it, not a chairperson
    senses = dict(translate_groups("who chairs the meeting"))
    assert not any("chủ tịch" in v for k, v in senses.items() if "chair" in k)


def test_how_often_the_chairs_hold_a_dialogue(corpus):
    out = ask(corpus, "How often must chairs of commune People's Committees hold dialogues with youth?")
    assert out["answer"] and "mỗi năm một lần" in out["answer"], out["answer"]


def test_ministries_written_short_are_spelled_out():
    from indexer.answer.question import spell_out_ministries
    assert spell_out_ministries("được Bộ NN&PTNT công bố") == "được Bộ Nông nghiệp và Phát triển nông thôn công bố"
    assert spell_out_ministries("Bo GD&DT quy dinh") == "Bo Giáo dục và Đào tạo quy dinh"
    assert spell_out_ministries("NNN&PTNT") == "NNN&PTNT"  # no ministry inside another word
    assert spell_out_ministries("Trưởng phòng LĐ-TB&XH cấp huyện") == \
        "Trưởng phòng Lao động - Thương binh và Xã hội cấp huyện"


@pytest.mark.parametrize("question, expected", [
    ("Bộ NN&PTNT thẩm định hồ sơ sản phẩm thức ăn bổ sung trong bao lâu kể từ ngày nhận hồ sơ đầy đủ?", "20 ngày"),
    # another ministry named: the step is the agriculture ministry's
    ("Bo TN&MT tham dinh ho so san pham thuc an bo sung trong bao lau ke tu ngay nhan ho so day du?", None),
    ("Thức ăn chăn nuôi bổ sung được lưu hành bao lâu kể từ khi Bộ TN&MT công bố?", None),
    # "được phép" is the modal "may", no permit
    ("San pham thuc an bo sung duoc phep luu hanh bao lau ke tu ngay duoc cong bo tren Cong thong tin dien tu?", "05 năm"),
])
def test_a_ministry_named_short_and_the_modal_duoc_phep(corpus, question, expected):
    out = ask(corpus, question)
    assert_answer(out, expected)


def test_court_procedures_are_rejoined():
    from indexer.answer.question import rejoin_law_terms
    assert rejoin_law_terms(["kháng nghị", "giám đốc", "thẩm vụ", "án", "hành chính"]) == \
        ["kháng nghị", "giám đốc thẩm", "vụ án", "hành chính"]
    assert rejoin_law_terms(["tái thẩm vụ", "án"]) == ["tái thẩm", "vụ án"]
    assert rejoin_law_terms(["giám đốc", "sở", "du lịch"]) == ["giám đốc", "sở", "du lịch"]


@pytest.mark.parametrize("question, expected", [
    ("Kháng nghị tái thẩm vụ án hành chính có thời hạn bao lâu?", "01 năm"),
    ("Khang nghi tai tham vu an hanh chinh trong thoi han bao lau?", "01 năm"),
    ("Within how long may a retrial protest of an administrative case be lodged?", "01 năm"),
    ("Within how long may a cassation protest of an administrative judgment be lodged?", "03 năm"),
])
def test_a_protest_period_by_its_procedure(corpus, question, expected):
    out = ask(corpus, question)
    assert out["answer"] and expected in out["answer"], out["answer"]


def test_the_general_case_said_in_the_question_is_no_subject_word(corpus):
    from indexer.answer.question import _word_groups
    labels = [g for g, _ in _word_groups("Thời hạn tập sự của viên chức (trường hợp thông thường) là bao lâu?", None)]
    assert "truong hop" not in labels and "vien chuc" in labels
    labels = [g for g, _ in _word_groups("Trường hợp đặc biệt, thời hạn tập sự là bao lâu?", None)]
    assert "truong hop" in labels  # a special case is a case the text must name


def test_a_function_word_restored_as_a_content_word_at_a_compounds_edge():
    from indexer.answer.support import _edge_trimmed
    assert _edge_trimmed([("duong su dang", [" duong ", " su ", " dang "])]) == [("duong su dang", [" duong ", " su "])]
    # inside a name it stays: the Đảng ủy's standing board is not the Tỉnh ủy's
    assert _edge_trimmed([("ban thuong vu dang uy", [])]) == []


@pytest.mark.parametrize("question, expected", [
    ("Thoi han khang cao cua duong su dang cu tru o nuoc ngoai la bao lau?", "30 ngày"),
    ("Toa an xet xu vang mat duong su dang o nuoc ngoai thi duong su duoc khang cao trong bao lau?", "12 tháng"),
])
def test_a_party_abroad_typed_without_diacritics(corpus, question, expected):
    assert_answer(ask(corpus, question), expected)


@pytest.mark.parametrize("question, name", [
    ("Ban Tuyên giáo Tỉnh ủy Hà Tĩnh phải báo cáo Ban Thường vụ kết quả sơ kết trước ngày nào?",
     "Ban Tuyên giáo Tỉnh ủy Hà Tĩnh"),
    ("Hạn chót để các chi bộ, đảng bộ cơ sở gửi báo cáo là ngày nào?", "chi bộ"),
    ("UBND phường phải hoàn thành việc chỉ đạo tuyên truyền trong thời gian nào?", "UBND phường"),
    ("Theo Luật Thanh niên, Thủ tướng phải đối thoại với thanh niên bao lâu một lần?", "Thủ tướng"),
    # an official's title, which the laws also write in other words ("người đứng đầu đơn vị")
    ("Thủ trưởng đơn vị sự nghiệp phải báo trước cho viên chức ít nhất bao nhiêu ngày?", ""),
    ("Hội nghị sơ kết cấp tỉnh tổ chức khi nào?", ""),  # no body opens it
    ("Bộ Văn kiện Đảng bộ tỉnh được biên soạn cho giai đoạn nào?", "Bộ Văn kiện Đảng bộ tỉnh"),
])
def test_the_body_a_question_opens_with(question, name):
    from indexer.answer.relations import opening_unit
    assert opening_unit(question) == name


def test_another_bodys_deadline_does_not_answer(corpus):
    """Plan 004 gives Ban Tuyên giáo Tỉnh ủy no date for reporting to the Standing Board; the Office's
    "gửi về Thường trực Tỉnh ủy trước ngày 20/11/2021" is another body's deadline."""
    q = "Ban Tuyên giáo Tỉnh ủy phải báo cáo Ban Thường vụ Tỉnh ủy về việc sơ kết Nghị quyết 06 trước ngày nào?"
    assert ask(corpus, q)["answer"] is None
    out = ask(corpus, "Văn phòng Tỉnh ủy phải gửi Báo cáo sơ kết Nghị quyết 06 về Thường trực Tỉnh ủy trước ngày nào?")
    assert out["answer"] and "20/11/2021" in out["answer"]


def test_a_documents_date_asked_with_the_verb_it_bears(plans):
    # "mang ngày nào", "ghi ngày tháng năm nào": the citation "Nghị quyết số 06-NQ/TU, ngày 07/12/2017
    # của Ban Chấp hành Đảng bộ tỉnh …" writes no verb; "Đảng bộ Hà Tĩnh" is that "Đảng bộ tỉnh"
    assert_answer(ask(plans, "Nghị quyết 06-NQ/TU mang ngày nào?"), "07/12/2017")
    assert_answer(ask(plans, "Nghị quyết 06-NQ/TU của Ban Chấp hành Đảng bộ Hà Tĩnh về du lịch ghi ngày tháng năm nào?"),
                  "07/12/2017")
    # the type abbreviated before the number names the document too
    from indexer.answer.passages import asked_refs

    assert asked_refs("kh 209 cua lai chau (trien khai nq 35-nq/tw) ghi ngay thang nam nao?") == \
        [("209", "kh", None), ("35", "nq", "tw")]
    assert asked_refs("Theo QĐ 238 thì ai ký?") == [("238", "qd", None)]
