"""A length of time a question asks (in English, or in Vietnamese by "bao nhiêu ngày", "mấy năm",
"bao lâu"), read in the sentence the model finds closest (typed.py): the unit asked, the one value of
it a sentence states, not a threshold or an exception's value; through the service with the real
model on a real law (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.answer.typed import AGE_RANGE, ANY_TIME, MOMENT, YEAR_SPAN, asked_unit, moment_value, read_as_asked, \
    spelled_measure, unit_value
from indexer.text import folded_words
from tests.conftest import PLANS, SHARED, law_line


def test_the_unit_a_question_asks():
    assert asked_unit("Within how many days must the chosen arbitrators elect a presiding arbitrator?") == \
        ("ngày", False)
    assert asked_unit("After how many years from public notice does the finder become the owner?") == ("năm", False)
    assert asked_unit("How many working days does the agency have?") == ("ngày", True)
    assert asked_unit("How many times can the Court extend the postponement?") == ("lần", False)
    assert asked_unit("Existing farms have how long to upgrade them?") == (ANY_TIME, False)
    assert asked_unit("Preschool children of what age are exempted from tuition fees?") == ("tuổi", False)
    assert asked_unit("How many judges sit on the panel?") is None
    assert asked_unit("Who elects the presiding arbitrator?") is None


def test_the_unit_a_vietnamese_question_asks():
    def unit(question: str):
        return asked_unit(question, folded_words(question))
    assert unit("Cơ quan lập hồ sơ có mấy ngày làm việc để gửi hồ sơ?") == ("ngày", True)
    assert unit("Mot nguoi biet tich bao nhieu nam lien tro len thi co the bi tuyen bo la da chet?") == ("năm", False)
    assert unit("Tổ chức bị thanh tra tối đa mấy lần mỗi năm?") == ("lần", False)
    assert unit("Thời hạn chuẩn bị xét xử kéo dài bao lâu?") == (ANY_TIME, False)
    # an age and school years are counts of another kind
    assert unit("Trẻ em bao nhiêu tháng tuổi được tiêm chủng?") is None
    assert unit("Học sinh học mấy năm học ở cấp trung học cơ sở?") is None
    assert unit("Ai quyết định thời hạn tạm trú?") is None
    assert unit("Đổi họ cho con từ bao nhiêu tuổi trở lên thì phải có sự đồng ý của người đó?") == ("tuổi", False)


def test_an_age_in_words_with_its_qualifier():
    line = law_line("luat-to-tung-hanh-chinh.txt", "Việc lấy lời khai của đương sự chưa đủ mười tám tuổi")
    s, e = unit_value(line, "tuổi")
    assert line[s:e] == "chưa đủ mười tám tuổi"  # (not "tám tuổi": the number is all its words)
    text = "Việc thay đổi họ cho người từ đủ chín tuổi trở lên phải có sự đồng ý của người đó."
    s, e = unit_value(text, "tuổi")
    assert text[s:e] == "từ đủ chín tuổi"
    assert read_as_asked(text, s, e, folded_words("Đổi họ từ bao nhiêu tuổi trở lên thì cần đồng ý?"))


def test_an_age_asked_is_the_threshold_it_starts_from():
    # Hiến pháp: the age a right starts at is written as a threshold
    line = law_line("hien-phap.txt", "Công dân đủ mười tám tuổi trở lên có quyền biểu quyết")
    s, e = unit_value(line, "tuổi")
    assert line[s:e] == "đủ mười tám tuổi"
    assert read_as_asked(line, s, e, folded_words("At what age may a citizen vote in a referendum?"))
    assert read_as_asked(line, s, e, folded_words("Công dân bao nhiêu tuổi được biểu quyết?"))
    # a count asked plainly is no threshold
    assert not read_as_asked("có 03 thành viên trở lên", 4, 17, folded_words("Hội đồng có mấy thành viên?"))


def test_a_threshold_or_an_exception_is_not_the_length_asked():
    # Luật Viên chức: the probation's exception names a threshold of experience, not the probation
    line = law_line("luat-vien-chuc.txt", "trừ trường hợp đã có thời gian từ đủ 12 tháng trở lên")
    sentence = line[:line.index("được tuyển dụng") + len("được tuyển dụng")]
    s, e = unit_value(sentence, ANY_TIME)
    assert sentence[s:e].endswith("12 tháng")
    assert not read_as_asked(sentence, s, e, folded_words("Thời gian tập sự của viên chức kéo dài bao lâu?"))
    # asked as a threshold, and asked about the exception: it answers
    assert read_as_asked("Biệt tích 05 năm liền trở lên", 9, 15,
                         folded_words("Biệt tích bao nhiêu năm liền trở lên thì bị tuyên bố chết?"))
    # a rule stated after its exception's frame is the rule ("lưu trú" is no "trừ")
    rule = "Trừ trường hợp thanh tra đột xuất, số lần thanh tra không quá một lần trong một năm"
    s, e = unit_value(rule, "lần")
    assert read_as_asked(rule, s, e, folded_words("Một tổ chức bị thanh tra tối đa mấy lần mỗi năm?"))
    stay = "trường hợp ông, bà đến lưu trú nhiều lần thì chỉ cần thông báo lưu trú một lần"
    s, e = unit_value(stay, "lần")
    assert read_as_asked(stay, s, e, folded_words("Ông bà đến lưu trú nhiều lần thì thông báo mấy lần?"))


def test_the_one_value_of_the_unit_a_sentence_states():
    line = law_line("luat-trong-tai-thuong-mai.txt", "bầu một Trọng tài viên khác làm Chủ tịch")
    line = line[:line.index("Hội đồng trọng tài.") + len("Hội đồng trọng tài.")]  # (its first sentence)
    s, e = unit_value(line, "ngày")
    assert line[s:e].endswith("15 ngày")
    # a number of times: "… Tòa án có thể gia hạn một lần" (Bộ luật Dân sự, dividing an estate)
    line = law_line("bo-luat-dan-su.txt", "yêu cầu Tòa án gia hạn một lần")
    line = line[line.index("Hết thời hạn 03 năm mà bên còn sống"):]
    s, e = unit_value(line[:line.index(".") + 1], "lần")
    assert line[s:e] == "một lần"
    # two values of the unit: which one is asked the sentence alone cannot tell
    assert unit_value("Trong thời hạn 30 ngày, … thì trong thời hạn 15 ngày …", "ngày") is None
    assert unit_value("trong 05 ngày làm việc, … thì 10 ngày làm việc …", "ngày") is None
    # the same value said twice is one
    line = "Hết thời hạn 03 năm mà … thì có quyền yêu cầu Tòa án gia hạn một lần nhưng không quá 03 năm."
    s, e = unit_value(line, "năm")
    assert line[s:e] == "03 năm"
    # working days asked, calendar days said; an age is no length of time
    assert unit_value("Trong thời hạn 15 ngày kể từ ngày nhận", "ngày", working=True) is None
    text = "Trong thời hạn 05 ngày làm việc kể từ ngày nhận hồ sơ"
    assert text[slice(*unit_value(text, "ngày", working=True))].endswith("05 ngày làm việc")
    assert unit_value("trẻ em dưới 06 tháng tuổi", "tháng") is None


def _law_service(name: str, real_settings, tmp_path_factory):
    """A service over one ALQAC law, indexed with the real model (skips when the laws are not here)."""
    from indexer.service import Service
    from indexer.settings import Settings

    law = SHARED / "corpus-alqac" / name
    if not law.exists():
        pytest.skip("the ALQAC laws are not here")
    settings = Settings(data_dir=tmp_path_factory.mktemp("typed") / "data", model=real_settings.model)
    service = Service(settings)
    service.index_paths([Path(law)])
    return service


@pytest.mark.slow
def test_english_length_of_time_through_the_model(real_settings, tmp_path_factory):
    service = _law_service("luat-trong-tai-thuong-mai.txt", real_settings, tmp_path_factory)
    out = service.ask("In ad hoc arbitration, within how many days must the chosen arbitrators elect a "
                      "presiding arbitrator?").model_dump()
    assert out["answer"] and "15 ngày" in out["answer"], out
    cited = out["citations"][0]
    assert service.document(cited["doc_id"]).text[cited["start"]:cited["end"]] == cited["text"]
    # a question about a duration the law does not state for it: no typed answer from a neighbour
    none = service.ask("Within how many days must a foreign arbitration centre open its branch office?").model_dump()
    assert none["answer"] is None or "15 ngày" not in none["answer"], none["answer"]


def test_no_third_number_where_the_reading_found_two_it_could_not_tell_apart(real_settings, tmp_path_factory):
    """The first reading may leave two values it cannot tell apart (on the whole corpus, "15 ngày"
    for the arbitrators' election and "07 ngày" for the centre's chairman after it): the model's
    closest sentence then answers one of them or nothing, never a third number of the same kind
    (``disputed``). Read here on the arbitration law alone, where the closest sentence says 15 days."""
    from indexer.answer.question import analyze
    from indexer.answer.sentence_answer import _typed_answer
    from indexer.answer.texts import _written

    service = _law_service("luat-trong-tai-thuong-mai.txt", real_settings, tmp_path_factory)
    question = "In ad hoc arbitration, within how many days must the chosen arbitrators elect a presiding arbitrator?"
    response = service.search(question, k=10, highlights=False)
    q = analyze(question, response.interpreted, response.translated, response.language, written=_written(service))
    read = _typed_answer(service, question, q, response, None, set(), {("15",), ("07",)})
    assert read and "15 ngày" in read["answer"]
    assert _typed_answer(service, question, q, response, None, set(), {("30",), ("07",)}) is None


@pytest.mark.slow
def test_vietnamese_length_of_time_through_the_model(real_settings, tmp_path_factory):
    """Luật Cư trú: "Trong thời hạn 03 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ …, cơ quan
    đăng ký cư trú có trách nhiệm điều chỉnh thông tin về chủ hộ …" asked in other words."""
    service = _law_service("luat-cu-tru.txt", real_settings, tmp_path_factory)
    out = service.ask("Sau khi nhận đủ hồ sơ, cơ quan đăng ký cư trú điều chỉnh thông tin về chủ hộ "
                      "trong Cơ sở dữ liệu về cư trú mất bao lâu?").model_dump()
    assert out["answer"] and "03 ngày làm việc" in out["answer"], out
    cited = out["citations"][0]
    assert service.document(cited["doc_id"]).text[cited["start"]:cited["end"]] == cited["text"]


