"""Question analysis (role asked, subject groups, English through the glossary, document numbers)
and the answer-evaluation scoring. Fast: no index."""

from __future__ import annotations

import pytest

from indexer.answer.evaluate import holds_gold, is_right, score_one, summarize
from indexer.answer.question import analyze, asked_role
from indexer.search.translate import translate, translate_groups
from indexer.text import folded_words


@pytest.mark.parametrize("question, role", [
    ("Ai chủ trì tuyên truyền Nghị quyết?", "chủ trì"),
    ("Ban can su dang UBND tinh phoi hop voi ai de xay dung du thao Bao cao?", "phối hợp"),
    ("Which body leads the propaganda work, in coordination with relevant agencies?", "chủ trì"),
    ("Who is the speaker at the review conference?", "báo cáo viên"),
    ("When the resolution is taught at cell meetings, who gives the presentation there?", "báo cáo viên"),
    ("Who will deliver the presentation at the ward-level conference?", "báo cáo viên"),
    ("Báo cáo viên hội nghị là ai?", "báo cáo viên"),
    ("Thành phần dự hội nghị gồm những ai?", "tham dự"),
    ("Đại biểu dự hội nghị gồm những ai?", "tham dự"),
    # the delegates attending are what is convened: who convenes them is asked, no role named
    ("Đơn vị nào triệu tập đại biểu dự hội nghị học tập Nghị quyết?", None),
    ("Ai xây dựng dự thảo báo cáo sơ kết?", "xây dựng"),
    ("Co quan nao kiem tra, giam sat viec thuc hien?", "kiểm tra/giám sát"),
    ("Đơn vị nào tham mưu Ban Thường vụ?", "tham mưu"),
    ("Which body reports to the Standing Board?", "báo cáo"),
    # who briefs a meeting speaks at it, whoever attends
    ("Which office gives the main briefing to the delegates of the ward conference?", "báo cáo viên"),
    ("Which office gives the briefing at the cell meetings?", "báo cáo viên"),
    ("Which office prepares the briefing materials?", None),
    # who helps a leading body do its work advises it; who helps people does not
    ("Ai giúp Thường vụ Đảng ủy soạn kế hoạch triển khai Nghị quyết?", "tham mưu"),
    ("ai giup ubnd xa lap ke hoach nay", "tham mưu"),
    ("Ai giúp đỡ hộ nghèo thoát nghèo?", None),
    ("Ai giúp Huyện ủy xây dựng kế hoạch?", "tham mưu"),
    # a board by its name only: "bạn", "bán", "ban hành" fold alike
    ("Ai giúp bạn soạn kế hoạch?", "xây dựng"),
    ("Cơ quan nào giúp bán hàng nông sản?", None),
    # the who-word after "thì" asks with its own verb, the condition's is not the role
    ("Nếu cơ quan kiểm tra không đồng ý thì tòa nào giải quyết?", None),
    # the role the question word follows is the asked one, whatever the statement names before it
    ("Việc hướng dẫn thi hành Luật do Tòa án nhân dân tối cao chủ trì, cùng với những cơ quan phối hợp nào?",
     "phối hợp"),
    ("Cơ quan nào chủ trì, phối hợp với Bộ Tư pháp?", "chủ trì"),
    ("UBTVQH gom nhung thanh phan nao theo Hien phap 2013?", "thành phần"),
])
def test_asked_role_is_the_first_named(question, role):
    assert asked_role(folded_words(question)) == role


def test_responsible_means_lead_role():
    q = analyze("who is responsible for propaganda")
    assert (q.language, q.kind, q.role) == ("en", "who", "chủ trì")
    assert q.groups == [("propaganda", ["tuyen truyen", "tuyen giao"])]  # Ban Tuyên giáo: the propaganda body


def test_english_words_without_glossary_entry_stay_in_the_subject():
    q = analyze("How many widgetizers does Bình Lư commune aim to have by 2030?")
    assert q.language == "en" and q.kind == "target" and q.years == ["2030"]
    labels = [label for label, _ in q.groups]
    assert "widgetizers" in labels, "an unknown word must be matched, not dropped"
    assert "binh lu" in labels, "Vietnamese names of a mixed question are kept (as one word)"


def test_document_numbers_and_measure():
    q = analyze("Kế hoạch thực hiện Nghị quyết 17-NQ/TU đặt mục tiêu tỷ lệ hộ dùng internet là bao nhiêu?")
    assert q.doc_refs == ["17"] and q.measure == "percent"
    assert "nq" not in [label for label, _ in q.groups] and "internet" in [label for label, _ in q.groups]
    assert analyze("Tổng kinh phí thực hiện Kết luận 224 là bao nhiêu?").measure == "money"


def test_translate_groups_agree_with_translate():
    text = "What is the forest cover target for 2030 in the homestay plan?"
    groups = translate_groups(text)
    joined = []
    for _, vi in groups:
        joined += [v for v in vi if v not in joined]
    assert " ".join(joined) == translate(text)
    assert ("the", []) in groups and any(vi == ["2030"] for _, vi in groups)


