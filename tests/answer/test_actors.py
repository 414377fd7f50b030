"""Who-questions about an action a law gives to a body in a sentence no stored duty holds
(indexer/answer/actors.py): "… do Tòa án quyết định", "Bộ trưởng Bộ Công an quy định …". Real text
of the ALQAC laws (../shared/corpus-alqac); probes written on other passages than the tuning
questions', near misses (another action) included."""

from __future__ import annotations

from indexer.answer.actors import actor_items, actors, asked_verbs
from indexer.search.kinds import classify
from tests.answer.conftest import actor_units, law_result
from tests.conftest import law_line


def test_the_agent_of_a_passive_decision():
    line = law_line("luat-cu-tru.txt", "nơi cư trú của người chưa thành niên do Tòa án quyết định")
    assert "Tòa án" in actor_units(line, "luat-cu-tru",
                              "Nơi cư trú của người chưa thành niên do ai quyết định khi cha, mẹ không thỏa thuận được")
    # another action asked: the court decides, it does not approve
    assert actor_units(line, "luat-cu-tru", "Ai phê duyệt nơi cư trú của người chưa thành niên") == []


def test_the_subject_that_opens_a_clause():
    line = law_line("luat-dien-anh.txt", "do Thủ tướng Chính phủ quyết định thành lập")
    # "… do Thủ tướng Chính phủ quyết định thành lập, phê duyệt Điều lệ …": both verbs are the predicate's
    assert actor_units(line, "luat-dien-anh", "Ai phê duyệt Điều lệ Quỹ hỗ trợ phát triển điện ảnh") == ["Thủ tướng Chính phủ"]
    line = law_line("luat-cu-tru.txt", "do Bộ trưởng Bộ Công an quy định")
    found = [text for text in (line[s:e] for s, e, _ in actors(line, 0, len(line)))]
    assert any(t.startswith("Bộ trưởng Bộ Công an") for t in found)


def test_a_noun_phrase_is_no_action_of_its_subject():
    # "Người yêu cầu cung cấp thông tin phải trả chi phí …": the requester pays, it does not provide
    line = law_line("luat-tiep-can-thong-tin.txt", "Người yêu cầu cung cấp thông tin phải trả chi phí")
    assert actor_units(line, "luat-tiep-can-thong-tin", "Ai cung cấp thông tin cho công dân") == []


def test_the_asked_action_follows_the_who_word():
    assert asked_verbs("Ai quyết định đưa người nghiện ma túy vào cơ sở cai nghiện") == ["quyet dinh"]
    assert asked_verbs("Cơ quan nào cấp Giấy phép kinh doanh dịch vụ lữ hành")[0] in ("cap", "cap giay")
    assert "quyet dinh" in asked_verbs("Việc thay đổi Thẩm phán do ai quyết định")
    # "quyết định thành lập" asks who founds: not a body that decides something else
    assert asked_verbs("Ai quyết định thành lập Hội đồng trọng tài") == ["thanh lap"]
    line = law_line("luat-trong-tai-thuong-mai.txt", "nếu Hội đồng trọng tài chưa được thành lập, việc thay đổi")
    assert actor_units(line, "luat-trong-tai-thuong-mai", "Ai quyết định thành lập Hội đồng trọng tài") == []


def test_an_english_who_question_with_a_when_clause_asks_who():
    assert classify("Who decides the place of residence of a minor when the parents cannot agree?") == "who"
    assert classify("Which court settles the dispute when the parties cannot agree?") == "who"
    assert classify("Who must report and by when?") == "when"
    assert classify("When must the commune report?") == "when"
    # a word or two may describe the body asked
    assert classify("Which provincial body drew up the plan implementing Conclusion 224-KL/TU?") == "who"
    assert classify("Which state agency grants the international tour operator licence?") == "who"
    assert classify("Whose responsibility is it to convey the resolution to party members?") == "who"
    # a Vietnamese who-question whose time limit is the thing acted on
    assert classify("Ai quyết định gia hạn thời hạn cai nghiện?") == "who"
    assert classify("Ai phải báo cáo trước ngày nào?") == "when"
    assert classify("Ai phải nộp báo cáo và thời hạn là bao lâu?") == "when"


