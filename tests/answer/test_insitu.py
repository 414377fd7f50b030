"""The answer read where the question word stands (insitu.py), on real sentences of the plans and
the laws, and through the service (hash embedder) when no extracted item answers."""

from __future__ import annotations

import pytest

from indexer.answer.insitu import align, sentence_spans, wh_slots
from tests.conftest import PLANS, index_laws, law_line


def _read(question: str, kind: str, text: str, compounds=frozenset()) -> list[str]:
    out = []
    for slot in wh_slots(question, kind, compounds):
        for s, e in sentence_spans(text):
            x = align(slot, text, s, e, kind)
            if x:
                out.append(text[x.start:x.end])
    return list(dict.fromkeys(out))  # (two readings of the question, one answer: "vào lúc nào" with and without "vào")


def _plan_line(plan: str, words: str) -> str:
    return next(line for line in PLANS[plan].read_text(encoding="utf-8").splitlines() if words in line)


def test_who_between_the_question_words_with_and_without_diacritics():
    line = _plan_line("003", "phát huy vai trò của gia đình")
    for q in ("Kế hoạch NQ 17 phát huy vai trò của những ai trong công tác khuyến học, khuyến tài?",
              "Ke hoach NQ 17 phat huy vai tro cua nhung ai trong cong tac khuyen hoc, khuyen tai?"):
        assert _read(q, "who", line) == ["gia đình, cộng đồng và các tổ chức đoàn thể"]


def test_who_opening_the_question_reads_the_subject_and_its_list():
    line = law_line("luat-to-tung-hanh-chinh.txt", "Bộ Tư pháp chịu trách nhiệm trước Chính phủ")
    assert _read("Bộ nào chịu trách nhiệm trước Chính phủ về quản lý nhà nước về thi hành án hành chính?",
                 "who", line) == ["Bộ Tư pháp"]
    line = _plan_line("001", "lựa chọn hình thức triển khai hội nghị")
    assert _read("Ở cấp cơ sở, ai lựa chọn hình thức hội nghị quán triệt NQ 92?", "who", line) == \
        ["các cơ quan, đơn vị"]


def test_a_share_a_count_and_a_time_with_their_qualifiers():
    line = law_line("bo-luat-dan-su.txt", "bên thuê khoán được hưởng một nửa số gia súc")
    assert _read("Bên thuê khoán được hưởng bao nhiêu phần số gia súc sinh ra?", "target", line) == ["một nửa"]
    line = law_line("luat-trong-tai-thuong-mai.txt", "có hiệu lực kể từ ngày ban hành")
    assert "kể từ ngày ban hành" in _read("Phán quyết trọng tài có hiệu lực từ khi nào?", "when", line)
    line = "Quyết định của Hội đồng định giá phải được quá nửa tổng số thành viên biểu quyết tán thành."
    assert _read("Quyết định của Hội đồng định giá phải được bao nhiêu thành viên biểu quyết tán thành?",
                 "target", line, {"thanh vien"}) == ["quá nửa tổng số thành viên"]


def test_a_moment_named_by_an_event_and_a_preposition_said_otherwise():
    # "chấm dứt từ thời điểm nào" read up to the clause's end, the event that names the moment
    text = law_line("bo-luat-dan-su.txt", "Khi tài sản của chủ sở hữu do phạm tội")
    text = text[:text.index(".") + 1]
    read = _read("Tài sản bị tịch thu do phạm tội thì quyền sở hữu đối với tài sản đó chấm dứt từ thời điểm nào?",
                 "when", text)
    assert read and read[0].startswith("kể từ thời điểm bản án, quyết định của Tòa án"), read
    # "hiệu lực vào | thời điểm nào" against "hiệu lực từ | thời điểm giao kết"
    line = "Hợp đồng thế chấp tài sản có hiệu lực từ thời điểm giao kết."
    assert _read("Hợp đồng thế chấp tài sản có hiệu lực vào thời điểm nào?", "when", line) == \
        ["từ thời điểm giao kết"]


def test_the_year_that_names_a_law_is_no_year_asked():
    from indexer.answer.sentence_answer import _LAW_YEAR
    assert _LAW_YEAR.sub(" ", "Theo Bộ luật Dân sự 2015, di chúc có hiệu lực từ khi nào?").count("2015") == 0
    assert _LAW_YEAR.sub(" ", "Theo Luật BVMT năm 2020, …").count("2020") == 0
    assert _LAW_YEAR.sub(" ", "Mục tiêu đến năm 2030 của Kế hoạch là gì?").count("2030") == 1