def test_scoring_right_wrong_null():
    assert is_right("năm 2035", [], "đến năm 2035")
    assert is_right("Ban Thường vụ Đảng ủy xã", ["Ban Thường vụ Đảng ủy"], "Ban Thường vụ Đảng ủy (chủ trì)")
    assert not is_right("90%", [], "80%")
    assert not is_right("90%", [], None)
    assert is_right(None, [], None) and not is_right(None, [], "80%")
    gold = [{"quote": "Tỷ lệ gia đình văn hóa đạt 90%"}]
    assert holds_gold("a) Tỷ lệ gia đình văn hóa đạt 90% trở lên.", gold)
    assert not holds_gold("Tỷ lệ hộ nghèo giảm 3%", gold)
    rows = [score_one({"id": "1", "question": "q", "answer": "90%", "gold": gold, "kind": "target"},
                      {"answer": "đạt 90%", "citations": [{"text": "Tỷ lệ gia đình văn hóa đạt 90% trở lên"}]}),
            score_one({"id": "2", "question": "q", "answer": None, "gold": [], "kind": "target"},
                      {"answer": "80%", "citations": []}),
            score_one({"id": "3", "question": "q", "answer": "5", "gold": gold, "kind": "when"},
                      {"answer": None, "citations": []})]
    s = summarize(rows)
    assert (s["right"], s["wrong"], s["null"]) == (1, 1, 1)
    assert s["wrong_rate"] == 0 and s["null_rate"] == 0.5 and s["unanswerable_null_rate"] == 0
    assert s["first_citation_gold"] == 0.5


def test_question_frame_words_are_not_the_subject():
    q = analyze("Ai xây dựng Kế hoạch thực hiện Nghị quyết số 08-NQ/TU về phát triển du lịch ở xã Bình Lư?")
    labels = [label for label, _ in q.groups]
    assert "so" not in labels, "the 'số' of a document number is not a subject word"
    assert "du lich" in labels and "binh lu" in labels
    q = analyze("Tỷ lệ lao động qua đào tạo ở xã Bình Lư cần đạt mức nào?")
    assert "can" not in [label for label, _ in q.groups], "the modal 'cần' is not 'cán (bộ)'"
    assert "can bo" in [label for label, _ in analyze("Bao nhiêu cán bộ được đào tạo?").groups]
    q = analyze("Hội nghị sơ kết dự kiến tổ chức vào thời gian nào?")
    assert {label for label, _ in q.groups} == {"hoi nghi", "so ket"}
    # "cùng với" (together with) frames the partner asked, as "đối với" frames a subject
    q = analyze("Tòa án nhân dân tối cao chủ trì, cùng với những cơ quan phối hợp nào hướng dẫn thi hành Luật?")
    assert "cung voi" not in [label for label, _ in q.groups], q.groups


def test_count_noun_decides_the_measure():
    q = analyze("Xã thu hút tối thiểu bao nhiêu tổ chức, cá nhân đầu tư ngoài ngân sách?")
    assert q.count_noun == "to" and q.measure is None, "a count of bodies, not an amount of money"
    assert analyze("Tổng kinh phí là bao nhiêu tỷ đồng?").measure == "money"
    # with no counted noun after "bao nhiêu", "ngoài ngân sách" still says where the investment comes
    # from, not that money is asked; the budget itself asked is money
    assert analyze("Mục tiêu thu hút tổ chức, cá nhân đầu tư ngoài ngân sách là tối thiểu bao nhiêu?").measure is None
    assert analyze("Ngân sách xã chi cho du lịch là bao nhiêu?").measure == "money"
    assert analyze("Vốn đầu tư ngoài ngân sách huy động là bao nhiêu?").measure == "money"
    assert analyze("How many groups of criteria do party cells use?").count_noun == "nhom"
    assert analyze("Tuổi của học sinh vào lớp một là bao nhiêu?").count_noun == "tuoi"


def test_english_role_and_verb_forms():
    q = analyze("Which body drew up the plan on new rural development in Bình Lư?")
    assert q.role == "xây dựng" and "drew" not in [label for label, _ in q.groups]
    q = analyze("Which party body leads the committee in frobnicating resources for the plan?")
    assert "frobnicating" in q.soft, "an unknown English verb form weighs little, it stays matched"
    # A verb form the glossary knows ("allocating" -> bố trí, phân bổ) is a subject word like any other.
    q = analyze("Which party body leads the committee in allocating resources for the plan?")
    assert "allocating" not in q.soft and ("allocating", ["bo tri", "phan bo"]) in q.groups
    assert "widgetizers" not in analyze("How many widgetizers does Bình Lư aim to have by 2030?").soft


def test_a_party_cell_and_its_meeting_in_english():
    assert ("cell meetings", ["hop chi bo"]) in analyze("Who presents the resolution at cell meetings?").groups
    assert ("cells", ["chi bộ"]) in translate_groups("the cells of the ward")


def test_another_roles_words_in_an_english_question_are_its_task():
    # "leads" asks who chairs; what it leads — monitoring, inspection, supervision — is the task
    # (giám sát, kiểm tra name a role only when that role is asked)
    q = analyze("Which body leads the monitoring, inspection and supervision of the plan's implementation?")
    assert q.role == "chủ trì"
    assert [label for label, _ in q.groups] == ["monitoring", "inspection", "supervision"]
    assert ("inspection", ["kiem tra", "thanh tra"]) in q.groups
    # the asked role's own words still name the role, not the subject
    q = analyze("Which body inspects and supervises the plan?")
    assert q.role == "kiểm tra/giám sát" and q.groups == []
    q = analyze("Who leads the propaganda work?")
    assert q.role == "chủ trì" and "leads" not in [label for label, _ in q.groups]


