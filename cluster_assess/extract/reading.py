"""Reading a report into paragraphs: .txt and .md (UTF-8, GBK, UTF-16), .docx, and PDFs with a text layer.

Every bad input (a binary file, a PDF without text, an empty document) is a UserError naming the
file, in one paragraph, so the CLI exits 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
_DIGITS = str.maketrans("０１２３４５６７８９％．", "0123456789%.")


@dataclass(frozen=True)
class Document:
    """A report as numbered paragraphs (1-based in locators), with notes such as 'read as GBK'."""

    name: str
    paragraphs: tuple[str, ...]
    notes: tuple[str, ...] = field(default=())


def read_document(path: Path) -> Document:
    """Read one report; refuse what cannot be read as text, naming the file."""
    name = str(path)
    if not path.exists():
        raise UserError.single(msg("file_missing"), file=name)
    if path.is_dir():
        raise UserError.single(msg("ex_read_folder"), file=name)
    suffix = path.suffix.lower()
    notes: list[str] = []
    if suffix == ".docx":
        text = _docx(path)
    elif suffix == ".pdf":
        text = _pdf(path)
    else:
        text = _plain(path, notes)
    paragraphs = tuple(p for p in (_clean(p) for p in _split(text)) if p)
    if not paragraphs or not re.search(r"[\u4e00-\u9fffA-Za-z]", "".join(paragraphs)):
        raise UserError.single(msg("ex_read_empty"), file=name)
    return Document(path.name, paragraphs, tuple(notes))


def _plain(path: Path, notes: list[str]) -> str:
    from cluster_assess.io.yamlsource import decode

    data = path.read_bytes()
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserError.single(msg("ex_read_binary"), file=str(path))
    if data.startswith(b"PK\x03\x04") or data.startswith(b"%PDF"):
        kind = msg("ex_kind_docx") if data.startswith(b"PK") else msg("ex_kind_pdf")
        raise UserError.single(msg("ex_read_looks_like", kind=kind), file=str(path))
    return decode(data, str(path), notes)


def _docx(path: Path) -> str:
    try:
        import docx

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zipfile, lxml and its own errors on a bad file
        raise UserError.single(msg("ex_read_docx", kind=type(exc).__name__), file=str(path)) from None
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("，".join(cell.text.strip() for cell in row.cells if cell.text.strip()))
    return "\n".join(parts)


def _pdf(path: Path) -> str:
    try:
        import logging

        from pypdf import PdfReader

        logging.getLogger("pypdf").setLevel(logging.ERROR)
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise UserError.single(msg("ex_read_pdf_encrypted"), file=str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except UserError:
        raise
    except Exception as exc:  # pypdf raises many error types on damaged files
        raise UserError.single(msg("ex_read_pdf", kind=type(exc).__name__), file=str(path)) from None
    text = "\n\n".join(pages)
    if not re.search(r"[\u4e00-\u9fffA-Za-z]", text):
        raise UserError.single(msg("ex_read_pdf_scan"), file=str(path))
    return _join_pdf_lines(text)


def _join_pdf_lines(text: str) -> str:
    """PDF text breaks lines inside sentences; a Chinese line that does not end a sentence goes on."""
    return re.sub(r"(?<=[^。！？：:；;\n])\n(?=[^\n\s])", "", text)


def _split(text: str) -> list[str]:
    return re.split(r"\n\s*\n|\n", text.replace("\r\n", "\n").replace("\r", "\n"))


def _clean(paragraph: str) -> str:
    """Full-width digits to ASCII (amounts read the same), whitespace squeezed; Markdown marks dropped."""
    text = paragraph.translate(_DIGITS).strip()
    text = re.sub(r"^(?:#{1,6}\s+|[-*+]\s+|>\s*)", "", text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    return re.sub(r"[ \t\u3000]+", " ", text).strip()
