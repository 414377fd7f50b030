"""Page images (.png, .jpg, .tif and multi-page .tif): every frame OCR'd as one page. Phone photos
are turned upright from their EXIF orientation first."""

from __future__ import annotations

import io

from .errors import IngestError
from .ocr import OcrOptions, OcrPage, ocr_pages

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def read_image_pages(data: bytes, digest: str, options: OcrOptions | None) -> tuple[list[str], list[OcrPage]]:
    """Text of every frame and what OCR cost. Raises IngestError (``ocr_unavailable`` without
    tesseract, ``broken`` for a file PIL cannot open)."""
    from PIL import Image, ImageOps, ImageSequence

    if options is None:
        raise IngestError("ocr_unavailable", "images need OCR, which is off")
    try:
        image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
        dpi = image.info.get("dpi")
    except Exception as exc:  # UnidentifiedImageError, OSError, DecompressionBombError (PIL's own
        # limit, ~179 Mpx: far above a 600 dpi A3 scan's ~70 Mpx)
        raise IngestError("broken", f"cannot open the image: {exc.__class__.__name__}") from None
    dpi_value = int(round(dpi[0])) if dpi and dpi[0] and 70 <= dpi[0] <= 1200 else None

    def render(index: int):
        def draw():
            try:
                frame = ImageSequence.Iterator(image)[index]
                upright = ImageOps.exif_transpose(frame.copy())
                return upright.convert("L")
            except Exception as exc:
                raise IngestError("broken", f"cannot decode image page {index + 1}: "
                                            f"{exc.__class__.__name__}") from None
        return draw

    run = ocr_pages(digest, ((i + 1, render(i), dpi_value) for i in range(frames)), frames, options)
    return run.texts, run.pages