def test_object_questions_are_recognised():
    """"gửi báo cáo cho cơ quan nào", "qua ban nào", "to which body": the asked body is the
    recipient, not the sender the items name (answered by relations.py, never with the sender)."""
    assert analyze("Các bộ gửi báo cáo cho cơ quan nào tổng hợp?").asks_object
    assert analyze("cac chi bo bao cao ket qua qua ban nao tong hop").asks_object
    assert analyze("To which body must the communes report their results?").asks_object
    assert not analyze("Ai chịu trách nhiệm tuyên truyền?").asks_object
    assert not analyze("Ai báo cáo cho Ban Thường vụ?").asks_object


def test_glossary_words_next_to_a_name_are_not_names():
    from indexer.answer.question import vietnamese_names

    # "Lai" (of Lai Châu) is no English word: kept; "Provincial Party Office" is the glossary's
    assert vietnamese_names("Which body in Lai Châu leads it?") == "Lai Châu"
    assert vietnamese_names("the Hà Tĩnh Provincial Party Office") == "Hà Tĩnh"
    q = analyze("What is the deadline for the Hà Tĩnh Provincial Party Office to send the review report?")
    assert not any(label in ("provincial party", "office") for label, _ in q.groups), q.groups


def test_a_restoration_joined_to_a_cue_is_no_subject():
    # "đủ bao nhiêu" typed without diacritics, restored "dự báo nhiều": "dự báo" is no subject
    q = analyze("Nu phai du bao nhieu tuoi moi duoc ket hon theo Luat Hon nhan va gia dinh?",
                "Nữ phải dự báo nhiều tuổi mới được kết hôn theo Luật Hôn nhân và gia đình", "", "vi-noaccent")
    labels = [label for label, _ in q.groups]
    assert "du bao" not in labels and "tuoi" in labels and "ket hon" in labels


def test_guessed_compounds_may_be_found_apart():
    from indexer.answer.support import Matcher

    # typed without diacritics and restored "… của Tỉnh ủy Lai Châu", segmented "uy lai" + "chau":
    # the words of the guessed compound are said apart ("Tỉnh ủy", "Lai Châu") and still count
    typed = "Don vi nao dam nhan viec chu tri theo doi, don doc thuc hien Ket luan 224-KL/TU cua Tinh uy Lai Chau?"
    restored = "Đơn vị nào đảm nhận việc chủ trì theo dõi đôn độc thực hiện Kết luận 224 Kl Tu của Tỉnh ủy Lai Châu"
    q = analyze(typed, restored, "", "vi-noaccent")
    compound = next((label for label, _ in q.groups if len(label.split()) > 1 and label.startswith("uy")), None)
    if compound is None:
        pytest.skip(f"the segmenter did not guess a compound here: {q.groups}")
    item = {"kind": "responsibility", "doc_id": "d", "start": 0, "end": 10, "section_path": [],
            "quote": "Ban Tuyên giáo Tỉnh ủy chủ trì, theo dõi, đôn đốc việc thực hiện Kết luận của Tỉnh ủy Lai Châu"}
    sup = Matcher(q, [item], {"d": ""}).support(item)
    assert compound not in sup.missing, sup


def test_english_count_takes_every_sense_of_the_counted_noun():
    """"villages" are thôn or bản: a plan counting "01 bản du lịch cộng đồng" counts villages."""
    q = analyze("How many community-based tourism villages should Bình Lư set up by 2030?")
    assert q.kind == "target" and q.count_noun == "thon"
    assert set(q.count_nouns) >= {"thon", "ban"}


@pytest.mark.parametrize("question, role", [
    ("Who sits on the national council that appraises the curriculum?", "thành phần"),
    ("Which bodies is the appraisal council made up of?", "thành phần"),  # "appraisal" is no verb
    ("Who is scheduled to present the main report at the review conference?", "báo cáo viên"),
    ("Which body at present leads the propaganda work?", "chủ trì"),  # "at present" is no speaker
    ("What is the membership structure of the National Election Council?", "thành phần"),
    ("Which participants attend the ward-level meeting?", "tham dự"),
    ("Which Party body keeps regular track of and urges on implementation?", "kiểm tra/giám sát"),
])
def test_english_role_cues(question, role):
    assert asked_role(folded_words(question)) == role


@pytest.mark.parametrize("question, role", [
    # who conveys a resolution to a meeting is its speaker
    ("Ai đứng ra truyền đạt nội dung nghị quyết?", "báo cáo viên"),
    ("Ai được phân công truyền đạt Nghị quyết 92 cho đảng viên?", "báo cáo viên"),
])
def test_vietnamese_speaker_cues(question, role):
    assert asked_role(folded_words(question)) == role


def test_english_frame_words_are_not_the_subject():
    """Pronouns, negated auxiliaries and framing verbs say how a question is asked."""
    q = analyze("Under the Marriage and Family Law, a husband can't file for divorce while his wife "
                "is raising a child under what age?")
    labels = [label for label, _ in q.groups]
    assert "can't" not in labels and "his" not in labels
    assert "file for divorce" in labels and "raising a child" in labels
    q = analyze("The total budget of about 90 billion VND for Conclusion 224 covers implementation up to which year?")
    assert all("cover" not in label for label, _ in q.groups)


def test_english_kind_cues():
    from indexer.answer import classify

    assert classify("What is the date of Decision 238-QĐ/TW cited in the plan?") == "when"
    assert classify("What's the cap on foreign investors' capital share in a film company?") == "target"
    assert classify("What is the target year for the commune to meet the new-rural standard?") == "when"
    assert classify("Which Party cells must draw up their own plans to deliver the resolution's targets?") == "who"


