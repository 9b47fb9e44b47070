"""Render a one-page certificate PDF from plain data, with no Django, ORM or request."""

from __future__ import annotations

import functools
import io
import re
import unicodedata
import zlib
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from bidi import get_display
from PIL import Image
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
CONTENT_LEFT = 80.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * CONTENT_LEFT
QR_SIZE = 100.0
QR_CENTRE_X = PAGE_WIDTH - CONTENT_LEFT - QR_SIZE / 2
QR_BOTTOM = 95.0
URL_WIDTH = 180.0
# Level M restores up to 15 % of damaged modules, enough for a worn printout; four modules
# of quiet zone is what the QR standard asks for.
QR_LEVEL = "M"
QR_QUIET_ZONE = 4
# Any of the eight masks is valid and named inside the code. The encoder's best-mask
# search makes encoding ~6x slower (7 ms instead of 1.2 ms); mask 2 decoded all 180
# blurred low-resolution test renders with zxing-cpp, the search's picks 176.
QR_MASK = 2
LOGO_BOX = (130.0, 60.0)
_LOGO_MAX_PIXELS = 40_000_000
# Three pixels per point is about 216 dpi: sharp in print, small in the file.
_LOGO_PIXELS_PER_POINT = 3
# The logo's share of the 100 KB budget; the rest is fonts, text and the QR code.
_LOGO_BUDGET = 30_000

INK = HexColor("#1b2a41")
MUTED = HexColor("#5b6777")
ACCENT = HexColor("#2f6690")

# Drawn instead of any run of characters DejaVu Sans has no glyph for (most emoji, CJK,
# ...): the reader sees that something was there, and the PDF's text layer never claims a
# character that was not drawn. ReportLab would otherwise draw .notdef boxes. Characters
# beyond U+FFFF are replaced too, even the few emoticons DejaVu has: ReportLab 5.1 writes
# them into the ToUnicode map as invalid odd-length hex, so they cannot be copied back out.
REPLACEMENT = "\ufffd"
ELLIPSIS = "\u2026"
METADATA_MAX = 200
# Variation selectors only pick an emoji or text style; DejaVu has one style, so drop them.
_INVISIBLE = frozenset(range(0xFE00, 0xFE10)) | frozenset(range(0xE0100, 0xE01F0))


@dataclass(frozen=True)
class Labels:
    """The fixed wording of a certificate. The defaults are the English source texts; the
    certificates service passes them through gettext in the certificate's language, so this
    module stays importable without Django (Celery workers, the benchmark, pure tests)."""

    title: str = "Certificate of Completion"
    intro: str = "This is to certify that"
    completed: str = "has successfully completed the course"
    version: str = "Version"
    completed_on: str = "Completed on"
    score: str = "Score"
    valid_until: str = "Valid until"
    serial_number: str = "Serial number"
    verification_code: str = "Verification code"
    verify_at: str = "Verify at"


@dataclass(frozen=True)
class CertificateData:
    """Everything printed on one certificate, already resolved from the database.

    Dates and the score arrive formatted for the certificate's language (Django's formats);
    left empty, they fall back to ISO dates and a plain number, for use without Django.
    """

    organisation_name: str
    logo: bytes | None
    holder_name: str
    course_title: str
    course_version: str
    completed_on: date
    score_percent: Decimal | None
    valid_until: date | None
    serial_number: str
    verification_code: str
    verification_url: str
    language: str = "cs"
    labels: Labels = field(default_factory=Labels)
    completed_on_text: str = ""
    valid_until_text: str = ""


@functools.cache
def register_fonts() -> None:
    """Register DejaVu Sans once per process; parsing the TTF files is the costly part."""
    for name in (REGULAR, BOLD):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)


@functools.cache
def _coverage() -> frozenset[int]:
    """Characters both weights can draw, so cleaned text is safe in either."""
    register_fonts()
    regular, bold = (pdfmetrics.getFont(name).face.charToGlyph for name in (REGULAR, BOLD))
    return frozenset(regular.keys() & bold.keys())


