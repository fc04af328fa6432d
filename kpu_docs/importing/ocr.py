"""Tesseract's reading of one page image: every word with its box and how sure Tesseract is.

A scan is read word by word, not as a stream of text, so that the layout reader sees the page as
it reads a born-digital PDF (lines by their height on the page, the signature block on the right,
table cells inside their rules), and so that a word Tesseract is unsure of can be pointed at on
its page. Tesseract runs as its own process (pytesseract), with the Indonesian model.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass

from kpu_docs.bounds import FileRefused

LANG = "ind"
"""Tesseract's Indonesian model (Debian: tesseract-ocr-ind)."""
PAGE_SECONDS_MAX = 120
"""Seconds Tesseract may take on one page: a dense 300-ppi page takes 3 to 8."""
DPI = 300
"""The resolution pages are read at: Tesseract's models are trained on text of about 30 pixels
per line, which a 12-point line is at 300 ppi."""


class OcrMissing(FileRefused):
    """Tesseract or its Indonesian model is not installed: the message says what to install."""


@dataclass(frozen=True)
class Word:
    """One word as Tesseract read it, its box in pixels of its page image."""

    text: str
    conf: float
    """Tesseract's confidence, 0 to 100."""
    left: int
    top: int
    width: int
    height: int
    line: tuple[int, int, int] = (0, 0, 0)
    """Tesseract's block, paragraph and line number: the words of one printed line share it."""

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


def check_installed() -> None:
    """Raise OcrMissing naming the packages when Tesseract or its Indonesian model is missing."""
    import pytesseract

    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise OcrMissing("Tesseract belum terpasang: pasang paket tesseract-ocr dan tesseract-ocr-ind "
                         "(apt-get install tesseract-ocr tesseract-ocr-ind) untuk membaca hasil pindaian")
    if LANG not in pytesseract.get_languages(config=""):
        raise OcrMissing("model bahasa Indonesia Tesseract belum terpasang: pasang paket tesseract-ocr-ind")


def words(image, *, psm: int = 6, where: str = "halaman") -> list[Word]:
    """The words of a page image (mode "L" or "RGB"), in Tesseract's reading order.

    `where` names the page in the message when Tesseract takes longer than PAGE_SECONDS_MAX.
    """
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # pages are read side by side, one process per core
    config = f"--psm {psm} --dpi {DPI} -c preserve_interword_spaces=0"
    try:
        data = pytesseract.image_to_data(image, lang=LANG, config=config, timeout=PAGE_SECONDS_MAX,
                                         output_type=pytesseract.Output.DICT)
    except RuntimeError as exc:  # pytesseract's timeout
        if "timeout" in str(exc).lower():
            raise FileRefused(f"{where}: OCR lebih dari {PAGE_SECONDS_MAX} detik (batas)") from None
        raise
    out = []
    for k, text in enumerate(data["text"]):
        text = text.strip()
        if not text:
            continue
        out.append(Word(text, float(data["conf"][k]), data["left"][k], data["top"][k],
                        data["width"][k], data["height"][k],
                        (data["block_num"][k], data["par_num"][k], data["line_num"][k])))
    return out