def test_what_does_not_fit_the_kind_is_no_answer():
    # a who-slot that opens with a verb is what a unit does, not who
    text = "Văn phòng Tỉnh ủy tham mưu Ban Thường vụ Tỉnh ủy tổ chức Hội nghị sơ kết."
    assert _read("Ai tổ chức Hội nghị sơ kết?", "who", text) == []
    # "bao nhiêu ngày" is a number of days, not "một trong các quyết định"
    text = "Trong thời hạn 10 ngày, Chánh án phải ra một trong các quyết định sau đây."
    assert _read("Chánh án phải ra bao nhiêu ngày?", "target", text) == []
    # a number that only cites an article is no value
    text = "Phạt tiền đối với hành vi phổ biến phim theo quy định tại điểm b khoản 2 Điều 21 của Luật này."
    assert _read("Phạt tiền đối với hành vi phổ biến bao nhiêu?", "target", text) == []
    # "ngày nào" asks a day, not an age range
    text = "Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi."
    assert _read("Thanh niên là công dân Việt Nam ngày nào?", "when", text) == []
    # a sentence's first word is capitalised anyway: a passive there is nobody
    text = "Bị thu hồi Giấy phép thành lập Trung tâm trọng tài trong các trường hợp sau đây."
    assert _read("Ai thu hồi Giấy phép thành lập Trung tâm trọng tài?", "who", text) == []
    # "bắt đầu từ thời điểm nào" asks where a period starts, not "cho đến khi kết thúc"
    text = law_line("bo-luat-dan-su.txt", "có tính liên tục từ khi bắt đầu cho đến khi kết thúc")
    assert _read("Thời hiệu được tính bắt đầu từ thời điểm nào?", "when", text) == []
    assert _read("Thoi hieu duoc tinh bat dau tu thoi diem nao?", "when", text) == []
    # a document's code is no unit, though written in capitals ("… Nghị quyết số 06-NQ/TU;")
    text = _plan_line("004", "Đề cương xây dựng báo cáo sơ kết")
    assert _read("Ai phụ trách khâu tuyên truyền kết quả sơ kết Nghị quyết 06?", "who", text) == []
    from indexer.answer.insitu import _fits
    assert not any(_fits("who", code) for code in ("NQ/TU", "KH/UBND", "NQ-CP", "QĐ/TW", "NQ/TƯ"))
    assert all(_fits("who", pair) for pair in ("HĐND/UBND các xã", "MTTQ/ĐTN"))  # pairs of bodies
    # two question words: no single place to read
    assert wh_slots("Ai làm gì và khi nào?", "who") == []
    assert wh_slots("Who is responsible?", "who") == []


@pytest.fixture(scope="module")
def arbitration(tmp_path_factory):
    return index_laws(tmp_path_factory, "insitu", ["luat-trong-tai-thuong-mai.txt"])


def test_service_answers_in_place_with_a_verbatim_citation(arbitration):
    out = arbitration.ask("Phán quyết trọng tài có hiệu lực từ khi nào?").model_dump()
    assert out["answer"] and "ngày ban hành" in out["answer"], out
    assert out["support"]["read"] == "in_place"
    item, cited = out["items"][0], out["citations"][0]
    doc = arbitration.document(cited["doc_id"]).text
    assert doc[cited["start"]:cited["end"]] == cited["text"]
    assert doc[item["when_start"]:item["when_end"]] == item["when"]
    assert arbitration.ask("Phán quyết trọng tài có hiệu lực từ khi nào?").answer == out["answer"]
    # the same frame about something no law of the index says: no answer
    none = arbitration.ask("Phán quyết hòa giải thương mại quốc tế có hiệu lực từ khi nào?").model_dump()
    assert none["answer"] is None or "ban hành" not in none["answer"]


def test_a_document_number_the_question_does_not_name_is_another_document():
    from indexer.answer.sentence_answer import _unasked_number
    from indexer.answer.question import analyze

    line = law_line("luat-dien-anh.txt", "hết hiệu lực kể từ ngày Luật này có hiệu lực")
    assert _unasked_number(analyze("Luật Điện ảnh hết hiệu lực khi nào?"), line)
    named = "Luật Điện ảnh số 62/2006/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành."
    assert not _unasked_number(analyze("Luật Điện ảnh số 62/2006/QH11 hết hiệu lực khi nào?"), named)


def test_a_passive_question_is_read_after_its_verb():
    # "Ai được ưu tiên hỗ trợ tiếp cận vốn …?": the plan says it actively, the one supported after the verb
    line = _plan_line("003", "ưu tiên hỗ trợ đồng bào dân tộc thiểu số")
    assert "đồng bào dân tộc thiểu số, hộ có hoàn cảnh khó khăn" in _read(
        "Ai được ưu tiên hỗ trợ tiếp cận vốn tín dụng ưu đãi trong các chương trình giảm nghèo?", "who", line)


def test_the_noun_a_which_question_asks():
    from indexer.answer.insitu import asked_kind

    # "chủ thể" folds to "chu the", whose "the" is also the fold of a function word (thế)
    slot = wh_slots("Liên kết sản xuất được tăng cường giữa những chủ thể nào?", "who")[0]
    assert slot.asked == ("nhung", "chu", "the") and slot.left[-1] == "giua"
    assert asked_kind("Liên kết sản xuất được tăng cường giữa những chủ thể nào?") == "who"
    assert asked_kind("Tiền cấp dưỡng có thể trả theo những kỳ hạn nào?") == "when"
    assert asked_kind("Giá trị nào được bảo đảm?") == "what"  # a thing, neither people nor a time
    assert asked_kind("Giá trị được bảo đảm ra sao?") is None


