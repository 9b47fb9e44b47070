"""Parse an uploaded question file (Moodle XML or GIFT) into plain data, without the database."""

from __future__ import annotations

import re
from pathlib import PurePath

from . import gift, moodle_xml
from .base import (
    ImportFileError,
    ImportResult,
    ParsedCategory,
    ParsedChoice,
    ParsedQuestion,
    Problem,
    Skipped,
    decode_text,
)

MOODLE_XML = "moodle_xml"
GIFT = "gift"
_XML_START = re.compile(r"\s*<(\?xml|!--|quiz\b)")


def detect_format(text: str, filename: str) -> str:
    """MOODLE_XML or GIFT: by extension where it is telling, else by how the text begins.

    GIFT files are often saved as .txt, so the content decides for other extensions; an XML
    file begins with its declaration, a comment or <quiz>, which no GIFT question does.
    """
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".xml":
        return MOODLE_XML
    if suffix == ".gift":
        return GIFT
    return MOODLE_XML if _XML_START.match(text) else GIFT


def parse_questions(data: bytes | str, filename: str) -> ImportResult:
    """Parse the whole file; raise ImportFileError (every problem, with lines) if it is malformed.

    Nothing is written anywhere: the service imports the result in one transaction, so a
    refused file leaves the bank unchanged.
    """
    text = decode_text(data)
    if detect_format(text, filename) == MOODLE_XML:
        return moodle_xml.parse(text)
    return gift.parse(text)


__all__ = [
    "GIFT",
    "MOODLE_XML",
    "ImportFileError",
    "ImportResult",
    "ParsedCategory",
    "ParsedChoice",
    "ParsedQuestion",
    "Problem",
    "Skipped",
    "detect_format",
    "parse_questions",
]
