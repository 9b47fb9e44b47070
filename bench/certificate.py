"""The certificate row's data and baseline: ReportLab alone with the same fonts and a QR code."""

from __future__ import annotations

import io
import secrets
from datetime import date
from decimal import Decimal

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from certificates.pdf import (
    FONT_DIR,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    QR_LEVEL,
    QR_MASK,
    QR_SIZE,
    CertificateData,
    format_percent,
)

REGULAR, BOLD = "BenchSans", "BenchSans-Bold"


def make_data(count: int) -> list[CertificateData]:
    """Distinct certificates, so every QR code and serial number is encoded afresh."""
    rows = []
    for index in range(count):
        code = secrets.token_hex(16)
        rows.append(
            CertificateData(
                organisation_name="Městský úřad Horní Dolní",
                logo=None,
                holder_name="Příliš žluťoučký kůň úpěl ďábelské ódy",
                course_title="Bezpečné zacházení s e-mailem a rozpoznání phishingu",
                course_version="2.1",
                completed_on=date(2026, 11, 22),
                score_percent=Decimal("92.5"),
                valid_until=date(2028, 11, 22),
                serial_number=f"CERT-2026-{index:06d}",
                verification_code=code,
                verification_url=f"https://skoleni.example.cz/certificates/verify/{code}/",
            )
        )
    return rows


def register_fonts() -> None:
    """The baseline loads the same TTF files itself, under its own names."""
    for name, file_name in ((REGULAR, "DejaVuSans"), (BOLD, "DejaVuSans-Bold")):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{file_name}.ttf")))


def strings(data: CertificateData) -> list[str]:
    labels = data.labels
    return [
        data.organisation_name,
        labels.title,
        labels.intro,
        data.holder_name,
        labels.completed,
        data.course_title,
        f"{labels.version}: {data.course_version}",
        labels.completed_on,
        data.completed_on.isoformat(),
        labels.score,
        format_percent(data.score_percent or Decimal(0), data.language),
        labels.valid_until,
        (data.valid_until or data.completed_on).isoformat(),
        labels.serial_number,
        data.serial_number,
        labels.verification_code,
        data.verification_code,
        labels.verify_at,
        data.verification_url,
    ]


def render_minimal(data: CertificateData) -> bytes:
    """The same strings, fonts and page, and the verification URL as a QR code; no layout."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, pageCompression=1)
    y = PAGE_HEIGHT - 60
    for index, text in enumerate(strings(data)):
        canvas.setFont(BOLD if index % 2 else REGULAR, 12)
        canvas.drawCentredString(PAGE_WIDTH / 2, y, text)
        y -= 22
    # The QR code as the product encodes it (ReportLab's encoder, one fixed mask), each dark
    # module a square of one filled path: the least drawing a QR code can take.
    code = QrCodeWidget(data.verification_url, barLevel=QR_LEVEL).qr
    code.version = code.calculate_version()
    code.makeImpl(False, QR_MASK)
    size = QR_SIZE / (len(code.modules) + 8)
    canvas.saveState()
    # Module units (integers) from the QR code's top-left corner, rows counting downwards.
    canvas.transform(
        size, 0, 0, -size, PAGE_WIDTH - 60 - QR_SIZE + 4 * size, 60 + QR_SIZE - 4 * size
    )
    path = canvas.beginPath()
    for r, modules in enumerate(code.modules):
        c = 0
        while c < len(modules):
            if modules[c]:
                start = c
                while c < len(modules) and modules[c]:
                    c += 1
                path.rect(start, r, c - start, 1)
            c += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