def test_thesaurus_reads_only_a_words_first_meaning():
    """"debt" is nợ; "principal" adds nợ gốc as another meaning: no synonym of "hiệu trưởng"; a
    word's added meanings (";" in the glossary) never become synonyms of its first."""
    from indexer.answer.question import _synonyms

    assert "no goc" not in _synonyms().get("hieu truong", [])
    assert "chung khoan" not in _synonyms().get("an ninh", [])
    assert "ket thuc" not in _synonyms().get("tong ket", [])


def test_english_working_with_asks_for_the_partner():
    """"work with", "cooperate with", "liaise with" are phối hợp: the partner is asked."""
    q = analyze("Who should the commune work with to survey new tour routes?")
    assert (q.kind, q.role, q.relation) == ("who", "phối hợp", "partner")
    # the role words are no subject words; "new" (mới) is one (it is not the question word "mỗi")
    assert [label for label, _ in q.groups] == ["survey", "new", "tour routes"]
    assert analyze("Which agencies does the ministry liaise with to compile the report?").relation == "partner"


def test_a_place_the_glossary_names_is_read_not_vouched_for():
    """"Lai Chau" folds to its own English spelling, but the text writes it: never model-credited."""
    q = analyze("When must Lai Chau finish the widgetizer survey?")
    assert "lai chau" in [label for label, _ in q.groups]
    assert "lai chau" not in q.unsure and "widgetizer" in q.unsure


def test_the_head_of_a_body_has_two_names():
    # "thủ trưởng" (the questions' word) and "người đứng đầu" (the laws'): one meaning of the glossary
    groups = dict(analyze("Thủ trưởng đơn vị sự nghiệp công lập phải báo trước bao nhiêu ngày?").groups)
    assert "nguoi dung dau" in groups["thu truong"]


def test_an_office_holder_asked_by_title_is_a_who_question():
    from indexer.search.kinds import classify

    q = analyze("Chủ tịch Quốc hội nào ký Luật Thanh niên năm 2020?")
    assert (q.kind, q.role) == ("who", "ký")
    assert classify("Hien phap nam 2013 do Chu tich Quoc hoi nao ky?") == "who"
    assert classify("Bộ trưởng nào quy định điều kiện của người điều khiển phương tiện?") == "who"
    # a title followed by other words then "nào" asks something of the office, not which holder
    assert classify("Chủ tịch nước có quyền nào?") != "who"


def test_a_compound_no_text_writes_is_read_as_its_words():
    """The word segmenter joins "cử Trưởng" of "Ai cử Trưởng Chi nhánh …" into one word that no
    text writes; given what the indexed texts write (here the Luật Trọng tài thương mại's line), the
    question is read by its words, and a compound the text writes stays whole."""
    from tests.conftest import law_line
    line = law_line("luat-trong-tai-thuong-mai.txt", "cử một Trọng tài viên làm Trưởng Chi nhánh")
    from indexer.text import spelling
    written_text = f" {spelling(line)} "

    def written(phrase: str) -> bool:
        return f" {phrase} " in written_text
    question = "Ai cử Trưởng Chi nhánh của tổ chức trọng tài nước ngoài tại Việt Nam?"
    labels = [label for label, _ in analyze(question, written=written).groups]
    assert "cu truong" not in labels and {"cu", "truong", "chi nhanh", "trong tai"} <= set(labels), labels
    # without the texts, the segmenter's reading stands
    assert "cu truong" in [label for label, _ in analyze(question).groups]


def test_a_role_word_naming_a_fee_a_body_or_a_record_is_no_role_asked():
    q = "Theo Luật BVMT, ai quy định chế độ thu, nộp phí thẩm định cấp giấy phép môi trường?"
    assert asked_role(folded_words(q)) is None
    assert asked_role(folded_words("Cơ quan nào thành lập hội đồng thẩm định?")) is None
    assert asked_role(folded_words("Ai lập biên bản kiểm tra?")) is None
    assert asked_role(folded_words("Cơ quan nào thẩm định báo cáo đánh giá tác động môi trường?")) == "tham mưu"


def test_vietnamese_thesaurus_reads_a_procedural_verb_either_way():
    """A user says "nộp", "xin"; the law writes "gửi", "đề nghị cấp" (indexer/search/data/thesaurus-vi.txt)."""
    q = analyze("Doanh nghiệp xin giấy phép phải nộp bao nhiêu bộ hồ sơ?")
    groups = dict(q.groups)
    assert "gui" in groups["nop"] and "de nghi" in groups["xin"]


def test_english_sets_and_ordinals_in_words():
    q = analyze("How many sets of documents must an applicant send?")
    assert q.kind == "target" and "bo" in q.count_nouns  # "01 bộ hồ sơ"
    q = analyze("Under the Education Law, at what age do pupils enter grade six?")
    assert ("grade 6", ["lop 6", "lop 06", "lop sau"]) in q.groups or any(
        label == "grade 6" and "lop sau" in alts for label, alts in q.groups), q.groups


def test_a_who_question_naming_only_the_kind_of_body_has_no_subject():
    for bare in ("which ministry?", "which officials", "Bộ nào?", "Cơ quan nhà nước nào?"):
        assert analyze(bare).groups == [], bare
    assert analyze("Which ministry guides the grading of tourist accommodation?").groups


def test_the_words_that_name_the_role_asked_are_no_subject():
    # "đầu mối" (the focal point), "vai trò" (the role) say which role a who-question asks
    for question in ("Ai là đầu mối chủ trì công tác thông tin, tuyên truyền về Nghị quyết 92?",
                     "Về hợp tác quốc tế, bộ nào giữ vai trò chủ trì?"):
        labels = [label for label, _ in analyze(question).groups]
        assert "dau moi" not in labels and "vai tro" not in labels, labels