def test_a_private_party_or_a_passive_subject_is_no_actor():
    # "Doanh nghiệp kinh doanh dịch vụ lữ hành nội địa phải làm thủ tục đề nghị cấp Giấy phép": the
    # enterprise applies for the licence; "Doanh nghiệp … được cấp Giấy phép": it receives it
    line = law_line("luat-du-lich.txt", "được cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa;")
    assert actor_units(line, "luat-du-lich", "Ai cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa") == []


def test_a_minister_who_regulates():
    line = law_line("luat-du-lich.txt", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch quy định trình tự, thủ tục thu hồi")
    units = actor_units(line, "luat-du-lich", "Ai quy định trình tự thủ tục thu hồi giấy phép kinh doanh dịch vụ lữ hành")
    assert units == ["Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"]
    # the minister regulates the procedure; he does not revoke the licence
    assert actor_units(line, "luat-du-lich", "Ai thu hồi giấy phép kinh doanh dịch vụ lữ hành") == []


def test_every_ministry_names_no_one_ministry():
    """"Which ministry …" asks for one ministry: "Các Bộ, cơ quan ngang Bộ" (luat-du-lich Điều 74,
    luat-thanh-nien Điều 39) names none; "Các Bộ nào" asks for them all."""
    from indexer.answer.fit_who import _class_for_one
    from indexer.answer.question import Question

    one = Question(text="Which ministry coordinates with the Ministry of Culture in tourism?", language="en",
                   kind="who", role=None, vi_text="", terms=[], unit_class=["bo"])
    many = Question(text="Các Bộ nào phối hợp với Bộ Văn hóa, Thể thao và Du lịch?", language="vi", kind="who",
                    role=None, vi_text="Các Bộ nào phối hợp với Bộ Văn hóa, Thể thao và Du lịch?", terms=[],
                    unit_class=["bo"])
    for unit in ("Các Bộ, cơ quan ngang Bộ", "Bộ, Cơ quan ngang Bộ", "Các Bộ có liên quan"):
        assert _class_for_one(one, {"unit": unit}) and not _class_for_one(many, {"unit": unit})
    for unit in ("Bộ Nội vụ", "Bộ trưởng Bộ Tư pháp", "Bộ Văn hóa, Thể thao và Du lịch"):
        assert not _class_for_one(one, {"unit": unit})


def test_every_ministry_in_lower_case_opens_a_clause():
    # luat-vien-chuc: "3. Các bộ, cơ quan ngang bộ thanh tra việc thực hiện hoạt động nghề nghiệp của
    # viên chức …" (the laws' "Các bộ, cơ quan ngang bộ", the "bộ" in lower case)
    line = law_line("luat-vien-chuc.txt", "Các bộ, cơ quan ngang bộ thanh tra")
    assert actor_units(line, "luat-vien-chuc", "Cơ quan nào thanh tra hoạt động nghề nghiệp của viên chức?") == \
        ["Các bộ, cơ quan ngang bộ"]


def test_each_predicate_of_a_subject_after_a_semicolon():
    # Hiến pháp Điều 72: "Chủ tịch Quốc hội chủ tọa …; ký chứng thực Hiến pháp, luật …; …"
    line = law_line("hien-phap.txt", "ký chứng thực Hiến pháp")
    assert "Chủ tịch Quốc hội" in actor_units(line, "hien-phap", "ai ký chứng thực Hiến pháp, luật, nghị quyết của Quốc hội")
    # a near miss: the Chair certifies the laws, he does not promulgate them
    assert actor_units(line, "hien-phap", "Ai công bố Hiến pháp, luật, nghị quyết của Quốc hội") == []


def test_the_unit_that_does_the_asked_action():
    from indexer.answer.actors import does_asked_action

    question = "Cơ quan nào ban hành Kế hoạch sơ kết 05 năm Nghị quyết 06-NQ/TU?"
    assert does_asked_action(question, {"task": "ban hành Kế hoạch sơ kết 05 năm thực hiện Nghị quyết số 06-NQ/TU"})
    assert not does_asked_action(question, {"task": "chủ động xây dựng kế hoạch, tiếp tục tổ chức thực hiện"})
    assert does_asked_action("Ai quyết định thành lập Quỹ", {"task": "có trách nhiệm quyết định thành lập Quỹ"})


def test_a_position_is_answered_only_by_a_sentence_that_names_it():
    """"Ai làm chủ tịch hội đồng thẩm định …" asks who holds a position: a body that sends members to
    the council (luat-bao-ve-moi-truong) does not answer, nor a unit whose own name says "Chủ tịch"."""
    from indexer.answer.fit_who import _asked_position, _names_position
    from indexer.answer.question import Question

    q = Question(text="ai làm chủ tịch hội đồng thẩm định báo cáo đánh giá tác động môi trường", language="vi",
                 kind="who", role=None, vi_text="ai làm chủ tịch hội đồng thẩm định báo cáo đánh giá tác động môi trường",
                 terms=[])
    assert _asked_position(q) == "chu tich"
    line = law_line("luat-bao-ve-moi-truong.txt", "cử thành viên tham gia hội đồng thẩm định")
    assert not _names_position(q, {"unit": "Cơ quan nhà nước quản lý công trình thủy lợi", "task": line}, "chu tich")
    assert not _names_position(q, {"unit": "Chủ tịch nước", "task": "có quyền tham dự phiên họp của Chính phủ"},
                               "chu tich")
    line = law_line("hien-phap.txt", "giữ chức Chủ tịch Hội đồng quốc phòng và an ninh")
    assert _names_position(q, {"unit": "Chủ tịch nước", "task": line}, "chu tich")
    en = Question(text="Who chairs the national cybersecurity steering committee?", language="en", kind="who",
                  role=None, vi_text="", terms=[])
    assert _asked_position(en) == "chu tich"


def test_the_action_after_a_lead_and_its_partners():
    # luat-giao-duc: "Bộ trưởng Bộ Công an có trách nhiệm chủ trì, phối hợp với Bộ trưởng Bộ Giáo dục và
    # Đào tạo, Bộ trưởng Bộ Lao động - Thương binh và Xã hội quy định chương trình giáo dục cho trường giáo dưỡng."
    line = law_line("luat-giao-duc.txt", "quy định chương trình giáo dục cho trường giáo dưỡng")
    items = actor_items([law_result(line, "luat-giao-duc")],
                        "Ai chủ trì quy định chương trình giáo dục cho trường giáo dưỡng", [])
    assert [(it["unit"], it["role"]) for it in items] == [("Bộ trưởng Bộ Công an", "chủ trì")]
    # a condition is no modal: "… ban hành chương trình … sau khi được thẩm định"
    line = law_line("luat-giao-duc.txt", "ban hành chương trình giáo dục mầm non sau khi được thẩm định")
    assert "Bộ trưởng Bộ Giáo dục và Đào tạo" in actor_units(line, "luat-giao-duc", "Ai ban hành chương trình giáo dục mầm non")


def test_founding_a_body_is_not_drafting():
    """"thành lập" (founds) holds "lập" (draws up): "Hội đồng quốc gia thẩm định chương trình … do Bộ
    trưởng … thành lập" does not draft or issue the programme."""
    from indexer.answer.roles import role_fit

    item = {"role": "thực hiện", "task": "thẩm định chương trình giáo dục mầm non do Bộ trưởng Bộ Giáo dục và "
                                          "Đào tạo thành lập để thẩm định chương trình giáo dục mầm non"}
    assert role_fit(item, "xây dựng") is None
    assert role_fit({"role": "thực hiện", "task": "lập báo cáo tổng quan về hiện trạng môi trường"}, "xây dựng") == 0.7


def test_the_act_asked_after_a_passive_who_word():
    """"Hội nghị sơ kết … do cơ quan nào tổ chức?": the light "tổ chức" after the who-word is the act
    asked, before the "sơ kết" of its object."""
    assert asked_verbs("Hội nghị sơ kết Nghị quyết 06-NQ/TU cấp tỉnh do cơ quan nào tổ chức?")[0] == "to chuc"
    # (the who-word's own words are no verb asked: "tổ chức nào" asks which organisation)
    assert asked_verbs("Hội nghị sơ kết do tổ chức nào chủ trì?")[0] == "chu tri"


def test_who_is_responsible_for_an_action_one_of_its_duties_says():
    from indexer.answer.who import _responsible_for_asked
    from indexer.answer.question import Question
    from tests.conftest import PLANS

    text = PLANS["004"].read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("5. Các cơ quan báo chí của tỉnh"))
    task = line.split("Các cơ quan báo chí của tỉnh", 1)[1]
    item = {"unit": "Các cơ quan báo chí của tỉnh", "role": "thực hiện", "task": task}

    def q(text: str, lang: str = "vi") -> Question:
        return Question(text=text, language=lang, kind="who", role="chủ trì", vi_text=text, terms=[])

    assert _responsible_for_asked(q("Ai chịu trách nhiệm tuyên truyền công tác sơ kết 05 năm Nghị quyết?"), item)
    # the lead asked in so many words, or another action
    assert not _responsible_for_asked(q("Ai chủ trì tuyên truyền công tác sơ kết 05 năm Nghị quyết?"), item)
    assert not _responsible_for_asked(q("Ai chịu trách nhiệm thẩm định báo cáo sơ kết 05 năm Nghị quyết?"), item)