@pytest.mark.slow
def test_a_moment_named_by_its_event_through_the_model(real_settings, tmp_path_factory):
    """Luật Viên chức, Điều 28: "… do cấp trên của người đứng đầu đơn vị sự nghiệp công lập bổ nhiệm thì
    trước khi ký kết hợp đồng làm việc phải được sự đồng ý của cấp đó", asked in English and in
    Vietnamese in other words."""
    service = _law_service("luat-vien-chuc.txt", real_settings, tmp_path_factory)
    for question in ("When is the consent of the superior of a public service unit's head needed for a "
                     "professional title that superior appoints?",
                     "Việc bổ nhiệm chức danh nghề nghiệp do cấp trên của người đứng đầu đơn vị sự nghiệp công "
                     "lập thực hiện phải được cấp đó đồng ý vào thời điểm nào?"):
        out = service.ask(question).model_dump()
        assert out["answer"] == "trước khi ký kết hợp đồng làm việc", (question, out["answer"])
        cited = out["citations"][0]
        assert service.document(cited["doc_id"]).text[cited["start"]:cited["end"]] == cited["text"]


def test_an_age_range_asked():
    q = "Cơ sở cai nghiện công lập phải bố trí khu riêng cho người nghiện trong độ tuổi nào?"
    assert asked_unit(q, folded_words(q)) == (AGE_RANGE, False)
    assert asked_unit("Certificates are issued to people in which age group?") == (AGE_RANGE, False)
    text = "b) Khu cai nghiện dành cho người từ đủ 12 tuổi đến dưới 18 tuổi;"
    assert text[slice(*unit_value(text, AGE_RANGE))] == "từ đủ 12 tuổi đến dưới 18 tuổi"
    # two ranges: none; no range: the one age
    assert unit_value("từ đủ 12 tuổi đến dưới 16 tuổi và từ đủ 16 tuổi đến dưới 18 tuổi", AGE_RANGE) is None
    one = "Người từ đủ 18 tuổi trở lên được đăng ký dự tuyển"
    assert one[slice(*unit_value(one, AGE_RANGE))] == "từ đủ 18 tuổi"


