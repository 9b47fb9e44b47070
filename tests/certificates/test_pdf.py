"""Tests for the certificate PDF: what a reader sees, copies out, scans and can trust."""

from __future__ import annotations

import dataclasses
import io
import random
from datetime import date
from decimal import Decimal

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from certificates.pdf import (
    FONT_DIR,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    REPLACEMENT,
    CertificateData,
    clean_text,
    format_percent,
    qr_modules,
    render_certificate,
)
from certificates.services import _language, certificate_date, certificate_labels

CZECH_PANGRAM = "Příliš žluťoučký kůň úpěl ďábelské ódy"
COURSE = "Bezpečné zacházení s e-mailem a rozpoznání phishingu"
URL = "https://skoleni.example.cz/certificates/verify/3q2-7bXo9MdQf0VgK1yZ8w/"
MARKUP_NAMES = [
    "<para>x</para>",
    '<link href="http://evil">y</link>',
    "a & b <c>",
]
FRAME_INSET = 30  # the inner border line; nothing may be drawn beyond it


def make_data(**changes: object) -> CertificateData:
    """The data the certificates service hands over: wording and dates in the language."""
    language = changes.get("language", "cs")
    completed_on = changes.get("completed_on", date(2026, 11, 22))
    valid_until = changes.get("valid_until", date(2028, 11, 22))
    changes.setdefault("labels", certificate_labels(language=language))
    changes.setdefault("completed_on_text", certificate_date(completed_on, language=language))
    changes.setdefault(
        "valid_until_text", certificate_date(valid_until, language=language) if valid_until else ""
    )
    data = CertificateData(
        organisation_name="Městský úřad Horní Dolní",
        logo=None,
        holder_name=CZECH_PANGRAM,
        course_title=COURSE,
        course_version="2.1",
        completed_on=date(2026, 11, 22),
        score_percent=Decimal("92.50"),
        valid_until=date(2028, 11, 22),
        serial_number="CERT-2026-000123",
        verification_code="3q2-7bXo9MdQf0VgK1yZ8w",
        verification_url=URL,
    )
    return dataclasses.replace(data, **changes)


def extract_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def squash(text: str) -> str:
    """Text without whitespace, for names that the layout is allowed to wrap."""
    return "".join(text.split())


def link_targets(pdf: bytes) -> list[str]:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    annotations = [ref.get_object() for ref in page.get("/Annots", [])]
    return [str(annot["/A"]["/URI"]) for annot in annotations if "/A" in annot]


def image_count(pdf: bytes) -> int:
    resources = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]
    xobjects = resources.get("/XObject", {})
    return sum(1 for ref in xobjects.values() if ref.get_object()["/Subtype"] == "/Image")