def test_a_right_is_asked_of_the_unit_only_where_the_who_word_holds_it():
    assert analyze("Ai có quyền yêu cầu Tòa án giải quyết ly hôn?").asks_right
    assert analyze("Người có quyền khởi kiện vụ án hành chính là ai?").asks_right
    assert analyze("Who is entitled to request the court to settle a divorce?", language="en").asks_right
    # the teachers hold the right; the body asked writes the rule
    assert not analyze("Under the Education Law, teachers are entitled to summer leave as regulated by which body?",
                       language="en").asks_right


def test_the_civil_laws_verbs_of_transactions_and_property():
    senses = dict(translate_groups("may a minor enter into civil transactions and dispose of property"))
    assert "xác lập" in senses["enter into"] and "định đoạt" in senses["dispose"]
    assert dict(translate_groups("who certifies the school record"))["school record"] == ["học bạ"]
    assert "phổ biến" in dict(translate_groups("distribute films online"))["distribute"]


def test_a_first_person_opening_says_who_asks_not_what_about():
    """"Tôi làm cán bộ lâm nghiệp ở xã Bình Lư; kế hoạch … chỉ tiêu che phủ rừng …": the asker's
    own job is no word of the answer; the commune named there stays, softly, as context."""
    q = analyze("Tôi làm cán bộ lâm nghiệp ở xã Bình Lư; kế hoạch Nghị quyết 17 đặt chỉ tiêu độ che phủ rừng "
                "đến 2030 là bao nhiêu?")
    labels = [label for label, _ in q.groups]
    assert "lam nghiep" not in labels and "can bo" not in labels
    assert "che phu" in labels and "rung" in labels
    assert "binh lu" in labels and "binh lu" in q.soft
    # the question pointing back into the opening sentence ("tuyến này") keeps its words
    q = analyze("Tôi nghe xã Bình Lư quy hoạch tuyến Cung đường tình yêu; tuyến này dài bao nhiêu km?")
    assert "cung duong" in " ".join(label for label, _ in q.groups)
    # an English "I'm" is no subject word
    q = analyze("I'm organising the ward conference — which office has to summon the attendees?")
    assert all(label not in ("i'm", "organising", "conference") for label, _ in q.groups)


def test_the_verb_a_who_question_assigns_with_weighs_little():
    """"Ai được giao …", "giao ai …", "đơn vị nào lo …", "do ai đảm nhiệm": how the asker says who is
    responsible; the plan writes the unit and its task without the verb."""
    for question, label in (("Ai được giao xây dựng kế hoạch phát triển du lịch cộng đồng?", "giao"),
                            ("Xã giao ai phát huy vai trò giám sát, phản biện xã hội?", "giao"),
                            ("don vi nao lo chuan bi dieu kien cho hoi nghi", "lo"),
                            ("Việc kiểm tra do ban nào đảm nhiệm?", "dam nhiem")):
        assert label in analyze(question).soft, question
    # "lò" (a furnace) without diacritics is "lo" too: only right after the who-word is it the verb
    assert "lo" not in analyze("lo dot rac cua xa do ai quan ly").soft


def test_a_written_conjunction_weighs_little_in_every_kind():
    """"nếu … thì ai quyết định": the law says "Trường hợp … do … quyết định", so the conjunction the
    question writes is no word the answer must say — for a who- or when-question as for a target."""
    q = analyze("Nếu Thẩm phán bị thay đổi là Chánh án Tòa án cấp huyện thì ai quyết định?")
    assert q.kind == "who" and "neu" in q.soft
    q = analyze("Nếu đương sự vắng mặt thì thời hạn kháng cáo tính từ ngày nào?")
    assert q.kind == "when" and "neu" in q.soft


def test_a_frame_phrase_restored_as_two_words_is_still_a_frame():
    # "noi chung" typed without diacritics is restored "nơi chứng" (two words): folded it is the
    # frame phrase "nói chung" (in general), not a place and a certificate the text must say
    q = analyze("Nguoi du tuyen vien chuc noi chung phai du bao nhieu tuoi tro len?",
                interpreted="Người dự tuyển viên chức nơi chứng phải đủ bao nhiêu tuổi trở lên?")
    labels = {label for label, _ in q.groups}
    assert "du tuyen" in labels and "vien chuc" in labels
    assert not labels & {"noi", "chung"}, labels


def test_signing_a_decision_to_act_asks_who_decides_not_who_signed():
    # "ký quyết định thành lập": the law says "do <body> quyết định thành lập", no signature
    assert asked_role(folded_words("Cấp nào ký quyết định thành lập cơ sở cai nghiện công lập?")) is None
    assert asked_role(folded_words("ai ky quyet dinh bo nhiem hieu truong")) is None
    # a decision named by its number is a document: its signer is asked
    assert asked_role(folded_words("Ai ký Quyết định số 238-QĐ/TW?")) == "ký"
    assert asked_role(folded_words("Ai ký Kế hoạch 131?")) == "ký"


