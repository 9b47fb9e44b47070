"""A plain ReportLab document of headings, paragraphs and tables, in DejaVu Sans: no Django here.

The transcript and the evidence pack's summary are built from these blocks. Text is escaped
for ReportLab's markup and cleaned of characters the font cannot draw (the certificates
app's `clean_text`), so a name like "<b>Žofie</b>" prints as typed and never breaks a page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from certificates.pdf import BOLD, REGULAR, clean_text, register_fonts

INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#4a5563")
BRAND = colors.HexColor("#0b4a8b")
LINE = colors.HexColor("#c9d1db")
ZEBRA = colors.HexColor("#f3f6f9")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Text:
    text: str
    muted: bool = False


@dataclass(frozen=True)
class Grid:
    """A table; `widths` are relative weights of the columns (the page width is shared)."""

    headings: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths: Sequence[float] | None = None
    empty: str = ""


@dataclass(frozen=True)
class Facts:
    """Label-value pairs, e.g. the employee's details on a transcript."""

    pairs: Sequence[tuple[str, str]]


@dataclass
class Document:
    title: str
    blocks: list = field(default_factory=list)
    author: str = ""
    footer: str = ""
    page_label: str = "%(page)s"  # e.g. "Strana %(page)s"


def _text(value) -> str:
    return escape(clean_text("" if value is None else str(value)))


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9, leading=12, textColor=INK)
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=17, leading=22, spaceAfter=6
        ),
        # keepWithNext: a heading never ends a page alone, it stays with what it introduces.
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=10,
            spaceAfter=4,
            textColor=BRAND,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "text": ParagraphStyle("text", parent=base, spaceAfter=4),
        "muted": ParagraphStyle("muted", parent=base, textColor=MUTED, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=7.5, leading=9.5),
    }


def _grid(block: Grid, styles, width: float):
    if not block.rows:
        return Paragraph(_text(block.empty), styles["muted"]) if block.empty else Spacer(0, 0)
    weights = list(block.widths or [1] * len(block.headings))
    scale = width / sum(weights)
    data = [[Paragraph(_text(h), styles["head"]) for h in block.headings]]
    data += [[Paragraph(_text(cell), styles["cell"]) for cell in row] for row in block.rows]
    table = Table(data, colWidths=[w * scale for w in weights], repeatRows=1)
    style = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, BRAND),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    style += [("BACKGROUND", (0, i), (-1, i), ZEBRA) for i in range(2, len(data), 2)]
    table.setStyle(TableStyle(style))
    return table


def _facts(block: Facts, styles, width: float):
    data = [
        [Paragraph(_text(label), styles["head"]), Paragraph(_text(value), styles["cell"])]
        for label, value in block.pairs
    ]
    table = Table(data, colWidths=[width * 0.25, width * 0.75])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def render(document: Document) -> bytes:
    """The document as PDF bytes, A4 landscape (the tables are wide), numbered pages."""
    styles = _styles()
    buffer = io.BytesIO()
    page_size = landscape(A4)
    margin = 14 * mm
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 4 * mm,
        title=clean_text(document.title)[:200],
        author=clean_text(document.author)[:200],
    )
    width = page_size[0] - 2 * margin
    story: list = [Paragraph(_text(document.title), styles["title"])]
    for block in document.blocks:
        if isinstance(block, Heading):
            story.append(Paragraph(_text(block.text), styles["h1" if block.level == 1 else "h2"]))
        elif isinstance(block, Text):
            story.append(Paragraph(_text(block.text), styles["muted" if block.muted else "text"]))
        elif isinstance(block, Grid):
            story.append(_grid(block, styles, width))
        elif isinstance(block, Facts):
            story.append(_facts(block, styles, width))
        else:
            raise TypeError(f"unknown block {block!r}")

    footer = clean_text(document.footer)
    page_label = document.page_label

    def decorate(canvas, doc_):
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(margin, margin - 2 * mm, footer[:150])
        canvas.drawRightString(
            page_size[0] - margin, margin - 2 * mm, page_label % {"page": doc_.page}
        )
        canvas.restoreState()

    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