def png_logo() -> bytes:
    image = Image.new("RGBA", (800, 300), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((20, 20, 780, 280), fill=(47, 102, 144, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def photo_logo() -> bytes:
    """Noise is the worst case for compression: the logo's budget has to hold anyway."""
    image = Image.effect_noise((2400, 1600), 80).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def char_boxes(pdf: bytes) -> list[tuple[float, float, float, float]]:
    import pypdfium2

    page = pypdfium2.PdfDocument(pdf)[0]
    text_page = page.get_textpage()
    return [text_page.get_charbox(index) for index in range(text_page.count_chars())]


def test_czech_name_and_course_extract_exactly() -> None:
    text = extract_text(render_certificate(make_data()))

    assert CZECH_PANGRAM in text
    assert COURSE in text
    assert "Osvědčení o absolvování školení" in text


def test_czech_labels_and_dates_by_default() -> None:
    text = extract_text(render_certificate(make_data()))

    for label in ("Platné do", "Sériové číslo", "Ověřovací kód", "Ověřte pravost na"):
        assert label in text
    # Django's Czech DATE_FORMAT, through the formats framework, not a table of our own.
    assert "22. listopadu 2026" in text
    assert "22. listopadu 2028" in text
    assert "92,5" in text
    assert "CERT-2026-000123" in text
    assert "3q2-7bXo9MdQf0VgK1yZ8w" in text
    assert "Verze: 2.1" in text


def test_english_labels_when_asked() -> None:
    text = extract_text(render_certificate(make_data(language="en")))

    assert "Certificate of Completion" in text
    assert "Valid until" in text
    assert "Nov. 22, 2026" in text
    assert "92.5%" in text
    assert "Osvědčení" not in text
    assert CZECH_PANGRAM in text


def test_an_unknown_language_falls_back_to_czech_wording() -> None:
    assert _language("de") == "cs"
    assert certificate_labels(language=_language("de")).title == "Osvědčení o absolvování školení"


def test_missing_score_and_expiry_are_left_out() -> None:
    text = extract_text(render_certificate(make_data(score_percent=None, valid_until=None)))

    assert "Platné do" not in text
    assert "Výsledek" not in text
    assert "Datum absolvování" in text


@pytest.mark.parametrize("markup", MARKUP_NAMES)
def test_markup_in_user_text_prints_literally(markup: str) -> None:
    pdf = render_certificate(
        make_data(holder_name=markup, course_title=markup, organisation_name=markup)
    )
    text = " ".join(extract_text(pdf).split())

    assert text.count(markup) == 3
    assert link_targets(pdf) == [URL]


def test_only_link_is_the_verification_url() -> None:
    name = '<a href="http://evil">y</a> <link href="javascript:alert(1)">z</link>'
    pdf = render_certificate(make_data(holder_name=name, course_title=name))

    assert link_targets(pdf) == [URL]
    assert name in " ".join(extract_text(pdf).split())


def test_long_name_wraps_inside_the_frame() -> None:
    name = ("Marie Terezie Walburga Amálie Kristýna Habsburská " * 6)[:250].strip()
    pdf = render_certificate(make_data(holder_name=name))

    assert squash(name) in squash(extract_text(pdf))
    for left, bottom, right, top in char_boxes(pdf):
        assert FRAME_INSET <= left <= right <= PAGE_WIDTH - FRAME_INSET
        assert FRAME_INSET <= bottom <= top <= PAGE_HEIGHT - FRAME_INSET


def test_absurdly_long_text_is_shortened_with_an_ellipsis() -> None:
    pdf = render_certificate(
        make_data(
            holder_name="x" * 5000,
            course_title="Kurz " * 1000,
            organisation_name="Úřad " * 300,
            course_version="v" * 500,
            serial_number="S" * 300,
        )
    )
    text = extract_text(pdf)

    assert "x" * 80 in text
    assert text.count("\u2026") >= 4
    assert len(pdf) < 100_000
    for left, bottom, right, top in char_boxes(pdf):
        assert FRAME_INSET <= left <= right <= PAGE_WIDTH - FRAME_INSET
        assert FRAME_INSET <= bottom <= top <= PAGE_HEIGHT - FRAME_INSET


def test_emoji_are_dropped_not_drawn_as_boxes() -> None:
    text = extract_text(render_certificate(make_data(holder_name="Jana 🌸 Nováková 👨‍👩‍👧 👍🏽")))

    assert "Jana Nováková" in text
    assert REPLACEMENT not in text and "\u25a1" not in text


def rtl_letters_with_x(pdf: bytes) -> list[tuple[str, float]]:
    """Hebrew and Arabic letters as PDFium reads them back (logical order), with their x."""
    import unicodedata

    import pypdfium2

    page = pypdfium2.PdfDocument(pdf)[0].get_textpage()
    letters = []
    for index in range(page.count_chars()):
        char = page.get_text_range(index, 1)
        if char and unicodedata.bidirectional(char) in ("R", "AL"):
            letters.append((char, page.get_charbox(index)[0]))
    return letters


@pytest.mark.parametrize("name", ["דוד בן-גוריון", "محمد عبد الله"], ids=["hebrew", "arabic"])
def test_right_to_left_names_read_right_to_left(name: str) -> None:
    letters = rtl_letters_with_x(render_certificate(make_data(holder_name=name)))

    # Read back in reading order, every letter stands left of the one before it.
    assert "".join(char for char, _ in letters) == name.replace(" ", "").replace("-", "")
    xs = [x for _, x in letters]
    assert all(left < right for left, right in zip(xs[1:], xs, strict=False))


def test_arabic_letters_are_joined() -> None:
    import unicodedata

    text = extract_text(render_certificate(make_data(holder_name="محمد عبد الله")))

    # Joined letters are drawn with their contextual glyphs, which copy out as the Arabic
    # presentation forms: initial meem (U+FEE3), medial hah (U+FEA4), final dal (U+FEAA).
    assert "\ufee3\ufea4\ufee4\ufeaa" in text
    assert "محمد" in unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize(
    "name",
    ["Ivana \u202eávokáN", "Petr\x00\tNovák\n"],
    ids=["rtl-override", "control-characters"],
)
def test_control_characters_do_not_render(name: str) -> None:
    text = extract_text(render_certificate(make_data(holder_name=name)))

    letters = {char for char in name if char.isalpha()}
    assert letters <= set(text)
    assert "\u202e" not in text
    assert "\x00" not in text


def test_clean_text_keeps_czech_and_drops_invisible_characters() -> None:
    assert clean_text(CZECH_PANGRAM) == CZECH_PANGRAM
    assert clean_text("  Jana\t\nNováková  ") == "Jana Nováková"
    assert clean_text("ab\u202ecd\u200b") == "abcd"
    assert clean_text("e\u0301") == "é"  # decomposed input is composed so it copies back out
    assert clean_text("❤️ Jana") == "Jana"  # emoji (with their variation selector) are dropped
    assert clean_text("a 😀😀 b 你好") == f"a b {REPLACEMENT}"


def test_formatting_follows_the_language() -> None:
    assert certificate_date(date(2026, 11, 22), language="cs") == "22. listopadu 2026"
    assert certificate_date(date(2026, 1, 5), language="cs") == "5. ledna 2026"
    assert certificate_date(date(2026, 11, 22), language="en") == "Nov. 22, 2026"
    assert format_percent(Decimal("92.50"), "cs") == "92,5\u00a0%"
    assert format_percent(Decimal("100.00"), "cs") == "100\u00a0%"
    assert format_percent(Decimal("87.25"), "en") == "87.2%"
    assert format_percent(Decimal("99.96"), "en") == "99.9%"
    assert format_percent(Decimal("80"), "en") == "80%"


def test_size_stays_under_100_kb_even_with_a_photographic_logo() -> None:
    plain = render_certificate(make_data())
    with_logo = render_certificate(make_data(logo=photo_logo(), holder_name="W" * 250))

    assert len(plain) < 100_000
    assert len(with_logo) < 100_000
    assert image_count(with_logo) == 1


def test_logo_is_drawn_when_valid() -> None:
    pdf = render_certificate(make_data(logo=png_logo()))

    assert image_count(pdf) == 1
    assert CZECH_PANGRAM in extract_text(pdf)


@pytest.mark.parametrize(
    "logo",
    [b"", b"not an image at all", png_logo()[:200], b"GIF89a\x01\x00\x01\x00"],
    ids=["empty", "garbage", "truncated-png", "gif"],
)
def test_broken_logo_is_skipped(logo: bytes) -> None:
    pdf = render_certificate(make_data(logo=logo))

    assert image_count(pdf) == 0
    assert CZECH_PANGRAM in extract_text(pdf)


def test_metadata_names_the_certificate() -> None:
    reader = PdfReader(io.BytesIO(render_certificate(make_data())))

    assert CZECH_PANGRAM in reader.metadata.title
    assert COURSE in reader.metadata.title
    assert reader.metadata.author == "Městský úřad Horní Dolní"
    assert reader.metadata.subject == COURSE


def test_same_data_gives_identical_bytes() -> None:
    data = make_data(logo=png_logo())

    assert render_certificate(data) == render_certificate(data)


@pytest.mark.parametrize(
    "url",
    [
        URL,
        "https://vzdelavani.mesto-horni-dolni.cz/certificates/verify/"
        "K7Q2M9X4T8WZ3R5N6P1HJ4C2VA3K7Q2M9X4T8WZ3R5N6P1HJ4C2VA/",
    ],
    ids=["short", "long"],
)
def test_qr_code_decodes_to_the_verification_url(url: str) -> None:
    import pypdfium2
    import zxingcpp

    pdf = render_certificate(make_data(verification_url=url))
    page = pypdfium2.PdfDocument(pdf)[0].render(scale=150 / 72).to_pil()

    assert [code.text for code in zxingcpp.read_barcodes(page)] == [url]
    assert link_targets(pdf) == [url]


def test_fixed_qr_mask_decodes_for_many_urls() -> None:
    """The fixed mask trades the encoder's mask search for speed; it must still scan."""
    import zxingcpp

    generator = random.Random(5)
    for _ in range(25):
        code = "".join(generator.choices("abcdefghijkmnpqrstuvwxyz23456789", k=26))
        url = f"https://skoleni.example.cz/certificates/verify/{code}/"
        modules = qr_modules(url)
        scale, quiet = 4, 4
        side = (len(modules) + 2 * quiet) * scale
        image = Image.new("L", (side, side), 255)
        for row_index, row in enumerate(modules):
            for column, dark in enumerate(row):
                if dark:
                    x, y = (column + quiet) * scale, (row_index + quiet) * scale
                    image.paste(0, (x, y, x + scale, y + scale))
        assert [result.text for result in zxingcpp.read_barcodes(image)] == [url]


def test_non_http_urls_get_no_link_annotation() -> None:
    pdf = render_certificate(make_data(verification_url="javascript:alert(1)"))

    assert link_targets(pdf) == []


def test_fonts_ship_with_their_licence() -> None:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        assert (FONT_DIR / name).stat().st_size > 100_000
    licence = (FONT_DIR / "LICENSE.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence
    assert "Arev" in licence