def test_a_partner_list_running_off_the_question_reads_no_open_word():
    # "Ai chủ trì, phối hợp với các cơ quan liên quan tổ chức …": the partners run to the end, so no
    # open word is read after them (this raised a TypeError inside ask on held-back questions)
    from indexer.answer.actors import asked_verbs

    for question in ("Ai chủ trì, phối hợp với các cơ quan liên quan tổ chức", "Ai phối hợp với Ban Tuyên giáo",
                     "Cơ quan nào phối hợp với"):
        assert "phoi hop" in asked_verbs(question)


def test_the_body_whose_rule_the_sentence_refers_to():
    """"Được nghỉ hè theo quy định của Chính phủ": the Government regulates the summer leave,
    named after its action; asked by another action, it is no answer."""
    line = law_line("luat-giao-duc.txt", "Được nghỉ hè theo quy định của Chính phủ")
    assert actor_units(line, "gd", "Nhà giáo được nghỉ hè theo quy định của cơ quan nào?") == ["Chính phủ"]
    assert actor_units(line, "gd", "Cơ quan nào quyết định cho nhà giáo nghỉ hè?") == []
    # "theo quy định của pháp luật": a body of law, not a body
    assert "pháp luật" not in actor_units(line, "gd", "Ai quy định các ngày nghỉ khác của nhà giáo?")
    # the name ends where a predicate joins it ("… của Chính phủ và chịu trách nhiệm …")
    line = law_line("luat-dien-anh.txt", "theo quy định của Chính phủ và chịu trách nhiệm")
    assert actor_units(line, "da", "Điều kiện phân loại phim theo quy định của cơ quan nào?") == ["Chính phủ"]