def test_a_verb_used_as_a_preposition_weighs_little():
    # "dựa trên" (based on): the plan says "theo 03 nhóm tiêu chí"
    q = analyze("Việc tự chấm điểm chất lượng của chi bộ sau hội nghị dựa trên bao nhiêu nhóm tiêu chí?")
    assert "dua" in q.soft
    # "so với" (compared with), typed without diacritics: the law says "20% tổng chi ngân sách"
    q = analyze("Nha nuoc chi cho giao duc it nhat bao nhieu phan tram so voi tong chi ngan sach?",
                "Nhà nước chi cho giáo dục ít nhất bao nhiêu phần trăm so với tổng chi ngân sách?", "", "vi-noaccent")
    assert "so" in q.soft
    # not the same syllables as words of the subject ("mã số": a code)
    q = analyze("Co quan nao cap ma so chuc danh nghe nghiep?", "Cơ quan nào cấp mã số chức danh nghề nghiệp?", "",
                "vi-noaccent")
    assert "so" not in q.soft


def test_a_role_said_in_the_condition_is_not_the_role_asked():
    # the condition before "thì" says what happened; the who-word after it asks
    q = "Khi các bên không thống nhất được việc cử ai giám sát việc giám hộ thì cơ quan nào quyết định?"
    assert asked_role(folded_words(q)) is None
    assert asked_role(folded_words("Nếu có sự cố thì ai chủ trì khắc phục?")) == "chủ trì"


def test_both_and_and_a_light_verb_before_the_task_weigh_little():
    q = analyze("Cơ quan vừa thẩm định báo cáo vừa lo tham mưu tổ chức hội nghị cấp tỉnh là cơ quan nào?")
    assert {"vua", "lo"} <= q.soft
    # a lone "vừa" (just now) and "lo" (to worry) stay words of the question, and so does the
    # "vừa" of "nhỏ và vừa" (small and medium)
    q = analyze("Ai lo ngại về việc vừa ban hành quy định?")
    assert not {"vua", "lo"} & q.soft
    q = analyze("Doanh nghiệp nhỏ và vừa được hỗ trợ vừa phải nộp báo cáo cho cơ quan nào?")
    assert "vua" not in q.soft


@pytest.mark.parametrize("question, opening_only, asked", [
    # one's own people and things open the question: what they did is the asker's story
    ("Chị tôi đã có con và từng mang thai hộ cho người thân. Luật Hôn nhân và gia đình giới hạn một phụ "
     "nữ được mang thai hộ vì mục đích nhân đạo tối đa mấy lần?", {"con", "tung", "nguoi than"}, "nhan dao"),
    ("chong toi di lam an xa da hon nua nam; ai co quyen yeu cau toa an thong bao tim kiem nguoi vang mat?",
     {"lam an", "lam", "nua"}, "kiem"),
    # an asker named before the question
    ("Luật sư hỏi: ở cấp phúc thẩm, Viện kiểm sát được giữ hồ sơ để nghiên cứu tối đa mấy ngày?",
     {"luat su", "hoi"}, "nghien cuu"),
])
def test_the_askers_own_opening_is_no_subject(question, opening_only, asked):
    labels = {label for label, _ in analyze(question).groups}
    assert not labels & opening_only
    assert asked in labels


def test_toi_typed_without_diacritics_after_a_word_may_be_until():
    # "tới cuối năm 2025": no asker's story, the end of the year is asked
    q = analyze("tinh toi cuoi nam 2025: so xa dat chuan nong thon moi la bao nhieu?")
    assert "cuoi" in {label for label, _ in q.groups}


def test_the_askers_own_pronouns_are_no_subject_words():
    """"Chi bộ chúng tôi …" (our cell): no document speaks in the first person."""
    labels = [label for label, _ in analyze("Chi bộ chúng tôi ở Nông Tiến sẽ được cơ quan nào của Đảng ủy phường "
                                            "hướng dẫn việc quán triệt?").groups]
    assert "chi bo" in labels and not {"chung", "toi", "chung toi"} & set(labels)
    # (the bound "không ít hơn" is left as it is: "hơn" folds like the "hôn" of "kết hôn")
    assert "ket hon" in [label for label, _ in analyze("Điều kiện kết hôn là gì?").groups]


def test_the_passive_bi_is_no_subject_word():
    """"bị đưa vào cơ sở cai nghiện": the passive says nothing to find (folded, "bi" is also the "bí"
    of "Bí thư", which stays)."""
    labels = [label for label, _ in analyze("Người nghiện ma túy bị đưa vào cơ sở cai nghiện bắt buộc do ai quyết định?").groups]
    assert "bi" not in labels and "cai nghien" in labels
    assert any("bi thu" in label for label, _ in analyze("Bí thư chi bộ báo cáo ai?").groups)
    # (nor the "bị" of a party's name: "bị hại", "bị cáo")
    assert "bi" in [label for label, _ in analyze("Người bị hại có quyền gì?").groups]


def test_the_bound_of_a_deadline_is_no_word_the_deadline_must_say():
    """"chậm nhất", "muộn nhất", "không muộn hơn": how a when-question bounds its date (the plan
    writes "trước ngày …"): soft words, which a law's "chậm nhất là …" still says."""
    for question in ("Văn phòng Tỉnh ủy phải gửi báo cáo chậm nhất ngày nào?",
                     "Văn phòng Tỉnh ủy gửi báo cáo không muộn hơn ngày nào?",
                     "Muộn nhất ngày nào Văn phòng Tỉnh ủy phải gửi báo cáo?"):
        q = analyze(question)
        assert [label for label, _ in q.groups if label not in q.soft] == ["van phong", "tinh uy", "bao cao"]
        assert {"cham nhat", "muon hon", "muon nhat"} & q.soft
    # (a minor is no "chưa" dropped)
    assert "chua" in [label for label, _ in analyze("Người chưa thành niên phạm tội thì sao?").groups]


