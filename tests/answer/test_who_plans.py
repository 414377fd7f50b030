"""Who-questions end to end on the five plans (hash embedder): the readers of answer/actors.py,
answer/issuers.py and the role-only questions, with near misses that must stay null."""

from __future__ import annotations

from indexer.answer import ask
from tests.conftest import assert_answer


def test_the_unit_holding_the_role_in_the_named_plan(plans):
    # every word names the plan (its number): the role is the question
    out = ask(plans, "Ai kiem tra giam sat viec thuc hien Ke hoach so ket Nghi quyet 06-NQ/TU?")
    assert out["answer"] and out["answer"].startswith("Ban Tuyên giáo Tỉnh ủy")


def test_the_issuer_of_a_cited_resolution(plans):
    assert ask(plans, "Nghị quyết số 06-NQ/TU là của cơ quan nào?")["answer"] == "Ban Chấp hành Đảng bộ tỉnh"
    assert ask(plans, "Which body issued Resolution 92-NQ/TU on tourism development?")["answer"] == \
        "Ban Thường vụ Tỉnh ủy"
    assert ask(plans, "Cơ quan nào ban hành Nghị quyết 92-NQ/TU năm 2025?")["answer"] is None


def test_the_issuer_of_the_plan_itself(plans):
    out = ask(plans, "Cơ quan nào ban hành Kế hoạch sơ kết 05 năm Nghị quyết 06-NQ/TU?")
    assert out["answer"] and out["answer"].startswith("Ban Thường vụ Tỉnh")


def test_who_does_the_act_not_who_advises_on_it(plans):
    """Plan 004: "Đối với cấp tỉnh: Ban Thường vụ Tỉnh ủy tổ chức Hội nghị sơ kết …" and "Văn phòng
    Tỉnh ủy thẩm định, tham mưu … ; tham mưu tổ chức Hội nghị sơ kết … ở cấp tỉnh": the Standing
    Board organises the conference, the Office advises on it (and the level is the Board's sentence's
    own scope label)."""
    out = ask(plans, "Who will organise the province-level conference reviewing Resolution 06-NQ/TU?")
    assert out["answer"] and out["answer"].startswith("Ban Thường vụ Tỉnh ủy"), out["answer"]
    out = ask(plans, "Cơ quan nào tổ chức Hội nghị sơ kết Nghị quyết 06-NQ/TU ở cấp tỉnh?")
    assert out["answer"] and out["answer"].startswith("Ban Thường vụ Tỉnh ủy"), out["answer"]


def test_an_english_lead_of_another_roles_task(plans):
    # plan 002: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, … theo dõi, đôn đốc, kiểm tra, giám sát việc thực
    # hiện Kết Luận 224-KL/TU": "leads" asks who chairs, "inspection and supervision" is the task
    out = ask(plans, "Which body leads the inspection and supervision of the implementation of Conclusion 224?")
    assert out["answer"] and out["answer"].startswith("Ban Tuyên giáo Tỉnh ủy"), out["answer"]
    # a task that plan gives no one to lead: no answer
    assert ask(plans, "Which body leads the inspection of tourism accommodation under Conclusion 224?")["answer"] is None


def test_the_body_a_task_is_assigned_to_is_who_does_it(plans):
    # "được giao cho cơ quan nào": plan 002 writes "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, … kiểm tra,
    # giám sát …" and plan 001 "Ủy ban nhân dân phường: Tham mưu xây dựng Kế hoạch …" — the body
    # given the task, not a body something is sent to (nor the plan's list of recipients)
    out = ask(plans, "Việc theo dõi, đôn đốc, kiểm tra, giám sát thực hiện Kết luận 224 được giao cho ban nào?")
    assert out["answer"] and out["answer"].startswith("Ban Tuyên giáo Tỉnh ủy"), out["answer"]
    out = ask(plans, "Theo kế hoạch NQ 92 của phường, việc tham mưu xây dựng kế hoạch thực hiện Nghị quyết được "
                     "giao cho cơ quan nào?")
    assert out["answer"] and out["answer"].startswith("Ủy ban nhân dân phường"), out["answer"]
    # a task no plan assigns: no answer
    assert ask(plans, "Việc xây dựng sân bay của phường được giao cho cơ quan nào?")["answer"] is None


