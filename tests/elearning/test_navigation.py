"""The header shows each role the way to its pages, and nobody else."""

import pytest

pytestmark = pytest.mark.django_db


def test_header_links_follow_the_role(client, people):
    client.force_login(people["employee"])
    page = client.get("/my-training/").content.decode()
    assert "Přehledy" not in page and "Rizika a účinnost" not in page
    assert 'href="/reports/transcript/"' in page
    client.force_login(people["manager"])  # Jana reports to her
    assert ">Přehledy</a>" in client.get("/my-training/").content.decode()
    client.force_login(people["security"])
    page = client.get("/my-training/").content.decode()
    assert ">Přehledy</a>" in page and ">Rizika a účinnost</a>" in page