def test_a_moment_asked_in_english():
    assert asked_unit("Under the Civil Code, at what moment is an inheritance considered to be opened?") == (MOMENT, False)
    assert asked_unit("If the State purchases someone's property, when does the ownership right end?") == (MOMENT, False)
    assert asked_unit("How many days does the agency have?") == ("ngày", False)
    # "from what date / which stage" asks where a thing starts: a moment, told by its event
    q = "From what date does a cassation decision in an administrative case take legal effect?"
    assert asked_unit(q) == (MOMENT, False)
    assert asked_unit("From which stage may a defender join the lawsuit?") == (MOMENT, False)
    line = law_line("luat-to-tung-hanh-chinh.txt", "Quyết định giám đốc thẩm có hiệu lực pháp luật kể từ ngày")
    assert line[slice(*unit_value(line, MOMENT))] == "kể từ ngày Hội đồng xét xử giám đốc thẩm ra quyết định"
    line = law_line("bo-luat-dan-su.txt", "Thời điểm mở thừa kế là thời điểm người có tài sản chết")
    sentence = line[:line.index(".", line.index("tài sản chết")) + 1]
    assert sentence[slice(*unit_value(sentence, MOMENT))] == "là thời điểm người có tài sản chết"
    # two moments, each with its condition: which one is asked the sentence alone cannot tell
    two = ("phát sinh từ thời điểm được thành lập; nếu pháp nhân phải đăng ký hoạt động thì phát sinh từ "
           "thời điểm ghi vào sổ đăng ký.")
    assert unit_value(two, MOMENT) is None