def test_the_asker_s_words_for_a_task_are_not_the_plan_s(plans):
    # plan 003: "Ủy ban nhân dân xã xây dựng Kế hoạch thực hiện Nghị quyết số 08-NQ/TU và Kế hoạch này
    # với lộ trình và phân công trách nhiệm cụ thể" — asked with "lập" (thesaurus: xây dựng)
    out = ask(plans, "Cơ quan nào lập kế hoạch thực hiện Nghị quyết số 08-NQ/TU với lộ trình và phân công trách nhiệm?")
    assert out["answer"] and out["answer"].startswith("Ủy ban nhân dân xã"), out["answer"]
    # plan 004: "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp … hướng dẫn, theo dõi, đôn đốc việc sơ kết ở
    # các địa phương" — asked of "đợt sơ kết" (the round), which the plan calls the review itself
    out = ask(plans, "Đợt sơ kết Nghị quyết 06-NQ/TU ở các địa phương do ban nào của Tỉnh ủy chủ trì hướng dẫn?")
    assert out["answer"] and out["answer"].startswith("Ban Tuyên giáo Tỉnh ủy"), out["answer"]


def test_who_drafts_is_who_writes_the_draft(plans):
    # plan 004: "Ban cán sự đảng Ủy ban nhân dân tỉnh chủ trì, phối hợp … xây dựng dự thảo Báo cáo sơ kết
    # 05 năm …" — asked "soạn dự thảo"; the bodies that "xây dựng báo cáo" of their own, and the one that
    # "hướng dẫn, theo dõi, đôn đốc việc sơ kết", do not write that draft
    out = ask(plans, "Ai soạn dự thảo Báo cáo sơ kết 05 năm thực hiện NQ 06?")
    assert out["answer"] and out["answer"].startswith("Ban cán sự đảng Ủy ban nhân dân tỉnh"), out["answer"]
    out = ask(plans, "Ở Hà Tĩnh, cơ quan nào chủ trì soạn dự thảo Báo cáo sơ kết 05 năm Nghị quyết 06-NQ/TU về du lịch?")
    assert out["answer"] and out["answer"].startswith("Ban cán sự đảng Ủy ban nhân dân tỉnh"), out["answer"]


def test_drafting_is_read_as_the_asked_action():
    from indexer.answer.actors import does_asked_action

    drafts = {"task": "chủ trì, phối hợp với các đơn vị liên quan xây dựng dự thảo Báo cáo sơ kết 05 năm thực hiện"}
    own_report = {"task": "Căn cứ tình hình, điều kiện thực tiễn, theo chức năng, nhiệm vụ được giao xây dựng báo cáo"}
    for asked in ("Ai soạn dự thảo Báo cáo sơ kết?", "Đơn vị nào lo viết dự thảo báo cáo sơ kết?",
                  "Bản dự thảo báo cáo của tỉnh do ai chắp bút?", "Báo cáo sơ kết được dự thảo bởi đơn vị nào?"):
        assert does_asked_action(asked, drafts), asked
        assert not does_asked_action(asked, own_report), asked
    # the draft is the object of another action asked: sent, appraised (also before a passive's "do")
    assert not does_asked_action("Ban cán sự đảng gửi dự thảo báo cáo cho cơ quan nào?", drafts)
    assert not does_asked_action("Ai thẩm định dự thảo Báo cáo sơ kết?", drafts)
    assert not does_asked_action("Dự thảo Báo cáo sơ kết do ai thẩm định?", drafts)
    # founding the drafting board is no drafting
    assert not does_asked_action("Ai soạn thảo quy chế?", {"task": "thành lập Ban soạn thảo và tổ chức lấy ý kiến"})


def test_the_body_a_task_is_given_to_is_not_the_one_reported_to(plans):
    # plan 004: "Ban Tuyên giáo Tỉnh ủy chủ trì, … hướng dẫn, theo dõi, đôn đốc việc sơ kết ở các địa
    # phương, …, báo cáo Ban Thường vụ Tỉnh ủy": the task is given to the first, reported to the second
    out = ask(plans, "Việc hướng dẫn và đôn đốc các địa phương sơ kết 5 năm Nghị quyết 06 về du lịch Hà Tĩnh "
                     "được giao cho ban nào của Tỉnh ủy làm đầu mối?")
    assert out["answer"] and out["answer"].startswith("Ban Tuyên giáo Tỉnh ủy"), out["answer"]


