"""Issue 12, point 3: documents are served only to logged-in users, unless made public on purpose.

The attack: an outsider walks /documents/<id>/<name> by sequential id. Every try ends at the
login page without a byte of the file, and nothing changes in the database.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from elearning.models import PublicDocumentCollection

Document = get_document_model()
SECRET = "Interní směrnice: hesla k datovým schránkám se nesdílejí.".encode()


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    """Wagtail serves documents from a real path (sendfile), as in production."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


def _document(collection=None, title="Směrnice") -> Document:
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save("smernice.txt", ContentFile(SECRET), save=False)
    document.save()
    return document


def _download(client, document):
    return client.get(document.url)


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.django_db
def test_an_anonymous_visitor_walking_ids_gets_the_login_page_and_no_file(client):
    documents = [_document(title=f"Dokument {n}") for n in range(3)]
    state = list(Document.objects.order_by("pk").values_list("pk", "title", "file"))

    for document in documents:
        response = _download(client, document)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=/documents/")
        assert SECRET not in _body(response)

    assert list(Document.objects.order_by("pk").values_list("pk", "title", "file")) == state
    assert not PublicDocumentCollection.objects.exists()


@pytest.mark.django_db
def test_a_logged_in_employee_downloads_the_file(client, employee):
    document = _document()
    client.force_login(employee)
    response = _download(client, document)
    assert response.status_code == 200
    assert _body(response) == SECRET


@pytest.mark.django_db
def test_a_collection_marked_public_on_purpose_is_served_to_anyone(client):
    root = Collection.get_first_root_node()
    public = root.add_child(name="Veřejné dokumenty")
    inner = public.add_child(name="Letáky")
    PublicDocumentCollection.objects.create(collection=public, reason="Leták pro občany")
    leaflet = _document(inner, title="Leták")
    private = _document(title="Interní")

    assert _body(_download(client, leaflet)) == SECRET  # sub-collections share the mark
    assert _download(client, private).status_code == 302


@pytest.mark.django_db
def test_wagtail_collection_privacy_still_applies_to_logged_in_users(client, employee):
    """Our rule comes first; a collection restricted to a group stays restricted."""
    from django.contrib.auth.models import Group
    from wagtail.models import CollectionViewRestriction

    root = Collection.get_first_root_node()
    hr_only = root.add_child(name="Personální")
    restriction = CollectionViewRestriction.objects.create(
        collection=hr_only, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Jen HR"))
    document = _document(hr_only, title="Mzdy")

    client.force_login(employee)
    response = _download(client, document)
    assert response.status_code == 302
    assert SECRET not in _body(response)


@pytest.mark.django_db
def test_a_course_editor_marks_a_collection_public_in_the_admin_and_it_is_audited(client, site):
    from wagtail.models import ModelLogEntry

    from organisation import roles
    from tests import factories

    public = Collection.get_first_root_node().add_child(name="Pro občany")
    leaflet = _document(public, title="Leták")
    assert _download(client, leaflet).status_code == 302
    editor = factories.UserFactory(roles=[roles.COURSE_EDITOR])
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/elearning/publicdocumentcollection/add/",
        {"collection": public.pk, "reason": "Leták pro občany"},
    )
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(action="wagtail.create")
    assert entry.user == editor
    client.logout()
    assert _body(_download(client, leaflet)) == SECRET