def test_a_reordered_question_is_read_by_the_word_next_to_its_question_word():
    # "Liên kết … được tăng cường giữa những chủ thể nào?": only "giữa" stands next to the answer in
    # the plan's "Tăng cường liên kết sản xuất theo chuỗi giá trị giữa người dân, hợp tác xã và doanh
    # nghiệp"; the service then asks the sentence itself to say the rest (test_service_… below)
    line = _plan_line("003", "liên kết sản xuất theo chuỗi giá trị giữa")
    assert "người dân, hợp tác xã và doanh nghiệp" in _read(
        "Liên kết sản xuất theo chuỗi giá trị được tăng cường giữa những chủ thể nào?", "who", line)


def test_service_reads_a_reordered_question_only_where_the_sentence_says_the_rest(tmp_path):
    from indexer.service import Service
    from indexer.settings import Settings

    service = Service(Settings(data_dir=tmp_path / "data", model="hash-256"))
    service.index_paths([PLANS["003"]])
    out = service.ask("Liên kết sản xuất theo chuỗi giá trị được tăng cường giữa những chủ thể nào?").model_dump()
    assert out["answer"] and "người dân, hợp tác xã và doanh nghiệp" in out["answer"], out
    assert out["support"]["read"] == "in_place" and not out["support"]["missing"]
    # a word the sentence does not say ("quốc tế"): no answer from the one word next to it
    trap = service.ask("Liên kết sản xuất theo chuỗi giá trị quốc tế được tăng cường giữa những chủ thể nào?")
    assert trap.answer is None or "người dân" not in trap.answer, trap.answer


def _read_en(question: str, text: str) -> list[str]:
    from indexer.answer.insitu import english_slots
    from indexer.search.translate import lookup

    out = []
    for slot in english_slots(question, lookup):
        for s, e in sentence_spans(text):
            x = align(slot, text, s, e, "who")
            if x:
                out.append(text[x.start:x.end])
    return out


def test_an_english_who_question_is_read_by_the_word_it_governs():
    # "whose role" is "vai trò (của) <answer>", "skills for whom" "kỹ năng số cho <answer>", "encouraged
    # to expand" "Khuyến khích <answer> mở rộng", a stranded "with" "phối hợp với <answer>"
    line = _plan_line("003", "nâng cao kỹ năng số cho")
    assert _read_en("The digital literacy movement aims to raise digital skills for whom?", line) == \
        ["cán bộ và Nhân dân"]
    line = _plan_line("003", "Khuyến khích các chủ thể OCOP")
    assert _read_en("Who is encouraged to expand production scale?", line) == ["các chủ thể OCOP"]
    assert _read_en("Who does the plan encourage to expand production scale?", line) == ["các chủ thể OCOP"]
    text = "Phát huy vai trò của Mặt trận Tổ quốc, các tổ chức chính trị - xã hội trong công tác bảo vệ môi trường."
    # the list ends where a phrase of its own opens ("trong công tác …")
    assert _read_en("Whose role is promoted in protecting the environment?", text) == \
        ["Mặt trận Tổ quốc, các tổ chức chính trị - xã hội"]
    text = "Chủ động phối hợp với các cơ quan, đơn vị, doanh nghiệp lữ hành xây dựng chương trình quảng bá."
    assert _read_en("Whom should the commune coordinate with under the plan?", text)[0].startswith(
        "các cơ quan, đơn vị, doanh nghiệp lữ hành")
    from indexer.answer.insitu import english_slots
    from indexer.search.translate import lookup
    assert english_slots("Who is responsible for propaganda?", lookup) == []  # the actors' question


def test_service_reads_an_english_who_question_in_the_first_passage_only_when_it_says_the_question(tmp_path):
    from indexer.service import Service
    from indexer.settings import Settings

    service = Service(Settings(data_dir=tmp_path / "data", model="hash-256"))
    service.index_paths([PLANS["003"]])
    out = service.ask("Who is encouraged to expand OCOP production scale and raise competitiveness?").model_dump()
    assert out["answer"] == "các chủ thể OCOP", out
    assert out["support"]["read"] == "in_place"
    cited = out["citations"][0]
    assert service.document(cited["doc_id"]).text[cited["start"]:cited["end"]] == cited["text"]
    # the same frame about what the plan does not say (exports, foreign markets): no answer
    trap = service.ask("Who is encouraged to expand exports of seafood to foreign markets?").model_dump()
    assert trap["answer"] != "các chủ thể OCOP", trap


def test_a_qualifier_of_another_clauses_words_is_no_moment():
    # "chết trước hoặc chết cùng thời điểm với người lập di chúc" holds no moment asked
    line = "c) Phần di sản có liên quan đến người thừa kế từ chối nhận di sản, chết trước hoặc chết cùng " \
           "thời điểm với người lập di chúc."
    assert not any(r.startswith("trước hoặc") for r in
                   _read("Người thừa kế phải từ chối nhận di sản trước thời điểm nào?", "when", line))


