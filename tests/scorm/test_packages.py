"""SCORM uploads: dangerous archives are refused with a clear message and nothing is stored."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from organisation import roles
from scorm import packages, services
from scorm.models import Sco, ScormLessonPage, ScormPackage
from tests import factories
from tests.scorm import zips

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(site):
    return factories.UserFactory(roles=[roles.COURSE_EDITOR])


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def stored_files() -> list[str]:
    if not default_storage.exists("scorm"):
        return []
    found = []

    def walk(path):
        dirs, files = default_storage.listdir(path)
        found.extend(f"{path}/{f}" for f in files)
        for d in dirs:
            walk(f"{path}/{d}")

    walk("scorm")
    return found


def upload(buffer, name="balicek.zip"):
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/zip")


def post(client, buffer):
    return client.post("/admin/scorm_packages/new/", {"title": "", "package_file": upload(buffer)})


def bomb() -> bytes:
    return zips.build(
        {
            "imsmanifest.xml": zips.MANIFEST_12,
            "uvod.html": zips.SCO_HTML,
            "spravce.html": zips.SCO_HTML,
            "nuly.bin": b"\0" * (20 * 1024 * 1024),
        }
    )


def many_files():
    # With the manifest and the two SCOs: one file over the limit.
    entries = {f"soubor-{i}.txt": "x" for i in range(packages.MAX_FILES - 2)}
    return zips.build(
        {"imsmanifest.xml": zips.MANIFEST_12, "uvod.html": "", "spravce.html": "", **entries},
        compression=zipfile.ZIP_STORED,
    )


MALICIOUS = {
    "zip-slip": (
        lambda: zips.with_entry("../../etc/cron.d/x"),
        "obsahuje cestu „../../etc/cron.d/x“, která vede mimo balíček",
    ),
    "absolute": (
        lambda: zips.with_entry("/etc/passwd"),
        "obsahuje cestu „/etc/passwd“, která vede mimo balíček",
    ),
    "drive": (
        lambda: zips.with_entry("C:/Windows/x.dll"),
        "obsahuje cestu „C:/Windows/x.dll“, která vede mimo balíček",
    ),
    "backslash": (
        lambda: zips.with_entry("..\\..\\x.html"),
        "která vede mimo balíček",
    ),
    "symlink": (
        lambda: zips.with_entry("odkaz", b"/etc/passwd", symlink=True),
        "obsahuje symbolický odkaz („odkaz“); odkazy nejsou povoleny",
    ),
    "bomb": (bomb, "je podezřele dobře zkomprimovaný (ZIP bomba?)"),
    "too many files": (many_files, "Balíček má 2001 souborů; povoleno je nejvýše 2000 souborů."),
    "not a zip": (lambda: io.BytesIO(b"PK\x03\x04 broken"), "není archiv ZIP"),
    "no manifest": (
        lambda: zips.build({"index.html": zips.SCO_HTML}),
        "nemá na nejvyšší úrovni soubor imsmanifest.xml",
    ),
    "xml entity bomb": (
        lambda: zips.build(
            {
                "imsmanifest.xml": '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">'
                '<!ENTITY b "&a;&a;&a;&a;">]><manifest>&b;</manifest>',
            }
        ),
        "není platné XML",
    ),
    "missing launch file": (
        lambda: zips.build({"imsmanifest.xml": zips.MANIFEST_12, "uvod.html": ""}),
        "spouští „spravce.html“, který v balíčku není",
    ),
}


@pytest.mark.parametrize("case", list(MALICIOUS))
def test_a_dangerous_package_is_refused_with_a_message_and_nothing_is_stored(editor_client, case):
    build, message = MALICIOUS[case]
    response = post(editor_client, build())
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert ScormPackage.objects.count() == 0
    assert Sco.objects.count() == 0
    assert stored_files() == []


def test_a_valid_12_package_is_unpacked_with_its_scos_in_order(editor_client, editor):
    response = post(editor_client, zips.package_12())
    assert response.status_code == 302
    package = ScormPackage.objects.get()
    assert package.title == "Hesla a jejich správa"
    assert package.version == "1.2"
    assert package.uploaded_by == editor
    assert [(s.position, s.title, s.launch, s.mastery_score) for s in package.scos.all()] == [
        (1, "Úvod", "uvod.html", Decimal("80")),
        (2, "Správce hesel", "spravce.html", None),
    ]
    assert sorted(stored_files()) == sorted(
        f"scorm/{package.prefix}/{name}"
        for name in ("imsmanifest.xml", "uvod.html", "spravce.html")
    )
    # The audit log records the upload.
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(
        object_id=str(package.pk), content_type=ContentType.objects.get_for_model(ScormPackage)
    )
    assert (entry.action, entry.user) == ("wagtail.create", editor)


def test_a_2004_package_follows_the_default_organisation_and_xml_base():
    package = packages.read_package(zips.package_2004())
    assert package.version == "2004"
    assert package.schema_version == "2004 4th Edition"
    assert package.title == "Phishing v praxi"
    # Nested items in document order; the asset is not a SCO; the other organisation is ignored.
    assert [(s.identifier, s.launch, s.scaled_passing_score) for s in package.scos] == [
        ("a", "content/m1/a.html?part=1", Decimal("0.75")),
        ("c", "content/test.html", None),
    ]


def test_two_uploads_of_one_package_get_different_prefixes():
    first = services.package_create(upload=zips.package_12())
    second = services.package_create(upload=zips.package_12())
    assert first.prefix != second.prefix
    assert len(stored_files()) == 6


@pytest.mark.parametrize(
    "name",
    ["../a", "a/../../b", "/a", "C:x", "a\\b", "a/../..", ".."],
)
def test_unsafe_names(name):
    assert packages.safe_name(name) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a/b.html", "a/b.html"), ("./a.html", "a.html"), ("a//b", "a/b")],
)
def test_safe_names(name, expected):
    assert packages.safe_name(name) == expected


def test_an_entry_that_unpacks_to_more_than_it_declares_is_refused():
    buffer = zips.package_12()
    archive = zipfile.ZipFile(buffer)
    info = archive.getinfo("uvod.html")
    info.file_size = 3  # a lying header: the real content is longer
    with pytest.raises(packages.PackageError, match="je poškozený"):
        packages.read_bounded(archive, info)


def delete_url(package):
    return f"/admin/scorm_packages/delete/{package.pk}/"


@pytest.mark.parametrize(
    ("lessons", "message"),
    [
        (1, "Balíček nelze smazat, používá ho 1 lekce: „Lekce 1“."),
        (3, "Balíček nelze smazat, používají ho 3 lekce: „Lekce 1“, „Lekce 2“, „Lekce 3“."),
        (
            7,
            "Balíček nelze smazat, používá ho 7 lekcí: „Lekce 1“, „Lekce 2“, „Lekce 3“, "
            "„Lekce 4“, „Lekce 5“ a 2 další.",
        ),
    ],
)
def test_a_used_package_is_not_deleted_and_the_editor_reads_which_lessons_use_it(
    editor_client, course_index, lessons, message
):
    package = services.package_create(upload=zips.package_12())
    course = factories.make_course(course_index, title="Hesla", lessons=0)
    for n in range(1, lessons + 1):
        course.add_child(
            instance=ScormLessonPage(title=f"Lekce {n}", slug=f"l{n}", package=package)
        )
    files_before = stored_files()

    for response in (
        editor_client.get(delete_url(package), follow=True),
        editor_client.post(delete_url(package), follow=True),
    ):
        assert response.status_code == 200
        shown = [str(m) for m in response.context["messages"]]
        assert shown == [message]
        assert message in response.content.decode()

    assert ScormPackage.objects.filter(pk=package.pk).exists()
    assert ScormLessonPage.objects.filter(package=package).count() == lessons
    assert Sco.objects.filter(package=package).count() == 2
    assert stored_files() == files_before


def test_an_unused_package_is_deleted(editor_client):
    package = services.package_create(upload=zips.package_12())
    response = editor_client.post(delete_url(package), follow=True)
    assert response.status_code == 200
    assert not ScormPackage.objects.filter(pk=package.pk).exists()


def test_who_may_not_delete_packages_learns_nothing_of_their_lessons(client, course_index, site):
    package = services.package_create(upload=zips.package_12())
    course = factories.make_course(course_index, title="Hesla", lessons=0)
    course.add_child(instance=ScormLessonPage(title="Tajná lekce", slug="t", package=package))
    client.force_login(factories.UserFactory(roles=[roles.HR]))
    response = client.get(delete_url(package), follow=True)
    assert "Tajná lekce" not in response.content.decode()
    assert ScormPackage.objects.filter(pk=package.pk).exists()