def test_a_number_word_is_left_out_only_where_the_question_counts():
    """"có hai Thẩm phán thì cần mấy Hội thẩm": the number the question states, no subject word (the
    law writes "02 Thẩm phán"); but "hai quốc tịch" in a question asking no count is what it is about."""
    counted = analyze("Nếu hội đồng xét xử có hai Thẩm phán thì cần mấy Hội thẩm nhân dân?")
    assert "hai" not in [label for label, _ in counted.groups]
    assert "hai" in [label for label, _ in analyze("Người có hai quốc tịch thì được bảo hộ thế nào?").groups]


def test_the_month_an_occasion_recurs_in_is_a_soft_word_of_a_who_question():
    """Luật Thanh niên, Điều 9: "Tháng 3 hằng năm là Tháng Thanh niên" (point 1), "Đoàn Thanh niên Cộng
    sản Hồ Chí Minh chủ trì … tổ chức hoạt động Tháng Thanh niên" (point 2): "every March" says when
    the occasion happens, which the actor's sentence need not repeat."""
    q = analyze("Which organisation is in charge of the Youth Month activities held every March?")
    assert "march" in q.soft
    assert "march" not in analyze("Which report is due by the end of March?").soft


def test_the_capacity_an_english_asker_opens_with_is_no_subject():
    """"As a Party cell secretary in Nông Tiến, …": who asks, which no document says of itself (the
    plan's deadline is the cells' "báo cáo kết quả … với Ban Thường vụ Đảng ủy"); the ward it names
    stays a soft word."""
    q = analyze("As a Party cell secretary in Nông Tiến, by when do I report the study results to the Standing Board?")
    labels = [label for label, _ in q.groups]
    assert "party cell secretary" not in labels and "nong tien" in q.soft and "standing board" in labels


def test_a_word_saying_whose_duty_it_is_weighs_little():
    q = analyze("Liên hoan phim quốc gia thuộc trách nhiệm chủ trì của bộ nào?")
    assert "thuoc" in q.soft
    # "thuộc về" segmented as one word or two
    assert analyze("vai tro giam sat va phan bien xa hoi thuoc ve ai").soft == {"thuoc ve"}
    # folded, "thuoc" is also "thuốc" (medicine): elsewhere, or said twice, a word of the subject
    assert "thuoc" not in analyze("thuoc bao ve thuc vat do co quan nao quan ly").soft
    assert "thuoc" not in analyze("Thuốc thú y thuộc trách nhiệm quản lý của bộ nào?").soft
    # right after the who-word it says what the body asked belongs to, which its name says
    assert "thuoc" in analyze("Việc sơ kết ở các địa phương được ban nào thuộc Tỉnh ủy chủ trì hướng dẫn?").soft
    assert "thuoc" not in analyze("thuoc nao do co quan nao cap phep luu hanh").soft
    assert "thuoc" not in analyze("Khi nào thuốc thú y bị thu hồi?").soft


def test_an_event_classifier_weighs_little_in_any_kind():
    from indexer.answer.question import event_frame_words
    groups = [("dot", ["dot"]), ("so ket", ["so ket"]), ("buoi", ["buoi"]), ("hoc", ["hoc"]), ("cuoc", ["cuoc"])]
    assert event_frame_words(groups, folded_words("Đợt sơ kết do ban nào chủ trì?")) == {"dot"}
    assert event_frame_words(groups, folded_words("Dot so ket do ban nao chu tri?")) == {"dot"}
    assert event_frame_words(groups, folded_words("Buổi học chấm điểm theo mấy nhóm tiêu chí?")) == {"buoi"}
    # only before an event's verb: "đốt rác" (to burn), a name ("Cuộc thi …"), a time ("buổi sáng")
    assert event_frame_words(groups, folded_words("Ai quan ly viec dot rac?")) == set()
    assert event_frame_words(groups, folded_words("Cuộc thi ảnh du lịch do ai tổ chức?")) == set()
    assert "dot" in analyze("Dot so ket 5 nam Nghi quyet 06 do ban nao cua Tinh uy chu tri?").soft


def test_lap_is_said_xay_dung_by_the_plans_one_way():
    # "lập kế hoạch" (the asker's word) is what the plans write "xây dựng Kế hoạch" (thesaurus
    # "lập>xây dựng"); a question's "xây dựng" is no "lập" (the text's "thành lập", "độc lập")
    assert ("lap", ["lap", "xay dung"]) in analyze("Ai lập kế hoạch thực hiện Nghị quyết 08-NQ/TU?").groups
    from indexer.answer.question import _synonyms
    assert "xay dung" in _synonyms()["lap"] and "lap" not in _synonyms().get("xay dung", [])


def test_nguoi_dan_is_said_cong_dan_by_the_laws():
    # "quyền tiếp cận thông tin của người dân" (the asker's word) is what a law writes "của công dân"
    # (thesaurus "người dân>công dân"; the glossary's "citizen" already read "công dân" as "người dân")
    q = analyze("Ai giám sát việc bảo đảm quyền tiếp cận thông tin của người dân?")
    assert "cong dan" in dict(q.groups)["nguoi dan"]