def test_the_article_a_question_names():
    from indexer.answer import analyze, other_article
    item = {"section_path": ["Điều 57. Nghĩa vụ của người giám hộ đối với người được giám hộ từ đủ mười "
                             "lăm tuổi"], "quote": "Chăm sóc, bảo đảm việc điều trị bệnh cho người được giám hộ."}
    assert other_article(analyze("Under the Civil Code, Article 56 sets the guardian's duties toward wards of "
                                 "which age?"), item)
    assert not other_article(analyze("Theo Điều 57 Bộ luật Dân sự, người giám hộ có nghĩa vụ gì?"), item)
    # an article the question sets aside is not the one it asks
    assert not other_article(analyze("Luật có hiệu lực từ ngày nào (trừ khoản 3 Điều 29)?"), item)
    assert not other_article(analyze("Người giám hộ có nghĩa vụ gì?"), item)


def test_an_establishment_whose_name_holds_a_comma():
    # Luật Điện ảnh: "1. Cơ sở lưu trữ phim thuộc cơ quan văn hóa, thể thao và du lịch có trách nhiệm …"
    line = law_line("luat-dien-anh.txt", "Cơ sở lưu trữ phim thuộc cơ quan văn hóa, thể thao và du lịch có trách nhiệm")
    assert _read("Ai có trách nhiệm lưu trữ phim Việt Nam đã được cấp Giấy phép phân loại phim?", "who", line) == \
        ["Cơ sở lưu trữ phim thuộc cơ quan văn hóa, thể thao và du lịch"]


def test_an_active_question_read_in_a_passive_sentence():
    # Luật Thanh niên: "Nhiệm vụ, quyền hạn của Ủy ban … do Thủ tướng Chính phủ quy định"
    line = law_line("luat-thanh-nien.txt", "do Thủ tướng Chính phủ quy định")
    read = _read("Ai quy định nhiệm vụ, quyền hạn của Ủy ban quốc gia về Thanh niên Việt Nam?", "who", line)
    assert "Thủ tướng Chính phủ" in read, read
    # "do ai quyết định" against "phải được Bộ trưởng … quyết định"
    line = law_line("luat-chan-nuoi.txt", "cho bên thứ ba phải được Bộ trưởng")
    read = _read("Trao đổi nguồn gen giống vật nuôi quý, hiếm của Việt Nam cho bên thứ ba do ai quyết định?",
                 "who", line)
    assert read and read[0].startswith("Bộ trưởng Bộ Nông nghiệp"), read


def test_to_whom_one_is_accountable_or_reports():
    from indexer.answer.insitu import english_slots
    from indexer.search.translate import lookup
    slots = english_slots("Under the Constitution, to whom is a Deputy Prime Minister accountable?", lookup)
    assert [s.left for s in slots] == [("trach", "nhiem", "truoc")]
    line = law_line("hien-phap.txt", "Phó Thủ tướng Chính phủ giúp Thủ tướng Chính phủ")
    spans = sentence_spans(line)
    read = [line[x.start:x.end] for s, e in spans if (x := align(slots[0], line, s, e, "who"))]
    assert read and read[0].startswith("Thủ tướng Chính phủ"), read
    assert [s.left for s in english_slots("To whom does the Chief Justice report?", lookup)] == \
        [("bao", "cao", "truoc"), ("cong", "tac", "truoc")]


def test_the_laws_people_written_lower_case_are_names():
    from indexer.answer.insitu import _fits
    # "con" (a child) is no "còn" (still): it opens a name
    assert _fits("who", "con thành niên hoặc cha, mẹ của người mất tích")
    assert not _fits("who", "còn lại của người mất tích")
    assert _fits("who", "công chứng viên hoặc người có thẩm quyền chứng thực của Uỷ ban nhân dân cấp xã")
    line = law_line("bo-luat-dan-su.txt", "tài sản của người mất tích được giao cho con thành niên")
    read = _read("Khi Tòa án cho vợ hoặc chồng của người bị tuyên bố mất tích ly hôn thì tài sản của người mất "
                 "tích được giao cho ai quản lý?", "who", line)
    assert read and read[0] == "con thành niên hoặc cha, mẹ của người mất tích", read


def test_a_question_that_reorders_two_words():
    line = "1. Khi thời hạn được xác định bằng phút, giờ thì thời hạn được bắt đầu từ thời điểm đã xác định."
    read = _read("Khi thời hạn được xác định bằng phút, giờ thì thời hạn bắt đầu được tính từ lúc nào?", "when", line)
    assert read == ["từ thời điểm đã xác định"], read


