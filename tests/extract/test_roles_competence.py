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
