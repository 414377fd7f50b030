"""A verb after "có thẩm quyền" names the competence inside a unit's name (Luật Viên chức, Điều 61)."""

from indexer.extract.roles import first_verb


def test_competence_clause_is_part_of_the_name():
    text = ("Cơ quan có thẩm quyền quản lý đơn vị sự nghiệp công lập thanh tra, kiểm tra việc tuyển dụng, "
            "sử dụng, quản lý viên chức")
    assert text[:first_verb(text, 1, len(text))].strip() == "Cơ quan có thẩm quyền quản lý đơn vị sự nghiệp công lập"
    # no other predicate in the clause: the verb after "có thẩm quyền" is the predicate
    text = "Chính phủ và các cơ quan có thẩm quyền chỉ đạo việc lập quy hoạch, tổ chức, sắp xếp lại"
    assert text[:first_verb(text, 1, len(text))].strip() == "Chính phủ và các cơ quan có thẩm quyền"
    # "công lập" (public) is no verb
    text = "Người đứng đầu đơn vị sự nghiệp công lập có trách nhiệm báo cáo"
    assert text[:first_verb(text, 1, len(text))].strip() == "Người đứng đầu đơn vị sự nghiệp công lập"


def test_a_force_is_a_unit_and_tien_hanh_a_predicate():
    from indexer.extract.responsibilities import _HEAD

    text = ("Lực lượng chuyên trách bảo vệ an ninh mạng thuộc Bộ Quốc phòng tiến hành kiểm tra an ninh "
            "mạng đối với hệ thống thông tin quân sự")
    assert _HEAD.match(text)
    assert text[:first_verb(text, 1, len(text))].strip() == \
        "Lực lượng chuyên trách bảo vệ an ninh mạng thuộc Bộ Quốc phòng"
    text = "Người tiến hành tố tụng phải giữ bí mật"
    assert text[:first_verb(text, 1, len(text))].strip() == "Người tiến hành tố tụng", "a title, not a predicate"


def test_issuing_a_licence_opens_the_predicate():
    # Luật Điện ảnh / Luật Bảo vệ môi trường: "cấp" is a level in "Ủy ban nhân dân cấp tỉnh", a verb
    # before what is issued
    text = "Bộ Văn hóa, Thể thao và Du lịch cấp Giấy phép phân loại phim đối với phim"
    assert text[:first_verb(text, 1, len(text))].strip() == "Bộ Văn hóa, Thể thao và Du lịch"
    text = "Ủy ban nhân dân cấp tỉnh cấp giấy phép môi trường đối với dự án"
    assert text[:first_verb(text, 1, len(text))].strip() == "Ủy ban nhân dân cấp tỉnh"


def _subject(text: str) -> str:
    return text[:first_verb(text, 1, len(text))].strip()


def test_a_competence_followed_by_the_bodys_predicate_is_part_of_its_name():
    # Luật Du lịch, Điều 50: the body is named by what it is competent for; "thu hồi" is its act
    text = ("Cơ quan nhà nước có thẩm quyền công nhận hạng cơ sở lưu trú du lịch thu hồi quyết định công nhận "
            "hạng đối với cơ sở lưu trú du lịch")
    assert _subject(text) == "Cơ quan nhà nước có thẩm quyền công nhận hạng cơ sở lưu trú du lịch"
    # the competence is the predicate when nothing else follows it
    assert _subject("Ủy ban nhân dân cấp tỉnh có thẩm quyền cấp giấy phép") == "Ủy ban nhân dân cấp tỉnh"


def test_law_verbs_end_a_subject_but_not_inside_a_name():
    assert _subject("Tòa án thụ lý đơn yêu cầu ly hôn theo quy định") == "Tòa án"
    assert _subject("Viện kiểm sát kiểm sát việc tuân theo pháp luật trong tố tụng hành chính") == "Viện kiểm sát"
    assert _subject("Hội đồng xét xử sơ thẩm gồm một Thẩm phán và 02 Hội thẩm nhân dân") == "Hội đồng xét xử sơ thẩm"
    assert _subject("Hội đồng thẩm định phải có ít nhất một phần ba tổng số thành viên") == "Hội đồng thẩm định"
    assert _subject("Thư ký Tòa án có những nhiệm vụ sau đây") == "Thư ký Tòa án"
    assert _subject("Bộ Tư pháp giúp Chính phủ theo dõi chung việc thi hành Luật này") == "Bộ Tư pháp"
