"""Error responses for pages: the same errors the JSON API reports, as Vietnamese HTML pages in the
site layout. /api paths (and the OpenAPI docs, static files) keep their JSON bodies."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

_NOT_PAGES = ("/api/", "/docs", "/redoc", "/openapi.json", "/static/")

MESSAGES = {
    400: ("Yêu cầu không hợp lệ", "Máy chủ không hiểu yêu cầu này."),
    401: ("Cần xác thực", "Trang này cần mã quản trị."),
    403: ("Không được phép", "Bạn không có quyền thực hiện thao tác này."),
    404: ("Không tìm thấy trang", "Địa chỉ này không có trên hệ thống."),
    405: ("Thao tác không được hỗ trợ", "Trang này không hỗ trợ thao tác vừa gửi."),
    413: ("Dữ liệu quá lớn", "Dữ liệu gửi lên vượt giới hạn cho phép."),
    422: ("Tham số không hợp lệ", "Một số giá trị trong địa chỉ trang không hợp lệ."),
    500: ("Lỗi máy chủ", "Đã xảy ra lỗi ngoài dự kiến. Lỗi đã được ghi vào nhật ký máy chủ."),
    503: ("Dịch vụ chưa sẵn sàng", "Chỉ mục văn bản hoặc mô hình chưa sẵn sàng."),
}

HINTS = {
    404: "Hãy kiểm tra lại đường dẫn, hoặc bắt đầu từ trang tìm kiếm.",
    422: "Hãy quay lại trang trước và thử lại; nếu bạn tự sửa địa chỉ, hãy kiểm tra các tham số.",
    500: "Hãy thử lại sau ít phút; nếu lỗi lặp lại, báo cho quản trị viên.",
    503: "Quản trị viên cần lập chỉ mục văn bản (make serve hoặc nghiquyet index) rồi thử lại.",
}


def is_page(request: Request) -> bool:
    """True for paths that render HTML (the web UI), False for the JSON API and friends."""
    path = request.url.path
    return not (path == "/api" or path.startswith(_NOT_PAGES))


def html_error(request: Request, status: int, message: str | None = None) -> HTMLResponse:
    from .layout import error_page

    title, default = MESSAGES.get(status, MESSAGES[500] if status >= 500 else MESSAGES[400])
    return error_page(request, status, title, message or default, HINTS.get(status))
