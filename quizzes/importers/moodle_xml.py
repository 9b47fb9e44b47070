"""Read a Moodle XML question file: the question types the quiz engine grades, and categories.

multichoice, truefalse, shortanswer (usecase), numerical (tolerance), matching, essay and
ordering (the qtype_ordering plugin's export); a cloze (multianswer) question with a single
gap becomes a question of the gap's type, one with several gaps a cloze question whose gaps
are graded by their own types; a cloze with a gap we cannot grade is reported as skipped.

The XML is parsed by defusedxml's SAX parser (expat underneath) with DTDs, entity
declarations and external references forbidden, so a file cannot expand entities
("billion laughs") or read local files. SAX rather than defusedxml.ElementTree because
ElementTree keeps no line numbers, and a refused file must say on which line each problem
is; the handler below still builds a standard xml.etree.ElementTree tree.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from io import BytesIO
from xml.sax import InputSource, SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import Locator

from defusedxml import DefusedXmlException
from defusedxml.sax import make_parser

from quizzes.grading import (
    ALL_OR_NOTHING,
    CLOZE,
    ESSAY,
    MATCHING,
    MULTIPLE,
    NUMERICAL,
    ORDERING,
    PARTIAL,
    SHORTANSWER,
    SINGLE,
    TRUEFALSE,
)

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
    ParsedChoice,
    ParsedGap,
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
    strip_tags,
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
        elif qtype in _TYPES:
            draft = self._draft(element, qtype, line)
            question = finish_question(draft, self.problems)
            if question:
                self.questions.append(question)
        elif qtype in ("cloze", "multianswer"):
            self._cloze(element, qtype, line)
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
        mode = None
        if qtype == "truefalse":
            question_type, choices = TRUEFALSE, self._truefalse_choices(element)
        elif qtype == "multichoice":
            question_type = SINGLE if _is_single(element) else MULTIPLE
            choices = [self._choice(answer) for answer in element.findall("answer")]
        else:
            question_type = _TYPES[qtype]
            mode = PARTIAL if question_type in (MATCHING, ORDERING) else ALL_OR_NOTHING
            choices = self._typed_choices(element, question_type)
        note = ""
        if question_type == ORDERING:
            mode, note = _ordering_grading(element, len(choices))
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
            # Moodle's usecase: 1 means "Frog" is not "frog".
            ignore_case=(element.findtext("usecase") or "0").strip() in ("0", ""),
            mode=mode,
            note=note,
        )

    def _typed_choices(self, element: ET.Element, question_type: str) -> list[ChoiceDraft]:
        if question_type == ESSAY:
            return []
        if question_type == MATCHING:
            return [
                ChoiceDraft(
                    text_html=_html(sub),
                    percent="0",
                    line=self.lines.get(sub),
                    match=_raw_text(sub.find("answer")).strip(),
                )
                for sub in element.findall("subquestion")
            ]
        answers = element.findall("answer")
        if question_type == ORDERING:
            # The plugin's import takes the items in the file's order as the right order and
            # ignores `fraction` (its export numbers them 1, 2, … in that same order).
            return [
                ChoiceDraft(
                    text_html=_html(a),
                    percent="0",
                    feedback_html=_html(a.find("feedback")),
                    line=self.lines.get(a),
                )
                for a in answers
            ]
        choices = []
        for answer in answers:
            # Accepted answers are compared with typed text, so they are kept as plain text.
            raw = html.escape(_raw_text(answer).strip(), quote=False)
            choices.append(
                ChoiceDraft(
                    text_html=raw,
                    percent=answer.get("fraction", "0"),
                    feedback_html=_html(answer.find("feedback")),
                    line=self.lines.get(answer),
                    tolerance=(answer.findtext("tolerance") or "").strip(),
                )
            )
        return choices

    def _cloze(self, element: ET.Element, qtype: str, line: int | None) -> None:
        """A cloze with one gap becomes a question of its type, one with several a cloze
        question; one with a gap of a type we cannot grade, or broken, is reported."""
        text_html = _html(element.find("questiontext"))
        name = _raw_text(element.find("name")).strip() or default_name(text_html)
        gaps = list(_GAP.finditer(text_html))
        if not gaps:
            reason = _CLOZE_NO_GAP
        elif any(_GAP_TYPES.get(gap.group("type").upper()) is None for gap in gaps):
            reason = _CLOZE_GAP_TYPE
        else:
            parts = [self._gap(element, name, gap, line) for gap in gaps]
            if all(part is not None for part in parts):
                self.questions.append(
                    parts[0][1]
                    if len(parts) == 1
                    else self._cloze_question(element, name, text_html, gaps, parts, line)
                )
                return
            reason = _CLOZE_BROKEN
        self.skipped.append(Skipped(name, qtype, self.position, line, reason))

    def _gap(self, element: ET.Element, name: str, gap: re.Match, line: int | None):
        """(ParsedGap, the gap as a question of its own type), or None if Moodle would refuse it.

        The one-gap question replaces its gap with "_____"; a cloze question keeps only the
        gap's type and answers from it.
        """
        gap_type, case_sensitive = _GAP_TYPES[gap.group("type").upper()]
        text_html = gap.string
        draft = QuestionDraft(
            name=name,
            type=gap_type,
            text_html=text_html[: gap.start()] + "_____" + text_html[gap.end() :],
            general_feedback_html=_html(element.find("generalfeedback")),
            category_path=self.category,
            choices=_gap_choices(gap.group("answers") or "", gap_type, line),
            position=self.position,
            line=line,
            idnumber=(element.findtext("idnumber") or "").strip(),
            ignore_case=not case_sensitive,
            mode=ALL_OR_NOTHING if gap_type != MULTIPLE else None,
            note=_CLOZE_NOTE,
        )
        # A gap Moodle would refuse is reported, not allowed to refuse the whole file.
        question = finish_question(draft, [])
        if question is None:
            return None
        weight = int(gap.group("weight") or 1)
        return ParsedGap(type=gap_type, weight=weight, ignore_case=not case_sensitive), question

    def _cloze_question(self, element, name, text_html, gaps, parts, line) -> ParsedQuestion:
        pieces, end = [], 0
        for number, gap in enumerate(gaps, 1):
            pieces += [text_html[end : gap.start()], f"{{#{number}}}"]
            end = gap.end()
        pieces.append(text_html[end:])
        return ParsedQuestion(
            name=name,
            type=CLOZE,
            text_html="".join(pieces),
            general_feedback_html=_html(element.find("generalfeedback")),
            explanation_html="",
            mode=ALL_OR_NOTHING,
            category_path=list(self.category),
            choices=[
                ParsedChoice(
                    c.text_html, c.fraction, c.feedback_html, tolerance=c.tolerance, gap=number
                )
                for number, (_, question) in enumerate(parts, 1)
                for c in question.choices
            ],
            position=self.position,
            line=line,
            idnumber=(element.findtext("idnumber") or "").strip(),
            gaps=tuple(gap for gap, _ in parts),
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


_TYPES = {
    "multichoice": SINGLE,
    "truefalse": TRUEFALSE,
    "shortanswer": SHORTANSWER,
    "numerical": NUMERICAL,
    "matching": MATCHING,
    "essay": ESSAY,
    "ordering": ORDERING,
}
# Moodle's cloze gap: {weight:TYPE:answers}; the answers hold no unescaped "}".
_GAP = re.compile(r"\{(?P<weight>\d*):(?P<type>[A-Z_]+)(?::(?P<answers>(?:\\.|[^}])*))?\}")
# Gap type -> (question type, case sensitive)
_GAP_TYPES = {
    "SHORTANSWER": (SHORTANSWER, False),
    "SA": (SHORTANSWER, False),
    "MW": (SHORTANSWER, False),
    "SHORTANSWER_C": (SHORTANSWER, True),
    "SAC": (SHORTANSWER, True),
    "MWC": (SHORTANSWER, True),
    "NUMERICAL": (NUMERICAL, False),
    "NM": (NUMERICAL, False),
    **dict.fromkeys(
        ("MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH")
        + ("MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS"),
        (SINGLE, False),
    ),
    **dict.fromkeys(
        ("MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH")
        + ("MULTIRESPONSE_S", "MRS", "MULTIRESPONSE_HS", "MRHS"),
        (MULTIPLE, False),
    ),
}
_GAP_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d*)?)%")
_CLOZE_NOTE = gettext_noop("Imported from a cloze question with one gap, shown as _____.")
_CLOZE_NO_GAP = gettext_noop("The cloze question has no gap to answer; it was skipped.")
_CLOZE_GAP_TYPE = gettext_noop(
    "A gap of the cloze question is of a type that cannot be graded here; it was skipped."
)
_CLOZE_BROKEN = gettext_noop(
    "The cloze question's gap has answers Moodle itself would refuse; it was skipped."
)


# qtype_ordering's grading types (set_layout_select_count_grading): all or nothing and the
# share of items in their absolute position are ours; the relative ones are not.
_ORDERING_ALL_OR_NOTHING = {"ALL_OR_NOTHING"}
_ORDERING_ABSOLUTE = {"ABS", "ABSOLUTE", "ABSOLUTE_POSITION"}
_ORDERING_SUBSET = gettext_noop(
    "In Moodle a learner ordered only some of the items; here every item is shown."
)
_ORDERING_RELATIVE = gettext_noop(
    "Moodle graded the order relative to neighbouring items; here each item in its right "
    "position earns its share."
)
_ORDERING_BOTH = gettext_noop(
    "In Moodle a learner ordered only some of the items, graded relative to neighbouring "
    "items; here every item is shown and each in its right position earns its share."
)


def _ordering_grading(element: ET.Element, items: int) -> tuple[str, str]:
    """(mode, note) of a qtype_ordering question, with the plugin's defaults for missing or
    empty fields: RANDOM selection, RELATIVE_NEXT_EXCLUDE_LAST grading."""
    # Files from before the plugin's version 2015 name the selection "logical"/"studentsee".
    old = element.find("selecttype") is None
    select = (element.findtext("logical" if old else "selecttype") or "").strip().upper()
    count_text = (element.findtext("studentsee" if old else "selectcount") or "").strip()
    grading_type = (element.findtext("gradingtype") or "").strip().upper()
    count = int(count_text) if count_text.isdigit() else 6
    # RANDOM (the default) and CONTIGUOUS show `selectcount` items; 0 or all of them is all.
    subset = select not in ("ALL", "EXACT") and 0 < count < items
    if grading_type in _ORDERING_ALL_OR_NOTHING:
        mode, relative = ALL_OR_NOTHING, False
    else:
        mode, relative = PARTIAL, grading_type not in _ORDERING_ABSOLUTE
    if subset and relative:
        return mode, _ORDERING_BOTH
    return mode, _ORDERING_SUBSET if subset else _ORDERING_RELATIVE if relative else ""


def _gap_choices(answers: str, question_type: str, line: int | None) -> list[ChoiceDraft]:
    """Moodle's cloze answers: `=right#feedback~%50%half~wrong`, "~" between answers."""
    choices = []
    for piece in re.split(r"(?<!\\)~", answers):
        piece = piece.strip()
        if not piece:
            continue
        percent = "0"
        if piece.startswith("="):
            percent, piece = "100", piece[1:]
        elif match := _GAP_WEIGHT.match(piece):
            percent, piece = match.group(1), piece[match.end() :]
        answer, _, feedback = piece.partition("#")
        answer = answer.replace("\\}", "}").replace("\\~", "~").strip()
        tolerance = ""
        if question_type == NUMERICAL and ":" in answer:
            answer, _, tolerance = answer.partition(":")
        if question_type in (SHORTANSWER, NUMERICAL):
            answer = html.unescape(strip_tags(answer)).strip()
            answer = html.escape(answer, quote=False)
        choices.append(
            ChoiceDraft(
                text_html=answer,
                percent=percent,
                feedback_html=feedback.strip(),
                line=line,
                tolerance=tolerance.strip(),
            )
        )
    return choices


def parse(data: bytes | str) -> ImportResult:
    """Parse a whole Moodle XML file; raise ImportFileError listing every problem found."""
    root, lines = _read_tree(decode_text(data))
    return _Reader(lines).read(root)
