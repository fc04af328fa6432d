"""The footer of an electronically signed decree: the BSrE sentence on every page."""

from __future__ import annotations

from kpu_docs.word.parts import AddedPart
from kpu_docs.word.wordml import escape

FOOTER_ID = "rIdKpuDocsFooter"
_FOOTER_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
_PAGE = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
         '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def signed_footer(sentence: str, page_number: bool) -> AddedPart:
    """A footer holding `sentence` in small italics (and, for nomor_halaman "bawah", the page number)."""
    number = f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_PAGE}</w:p>' if page_number else ""
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"{number}"
        '<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="1" w:color="000000"/></w:pBdr>'
        '<w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:rPr><w:i/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr><w:t xml:space="preserve">{escape(sentence)}</w:t></w:r></w:p>'
        "</w:ftr>"
    )
    return AddedPart("word/footer-tte.xml", _CONTENT_TYPE, FOOTER_ID, _FOOTER_TYPE, xml.encode("utf-8"))