def test_a_relation_preposition_ends_the_noun_asked_and_at_a_moment_is_said_either_way():
    # Hiến pháp, Điều 118: "báo cáo trước | cơ quan nào" asks the body, not "cao trước cơ quan"
    line = law_line("hien-phap.txt", "Tổng Kiểm toán nhà nước chịu trách nhiệm và báo cáo kết quả kiểm toán")
    assert _read("Khi Quốc hội không họp thì Tổng Kiểm toán nhà nước chịu trách nhiệm và báo cáo trước cơ quan nào?",
                 "who", line) == ["Ủy ban thường vụ Quốc hội"]
    # BLDS, Điều 681: "có quốc tịch vào | thời điểm nào" against "có quốc tịch tại | thời điểm lập …"
    line = law_line("bo-luat-dan-su.txt", "Năng lực lập di chúc, thay đổi hoặc huỷ bỏ di chúc được xác định")
    read = _read("Năng lực lập di chúc xác định theo pháp luật nước người lập di chúc có quốc tịch vào thời điểm nào?",
                 "when", line)
    assert read and read[0].startswith("thời điểm lập, thay đổi"), read


def test_a_day_told_by_an_event_is_read_whole():
    # longer than a date: "vào ngày người khởi kiện nộp biên lai thu tiền tạm ứng án phí" (13 syllables)
    line = law_line("luat-to-tung-hanh-chinh.txt", "Thẩm phán thụ lý vụ án vào ngày người khởi kiện")
    assert _read("Thẩm phán thụ lý vụ án hành chính vào ngày nào?", "when", line)[:1] == \
        ["vào ngày người khởi kiện nộp biên lai thu tiền tạm ứng án phí"]


def test_the_consequent_after_thi_names_who_and_a_person_named_by_a_verb():
    # the two-sided reading holds a clause ("hoặc bị khuyết tật … thì người tiếp nhận …"); the next
    # closest opens after "thì", and "người tiếp nhận yêu cầu …" is a person, not a predicate
    line = law_line("luat-tiep-can-thong-tin.txt", "không biết chữ hoặc bị khuyết tật không thể viết yêu cầu thì")
    assert _read("Người yêu cầu không biết chữ thì ai có trách nhiệm giúp điền Phiếu yêu cầu cung cấp thông tin?",
                 "who", line) == ["người tiếp nhận yêu cầu cung cấp thông tin"]


def test_a_time_is_read_at_the_closest_alignment_only():
    # the closest reading of a when-question holds no time; a farther one of the same sentence
    # ("sau khi sự kiện làm gián đoạn chấm dứt") is another moment than the one asked
    line = law_line("bo-luat-dan-su.txt", "nếu có sự kiện làm gián đoạn thì thời hiệu phải được tính lại")
    assert "sau khi sự kiện làm gián đoạn chấm dứt" not in _read("Thoi hieu duoc tinh bat dau tu thoi diem nao?",
                                                                 "when", line)


def test_a_time_clause_the_sentence_opens_with():
    # "Sau khi được bầu, Chủ tịch nước … phải tuyên thệ …": the time stands before the subject
    line = law_line("hien-phap.txt", "Sau khi được bầu, Chủ tịch nước")
    q = "Chủ tịch nước, Chủ tịch Quốc hội phải tuyên thệ trung thành với Tổ quốc vào thời điểm nào?"
    assert _read(q, "when", line) == ["Sau khi được bầu"]
    # the rest of the sentence must open with the question's words: another subject is another rule
    assert _read("Đại biểu Quốc hội phải tuyên thệ vào thời điểm nào?", "when", line) == []


def test_a_time_clause_the_question_opens_with_too_or_closed_by_thi():
    # "Khi nào phải …?" opens with its time word as the sentence opens with its clause
    line = law_line("luat-vien-chuc.txt", "Khi viên chức quản lý hết thời hạn giữ chức vụ quản lý")
    q = "Khi nào phải xem xét việc bổ nhiệm lại hay không bổ nhiệm lại một viên chức quản lý?"
    assert _read(q, "when", line) == ["Khi viên chức quản lý hết thời hạn giữ chức vụ quản lý"]
    # the statement the clause opens must be the question's: the next sentence's rule is another one
    assert _read("Khi nào phải bố trí viên chức vào vị trí việc làm theo nhu cầu công tác?", "when", line) == []
    # "Khi … thì …": the clause closed by the "thì" that opens the statement
    line = law_line("bo-luat-dan-su.txt", "Khi một người biệt tích 06 tháng liền trở lên thì")
    for q in ("Những người có quyền, lợi ích liên quan có quyền yêu cầu Tòa án thông báo tìm kiếm người vắng mặt "
              "tại nơi cư trú khi nào?",
              "Khi nào những người có quyền, lợi ích liên quan có quyền yêu cầu Tòa án thông báo tìm kiếm người vắng mặt?"):
        assert _read(q, "when", line) == ["Khi một người biệt tích 06 tháng liền trở lên"]
    assert _read("Tòa án tuyên bố một người mất tích khi nào?", "when", line) == []


def test_a_time_ends_where_another_predicate_joins_it():
    line = law_line("luat-trong-trot.txt", "tiếp tục được sử dụng cho đến khi hết thời hạn và được gia hạn")
    read = _read("Giấy phép sản xuất phân bón đã cấp được tiếp tục sử dụng đến khi nào?", "when", line)
    assert read == ["cho đến khi hết thời hạn"], read


