"""Read a Moodle XML question file: multichoice and truefalse questions, categories, feedback.

The XML is parsed by defusedxml's SAX parser (expat underneath) with DTDs, entity
declarations and external references forbidden, so a file cannot expand entities
("billion laughs") or read local files. SAX rather than defusedxml.ElementTree because
ElementTree keeps no line numbers, and a refused file must say on which line each problem
is; the handler below still builds a standard xml.etree.ElementTree tree.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from io import BytesIO
from xml.sax import InputSource, SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import Locator

from defusedxml import DefusedXmlException
from defusedxml.sax import make_parser

from quizzes.grading import MULTIPLE, SINGLE, TRUEFALSE

from .base import (
    FALSE_TEXT,
    HTML,
    MARKDOWN,
    MOODLE_AUTO,
    PLAIN,
    TRUE_TEXT,
    ChoiceDraft,
    ImportFileError,
    ImportResult,
    ParsedCategory,
    ParsedQuestion,
    Problem,
    QuestionDraft,
    Skipped,
    category_path,
    decode_text,
    default_name,
    finish_question,
    gettext_noop,
    skip_reason,
    text_to_html,
)

_FORMATS = {
    "html": HTML,
    "moodle_auto_format": MOODLE_AUTO,
    "plain_text": PLAIN,
    "plain": PLAIN,
    "markdown": MARKDOWN,
}


class _LineTreeBuilder(ContentHandler):
    """Builds an ElementTree from SAX events and remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.builder = ET.TreeBuilder()
        self.lines: dict[ET.Element, int] = {}
        self._locator: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self._locator = locator

    def startElement(self, name: str, attrs) -> None:
        element = self.builder.start(name, dict(attrs.items()))
        self.lines[element] = self._locator.getLineNumber() if self._locator else None

    def endElement(self, name: str) -> None:
        self.builder.end(name)

    def characters(self, content: str) -> None:
        self.builder.data(content)


def _read_tree(text: str) -> tuple[ET.Element, dict[ET.Element, int]]:
    handler = _LineTreeBuilder()
    parser = make_parser()
    parser.forbid_dtd = True  # Moodle never writes one; refusing it closes every entity trick
    parser.setContentHandler(handler)
    source = InputSource()
    source.setByteStream(BytesIO(text.encode("utf-8")))
    # The text is already decoded as UTF-8; this overrides whatever the declaration claims.
    source.setEncoding("utf-8")
    try:
        parser.parse(source)
    except SAXParseException as error:
        message = gettext_noop("The file is not well-formed XML: %(error)s.")
        problem = Problem(error.getLineNumber(), message, {"error": error.getMessage()})
        raise ImportFileError([problem]) from error
    except DefusedXmlException as error:
        message = gettext_noop("The file declares a DTD or entities, which are not allowed.")
        raise ImportFileError([Problem(None, message)]) from error
    root = handler.builder.close()
    if root.tag != "quiz":
        message = gettext_noop("The file is XML but not a Moodle question file (no <quiz>).")
        raise ImportFileError([Problem(handler.lines.get(root), message)])
    return root, handler.lines


def _raw_text(container: ET.Element | None) -> str:
    text = container.find("text") if container is not None else None
    return "".join(text.itertext()) if text is not None else ""


def _html(container: ET.Element | None) -> str:
    """Sanitized HTML of a Moodle text element: `<x format="..."><text>...</text></x>`."""
    if container is None:
        return ""
    return text_to_html(_raw_text(container), _FORMATS.get(container.get("format"), MOODLE_AUTO))


def _is_single(question: ET.Element) -> bool:
    # Like Moodle's qformat_xml: no <single> means single choice; only "false", "0" or an
    # empty value make it multiple. (Moodle writes <single> on export, so this only matters
    # for hand-written files, where Moodle's reading is the one authors expect.)
    value = question.findtext("single")
    return value is None or value.strip().lower() not in ("false", "0", "")