def _is_emoji(char: str) -> bool:
    # Pictographs, their skin-tone modifiers, flags and keycaps: a certificate is a formal
    # document, and a box or "?" in a name looks like a printing error.
    code = ord(char)
    return (
        code >= 0x1F000
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or code in (0x20E3, 0x3030, 0x303D, 0x3297, 0x3299)
    )


def clean_text(text: str) -> str:
    """Return text DejaVu can draw: NFC, one line, no control or bidi-override characters.

    Emoji are dropped; any other character DejaVu cannot draw becomes one REPLACEMENT mark
    per run, so a name in an unsupported script is visibly incomplete rather than silently cut.
    """
    covered = _coverage()
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if char.isspace() or category in ("Zs", "Zl", "Zp"):
            out.append(" ")
        elif category in ("Cc", "Cf", "Cs") or ord(char) in _INVISIBLE:
            # Format characters include U+202E (right-to-left override), a spoofing tool.
            # Dropping them also removes the zero-width joiner inside emoji sequences.
            continue
        elif _is_emoji(char):
            continue
        elif ord(char) in covered and ord(char) <= 0xFFFF:
            out.append(char)
        elif not out or out[-1] != REPLACEMENT:
            out.append(REPLACEMENT)
    return " ".join("".join(out).split())


_DIGIT_RUN = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")


def is_right_to_left(text: str) -> bool:
    """Whether `text` holds Hebrew or Arabic letters (strong right-to-left characters)."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def visual_words(text: str) -> str:
    """`text` with its words in the order they are drawn, left to right (Unicode bidi).

    Each word stays in logical order: HarfBuzz shapes it (Arabic letters join by their
    neighbours in reading order) and returns its glyphs already right to left.
    """
    if not is_right_to_left(text):
        return text
    words = []
    for word in get_display(text).split(" "):
        if is_right_to_left(word):
            # get_display reversed the letters; undo that, but numbers read left to right.
            word = _DIGIT_RUN.sub(lambda match: match.group()[::-1], word[::-1])
        words.append(word)
    return " ".join(words)


def format_percent(value: Decimal, language: str) -> str:
    """At most one decimal place; Czech uses a decimal comma and a space before %."""
    # Rounded down: a certificate must never claim more than was scored (99.96 is not 100 %).
    number = format(value.quantize(Decimal("0.1"), rounding=ROUND_DOWN).normalize(), "f")
    if language == "cs":
        return number.replace(".", ",") + "\u00a0%"
    return number + "%"


def printable(data: CertificateData) -> CertificateData:
    """The same certificate with every free-text field passed through clean_text."""
    return replace(
        data,
        organisation_name=clean_text(data.organisation_name),
        holder_name=clean_text(data.holder_name),
        course_title=clean_text(data.course_title),
        course_version=clean_text(data.course_version),
        serial_number=clean_text(data.serial_number),
        verification_code=clean_text(data.verification_code),
    )


def _paragraph(text: str, font_name: str, size: float, color: Color) -> Paragraph:
    right_to_left = is_right_to_left(text)
    style = ParagraphStyle(
        "certificate",
        fontName=font_name,
        fontSize=size,
        leading=size * 1.2,
        alignment=TA_CENTER,
        textColor=color,
        splitLongWords=1,
        # HarfBuzz shaping only where a script needs it: Latin text keeps its exact glyphs.
        shaping=1 if right_to_left else 0,
    )
    # escape() makes <para>, <link>, & and < print literally instead of being markup.
    return Paragraph(escape(visual_words(text) if right_to_left else text), style)


def _fits(paragraph: Paragraph, width: float, height: float) -> bool:
    _, used = paragraph.wrap(width, height)
    widest = max(paragraph.getActualLineWidths0(), default=0.0)
    return used <= height and widest <= width + 0.01


def fit_paragraph(
    text: str,
    *,
    font_name: str,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    color: Color = INK,
) -> Paragraph:
    """Largest size from max_size down that fits the box; below min_size, cut with an ellipsis."""
    size = max_size
    while size >= min_size:
        paragraph = _paragraph(text, font_name, size, color)
        if _fits(paragraph, width, height):
            return paragraph
        size *= 0.9
    size = min_size
    low, high = 0, len(text)
    best = _paragraph(ELLIPSIS, font_name, size, color)
    while low < high:
        middle = (low + high + 1) // 2
        candidate = _paragraph(text[:middle].rstrip() + ELLIPSIS, font_name, size, color)
        if _fits(candidate, width, height):
            best, low = candidate, middle
        else:
            high = middle - 1
    best.wrap(width, height)
    return best


def fit_line(
    text: str, *, font_name: str, width: float, max_size: float, min_size: float
) -> tuple[str, float]:
    """One line of canvas text shrunk to the width; below min_size, cut with an ellipsis."""
    natural = pdfmetrics.stringWidth(text, font_name, max_size)
    if natural <= width:
        return text, max_size
    size = max(min_size, max_size * width / natural)
    if pdfmetrics.stringWidth(text, font_name, size) <= width:
        return text, size
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        candidate = text[:middle].rstrip() + ELLIPSIS
        if pdfmetrics.stringWidth(candidate, font_name, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS, size


def _draw_box(
    canvas: Canvas, paragraph: Paragraph, *, left: float, top: float, width: float, height: float
) -> None:
    """Draw a wrapped paragraph vertically centred in its box."""
    _, used = paragraph.wrap(width, height)
    paragraph.drawOn(canvas, left, top - (height - used) / 2 - used)


@functools.lru_cache(maxsize=8)
def _logo_reader(raw: bytes) -> ImageReader | None:
    """Decoded, downscaled logo, cached because bulk exports reuse one organisation's logo."""
    try:
        return _prepare_logo(raw)
    # Pillow raises many unrelated types for bad uploads; a bad logo must never cost the
    # employee their certificate, so any failure just leaves the logo out.
    except Exception:
        return None


