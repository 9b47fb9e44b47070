"""Lesson video and audio with WebVTT captions (WCAG 2.1 AA 1.2.2): checked, then played."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from courses.blocks import MediaFileBlock
from courses.webvtt import cue_count
from tests import factories

CAPTIONS = (
    "WEBVTT\n\n"
    "1\n00:00:00.000 --> 00:00:04.500\nDobrý den, dnes se naučíte poznat podvodný e-mail.\n\n"
    "2\n00:00:04.500 --> 00:01:02.250 align:start\nŽluťoučký kůň úpěl ďábelské ódy.\n"
).encode()


def _document(name: str, data: bytes) -> Document:
    document = Document(title=name)
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


def _clean(**value):
    block = MediaFileBlock()
    return block.clean(block.to_python({"kind": "video", "title": "Phishing", **value}))


def _errors(**value) -> dict[str, str]:
    with translation.override("cs"), pytest.raises(StructBlockValidationError) as raised:
        _clean(**value)
    return {name: " ".join(error.messages) for name, error in raised.value.block_errors.items()}


def test_a_real_webvtt_file_counts_its_cues():
    assert cue_count(CAPTIONS) == 2
    assert cue_count(b"\xef\xbb\xbfWEBVTT - titulky\r\n\r\n01:00:00.000 --> 01:00:01.000\r\nA") == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"1\n00:00:00.000 --> 00:00:01.000\nBez hlavicky", "nezačíná"),
        (b"WEBVTT\n\n00:00:00.000 -> 00:00:01.000\nA", "žádné"),  # an arrow that is no arrow
        (b"WEBVTT\n\n00:00:00.000 --> 0:1\nA", "neplatn"),
        (b"WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nA", "dřív"),
        (b"WEBVTT\n\n", "žádné"),
        ("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nŠ".encode("cp1250"), "UTF-8"),
        (b"WEBVTT\n" + b"x" * (1024 * 1024), "1 MB"),
    ],
)
def test_a_file_that_is_not_webvtt_is_refused_with_a_czech_reason(data, message):
    with translation.override("cs"), pytest.raises(ValueError) as raised:
        cue_count(data)
    assert message in str(raised.value)


@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)), min_size=1, max_size=20))
def test_every_well_formed_cue_is_counted(spans):
    def stamp(ms: int) -> str:
        hours, minutes, seconds = ms // 3_600_000, ms // 60_000 % 60, ms // 1000 % 60
        return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{ms % 1000:03d}"

    cues = "".join(
        f"{stamp(min(a, b))} --> {stamp(max(a, b))}\nText {i}\n\n" for i, (a, b) in enumerate(spans)
    )
    assert cue_count(f"WEBVTT\n\n{cues}".encode()) == len(spans)


@pytest.mark.django_db
def test_a_video_without_captions_or_with_broken_ones_cannot_be_published():
    video = _document("phishing.mp4", b"\x00\x00\x00\x18ftypmp42")
    assert "titulky" in _errors(media=video.pk)["captions"]
    broken = _document("phishing.vtt", b"1\n00:00:00.000 --> 00:00:01.000\nA")
    assert "WEBVTT" in _errors(media=video.pk, captions=broken.pk)["captions"]
    not_vtt = _document("titulky.txt", CAPTIONS)
    assert ".vtt" in _errors(media=video.pk, captions=not_vtt.pk)["captions"]
    slides = _document("slajdy.pdf", b"%PDF-1.4")
    captions = _document("phishing-cs.vtt", CAPTIONS)
    assert "mp4, webm" in _errors(media=slides.pk, captions=captions.pk)["media"]


@pytest.mark.django_db
def test_an_audio_needs_captions_or_a_transcript():
    audio = _document("rozhovor.mp3", b"ID3")
    assert "přepis" in _errors(kind="audio", media=audio.pk)["transcript"]
    value = _clean(kind="audio", media=audio.pk, transcript="<p>Přepis rozhovoru.</p>")
    assert isinstance(value["transcript"], RichText)


@pytest.mark.django_db
def test_the_lesson_plays_the_video_with_czech_captions_and_its_transcript(
    employee_client, course, settings, tmp_path
):
    # Served from files on disk, as in production (the test settings keep files in memory).
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    video = _document("phishing.mp4", b"\x00\x00\x00\x18ftypmp42")
    captions = _document("phishing-cs.vtt", CAPTIONS)
    lesson = factories.lessons_of(course)[0]
    lesson.body = [
        {
            "type": "media_file",
            "value": {
                "kind": "video",
                "title": "Jak poznat podvodný e-mail",
                "media": video.pk,
                "captions": captions.pk,
                "captions_language": "cs",
                "transcript": "<p>Dobrý den, dnes se naučíte poznat podvodný e-mail.</p>",
            },
        }
    ]
    lesson.save_revision().publish()
    html = employee_client.get(lesson.url).content.decode()
    assert f'<source src="{video.url}" type="video/mp4">' in html
    assert (
        f'<track kind="captions" src="{captions.url}" srclang="cs" label="Čeština" default>' in html
    )
    assert "<summary>Přepis</summary>" in html
    # The captions are served to the learner from the product's own origin, as WebVTT.
    response = employee_client.get(captions.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")
    assert b"".join(response.streaming_content) == CAPTIONS