def test_a_moment_named_by_its_event():
    """A moment the law names by the event it comes before, after or with, read whole: its counted
    length, a list of events, up to the predicate it frames (not the one "và" joins)."""
    q = "Giong cay trong phai dang ky bao ho vao thoi diem nao?"
    assert asked_unit(q, folded_words(q)) == (MOMENT, False)
    assert asked_unit("Tố tụng trọng tài bắt đầu từ khi nào?", folded_words("Tố tụng trọng tài bắt đầu từ khi nào?")) \
        == (MOMENT, False)
    cases = {("luat-vien-chuc.txt", "trước khi ký kết hợp đồng làm việc"): "trước khi ký kết hợp đồng làm việc",
             ("luat-cu-tru.txt", "15 ngày trước ngày kết thúc thời hạn tạm trú"):
                 "Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú đã đăng ký",
             ("luat-bao-ve-moi-truong.txt", "kể từ ngày kết thúc việc đóng bãi chôn lấp"):
                 "kể từ ngày kết thúc việc đóng bãi chôn lấp",
             ("bo-luat-dan-su.txt", "có quốc tịch tại thời điểm lập, thay đổi"):
                 "tại thời điểm lập, thay đổi hoặc hủy bỏ di chúc",
             # the parties a subject lists are not the event's (its acts listed alone are: below)
             ("luat-du-lich.txt", "có nhu cầu đăng ký xếp hạng lại cơ sở lưu trú du lịch"):
                 "Sau khi hết thời hạn"}
    for (law, words), moment in cases.items():
        line = law_line(law, words)
        assert line[slice(*unit_value(line, MOMENT))] == moment, line
    # Luật Cư trú, Điều 19 (its file decomposes some letters: read as the index reads it, NFC)
    import unicodedata

    line = next(unicodedata.normalize("NFC", l) for l in (SHARED / "corpus-alqac" / "luat-cu-tru.txt").read_text(
        encoding="utf-8").splitlines() if "cập nhật thông tin của công dân về nơi ở hiện tại" in unicodedata.normalize("NFC", l))
    assert line[slice(*unit_value(line, MOMENT))] == "Sau khi kiểm tra, xác minh"


def test_a_moment_the_question_states_is_not_its_answer():
    # Luật Trọng tài thương mại, Điều 71: the question's own condition is the sentence's only event
    line = law_line("luat-trong-tai-thuong-mai.txt", "thông báo ngay cho Trung tâm trọng tài")
    q = ("Sau khi thụ lý đơn yêu cầu hủy phán quyết trọng tài, Tòa án phải thông báo cho Trung tâm trọng tài "
         "vào lúc nào?")
    assert unit_value(line, MOMENT) is not None
    assert unit_value(line, MOMENT, asked=folded_words(q)) is None
    # Luật Du lịch, Điều 78: a moment inside another's clause ("trước ngày Luật này có hiệu lực …
    # cho đến hết thời hạn …"): two moments, none picked
    line = law_line("luat-du-lich.txt", "tiếp tục sử dụng hạng đã được công nhận cho đến")
    q = "Co so luu tru du lich da duoc cong nhan hang truoc khi Luat Du lich co hieu luc duoc dung hang den khi nao?"
    assert unit_value(line, MOMENT, asked=folded_words(q)) is None