def test_where_a_thing_is_done_and_a_passives_agent_are_names():
    line = law_line("bo-luat-dan-su.txt", "thì người giám sát phải đăng ký tại Ủy ban nhân dân cấp xã")
    q = "Khi giám sát việc giám hộ liên quan đến quản lý tài sản của người được giám hộ, người giám sát phải đăng ký tại đâu?"
    assert _read(q, "who", line) == ["Ủy ban nhân dân cấp xã nơi cư trú của người được giám hộ"]
    # folded, "đầu" is "đâu": no question word but after a preposition of place
    assert all(s.wh != "dau" for s in wh_slots("Thời hiệu được tính bắt đầu từ thời điểm nào?", "who"))
    line = law_line("luat-giao-duc.txt", "thì được người đứng đầu cơ quan chuyên môn về giáo dục thuộc Ủy ban nhân dân cấp huyện cấp bằng")
    assert _read("Ai cấp bằng tốt nghiệp trung học cơ sở?", "who", line) == [
        "người đứng đầu cơ quan chuyên môn về giáo dục thuộc Ủy ban nhân dân cấp huyện"]
    # a head by the title of the office: "hiệu trưởng nhà trường"
    line = law_line("luat-giao-duc.txt", "thì được hiệu trưởng nhà trường xác nhận học bạ")
    assert _read("Ai xác nhận học bạ việc hoàn thành chương trình tiểu học?", "who", line) == ["hiệu trưởng nhà trường"]


def test_a_time_is_told_by_its_written_words():
    # folded, "quy định" says "quý" and "hội" says "hồi": no time in "tài sản khác mà theo quy định …"
    line = law_line("luat-hon-nhan-va-gia-dinh.txt", "Tài sản riêng của vợ, chồng gồm tài sản mà mỗi người có trước khi kết hôn")
    read = _read("Tài sản mà mỗi người có vào thời điểm nào thì thuộc tài sản riêng của vợ, chồng?", "when", line)
    assert not any("quy định" in r for r in read), read
    # a time noun written as such still is one: "trong thời gian giữa hai kỳ họp"
    from indexer.answer.insitu import _fits
    assert _fits("when", "trong thời gian giữa hai kỳ họp Quốc hội")
    assert not _fits("when", "sản khác mà theo quy định của pháp luật")


def test_a_thing_a_which_question_asks_is_a_short_noun_phrase():
    """"<noun> nào" asking neither people nor a time ("theo nguyên tắc nào"): the noun phrase where it
    stands, never a clause, never the rest of a compound the slot cut ("quyết | định")."""
    from indexer.answer.insitu import WHAT, asked_kind

    q = "Hội đồng trọng tài biểu quyết theo nguyên tắc nào khi ra phán quyết?"
    assert asked_kind(q) == WHAT
    assert asked_kind("Cơ quan nào ra phán quyết?") == "who"
    line = law_line("luat-trong-tai-thuong-mai.txt", "biểu quyết theo nguyên tắc đa số")
    assert "nguyên tắc đa số" in " ".join(_read("Hoi dong trong tai ra phan quyet bang cach bieu quyet theo nguyen "
                                                   "tac nao?", WHAT, line))
    assert _read("Hội đồng trọng tài ra phán quyết theo thủ tục nào?", WHAT,
                 "Hội đồng trọng tài ra phán quyết theo thủ tục rút gọn và thông báo cho các bên.") == ["thủ tục rút gọn"]
    # a clause is no thing: "theo … quy định tại Điều 61 và phải …"
    assert _read("Phán quyết được gửi theo cách nào?", WHAT,
                 "Phán quyết được gửi theo quy định tại Điều 61 của Luật này.") == []


def test_service_reads_the_thing_asked_with_its_noun_left_unsaid(arbitration):
    out = arbitration.ask("Hội đồng trọng tài ra phán quyết bằng cách biểu quyết theo nguyên tắc nào?").model_dump()
    assert out["answer"] and "đa số" in out["answer"], out
    assert out["kind"] == "general" and out["support"]["read"] == "in_place"
    cited = out["citations"][0]
    assert arbitration.document(cited["doc_id"]).text[cited["start"]:cited["end"]] == cited["text"]
    # the principle of something no law of the index says: no answer
    none = arbitration.ask("Hội đồng hòa giải ra biên bản hòa giải bằng cách biểu quyết theo nguyên tắc nào?").model_dump()
    assert none["answer"] is None, none["answer"]


def test_an_institution_capitalised_only_at_its_first_letter_opens_a_sentence():
    # Luật Viên chức: "Chính phủ quy định chi tiết việc xác định mức hoàn trả của viên chức." — a
    # sentence's first word is capitalised anyway, but "Chính phủ" is a name whatever its place
    line = law_line("luat-vien-chuc.txt", "quy định chi tiết việc xác định mức hoàn trả")
    assert _read("Ai quy định chi tiết việc xác định mức hoàn trả của viên chức?", "who", line) == ["Chính phủ"]
    assert _read("Ai quy dinh chi tiet viec xac dinh muc hoan tra cua vien chuc?", "who", line) == ["Chính phủ"]
    # (and a clause opening a sentence is still no name)
    assert _read("Ai phải bồi thường?", "who", "Trong thời hạn 30 ngày phải bồi thường.") == []


