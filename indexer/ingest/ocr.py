"""OCR of page images with Debian's tesseract (``tesseract-ocr`` + ``tesseract-ocr-vie``).

Scanned PDFs and phone photos are most of what a commune office holds, so their text must get in
through the same re-flow, structure and passages as any other file. Tesseract runs as a subprocess
(no Python binding to break), one page at a time, after a small-angle deskew (tesseract's own
layout analysis loses lines on pages tilted by a degree or two). Each page's text is cached by the
file's content hash, page number and OCR settings, so re-indexing never OCRs the same page again.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IngestError

# Bump when the image preparation changes: cached text made another way is not reused.
OCR_VERSION = 2
# Progress callback: (page number from 1, page count, seconds this page took, came from the cache).
Progress = Callable[[int, int, float, bool], None]


@dataclass
class OcrOptions:
    """How to OCR: language(s), render resolution for PDF pages, per-page timeout, the cache
    directory (None: no cache) and a per-page progress callback."""

    language: str = "vie"
    dpi: int = 300
    timeout: float = 300.0
    cache_dir: Path | None = None
    progress: Progress | None = None

    @classmethod
    def from_settings(cls, settings, progress: Progress | None = None) -> "OcrOptions":
        return cls(settings.ocr_language, settings.ocr_dpi, settings.ocr_page_timeout,
                   settings.resolved_ocr_cache_dir(), progress)


@dataclass
class OcrPage:
    """What OCR of one page cost: the summary reports seconds per page."""

    page: int
    seconds: float
    cached: bool
    chars: int = 0


@dataclass
class OcrRun:
    texts: list[str] = field(default_factory=list)
    pages: list[OcrPage] = field(default_factory=list)


@functools.lru_cache(maxsize=8)
def tesseract_problem(language: str = "vie") -> str | None:
    """Why OCR cannot run here (English, for logs and the CLI), or None when it can."""
    exe = shutil.which("tesseract")
    if exe is None:
        return ("OCR needs tesseract, which is not installed (Debian: apt-get install tesseract-ocr "
                "tesseract-ocr-vie; `make install` does it when it can)")
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"tesseract does not run: {exc}"
    have = {line.strip() for line in (out.stdout + out.stderr).splitlines()[1:]}
    missing = [lang for lang in language.split("+") if lang not in have]
    if missing:
        return (f"tesseract has no '{'+'.join(missing)}' language data (Debian: apt-get install "
                f"tesseract-ocr-{missing[0]})")
    return None


def require_tesseract(language: str) -> None:
    problem = tesseract_problem(language)
    if problem:
        raise IngestError("ocr_unavailable", problem)


def skew_angle(image, max_angle: float = 5.0) -> float:
    """Angle (degrees, counter-clockwise) that makes the text lines horizontal: the rotation whose
    row profile of dark pixels is most peaked (lines and gaps alternate sharply when level)."""
    import numpy as np
    from PIL import Image

    gray = image.convert("L")
    scale = 1000 / max(gray.size)
    if scale < 1:
        gray = gray.resize((max(1, int(gray.width * scale)), max(1, int(gray.height * scale))),
                           Image.Resampling.BILINEAR)
    arr = np.asarray(gray, dtype=np.float32)
    if min(arr.shape) < 16:
        return 0.0  # too small to hold a text line (a thumbnail, a fuzzed file)
    threshold = min(160.0, float(arr.mean()) - 2 * float(arr.std()) / 3)
    ink = Image.fromarray(((arr < threshold) * 255).astype(np.uint8))

    def score(angle: float) -> float:
        rotated = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST, expand=False),
                             dtype=np.float32)
        rows = rotated.sum(axis=1)
        return float(np.var(np.diff(rows)))

    coarse = [a / 2 for a in range(int(-2 * max_angle), int(2 * max_angle) + 1)]
    best = max(coarse, key=score)
    fine = [best + d / 20 for d in range(-10, 11)]
    return max(fine, key=score)


def deskew(image):
    """The image rotated level (white fill), and the angle used."""
    from PIL import Image

    angle = skew_angle(image)
    if abs(angle) < 0.1:
        return image, 0.0
    fill = 255 if image.mode == "L" else (255, 255, 255)
    rgb = image if image.mode in ("L", "RGB") else image.convert("RGB")
    return rgb.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill), angle


def _tesseract(image, args: list[str], timeout: float, dpi: int | None) -> str:
    """Run tesseract on one image with ``args``; its stdout. Raises IngestError."""
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    with tempfile.TemporaryDirectory(prefix="nghiquyet-ocr-") as tmp:
        png = Path(tmp) / "page.png"
        if dpi:
            image.save(png, dpi=(dpi, dpi))
        else:
            image.save(png)
        cmd = [shutil.which("tesseract") or "tesseract", str(png), "stdout", *args]
        if dpi:
            cmd += ["--dpi", str(dpi)]
        try:
            out = subprocess.run(cmd, capture_output=True, timeout=timeout,
                                 env={**os.environ, "OMP_THREAD_LIMIT": os.environ.get(
                                     "OMP_THREAD_LIMIT", "1")})
        except subprocess.TimeoutExpired:
            raise IngestError("ocr_failed", f"OCR of a page took longer than {timeout:.0f} s") from None
        except OSError as exc:
            raise IngestError("ocr_unavailable", f"cannot run tesseract: {exc}") from None
    if out.returncode != 0:
        msg = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise IngestError("ocr_failed", f"tesseract failed: {msg[-1] if msg else out.returncode}")
    return out.stdout.decode("utf-8", "replace")


def orientation(image, timeout: float = 60.0) -> int:
    """Degrees (0, 90, 180, 270) to rotate the page clockwise so its text is upright, from
    tesseract's orientation detection; 0 when it cannot tell."""
    try:
        out = _tesseract(image, ["--psm", "0"], timeout, None)
    except IngestError:
        return 0
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if not rotate or not confidence or float(confidence.group(1)) < 1.0:
        return 0
    return int(rotate.group(1)) % 360