def test_a_notice_sent_is_no_task_assigned():
    from indexer.answer.relations import asks_assignee

    assert asks_assignee("Việc hướng dẫn các địa phương sơ kết được giao cho ban nào của Tỉnh ủy làm đầu mối?")
    assert asks_assignee("Luật Thanh niên giao cho tổ chức nào vai trò phản biện xã hội?")
    assert asks_assignee("Ủy ban giao cho cơ quan nào chủ trì?")
    # "ngoại giao", "giao nộp", "chuyển giao" are no assigning verbs, and what is notified goes to a recipient
    assert not asks_assignee("Cơ quan đại diện ngoại giao được cấp kinh phí cho ai?")
    assert not asks_assignee("Được giao nhiệm vụ thì phải thông báo cho ai?")
    assert not asks_assignee("Tài liệu, chứng cứ phải giao nộp cho cơ quan nào?")
    assert not asks_assignee("Công nghệ được chuyển giao cho ai?")
    # … nor is a report to a body in the passage its assignment
    from indexer.answer.relations import relation_objects

    line = "Ban Tuyên giáo Tỉnh ủy được giao theo dõi, báo cáo cho Ban Thường vụ Tỉnh ủy."
    assert relation_objects(line, "assignee") == []
    line = "Giao cho Ủy ban nhân dân xã xây dựng kế hoạch."
    assert [line[a:b] for a, b in relation_objects(line, "assignee")] == ["Ủy ban nhân dân xã"]


def test_the_body_asked_by_what_it_belongs_to(plans):
    # plan 004: "Ban Tuyên giáo Tỉnh ủy chủ trì, … hướng dẫn, theo dõi, đôn đốc việc sơ kết ở các địa
    # phương, cơ quan, đơn vị": "thuộc Tỉnh ủy" describes the board, its name says it
    out = ask(plans, "Việc sơ kết Nghị quyết 06 ở các địa phương, cơ quan của Hà Tĩnh được ban nào thuộc "
                     "Tỉnh ủy chủ trì hướng dẫn và đôn đốc?")
    assert out["answer"] and out["answer"].startswith("Ban Tuyên giáo Tỉnh ủy")


def test_the_partners_asked_in_other_words(plans):
    # plan 000: "Chủ động phối hợp với các công ty lữ hành khảo sát, xây dựng tour - tuyến mới đến Bình
    # Lư": "team up with" works together as "phối hợp với" does
    out = ask(plans, "Who does Binh Lu team up with to survey and build new tour routes?")
    assert out["answer"] and "công ty lữ hành" in out["answer"]


def test_a_speaker_is_read_with_the_lines_of_its_meeting(plans):
    from indexer.answer.passages import meeting_block
    from tests.conftest import PLANS

    # plan 001, "III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ › 2. Cấp cơ sở": the speaker's line and the lines that
    # say which meeting it is ("tại kỳ họp chi bộ, …, họp tổ dân phố", "Đối tượng: Cán bộ, đảng viên …")
    text = PLANS["001"].read_text(encoding="utf-8")
    block = meeting_block(text, text.index("- Báo cáo viên: Phân công"))
    assert "họp tổ dân phố" in block and "Đối tượng: Cán bộ, đảng viên" in block
    assert "Thường trực Đảng ủy" not in block, "the ward meeting's lines are another block"
    ward = meeting_block(text, text.index("- Báo cáo viên: Thường trực"))
    assert "Hội trường" in ward and "bí thư các chi bộ" not in ward, "not the list of those invited"
    assert meeting_block(text, text.index("IV. TỔ CHỨC THỰC HIỆN")) == "", "a heading is in no block"
    out = ask(plans, "Ở các chi bộ của phường Nông Tiến, ai truyền đạt Nghị quyết 92 cho đảng viên và Nhân dân?")
    assert out["answer"] and "bí thư chi bộ" in out["answer"]


def test_the_stage_of_work_a_question_names_is_no_subject_word(plans):
    # "khâu chuẩn bị …" (the preparation step): plan 001 writes the task itself, "3. Văn phòng Đảng ủy
    # — Chủ trì, phối hợp … chuẩn bị các điều kiện phục vụ Hội nghị …; triệu tập đại biểu …"; typed
    # without diacritics "khau" was restored "khẩu", a word no item says
    out = ask(plans, "o phuong Nong Tien, khau chuan bi dieu kien phuc vu va moi dai bieu du hoi nghi ve NQ 92 "
                     "giao cho don vi nao chu tri?")
    assert out["answer"] and "Văn phòng Đảng ủy" in out["answer"], out["answer"]