def test_an_english_who_question_is_read_by_its_verb_as_the_subject():
    """"Which ministry carries out …", "who certifies …": the subject the Vietnamese statement puts
    before the verb; a verb that opens the predicate ("tổ chức | thực hiện") is no part of the name."""
    line = law_line("luat-bao-ve-moi-truong.txt", "tổ chức thực hiện chương trình quan trắc phóng xạ")
    assert _read_en("Which ministry carries out the radiation monitoring programme?", line)[0] == \
        "Bộ Khoa học và Công nghệ"
    line = law_line("luat-giao-duc.txt", "hiệu trưởng nhà trường xác nhận học bạ")
    assert "hiệu trưởng nhà trường" in _read_en("Who certifies the school record of a pupil who completes primary "
                                                 "school?", line)
    from indexer.answer.insitu import english_slots
    from indexer.search.translate import lookup
    # a relative "who" asks nothing; a holder of a duty or a right is the actors' question
    assert english_slots("A person who finds lost property must notify whom?", lookup) == []
    assert english_slots("Who is entitled to the inheritance?", lookup) == []


def test_a_moment_told_by_its_own_event_clause():
    # Luật Giáo dục: "được cấp cho người học | sau khi tốt nghiệp … hoặc sau khi hoàn thành …": the
    # two moments joined by "hoặc" are one answer, longer than a value, ending at the clause's comma
    # (the reading with "vào" finds it here too; the one without "vào" is needed in the HN&GĐ test below)
    line = law_line("luat-giao-duc.txt", "Văn bằng của hệ thống giáo dục quốc dân được cấp cho người học sau khi")
    for q in ("Văn bằng của hệ thống giáo dục quốc dân được cấp cho người học vào lúc nào?",
              "Van bang cua he thong giao duc quoc dan duoc cap cho nguoi hoc vao luc nao?"):
        assert _read(q, "when", line)[:1] == \
            ["sau khi tốt nghiệp cấp học hoặc sau khi hoàn thành chương trình giáo dục"]
    # BLDS, Điều 16: the event ends where the sentence goes on with its own predicate ("và chấm dứt …")
    line = law_line("bo-luat-dan-su.txt", "Năng lực pháp luật dân sự của cá nhân có từ khi người đó sinh ra")
    assert _read("Năng lực pháp luật dân sự của cá nhân có từ thời điểm nào?", "when", line)[:1] == \
        ["từ khi người đó sinh ra"]
    # a question asking a length is not answered by an event ("bao lâu" has no moment to read)
    assert _read("Năng lực pháp luật dân sự của cá nhân có trong bao lâu?", "when", line) == []


def test_a_moment_before_an_event_does_not_answer_from_when():
    # Luật HN&GĐ, Điều 47: "từ thời điểm nào" asks where the regime starts; "trước khi kết hôn" is when
    # the agreement must be made (a bound from above), while "vào thời điểm nào" is answered by it
    line = law_line("luat-hon-nhan-va-gia-dinh.txt", "thỏa thuận này phải được lập trước khi kết hôn")
    assert "trước khi kết hôn" not in _read("Chế độ tài sản của vợ chồng theo thỏa thuận được xác lập từ thời điểm nào?",
                                            "when", line)
    line = law_line("luat-hon-nhan-va-gia-dinh.txt", "Tài sản riêng của vợ, chồng gồm tài sản mà mỗi người có trước")
    assert _read("Tài sản mà mỗi người có vào thời điểm nào thì thuộc tài sản riêng của vợ, chồng?",
                 "when", line)[:1] == ["trước khi kết hôn"]


def test_without_the_questions_vao_only_an_event_stands_in_its_place():
    # "… trung thành với Tổ quốc vào thời điểm nào" read without "vào" must not take the words after
    # "Quốc" of another sentence for a time ("hội quyết định tại kỳ họp gần nhất")
    q = "Chu tich nuoc, Chu tich Quoc hoi, Thu tuong va Chanh an Toa an nhan dan toi cao phai tuyen the trung thanh voi To quoc vao thoi diem nao?"
    assert [s.event_only for s in wh_slots(q, "when")] == [False, True]
    line = law_line("hien-phap.txt", "báo cáo Quốc hội quyết định tại kỳ họp gần nhất")
    assert "hội quyết định tại kỳ họp gần nhất" not in _read(q, "when", line)
    assert _read(q, "when", law_line("hien-phap.txt", "Sau khi được bầu, Chủ tịch nước")) == ["Sau khi được bầu"]