def test_of_two_values_none_is_picked():
    # Luật Trồng trọt, Điều 8: "cho chu kỳ 10 năm, định hướng 20 năm" — which one is asked, the
    # sentence alone cannot tell
    sentence = "Chiến lược phát triển trồng trọt được xây dựng cho chu kỳ 10 năm, định hướng 20 năm"
    assert unit_value(sentence, "năm") is None


@pytest.mark.slow
def test_an_english_who_question_read_in_the_sentence_the_model_finds_closest(real_settings, tmp_path_factory):
    """Luật Tiếp cận thông tin, Điều 20: "… thì cơ quan tạo ra thông tin có trách nhiệm yêu cầu cơ quan đã
    công khai thông tin kịp thời đính chính". The glossary reads "inaccurately" and "another" in no
    word of it; the sentence is the one the model finds closest in the first passage, so the typed
    reader's gate applies to the reading in place. A question adding what the sentence does not say
    (fining the publisher), read in that same sentence, stays unanswered: the gate still asks half
    the question's words."""
    service = _law_service("luat-tiep-can-thong-tin.txt", real_settings, tmp_path_factory)
    out = service.ask("If information an agency created is published inaccurately by another agency, which "
                      "agency must request the correction?").model_dump()
    assert out["answer"] == "cơ quan tạo ra thông tin", out
    assert out["support"]["read"] == "in_place"
    cited = out["citations"][0]
    assert service.document(cited["doc_id"]).text[cited["start"]:cited["end"]] == cited["text"]
    trap = service.ask("If information an agency created is published inaccurately by another agency, which "
                       "agency must request the correction and fine the publisher?").model_dump()
    assert trap["answer"] is None, trap


@pytest.mark.slow
def test_a_vietnamese_reading_in_the_sentence_the_model_finds_closest(real_settings, tmp_path_factory):
    """Luật Trọng tài thương mại, Điều 34: "Bên thua kiện phải chịu phí trọng tài, trừ trường hợp các bên
    có thoả thuận khác …", asked with the exception as a condition ("Nếu các bên không có thỏa thuận
    khác"). The reading is in the sentence the model finds closest, so a word of the question may stay
    unsaid there; without that, another sentence's reading answered ("Trung tâm trọng tài"). A question
    adding what the law does not say (a lawyer's fee abroad) stays unanswered."""
    service = _law_service("luat-trong-tai-thuong-mai.txt", real_settings, tmp_path_factory)
    out = service.ask("Nếu các bên không có thỏa thuận khác, bên nào phải chịu phí trọng tài?").model_dump()
    assert out["answer"] == "Bên thua kiện", out
    assert out["support"]["read"] == "in_place"
    cited = out["citations"][0]
    assert service.document(cited["doc_id"]).text[cited["start"]:cited["end"]] == cited["text"]
    trap = service.ask("Nếu các bên không có thỏa thuận khác, bên nào phải chịu phí trọng tài và phí luật sư ở "
                       "nước ngoài?")
    assert trap.answer is None, trap.answer


def test_the_thing_an_english_how_many_counts():
    """"how many <noun>" names what it counts: the glossary's Vietnamese for the noun phrase (its
    head, before an unknown verb), read as a number written before those words; "how many of …"
    names none."""
    from indexer.search.translate import lookup

    q = "In the cases the law lists, how many people's jurors sit on the first-instance panel?"
    unit = asked_unit(q, translate=lookup)
    assert unit is not None and unit[1] is False
    line = law_line("luat-to-tung-hanh-chinh.txt", "Hội đồng xét xử sơ thẩm có thể gồm 02 Thẩm phán và 03 Hội thẩm")
    assert unit_value(line, unit[0]) is None  # the line's sentence before says "02 Hội thẩm nhân dân"
    sentence = line[line.index("Hội đồng xét xử sơ thẩm có thể"):]
    assert sentence[slice(*unit_value(sentence, unit[0]))] == "03 Hội thẩm nhân dân"
    assert asked_unit("How many of the three elements must a film have?", translate=lookup) is None
    assert asked_unit("How many days does the agency have?", translate=lookup) == ("ngày", False)
    # without the glossary, no counted noun
    assert asked_unit(q) is None