class _Reader:
    """Walks the <question> elements in order, keeping the current category and position."""

    def __init__(self, lines: dict[ET.Element, int]) -> None:
        self.lines = lines
        self.problems: list[Problem] = []
        self.questions: list[ParsedQuestion] = []
        self.categories: list[ParsedCategory] = []
        self.skipped: list[Skipped] = []
        self.category: list[str] = []
        self.position = 0

    def read(self, root: ET.Element) -> ImportResult:
        for element in root.findall("question"):
            self._question(element)
        if self.problems:
            raise ImportFileError(self.problems)
        return ImportResult(self.questions, self.categories, self.skipped)

    def _question(self, element: ET.Element) -> None:
        qtype = (element.get("type") or "").strip()
        if qtype == "category":
            self._category(element)
            return
        self.position += 1
        line = self.lines.get(element)
        if not qtype:
            message = gettext_noop("A <question> element has no type.")
            self.problems.append(Problem(line, message, position=self.position))
        elif qtype in ("multichoice", "truefalse"):
            draft = self._draft(element, qtype, line)
            question = finish_question(draft, self.problems)
            if question:
                self.questions.append(question)
        else:
            name = _raw_text(element.find("name")).strip()
            name = name or default_name(_html(element.find("questiontext")))
            self.skipped.append(Skipped(name, qtype, self.position, line, skip_reason(qtype)))

    def _category(self, element: ET.Element) -> None:
        self.category = category_path(_raw_text(element.find("category")))
        known = {tuple(category.path) for category in self.categories}
        if self.category and tuple(self.category) not in known:
            self.categories.append(
                ParsedCategory(
                    path=self.category,
                    description_html=_html(element.find("info")),
                    idnumber=(element.findtext("idnumber") or "").strip(),
                    line=self.lines.get(element),
                )
            )

    def _draft(self, element: ET.Element, qtype: str, line: int | None) -> QuestionDraft:
        if qtype == "truefalse":
            question_type, choices = TRUEFALSE, self._truefalse_choices(element)
        else:
            question_type = SINGLE if _is_single(element) else MULTIPLE
            choices = [self._choice(answer) for answer in element.findall("answer")]
        return QuestionDraft(
            name=_raw_text(element.find("name")).strip(),
            type=question_type,
            text_html=_html(element.find("questiontext")),
            general_feedback_html=_html(element.find("generalfeedback")),
            category_path=self.category,
            choices=choices,
            position=self.position,
            line=line,
            idnumber=(element.findtext("idnumber") or "").strip(),
        )

    def _choice(self, answer: ET.Element) -> ChoiceDraft:
        return ChoiceDraft(
            text_html=_html(answer),
            percent=answer.get("fraction", "0"),
            feedback_html=_html(answer.find("feedback")),
            line=self.lines.get(answer),
        )

    def _truefalse_choices(self, element: ET.Element) -> list[ChoiceDraft]:
        """The true and the false choice, in that order, whatever order the file has."""
        answers = element.findall("answer")
        by_text = {_raw_text(answer).strip().lower(): answer for answer in answers}
        if "true" not in by_text and "false" not in by_text and len(answers) == 2:
            # Old Moodle files wrote other texts; Moodle then takes them as true, false.
            by_text = {"true": answers[0], "false": answers[1]}
        if "true" not in by_text or "false" not in by_text:
            return []  # finish_question reports the missing answer
        return [
            ChoiceDraft(
                text_html=label,
                percent=by_text[key].get("fraction", "0"),
                feedback_html=_html(by_text[key].find("feedback")),
                line=self.lines.get(by_text[key]),
            )
            for key, label in (("true", TRUE_TEXT), ("false", FALSE_TEXT))
        ]


def parse(data: bytes | str) -> ImportResult:
    """Parse a whole Moodle XML file; raise ImportFileError listing every problem found."""
    root, lines = _read_tree(decode_text(data))
    return _Reader(lines).read(root)
