"""Issue 12 point 7: every name prints right; RTL names read right to left and join, no boxes."""

import io
import unicodedata

import pypdfium2
import pytest
from pypdf import PdfReader

from certificates.pdf import REPLACEMENT
from certificates.services import certificate_issue, certificate_pdf
from tests import factories

pytestmark = pytest.mark.django_db


def issued_pdf(course, first_name: str, last_name: str) -> bytes:
    user = factories.UserFactory(first_name=first_name, last_name=last_name)
    certificate = certificate_pdf(
        certificate=certificate_issue(
            assignment=factories.CompletedAssignmentFactory(user=user, course=course)
        )
    )
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def rtl_x_positions(pdf: bytes) -> tuple[str, list[float]]:
    page = pypdfium2.PdfDocument(pdf)[0].get_textpage()
    chars, xs = [], []
    for index in range(page.count_chars()):
        char = page.get_text_range(index, 1)
        if char and unicodedata.bidirectional(char) in ("R", "AL"):
            chars.append(char)
            xs.append(page.get_charbox(index)[0])
    return "".join(chars), xs


@pytest.mark.parametrize(
    ("first", "last"), [("محمد", "عبد الله"), ("דוד", "בן גוריון")], ids=["arabic", "hebrew"]
)
def test_an_rtl_holder_reads_right_to_left(course, first, last):
    letters, xs = rtl_x_positions(issued_pdf(course, first, last))

    assert letters == (first + last).replace(" ", "")
    assert all(left < right for left, right in zip(xs[1:], xs, strict=False))


def test_an_arabic_holder_is_joined(course):
    text = PdfReader(io.BytesIO(issued_pdf(course, "محمد", "عبد الله"))).pages[0].extract_text()

    assert "\ufee3\ufea4\ufee4\ufeaa" in text  # initial, medial, medial, final forms


def test_an_emoji_in_a_name_is_dropped(course):
    text = (
        PdfReader(io.BytesIO(issued_pdf(course, "Jana 🌸", "Nováková 👍🏽")))
        .pages[0]
        .extract_text()
    )

    assert "Jana Nováková" in text
    assert REPLACEMENT not in text
