"""Each SCORM test starts with empty file storage, so "nothing stored" counts only its own files."""

import pytest


@pytest.fixture(autouse=True)
def empty_storage(settings):
    # A new STORAGES setting makes Django build a fresh (empty) in-memory storage.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