def _units(line: str) -> list[str]:
    return [line[s:e] for s, e, _ in actors(line, 0, len(line))]


def test_the_subject_after_an_opening_with_commas():
    # "Trong thời hạn 05 ngày làm việc, kể từ ngày nhận được đơn khiếu nại, | Chánh án Toà án có thẩm
    # quyền phân công …": the subject follows the circumstance's last comma, not its first
    line = law_line("luat-trong-tai-thuong-mai.txt", "kể từ ngày nhận được đơn khiếu nại, Chánh án Toà án có thẩm quyền")
    assert "Chánh án Toà án có thẩm quyền" in _units(line)
    assert actor_units(line, "luat-trong-tai-thuong-mai",
                       "Khi có đơn khiếu nại, ai phân công Thẩm phán xem xét?") == ["Chánh án Toà án có thẩm quyền"]
    # another action asked: the Chief Justice assigns a judge, he does not lodge the complaint
    assert actor_units(line, "luat-trong-tai-thuong-mai", "Ai nộp đơn khiếu nại?") == []


def test_a_party_named_up_to_its_duty():
    # a law's private party opens the clause; the verbs inside its name ("học") are its description
    line = law_line("luat-giao-duc.txt", "Người học theo chế độ cử tuyển có trách nhiệm")
    assert "Người học theo chế độ cử tuyển" in _units(line)
    line = law_line("luat-giao-duc.txt", "Cơ sở giáo dục có trách nhiệm hỗ trợ cho người học theo chế độ cử tuyển")
    assert actor_units(line, "luat-giao-duc", "Ai phải hỗ trợ người học theo chế độ cử tuyển?") == ["Cơ sở giáo dục"]
    # a duty ends an authority's name too: "Tòa án | có quyền khởi tố …"
    line = law_line("luat-to-tung-hanh-chinh.txt", "thì Tòa án có quyền khởi tố vụ án hình sự")
    assert "Tòa án" in _units(line)
    # a duty the law denies, or a second predicate after "và", is no party's name
    line = law_line("bo-luat-dan-su.txt", "phòng vệ chính đáng không phải bồi thường")
    assert actor_units(line, "bo-luat-dan-su", "Ai phải bồi thường thiệt hại khi phòng vệ chính đáng?") == []
    line = law_line("bo-luat-dan-su.txt", "bên thuê khoán được hưởng một nửa số gia súc")
    assert not any(u.endswith(" và") or "được hưởng" in u for u in _units(line))
    # a first duty inside the name, the second the party's own
    line = law_line("bo-luat-dan-su.txt", "Bên có nghĩa vụ giao vật phải bảo quản")
    assert "Bên có nghĩa vụ giao vật" in _units(line)