def readable_share(text: str) -> float:
    """Share of the words that are well-formed Vietnamese syllables: low for OCR of a sideways or
    upside-down page."""
    from .legacy import _syllable_share

    return _syllable_share(text)


# Tesseract reads a heading's "II." as "IL" (the "I." merges into an L at scan resolution), which
# loses the outline marker and nests the whole section under the item before it.
_ROMAN_L = re.compile(r"^([IVX]{1,3})L(\s+)(\w+)", re.M)


def tidy(text: str) -> str:
    """Undo OCR confusions that break the outline: "IL NỘI DUNG" -> "II. NỘI DUNG"."""
    return _ROMAN_L.sub(lambda m: f"{m.group(1)}I.{m.group(2)}{m.group(3)}" if m.group(3).isupper()
                        and len(m.group(3)) > 1 else m.group(0), text)


def ocr_image(image, language: str = "vie", timeout: float = 300.0, dpi: int | None = None) -> str:
    """Text of one page image, deskewed first. A page that reads as gibberish (a phone photo taken
    sideways or upside down) is turned by tesseract's orientation detection and read again.
    Raises IngestError on failure or timeout."""
    require_tesseract(language)
    level, _ = deskew(image)
    args = ["-l", language, "--psm", "3"]
    text = _tesseract(level, args, timeout, dpi).replace("\f", "").strip()
    if len(text) < 40 or readable_share(text) < 0.5:
        turn = orientation(image)
        if turn:
            upright, _ = deskew(image.rotate(-turn, expand=True))
            second = _tesseract(upright, args, timeout, dpi).replace("\f", "").strip()
            if readable_share(second) > readable_share(text):
                text = second
    return tidy(text)


class OcrCache:
    """Page texts on disk, one file per (content hash, page, settings); writes are atomic."""

    def __init__(self, directory: Path | None):
        self.directory = Path(directory) if directory else None

    def key(self, digest: str, page: int, options: OcrOptions) -> str:
        raw = f"{digest}\x00{page}\x00{options.language}\x00{options.dpi}\x00{OCR_VERSION}"
        return hashlib.sha256(raw.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.txt"

    def get(self, key: str) -> str | None:
        if self.directory is None:
            return None
        try:
            return self._path(key).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, key: str, text: str) -> None:
        if self.directory is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only or full disk costs a re-OCR next time, never the indexing run


def ocr_pages(digest: str, pages: Iterable[tuple[int, Callable[[], object], int | None]], total: int,
              options: OcrOptions) -> OcrRun:
    """OCR the given pages: (page number from 1, a function rendering its image, its dpi or None).
    Cached pages are not rendered at all."""
    cache = OcrCache(options.cache_dir)
    run = OcrRun()
    for number, render, dpi in pages:
        began = time.perf_counter()
        key = cache.key(digest, number, options)
        text = cache.get(key)
        cached = text is not None
        if text is None:
            text = ocr_image(render(), options.language, options.timeout, dpi)
            cache.put(key, text)
        seconds = time.perf_counter() - began
        run.texts.append(text)
        run.pages.append(OcrPage(number, round(seconds, 3), cached, len(text)))
        if options.progress:
            options.progress(number, total, seconds, cached)
    return run