def _plan_line(key: str, words: str) -> str:
    return next(line for line in PLANS[key].read_text(encoding="utf-8").splitlines() if words in line)


def test_the_thing_a_vietnamese_question_counts():
    """"gồm mấy nhóm tiêu chí", "nộp bao nhiêu bộ hồ sơ" name what they count with the text's own
    words, all of them up to a preposition or a verb of the frame ("theo"), whatever their diacritics;
    a share or a sum is no such noun."""
    def unit(question: str):
        return asked_unit(question, folded_words(question))

    line = _plan_line("001", "03 nhóm tiêu chí")
    for question in ("Các chi bộ tự chấm điểm chất lượng học tập theo mấy nhóm tiêu chí?",
                     "cac chi bo tu cham diem theo may nhom tieu chi?"):
        asked = unit(question)
        assert asked is not None, question
        assert line[slice(*unit_value(line, *asked))] == "03 nhóm tiêu chí"
    line = law_line("luat-dien-anh.txt", "a) Tổ chức, cá nhân nộp 01 bộ hồ sơ")
    asked = unit("Tổ chức đề nghị cấp giấy phép nộp bao nhiêu bộ hồ sơ theo Luật Điện ảnh?")
    assert line[slice(*unit_value(line, *asked))] == "01 bộ hồ sơ"  # ("sơ" is no function word "số")
    # the whole noun, not its first word: international visitors are not all visitors
    text = "Phấn đấu đến năm 2030, tổng lượt khách du lịch đạt trên 900.000 lượt khách du lịch"
    assert unit_value(text, *unit("Xã đón bao nhiêu lượt khách quốc tế?")) is None
    assert unit("Tỷ lệ hộ nghèo giảm bao nhiêu phần trăm?") is None
    assert unit("Phải ký quỹ bao nhiêu tiền?") is None


def test_a_range_and_a_grouped_number_are_one_value():
    line = law_line("luat-giao-duc.txt", "Thời gian đào tạo trình độ cao đẳng theo niên chế")
    sentence = line[:line.index("đối với người có bằng tốt nghiệp trung học phổ thông")]
    assert sentence[slice(*unit_value(sentence, "năm"))] == "từ 02 đến 03 năm"
    text = "Ngân sách Trung ương (Chương trình mục tiêu quốc gia): 30.203.000.000 đồng"
    asked = asked_unit("Kinh phí Trung ương là bao nhiêu đồng?", folded_words("Kinh phí Trung ương là bao nhiêu đồng?"))
    assert text[slice(*unit_value(text, *asked))] == "30.203.000.000 đồng"  # (not "000 đồng")


def test_a_span_of_years_asked():
    for question in ("tinh uy so hoa bo van kien, bo van kien bao quat tu nam nao den nam nao?",
                     "Bảo tàng tỉnh được xây dựng trong khoảng những năm nào?",
                     "From which year to which year does the collection of Party documents run?"):
        folded = "" if question.startswith("From") else folded_words(question)
        assert asked_unit(question, folded) == (YEAR_SPAN, False), question
    line = _plan_line("002", "Sưu tầm, biên soạn bộ Văn kiện Đảng bộ tỉnh giai đoạn 1949-2020")
    assert line[slice(*unit_value(line, YEAR_SPAN))] == "1949-2020"
    assert unit_value("giai đoạn 2021-2025 và giai đoạn 2026-2030", YEAR_SPAN) is None  # which one, not said
    assert unit_value("từ năm 2021 đến năm 2025", YEAR_SPAN) == (0, 24)


def test_a_typed_value_is_measured_by_its_last_number():
    """A Vietnamese typed target passes the target readers' fit as a quantity whose measure is the
    words after its (last) number: a range's share is a share."""
    from indexer.answer.sentence_answer import _as_quantity

    def measure(value: str) -> str:
        return _as_quantity({"answer": value, "quote": value})["measure"]
    assert measure("từ 10 đến 20%") == "%"
    assert measure("09 đến 10 điểm") == "điểm"
    assert measure("30.203.000.000 đồng") == "đồng"
    assert measure("ít nhất 03 giai đoạn") == "giai đoạn"