def test_a_light_verb_names_its_action_after_viec():
    # "thực hiện việc tuyển dụng" does "tuyển dụng", in the question as in the law
    assert asked_verbs("Ai thực hiện việc tuyển dụng viên chức ở đơn vị chưa được giao quyền tự chủ?") == ["tuyen dung"]
    # (after an opening "Đối với …, ")
    line = law_line("luat-vien-chuc.txt", "thực hiện việc tuyển dụng viên chức")
    assert actor_units(line, "luat-vien-chuc", "Ai thực hiện việc tuyển dụng viên chức?") == \
        ["người đứng đầu đơn vị sự nghiệp công lập"]
    assert actor_units(line, "luat-vien-chuc", "Ai thực hiện việc kỷ luật viên chức?") == []
    # who takes part in a review does not review
    from indexer.answer.actors import _predicate

    text = "tham gia việc xem xét, thẩm định hồ sơ"
    assert _predicate(text, 0, len(text))[0] == []
    text = "thực hiện việc xem xét, thẩm định hồ sơ"
    assert _predicate(text, 0, len(text))[0] == ["xem xet", "tham dinh"]


def test_english_who_phrases():
    from indexer.answer.actors import _EN_WHO, english_asked_verbs

    assert english_asked_verbs("Which ministry, together with People's Committees, assesses the impact?") == \
        english_asked_verbs("Which ministry assesses the impact?") != []
    assert _EN_WHO.search("Which organisations must provide the information?")
    assert _EN_WHO.search("To which body must the report be sent?") is None or \
        not english_asked_verbs("To which body must the report be sent?")


def test_duties_and_lists_that_are_no_names():
    # "phải chịu trách nhiệm" is one duty: the name ends before "phải"
    line = law_line("luat-trong-tai-thuong-mai.txt", "Bên yêu cầu áp dụng biện pháp khẩn cấp tạm thời phải chịu trách nhiệm")
    assert "Bên yêu cầu áp dụng biện pháp khẩn cấp tạm thời" in _units(line)
    assert not any(u.endswith(" phải") for u in _units(line))
    # "bên nhận bảo lãnh có quyền yêu cầu bên bảo lãnh … phải …": the later duty is the other party's
    line = law_line("bo-luat-dan-su.txt", "thì bên nhận bảo lãnh có quyền yêu cầu bên bảo lãnh")
    assert not any("yêu cầu" in u for u in _units(line))
    # past an opening that is no time limit the walk does not go into a list of names
    line = law_line("luat-an-ninh-mang.txt", "Trong phạm vi nhiệm vụ, quyền hạn của mình, Bộ, ngành, Ủy ban nhân dân cấp tỉnh")
    assert "Ủy ban nhân dân cấp tỉnh" not in _units(line)