def test_dung_ra_is_how_the_asker_says_who_takes_it_on():
    # "bộ nào đứng ra soạn thảo" (steps up to draft it): a law writes "Bộ … chủ trì soạn thảo"
    q = analyze("Chiến lược phát triển chăn nuôi do bộ nào đứng ra soạn thảo?")
    assert "dung" in q.soft
    # after another assigning verb too
    assert {"giao", "dung"} <= analyze("Đơn vị nào được giao đứng ra tổ chức hội nghị?").soft
    # "dừng ra quân" (stops the launch) folds alike, and is what the question asks
    q = analyze("Cơ quan nào quyết định dừng ra quân chiến dịch?")
    assert "dung" in dict(q.groups) and "dung" not in q.soft


def test_the_assigner_may_stand_between_duoc_and_giao():
    # "Những ai được Kế hoạch … giao phát huy vai trò giám sát": the plan writes the units and their
    # task ("Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội … Phát huy vai
    # trò giám sát, phản biện xã hội"), never "giao"
    q = analyze("Những ai được Kế hoạch phát triển du lịch của xã Bình Lư giao phát huy vai trò giám sát?")
    assert "giao" in q.soft
    # … not a "giao" the question asks about, after "được" in another clause or as handing over
    q = analyze("Ai được quyền từ chối nhận khi bên bán giao tài sản không đúng chất lượng?")
    assert "giao" in dict(q.groups) and "giao" not in q.soft
    q = analyze("Ai được Nhà nước giao đất không thu tiền sử dụng đất?")
    assert "giao" not in q.soft


def test_the_group_supervising_a_plan_is_answered_whole(plans):
    # plan 000, "5. Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội tổ chức
    # tuyên truyền, vận động … Phát huy vai trò giám sát, phản biện xã hội trong quá trình thực hiện
    # Nghị quyết."
    from indexer.answer import ask
    out = ask(plans, "Những ai được Kế hoạch du lịch của xã Bình Lư giao phát huy vai trò phản biện xã hội?")
    assert out["answer"] and "Mặt trận Tổ quốc" in out["answer"] and "chính trị - xã hội" in out["answer"], out


def test_khach_san_is_a_kind_of_co_so_luu_tru_one_way():
    # the asker's hotel is the Law on Tourism's "cơ sở lưu trú du lịch"; not back: an accommodation
    # establishment may be a homestay
    q = analyze("Cơ quan nào thẩm định, công nhận khách sạn hạng 4 sao và 5 sao?")
    assert "co so luu tru" in dict(q.groups)["khach san"]
    from indexer.answer.question import _synonyms
    assert "khach san" not in _synonyms().get("co so luu tru", [])


def test_a_percentage_asked_by_its_sign():
    # "bao nhiêu %": the sign folds away; the hamlets after it are what is counted in hundredths
    q = analyze("Lai Châu muốn bao nhiêu % số thôn, bản có đội văn nghệ vào năm 2025?")
    assert q.measure == "percent" and q.count_noun is None and q.count_nouns == []
    q = analyze("muc tieu bao nhieu % khu, diem du lich co ma QR?")
    assert q.measure == "percent" and q.count_noun is None
    # … nor an age ("được tưới": irrigated), nor money ("ngân sách … bao nhiêu %": a share of it)
    q = analyze("Bao nhiêu % diện tích đất lúa được tưới?")
    assert q.measure == "percent" and q.count_noun is None
    assert analyze("Vốn ngân sách nhà nước chiếm bao nhiêu % tổng vốn đầu tư?").measure == "percent"
    # an English "what %" is a target question
    q = analyze("What % of hamlets have a cultural team?")
    assert q.kind == "target" and q.measure == "percent"
    # … not a count asked beside a percentage the question states
    q = analyze("Ngoài 100% xã có hệ thống truyền thanh, có bao nhiêu thôn có cụm loa?")
    assert q.count_noun == "thon"


def test_a_plan_target_asked_by_the_percent_sign(plans):
    # plan 002: "… 80% thôn, bản, tổ dân phố có cụm loa truyền thanh cơ sở hoạt động ổn định"
    from indexer.answer import ask
    out = ask(plans, "Kế hoạch Kết luận 224: Lai Châu muốn bao nhiêu % thôn, bản có cụm loa truyền thanh hoạt động ổn định?")
    assert out["answer"] and "80%" in out["answer"], out


def test_a_status_reached_and_a_schedule_are_frames_of_a_moment():
    # "đến năm nào … được công nhận là xã đạt chuẩn nông thôn mới": plan 003 writes "phấn đấu … đạt
    # chuẩn nông thôn mới vào năm 2030", never "công nhận"
    q = analyze("Theo kế hoạch, đến năm nào Bình Lư được công nhận là xã đạt chuẩn nông thôn mới?")
    assert "cong nhan" in q.soft
    assert "tro thanh" in analyze("Khi nào xã Bình Lư trở thành xã đạt chuẩn nông thôn mới?").soft
    assert {"len", "lich"} <= analyze("Dự án Bảo tàng tỉnh được lên lịch thực hiện trong giai đoạn nào?").soft
    # … not a term asked of a recognition the law grants ("Quyết định công nhận … có thời hạn"), its
    # expiry, the Tourism Law's "công nhận đạt tiêu chuẩn", nor workers ("công nhân") reaching a standard
    for question in ("Giấy công nhận đạt chuẩn phục vụ khách du lịch dùng được mấy năm?",
                     "Khi nào hết hạn công nhận trường đạt chuẩn quốc gia?",
                     "Khi nào cơ sở lưu trú được công nhận đạt tiêu chuẩn xếp hạng?",
                     "Khi nào công nhân phải đạt chuẩn kỹ năng nghề?"):
        assert "cong nhan" not in analyze(question).soft, question