def test_the_body_a_party_delegation_leads_does_the_act(plans):
    """Plan 002: "2. Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo Hội đồng nhân dân tỉnh ban hành cơ
    chế, chính sách để thực hiện Kế hoạch." — under its delegation's leadership the Council issues
    them (relations.led_items); who leads is the delegation. "Đảng đoàn" is one body (merge_bodies),
    the "sự" of "dưới sự" a nominaliser, and the leader the question names is not the answer
    (said_by_question)."""
    out = ask(plans, "Trong kế hoạch thực hiện Kết luận 224-KL/TU, cơ quan nào ban hành cơ chế, chính sách "
                     "để thực hiện Kế hoạch dưới sự lãnh đạo của Đảng đoàn?")
    assert out["answer"] == "Hội đồng nhân dân tỉnh", out["answer"]
    out = ask(plans, "Ai lãnh đạo Hội đồng nhân dân tỉnh ban hành cơ chế, chính sách thực hiện Kết luận 224?")
    assert out["answer"] == "Đảng đoàn Hội đồng nhân dân tỉnh", out["answer"]


def test_a_led_body_is_read_after_the_leading_verb():
    from indexer.answer.relations import led_items

    task = "lãnh đạo Hội đồng nhân dân tỉnh ban hành cơ chế, chính sách để thực hiện Kế hoạch"
    led = led_items([{"unit": "Đảng đoàn Hội đồng nhân dân tỉnh", "task": task, "task_start": 100, "start": 60}])
    assert [(it["unit"], it["task"][:9], it["unit_start"]) for it in led] == [("Hội đồng nhân dân tỉnh", "ban hành ", 109)]
    # a field led, no body doing an act
    assert led_items([{"unit": "Thủ tướng Chính phủ", "task": "Lãnh đạo công tác của Chính phủ", "task_start": 0}]) == []


def test_one_word_said_otherwise_in_the_first_passage(plans):
    # "Văn phòng Tỉnh ủy … thẩm định, tham mưu Ban Thường vụ Tỉnh ủy Báo cáo sơ kết …": the question's
    # "chuẩn bị" is the plan's "tham mưu", a word the sentence does not say; the search ranks the
    # sentence first, and that vouches for one word (who.weak_who)
    assert_answer(ask(plans, "Ở Hà Tĩnh, đơn vị nào thẩm định báo cáo sơ kết Nghị quyết 06 và chuẩn bị cho Ban "
                             "Thường vụ Tỉnh ủy?"), "Văn phòng Tỉnh ủy")
    # not named by its number, the plan ranks the sentence second: the word stays unsaid, no answer
    assert_answer(ask(plans, "Ở Hà Tĩnh, đơn vị nào thẩm định báo cáo sơ kết và chuẩn bị cho Ban Thường vụ "
                             "Tỉnh ủy?"), None)


def test_the_one_unsaid_word_is_left_to_the_search_under_the_strict_gate_only(plans):
    # who.weak_who on the scored units themselves: the best unit leaves "chuẩn bị" unsaid in the
    # first passage; the strict gate lets the search vouch for it, the first passage's looser gate
    # (which has already let words go unsaid) does not, nor a rank other than the first
    from indexer.answer import item_answer as ia
    from indexer.answer.question import analyze
    from indexer.answer.scoring import score_items
    from indexer.answer.support import TOP_PASSAGE, gated
    from indexer.answer.texts import _written
    from indexer.answer.who import weak_who

    question = "Ở Hà Tĩnh, đơn vị nào thẩm định báo cáo sơ kết Nghị quyết 06 và chuẩn bị cho Ban Thường vụ Tỉnh ủy?"
    r = plans.search(question, k=10, highlights=False)
    q = analyze(question, r.interpreted, r.translated, r.language, written=_written(plans))
    docs = ia._documents(plans)
    named = ia.named_documents(q, docs)
    scored = score_items(q, plans.all_items("responsibility", None), r.results[:10], docs, named,
                         ia._doc_heads(plans), None, ia._full_headings(plans, docs))
    top = scored[0][2]
    assert scored[0][1]["unit"].startswith("Văn phòng Tỉnh ủy") and top.unsaid(q) == {"chuan bi"} and top.rank == 0
    assert not weak_who(q, scored, named)
    with gated(TOP_PASSAGE):
        assert weak_who(q, scored, named)
    top.rank = 1
    assert weak_who(q, scored, named)