def _prepare_logo(raw: bytes) -> ImageReader | None:
    with Image.open(io.BytesIO(raw)) as image:
        # Checked before decoding so a decompression bomb costs nothing.
        if image.format not in ("PNG", "JPEG") or image.width * image.height > _LOGO_MAX_PIXELS:
            return None
        image.thumbnail(tuple(int(side * _LOGO_PIXELS_PER_POINT) for side in LOGO_BOX))
        rgba = image.convert("RGBA")
    # The page is white, so flattening transparency onto white looks identical and avoids
    # a second soft-mask image in the PDF.
    flat = Image.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    if len(zlib.compress(flat.tobytes(), 6)) <= _LOGO_BUDGET:
        return ImageReader(flat)
    # Photographic logos compress badly without loss and would break the size budget.
    for quality in (85, 70, 50, 30):
        buffer = io.BytesIO()
        flat.save(buffer, "JPEG", quality=quality)
        if buffer.tell() <= _LOGO_BUDGET:
            break
    buffer.seek(0)
    return ImageReader(buffer)


def _draw_logo(canvas: Canvas, raw: bytes | None) -> None:
    reader = _logo_reader(raw) if raw else None
    if reader is None:
        return
    box_width, box_height = LOGO_BOX
    pixel_width, pixel_height = reader.getSize()
    scale = min(box_width / pixel_width, box_height / pixel_height)
    width, height = pixel_width * scale, pixel_height * scale
    top = PAGE_HEIGHT - 48
    canvas.drawImage(reader, 48, top - height, width, height)


def _draw_frame(canvas: Canvas) -> None:
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(3)
    canvas.rect(24, 24, PAGE_WIDTH - 48, PAGE_HEIGHT - 48)
    canvas.setLineWidth(0.75)
    canvas.rect(30, 30, PAGE_WIDTH - 60, PAGE_HEIGHT - 60)