def test_an_event_goes_on_to_a_second_moment_but_not_to_the_sentences_predicate():
    # "… kể từ khi A và sau khi B" is one answer; "… kể từ khi A và được B" ends at A
    line = "Giấy phép có hiệu lực kể từ khi cơ quan cấp phép ký và sau khi bên đề nghị nộp đủ lệ phí."
    assert _read("Giấy phép có hiệu lực từ khi nào?", "when", line)[:1] == \
        ["kể từ khi cơ quan cấp phép ký và sau khi bên đề nghị nộp đủ lệ phí"]
    line = "Giấy phép có hiệu lực kể từ khi cơ quan cấp phép ký và được công bố trên cổng thông tin."
    assert _read("Giấy phép có hiệu lực từ khi nào?", "when", line)[:1] == ["kể từ khi cơ quan cấp phép ký"]


def test_a_body_the_law_defines_by_its_predicate_is_named_after_la():
    from indexer.answer.insitu import copula_named

    line = law_line("luat-trong-tai-thuong-mai.txt", "có thẩm quyền thi hành phán quyết trọng tài là")
    slots = wh_slots("Cơ quan nào có thẩm quyền thi hành phán quyết trọng tài?", "who")
    read = copula_named(slots, line, 0, len(line))
    assert read is not None and line[read.start:read.end].startswith("Cơ quan thi hành án dân sự tỉnh, thành phố")
    # a question that asks the subject of a "là" keeps its place: nothing is named after it
    assert copula_named(wh_slots("Cơ quan nào là cơ quan đầu mối?", "who"), line, 0, len(line)) is None
    # the predicate must follow the noun asked, within its clause
    assert copula_named(wh_slots("Cơ quan nào có thẩm quyền hủy phán quyết trọng tài?", "who"),
                        line, 0, len(line)) is None


def test_service_answers_the_body_named_after_la_not_the_subject(arbitration):
    out = arbitration.ask("Cơ quan nào có thẩm quyền thi hành quyết định áp dụng biện pháp khẩn cấp tạm thời "
                          "của Hội đồng trọng tài theo luật?").model_dump()
    assert out["answer"] and out["answer"].startswith("Cơ quan thi hành án dân sự tỉnh"), out["answer"]
    assert out["support"]["read"] == "in_place"


def test_an_active_who_question_reads_a_passive_statements_agent():
    # "… thì ai cấp giấy chứng nhận …?" <-> "… thì được hiệu trưởng nhà trường cấp giấy chứng nhận …",
    # the statement adding its own words ("không đạt yêu cầu") before the agent's "được"
    line = law_line("luat-giao-duc.txt", "thì được hiệu trưởng nhà trường cấp giấy chứng nhận")
    assert _read("Học sinh học hết trung học phổ thông nhưng thi không đạt thì ai cấp giấy chứng nhận hoàn thành "
                 "chương trình giáo dục phổ thông?", "who", line) == ["hiệu trưởng nhà trường"]
    # a target's or a time's words are not read past two added words: only the passive's agent is
    assert _read("Học sinh học hết trung học phổ thông nhưng thi không đạt thì bao nhiêu giấy chứng nhận?",
                 "target", line) == []


def test_an_obligation_asked_with_phai_is_the_law_s_co_trach_nhiem():
    # Luật Phòng, chống ma túy: "… thì công an cấp xã nơi chuyển đi có trách nhiệm thông báo cho công an
    # cấp xã nơi chuyển đến …": "ai phải thông báo" is the body with the duty, typed either way
    line = law_line("luat-phong-chong-ma-tuy.txt", "có trách nhiệm thông báo cho công an cấp xã nơi chuyển đến")
    for q in ("Người nghiện đổi nơi cư trú thì ai phải thông báo cho công an cấp xã nơi chuyển đến?",
              "Nguoi nghien doi noi cu tru thi ai phai thong bao cho cong an cap xa noi chuyen den?"):
        assert _read(q, "who", line) == ["công an cấp xã nơi chuyển đi"]
    # the law's own two forms for the same duty, asked one for the other
    assert _read("Người nghiện đổi nơi cư trú thì ai có nghĩa vụ thông báo cho công an cấp xã nơi chuyển đến?",
                 "who", line) == ["công an cấp xã nơi chuyển đi"]
    # "cán bộ" folds to "can bo": a sentence's "can" is no obligation
    assert _read("Ai phải báo cáo Ủy ban nhân dân tỉnh?", "who", "Phòng Tổ chức cán bộ báo cáo Ủy ban nhân dân tỉnh.") == []
    # a duty the sentence denies names nobody
    assert _read("Ai phải thông báo cho Ủy ban?", "who", "Cơ quan không có trách nhiệm thông báo cho Ủy ban.") == []


def test_the_police_head_a_who_answer():
    # "công an cấp xã nơi chuyển đi" written in lower case is a body, as "cơ quan …" is; a name with
    # "Công an" inside it is read whole
    line = law_line("luat-phong-chong-ma-tuy.txt", "có trách nhiệm thông báo cho công an cấp xã nơi chuyển đến")
    assert _read("Người nghiện đổi nơi cư trú thì ai thông báo cho công an cấp xã nơi chuyển đến?", "who", line) == \
        ["công an cấp xã nơi chuyển đi"]
    assert _read("Ai chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về an ninh mạng?", "who",
                 "Bộ Công an chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về an ninh mạng.") == \
        ["Bộ Công an"]
