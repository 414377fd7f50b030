"""The date of a document another one cites ("Nghị quyết số 08-NQ/TU, ngày 04/3/2026 của Ban Chấp
hành Đảng bộ tỉnh …"): the one the question points back to ("…; kế hoạch đó đề ngày nào?"), told
from a namesake by the issuer the question names, and found though the question describes where it
is cited in words the citation does not say."""

from __future__ import annotations

from indexer.answer import ask
from indexer.answer.fit_when import opens_with_issuer
from indexer.answer.passages import asked_refs, is_issued_question
from indexer.answer.question import analyze
from indexer.text import folded_words
from tests.conftest import assert_answer


def test_the_document_the_asking_clause_points_back_to_comes_first():
    assert asked_refs("Khi sơ kết Nghị quyết 06, Hà Tĩnh bám theo kế hoạch 131 của UBND tỉnh; kế hoạch đó đề ngày nào?") \
        == [("131", "kh", None), ("6", "nq", None)]
    assert asked_refs("Kết luận 224 nhắc đến Nghị quyết 35-NQ/TW của Bộ Chính trị; nghị quyết đó mang ngày nào?") \
        == [("35", "nq", "tw"), ("224", "kl", None)]
    assert asked_refs("lai chau cu the hoa nghi quyet 35 cua bo chinh tri bang ke hoach 209-kh/tu; "
                      "ke hoach do co ngay thang nao?")[0] == ("209", "kh", "tu")
    # … not a clause that names its own number, nor one that points back to the first already
    assert asked_refs("Kế hoạch 209 thực hiện Nghị quyết 35, kế hoạch do ai ký?")[0] == ("209", "kh", None)
    assert asked_refs("Kế hoạch 131 thực hiện Nghị quyết 103; kế hoạch này ban hành ngày nào?")[0] == ("131", "kh", None)
    # the asking clause's own number names the document asked, not the first one the question names
    assert asked_refs("Ha Tinh's review plan links Resolution 06 to the Politburo's resolution making tourism a "
                      "spearhead sector. What is the date of that Politburo resolution (08-NQ/TW)?")[0] == ("8", "nq", "tw")
    # "văn bản này" after a plan and the resolution it implements says neither: the first stands
    assert asked_refs("Kế hoạch 131 của UBND tỉnh triển khai Nghị quyết 06 và Kết luận 224; văn bản này ban hành "
                      "ngày nào?")[0] == ("131", "kh", None)
    # written with its diacritics "do" is "by", not "đó"
    assert asked_refs("Kế hoạch 131 thực hiện Nghị quyết 06; nghị quyết do Tỉnh ủy ban hành ngày nào?")[0] == \
        ("131", "kh", None)


def test_the_date_of_signing_asked_as_ngay_ky_la():
    assert is_issued_question(folded_words("nghi quyet so 08 cua tinh uy lai chau co ngay ky la ngay nao"))
    assert is_issued_question(folded_words("Kế hoạch số 44 có ngày ký là bao nhiêu?"))
    # … not a time limit counted from a signing
    assert not is_issued_question(folded_words("Thời hạn của hợp đồng kể từ ngày ký là bao nhiêu?"))


def test_the_date_of_the_document_pointed_back_to(plans):
    assert_answer(ask(plans, "Khi sơ kết Nghị quyết 06, Hà Tĩnh bám theo kế hoạch 131 của UBND tỉnh; "
                             "kế hoạch đó đề ngày nào?"), "19/4/2018")
    assert_answer(ask(plans, "Kết luận 224 nhắc đến Nghị quyết 35-NQ/TW của Bộ Chính trị; nghị quyết đó mang ngày nào?"),
                  "22/10/2018")
    # the plan named to say which resolution is asked never answers with its own date (the
    # resolution's citation does not say the UBND the question opens with: no answer)
    out = ask(plans, "UBND tỉnh Hà Tĩnh ban hành Kế hoạch 131 thực hiện Nghị quyết 06; nghị quyết đó ban hành ngày nào?")
    assert not out["answer"] or "19/4/2018" not in out["answer"], out["answer"]


def test_a_namesake_told_apart_by_the_issuer_named(plans):
    # the plans cite "Nghị quyết số 08-NQ/TU, ngày 04/3/2026 của Ban Chấp hành Đảng bộ tỉnh" and
    # "Nghị quyết số 08-NQ/TW, ngày 16/01/2017 của Bộ Chính trị"
    assert_answer(ask(plans, "nghi quyet so 08 cua tinh uy lai chau ma xa binh lu dang trien khai co ngay ky la ngay nao"),
                  "04/3/2026")
    # the body that opens the question issued it: not a deadline's actor to find in the citation
    assert_answer(ask(plans, "Chính phủ ký Nghị quyết 103/NQ-CP về du lịch vào ngày nào?"), "06/10/2017")
    assert_answer(ask(plans, "tinh uy ra nghi quyet 17 ve xay dung nong thon moi va vung dong bao dan toc thieu so "
                             "vao ngay thang nam nao"), "05/5/2026")
    # … and an issuer no citation of that number names answers nothing
    assert ask(plans, "Nghị quyết 08 của Chính phủ về du lịch ban hành ngày nào?")["answer"] is None
    assert ask(plans, "Kế hoạch 131 của Tỉnh ủy Hà Tĩnh ban hành ngày nào?")["answer"] is None
    # … nor a namesake on another matter (the citation says tourism, the question digital transformation)
    assert ask(plans, "Nghị quyết số 08 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số ban hành ngày nào?")["answer"] \
        is None


def test_an_issuer_opens_the_question_not_one_of_its_organs():
    # an issuer's documents are cited by their number's code; an organ's date stays its own
    # (the deadline-actor check still tells "Ban Tuyên giáo" from "Văn phòng Tỉnh ủy")
    assert opens_with_issuer(analyze("Tỉnh ủy Lai Châu ban hành Nghị quyết 08 ngày nào?"))
    assert opens_with_issuer(analyze("UBND tỉnh Hà Tĩnh ban hành Kế hoạch 131 ngày nào?"))
    assert not opens_with_issuer(analyze("Ban Tuyên giáo Tỉnh ủy ban hành Hướng dẫn 05 vào ngày nào?"))
    assert not opens_with_issuer(analyze("Văn phòng Tỉnh ủy ký Hướng dẫn 05 ngày nào?"))