def test_the_work_sent_to_another_body_is_that_bodys():
    """Luật Thanh niên: the ministries report each year "…, gửi Bộ Nội vụ để tổng hợp, báo cáo Chính
    phủ" — reporting to the Government is the Ministry of Home Affairs' act; asked about the sender,
    the ministries still answer."""
    from indexer.answer.actors import sent_for_another
    from indexer.answer.question import analyze
    from indexer.text import folded_words

    line = law_line("luat-thanh-nien.txt", "theo ngành, lĩnh vực, gửi Bộ Nội vụ để tổng hợp, báo cáo Chính phủ")
    item = {"quote": line, "unit": "Các Bộ, cơ quan ngang Bộ"}

    def sent(question: str) -> bool:
        q = analyze(question, None, None, "vi")
        return sent_for_another(q.groups, q.soft, folded_words(question), item)

    assert sent("Cơ quan nào hằng năm báo cáo Chính phủ kết quả thực hiện chính sách đối với thanh niên?")
    assert not sent("Cơ quan nào hằng năm gửi Bộ Nội vụ báo cáo kết quả thực hiện chính sách về thanh niên?")
    assert not sent("Cơ quan nào thực hiện công tác thống kê, thông tin về thanh niên?")


def test_the_act_a_passive_agent_does_is_the_sentence_subject():
    """"Việc <act> … do <body> <verb>": the agent does the act the sentence opens with, whatever verb
    carries it ("thực hiện", "xem xét, quyết định"); an agent counted ("một Thẩm phán") keeps its count."""
    line = law_line("luat-to-tung-hanh-chinh.txt", "Việc áp dụng, thay đổi, hủy bỏ biện pháp khẩn cấp tạm thời trước khi")
    assert actor_units(line, "luat-to-tung-hanh-chinh",
                       "Ai áp dụng biện pháp khẩn cấp tạm thời trước khi mở phiên tòa?") == ["một Thẩm phán"]
    # another act asked: the judge applies the measure, nobody here appeals against it
    assert actor_units(line, "luat-to-tung-hanh-chinh", "Ai kháng nghị biện pháp khẩn cấp tạm thời?") == []
    # the sentence's subject is no act when it opens otherwise ("Thời gian giao nộp …")
    line = law_line("luat-to-tung-hanh-chinh.txt", "Thời gian giao nộp tài liệu, chứng cứ do Thẩm phán")
    assert actor_units(line, "luat-to-tung-hanh-chinh", "Ai giao nộp tài liệu, chứng cứ?") == []


def test_the_body_a_matter_is_submitted_to_decides_it():
    # Luật Chăn nuôi: the provincial People's Committee "Trình Hội đồng nhân dân cấp tỉnh quyết định …
    # vùng nuôi chim yến": the council decides, the committee submits
    line = law_line("luat-chan-nuoi.txt", "Trình Hội đồng nhân dân cấp tỉnh quyết định khu vực")
    assert actor_units(line, "luat-chan-nuoi", "Cơ quan nào quyết định vùng nuôi chim yến?") == \
        ["Hội đồng nhân dân cấp tỉnh"]
    # another action asked of it: none
    assert actor_units(line, "luat-chan-nuoi", "Cơ quan nào kiểm tra vùng nuôi chim yến?") == []


