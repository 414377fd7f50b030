"""The one error type ingestion raises: a short machine code plus an English message.

The code lets the UI show its own Vietnamese wording; the message goes to logs and the CLI."""

from __future__ import annotations

# Vietnamese wording for each code, for the web UI.
MESSAGES_VI = {
    "empty": "Tệp rỗng, không có nội dung.",
    "binary": "Tệp có vẻ là tệp nhị phân, không phải văn bản.",
    "too_large": "Tệp quá lớn.",
    "encoding": "Không nhận dạng được bảng mã của tệp (cần UTF-8, UTF-16, cp1258 hoặc Windows-1252).",
    "scanned_pdf": "Tệp PDF không có lớp chữ (có vẻ là bản quét); cần nhận dạng chữ (OCR) trước.",
    "broken": "Tệp bị hỏng hoặc không đọc được.",
    "unsupported": "Định dạng tệp chưa được hỗ trợ (.txt, .md, .docx, .doc, .rtf, .odt, .pdf, .html, "
                   "ảnh .png/.jpg/.tif).",
    "ocr_unavailable": "Tệp là bản quét hoặc ảnh, cần nhận dạng chữ (OCR) nhưng máy chủ chưa cài "
                       "Tesseract (tesseract-ocr, tesseract-ocr-vie).",
    "ocr_failed": "Nhận dạng chữ (OCR) trên bản quét không thành công hoặc quá thời gian cho phép.",
    "convert_unavailable": "Cần LibreOffice để đọc tệp .doc, .rtf, .odt nhưng máy chủ chưa cài.",
    "convert_failed": "Không chuyển đổi được tệp .doc/.rtf/.odt (tệp hỏng hoặc quá thời gian cho phép).",
    "hidden": "Tệp ẩn (tên bắt đầu bằng dấu chấm), đã bỏ qua.",
    "temporary": "Tệp khóa hoặc tệp tạm của trình soạn thảo, không phải văn bản; đã bỏ qua.",
    "no_text": "Không tìm thấy nội dung văn bản trong tệp.",
    "unreadable": "Không đọc được tệp.",
    "same_name": "Đã có văn bản trùng tên tệp: tệp này được thêm thành văn bản riêng, văn bản cũ vẫn được giữ nguyên.",
}


class IngestError(Exception):
    """A file that cannot be ingested, with the reason."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def message_vi(self) -> str:
        return MESSAGES_VI.get(self.code, self.message)