def test_the_judgment_doublet_is_one_event():
    # "bản án, quyết định (của Tòa án)": the laws' one event past its comma
    s = "Quan hệ hôn nhân chấm dứt kể từ ngày bản án, quyết định ly hôn của Tòa án có hiệu lực pháp luật."
    a, b = moment_value(s)
    assert s[a:b] == "kể từ ngày bản án, quyết định ly hôn của Tòa án có hiệu lực pháp luật"
    # … up to where its clause ends, as an event's does
    s = "Kể từ ngày bản án, quyết định của Tòa án có hiệu lực pháp luật thì đương sự phải thi hành."
    a, b = moment_value(s)
    assert s[a:b] == "Kể từ ngày bản án, quyết định của Tòa án có hiệu lực pháp luật"



def _read(line: str, question: str) -> str | None:
    """What ``unit_value`` reads in ``line`` for the unit the Vietnamese ``question`` asks."""
    found = unit_value(line, *asked_unit(question, folded_words(question)))
    return line[slice(*found)] if found else None



# What a count question reads when it counts in other words than the law's: a measure spelled out
# by its symbol ("500 kg", "08 m2"; what it weighs may follow in other words, "kg khối lượng vật
# nuôi sống"), a qualifier with its copula ("ít nhất là"), a body's people as its members or
# founders; a count of another thing stays its own words.
@pytest.mark.parametrize("law, words, question, read", [
    ("luat-chan-nuoi.txt", "Mỗi đơn vị vật nuôi tương đương",
     "Một đơn vị vật nuôi bằng bao nhiêu ki-lô-gam vật nuôi sống?", "500 kg"),
    ("luat-cu-tru.txt", "không thấp hơn 08 m2 sàn/người",
     "Nhà thuê phải có tối thiểu bao nhiêu mét vuông sàn cho mỗi người?", "không thấp hơn 08 m2"),
    ("luat-cu-tru.txt", "không thấp hơn 08 m2 sàn/người", "Nhà thuê phải có bao nhiêu phòng ngủ?", None),
    ("luat-bao-ve-moi-truong.txt", "gồm ít nhất là 07 thành viên",
     "Hội đồng thẩm định báo cáo đánh giá tác động môi trường gồm bao nhiêu thành viên?", "ít nhất là 07 thành viên"),
    ("luat-bao-ve-moi-truong.txt", "gồm ít nhất là 07 thành viên",
     "Hội đồng thẩm định phải có ít nhất mấy người?", "ít nhất là 07 thành viên"),
    ("luat-trong-tai-thuong-mai.txt", "ít nhất năm sáng lập viên",
     "Cần bao nhiêu người sáng lập để lập trung tâm trọng tài?", "ít nhất năm sáng lập viên"),
])
def test_a_count_in_other_words_than_the_laws(law, words, question, read):
    assert _read(law_line(law, words), question) == read


@pytest.mark.parametrize("question, spelled", [
    ("tương đương bao nhiêu ki-lô-gam vật nuôi sống", "ki lo gam"),
    ("Hội đồng gồm bao nhiêu thành viên?", ""),
    ("Hội đồng có mấy người?", "nguoi"),
    # people of another kind are counted as such; a question asking days counts no people
    ("Có bao nhiêu người dân tộc thiểu số được hỗ trợ?", ""),
    ("Mấy người được cử đi trong bao nhiêu ngày?", ""),
])
def test_what_a_question_counts_in_as_it_says_it(question, spelled):
    assert spelled_measure(folded_words(question)) == spelled

def test_a_measure_spelled_out_through_the_model(real_settings, tmp_path_factory):
    """Through the service on Luật Chăn nuôi: the measure the question spells out is the symbol the
    law writes, and the sentence says the question's words with it."""
    service = _law_service("luat-chan-nuoi.txt", real_settings, tmp_path_factory)
    out = service.ask("Mỗi đơn vị vật nuôi tương đương bao nhiêu ki-lô-gam vật nuôi sống?").model_dump()
    assert out["answer"] == "500 kg", out
    cited = out["citations"][0]
    assert service.document(cited["doc_id"]).text[cited["start"]:cited["end"]] == cited["text"]