def _draw_centred(
    canvas: Canvas, text: str, *, y: float, font_name: str, size: float, color: Color
) -> None:
    text, size = fit_line(text, font_name=font_name, width=CONTENT_WIDTH, max_size=size, min_size=7)
    canvas.setFont(font_name, size)
    canvas.setFillColor(color)
    canvas.drawCentredString(PAGE_WIDTH / 2, y, text)


def _draw_body(canvas: Canvas, data: CertificateData, labels: Labels) -> None:
    organisation = fit_paragraph(
        data.organisation_name,
        font_name=BOLD,
        width=PAGE_WIDTH - 2 * 200,
        height=42,
        max_size=15,
        min_size=7,
        color=MUTED,
    )
    _draw_box(
        canvas, organisation, left=200, top=PAGE_HEIGHT - 48, width=PAGE_WIDTH - 400, height=42
    )

    _draw_centred(canvas, labels.title, y=PAGE_HEIGHT - 150, font_name=BOLD, size=30, color=ACCENT)
    _draw_centred(
        canvas, labels.intro, y=PAGE_HEIGHT - 185, font_name=REGULAR, size=13, color=MUTED
    )

    holder = fit_paragraph(
        data.holder_name,
        font_name=BOLD,
        width=CONTENT_WIDTH,
        height=84,
        max_size=28,
        min_size=10,
    )
    _draw_box(
        canvas, holder, left=CONTENT_LEFT, top=PAGE_HEIGHT - 198, width=CONTENT_WIDTH, height=84
    )

    _draw_centred(
        canvas, labels.completed, y=PAGE_HEIGHT - 302, font_name=REGULAR, size=13, color=MUTED
    )

    course = fit_paragraph(
        data.course_title,
        font_name=BOLD,
        width=CONTENT_WIDTH,
        height=56,
        max_size=20,
        min_size=9,
    )
    _draw_box(
        canvas, course, left=CONTENT_LEFT, top=PAGE_HEIGHT - 314, width=CONTENT_WIDTH, height=56
    )

    version = f"{labels.version}: {data.course_version}"
    _draw_centred(canvas, version, y=PAGE_HEIGHT - 392, font_name=REGULAR, size=11, color=MUTED)


def _detail_rows(data: CertificateData, labels: Labels) -> list[tuple[str, str]]:
    completed_on = data.completed_on_text or data.completed_on.isoformat()
    rows = [(labels.completed_on, completed_on)]
    if data.score_percent is not None:
        rows.append((labels.score, format_percent(data.score_percent, data.language)))
    # No refresher interval means no expiry; printing nothing claims nothing.
    if data.valid_until is not None:
        rows.append((labels.valid_until, data.valid_until_text or data.valid_until.isoformat()))
    rows.append((labels.serial_number, data.serial_number))
    rows.append((labels.verification_code, data.verification_code))
    return rows


def _draw_details(canvas: Canvas, data: CertificateData, labels: Labels) -> None:
    value_left = CONTENT_LEFT + 140
    value_width = QR_CENTRE_X - 115 - value_left
    y = 165.0
    for label, value in _detail_rows(data, labels):
        canvas.setFont(REGULAR, 10)
        canvas.setFillColor(MUTED)
        canvas.drawString(CONTENT_LEFT, y, label)
        text, size = fit_line(value, font_name=BOLD, width=value_width, max_size=11, min_size=6)
        canvas.setFont(BOLD, size)
        canvas.setFillColor(INK)
        canvas.drawString(value_left, y, text)
        y -= 20


def qr_modules(url: str, mask: int | None = QR_MASK) -> list[list[bool]]:
    """The QR code's module matrix from ReportLab's own encoder, True for dark.

    mask=None lets the encoder try all eight masks and keep the lowest penalty; that search
    alone takes longer than the rest of the certificate, so by default one fixed mask is
    used, which every reader decodes (the mask number is stored in the code itself).
    """
    code = QrCodeWidget(url, barLevel=QR_LEVEL).qr
    if mask is None:
        code.make()
    else:
        code.version = code.calculate_version()
        code.makeImpl(False, mask)
    return code.modules


