"""The PDF the service stores: Czech text, the organisation's logo, a QR code that verifies."""

import io

import pytest
import wagtail_factories
from django.conf import settings
from wagtail.models import Site

from certificates.models import Certificate
from core.models import OrganisationSettings
from tests import factories
from tests.certificates.test_pdf import (
    extract_text,
    image_count,
    link_targets,
    png_logo,
    squash,
)

pytestmark = pytest.mark.django_db

CZECH_NAME = ("Řehoř", "Žluťoučký-Ďáblová")
CZECH_COURSE = "Příliš žluťoučký kůň úpěl ďábelské ódy: bezpečnost e-mailu"


def stored_pdf(certificate: Certificate) -> bytes:
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def test_stored_pdf_carries_the_czech_name_and_course_exactly(course_index):
    course = factories.make_course(course_index, title=CZECH_COURSE, lessons=1)
    user = factories.UserFactory(first_name=CZECH_NAME[0], last_name=CZECH_NAME[1])
    certificate = factories.issue_certificate(
        factories.CompletedAssignmentFactory(user=user, course=course)
    )

    pdf = stored_pdf(certificate)
    text = extract_text(pdf)

    assert "Řehoř Žluťoučký-Ďáblová" in text
    assert CZECH_COURSE in text
    assert certificate.serial_number in text
    assert certificate.verification_code in text
    assert len(pdf) < 100_000


def test_qr_code_decodes_to_the_verification_url(certificate):
    import pypdfium2
    import zxingcpp

    pdf = stored_pdf(certificate)
    page = pypdfium2.PdfDocument(pdf)[0].render(scale=150 / 72).to_pil()
    expected = (
        settings.BASE_URL.rstrip("/") + f"/certificates/verify/{certificate.verification_code}/"
    )

    assert [code.text for code in zxingcpp.read_barcodes(page)] == [expected]
    assert link_targets(pdf) == [expected]


@pytest.mark.parametrize(
    "markup",
    ["<para>Jana</para>", '<link href="http://evil.example">Nováková</link>', "A & B <c>"],
)
def test_markup_in_the_name_prints_literally_and_adds_no_link(course, markup):
    user = factories.UserFactory(first_name=markup, last_name="")
    certificate = factories.issue_certificate(
        factories.CompletedAssignmentFactory(user=user, course=course)
    )

    pdf = stored_pdf(certificate)

    # A long name may wrap, so compare without whitespace.
    assert squash(markup) in squash(extract_text(pdf))
    assert link_targets(pdf) == [certificate.verification_url]


def test_organisation_name_and_logo_come_from_the_site_settings(site, completed):
    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation.name = "Magistrát města Horní Lhota"
    organisation.logo = wagtail_factories.ImageFactory(
        file__from_file=io.BytesIO(png_logo()), file__filename="logo.png"
    )
    organisation.save()

    pdf = stored_pdf(factories.issue_certificate(completed))

    assert "Magistrát města Horní Lhota" in extract_text(pdf)
    assert image_count(pdf) == 1


def test_rendering_again_keeps_the_stored_file(certificate):
    from certificates.services import certificate_pdf

    first = certificate.pdf.name

    again = certificate_pdf(certificate=certificate)

    assert again.pdf.name == first


def test_english_speaking_holder_gets_english_labels(course):
    user = factories.UserFactory(language="en")
    certificate = factories.issue_certificate(
        factories.CompletedAssignmentFactory(user=user, course=course)
    )

    text = extract_text(stored_pdf(certificate))

    assert "Certificate of Completion" in text