def test_who_submits_for_a_decision_does_not_decide():
    from indexer.answer.actors import submits_for_another

    committee = {"unit": "Ủy ban nhân dân cấp tỉnh",
                 "task": "Trình Hội đồng nhân dân cấp tỉnh quyết định khu vực thuộc nội thành của thành phố, "
                         "quyết định vùng nuôi chim yến"}
    council = dict(committee, unit="Hội đồng nhân dân cấp tỉnh")
    ministry = {"unit": "Bộ Nông nghiệp và Phát triển nông thôn",
                "task": "chủ trì, phối hợp với các Bộ, cơ quan ngang Bộ, Ủy ban nhân dân cấp tỉnh xây dựng, "
                        "trình Thủ tướng Chính phủ phê duyệt chiến lược phát triển chăn nuôi"}
    decides = "Cơ quan nào quyết định vùng nuôi chim yến?"
    assert submits_for_another(decides, committee)
    assert not submits_for_another(decides, council)  # (the body submitted to, read by actors())
    assert submits_for_another("Ai phê duyệt chiến lược phát triển chăn nuôi?", ministry)
    # asked who submits, or who drafts: the ministry
    assert not submits_for_another("Bộ nào xây dựng, trình Thủ tướng phê duyệt chiến lược phát triển chăn nuôi?",
                                   ministry)
    assert not submits_for_another("Ai xây dựng chiến lược phát triển chăn nuôi?", ministry)
    # a programme named in the question asks no submitting, and "Lập chương trình …" submits nothing
    assert submits_for_another("Cơ quan nào quyết định chương trình nuôi chim yến?", committee)
    program = {"unit": "Bộ Giáo dục và Đào tạo",
               "task": "Lập chương trình giáo dục và phê duyệt nội dung giáo dục phổ thông"}
    assert not submits_for_another("Ai phê duyệt nội dung giáo dục phổ thông?", program)
    # a body that submits or does it itself (Luật Cư trú: Bộ Công an "trình Chính phủ ban hành hoặc
    # ban hành theo thẩm quyền …")
    police = {"unit": "Bộ Công an", "task": "Xây dựng và trình Chính phủ ban hành hoặc ban hành theo thẩm quyền "
                                            "văn bản quy phạm pháp luật về cư trú"}
    assert not submits_for_another("Bộ nào ban hành theo thẩm quyền văn bản quy phạm pháp luật về cư trú?", police)
    # the body submitted to, with a hyphen in its name
    labour = {"unit": "Bộ Lao động - Thương binh và Xã hội",
              "task": "c) Trình Bộ Lao động - Thương binh và Xã hội quyết định danh mục nghề nặng nhọc"}
    assert not submits_for_another("Cơ quan nào quyết định danh mục nghề nặng nhọc?", labour)


def test_a_body_submitted_to_is_read_by_its_capital_and_not_in_a_process():
    # Hiến pháp, Art. 96: "trình Ủy ban thường vụ Quốc hội quyết định thành lập … đơn vị hành chính dưới tỉnh"
    line = law_line("hien-phap.txt", "trình Ủy ban thường vụ Quốc hội quyết định thành lập")
    assert "Ủy ban thường vụ Quốc hội" in actor_units(line, "hien-phap", "Cơ quan nào quyết định thành lập, "
                                                      "giải thể đơn vị hành chính dưới tỉnh?")
    # "quá trình", "chương trình": no submission
    text = "Trong quá trình Tòa án giải quyết vụ án, đương sự có quyền cung cấp tài liệu."
    assert "Tòa án" not in [text[a:b] for a, b, _ in actors(text, 0, len(text))]


def test_a_cleft_question_asks_the_doer_of_its_action():
    """"Ai là người công bố di chúc?", "… người có quyền quyết định … là ai?": the doer is named by a
    noun and its action; a recipient ("… gửi cho ai?") and a position ("Ai là báo cáo viên?") are not."""
    from indexer.answer.actors import _WHO_WORD, cleft_verbs

    def cleft(question: str) -> list[str]:
        return cleft_verbs(question, _WHO_WORD.search(question).start())
    assert asked_verbs("Ai là người công bố di chúc bằng văn bản?")[:1] == ["cong bo"]
    assert "dieu hanh" in cleft("Khi Quốc hội khóa mới chưa có Chủ tịch, người mở và điều hành kỳ họp thứ nhất là ai?")
    assert cleft("Ở cấp tỉnh, người ký quyết định thành lập Hội đồng thẩm định, phân loại phim là ai?")[:1] == ["ky"]
    assert cleft("Hồ sơ đề nghị phải gửi cho ai?") == []
    assert asked_verbs("Ai là báo cáo viên của hội nghị?") == []
    # the doer opens the question or a clause, not its object; a position is no action
    assert cleft("Cơ quan giải quyết khiếu nại của người lao động là cơ quan nào?") == ["giai quyet"]
    assert cleft("Người đại diện là ai?") == [] and cleft("Người đứng đầu cơ quan thuế là ai?") == []
    assert asked_verbs("Ai là người đại diện theo pháp luật của pháp nhân?") == []