_DARK_RUN = re.compile(rb"\x01+")


def _module_runs(modules: list[list[bool]]) -> list[str]:
    """One 're' operator per horizontal run of dark modules, in module units."""
    return [
        f"{run.start()} {row_index} {run.end() - run.start()} 1 re"
        for row_index, row in enumerate(modules)
        for run in _DARK_RUN.finditer(bytes(row))
    ]


def _draw_qr_modules(canvas: Canvas, modules: list[list[bool]], left: float, bottom: float) -> None:
    # The widget's own drawing builds a Group of several hundred validated Rect shapes that
    # renderPDF then formats number by number: ~20 ms, four times the rest of the page. The
    # same squares as one path in module units (integers, formatted once) cost well under
    # a millisecond, make a smaller file, and leave no anti-aliasing seams between modules.
    module = QR_SIZE / (len(modules) + 2 * QR_QUIET_ZONE)
    top = bottom + QR_SIZE - QR_QUIET_ZONE * module
    canvas.saveState()
    canvas.setFillColor(black)
    # Rows count downwards, so flip y: row r spans from r to r + 1 below the top edge.
    canvas.transform(module, 0, 0, -module, left + QR_QUIET_ZONE * module, top)
    canvas.addLiteral("\n".join([*_module_runs(modules), "f"]))
    canvas.restoreState()


def _draw_qr(canvas: Canvas, url: str, labels: Labels) -> None:
    left = QR_CENTRE_X - QR_SIZE / 2
    _draw_qr_modules(canvas, qr_modules(url), left, QR_BOTTOM)

    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(QR_CENTRE_X, QR_BOTTOM - 10, labels.verify_at)
    link = fit_paragraph(
        clean_text(url),
        font_name=REGULAR,
        width=URL_WIDTH,
        height=24,
        max_size=7.5,
        min_size=5,
        color=INK,
    )
    _draw_box(
        canvas,
        link,
        left=QR_CENTRE_X - URL_WIDTH / 2,
        top=QR_BOTTOM - 14,
        width=URL_WIDTH,
        height=24,
    )

    if urlsplit(url).scheme in ("http", "https"):
        canvas.linkURL(
            url,
            (left, QR_BOTTOM - 38, left + QR_SIZE, QR_BOTTOM + QR_SIZE),
            relative=0,
            thickness=0,
        )


def _metadata_text(text: str) -> str:
    # Metadata is stored uncompressed as escaped UTF-16; a 5,000-character name would
    # alone blow the 100 KB budget, and viewers show only the start anyway.
    return text if len(text) <= METADATA_MAX else text[: METADATA_MAX - 1] + ELLIPSIS


def _set_metadata(canvas: Canvas, data: CertificateData, labels: Labels) -> None:
    holder, course = _metadata_text(data.holder_name), _metadata_text(data.course_title)
    canvas.setTitle(f"{labels.title}: {holder} – {course}")
    canvas.setAuthor(_metadata_text(data.organisation_name))
    canvas.setSubject(course)
    canvas.setCreator("elearning certificates")


def render_certificate(data: CertificateData) -> bytes:
    """Return the certificate as a one-page A4 landscape PDF."""
    register_fonts()
    data = printable(data)
    labels = data.labels
    buffer = io.BytesIO()
    # invariant fixes the timestamps and document id, so identical data gives identical bytes.
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=1,
        pageCompression=1,
        lang=data.language,
    )
    _set_metadata(canvas, data, labels)

    _draw_frame(canvas)
    _draw_logo(canvas, data.logo)
    _draw_body(canvas, data, labels)
    _draw_details(canvas, data, labels)
    _draw_qr(canvas, data.verification_url, labels)

    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
