"""Read a GIFT question file (Moodle's text format): every type the quiz engine grades.

Single and multiple choice, true/false, short answer `{=a =b}`, numerical `{#3.14:0.01}` and
`{#1..5}`, matching `{=item -> answer ...}` and essay `{}`.

The rules follow Moodle's qformat_gift, so a file Moodle imports reads the same here:
questions are separated by blank lines, lines starting with // are comments, `::name::`
opens a question, `{...}` holds its answers, `####` starts the general feedback, and
`\\= \\~ \\# \\{ \\} \\:` `\\n` `\\\\` are escapes. Where Moodle silently guesses (an unclosed
brace, a second answer block run together with the next question), we refuse the file
instead, because an import is all-or-nothing and a guess would import a wrong question.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from quizzes.grading import (
    ALL_OR_NOTHING,
    ESSAY,
    MATCHING,
    MULTIPLE,
    NUMERICAL,
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

_FORMATS = {"html": HTML, "moodle": MOODLE_AUTO, "plain": PLAIN, "markdown": MARKDOWN}
# Escaped characters become private-use placeholders while the syntax is parsed, so an
# escaped "=" or "}" can never be read as syntax; they turn back into characters at the end.
_ESCAPABLE = "\\:#={}~n"
_PLACEHOLDERS = {char: chr(0xE000 + i) for i, char in enumerate(_ESCAPABLE)}
_UNESCAPED = {ph: ("\n" if char == "n" else char) for char, ph in _PLACEHOLDERS.items()}
_ESCAPE = re.compile(r"\\([\\:#={}~n])")
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d*)?)%")
_TRUEFALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def _escape(text: str) -> str:
    return _ESCAPE.sub(lambda match: _PLACEHOLDERS[match.group(1)], text)


def _unescape(text: str) -> str:
    return "".join(_UNESCAPED.get(char, char) for char in text)


@dataclass(frozen=True)
class _Block:
    """Lines between blank lines, comments blanked out so line numbers still add up."""

    first_line: int
    text: str  # escaped

    def line_at(self, offset: int) -> int:
        return self.first_line + self.text.count("\n", 0, offset)


def _blocks(text: str) -> Iterator[_Block]:
    lines: list[str] = []
    first = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            if lines:
                yield _Block(first, _escape("\n".join(lines)))
            lines = []
            continue
        if not lines:
            first = number
        lines.append("" if line.startswith("//") else line)
    if lines:
        yield _Block(first, _escape("\n".join(lines)))


def _formatted(text: str, default: str) -> tuple[str, str]:
    """Split a leading [html]/[moodle]/[plain]/[markdown] marker off `text`: (format, rest)."""
    text = text.strip()
    match = re.match(r"\[(\w+)\]", text)
    if match and match.group(1) in _FORMATS:
        return _FORMATS[match.group(1)], text[match.end() :]
    return default, text


def _html(text: str, default: str) -> str:
    text_format, rest = _formatted(text, default)
    return text_to_html(_unescape(rest), text_format)


def _brace_problem(text: str, opening: int, closing: int) -> tuple[int, str] | None:
    """Where and why the braces of a question block are unbalanced, or None when they are not."""
    if opening == -1 or -1 < closing < opening:
        return closing, gettext_noop("A } has no { before it; write \\} for a literal brace.")
    if closing == -1:
        return opening, gettext_noop("The { that starts the answers is never closed by }.")
    stray = [i for i in (text.find("{", opening + 1), text.find("}", closing + 1)) if i != -1]
    if stray:
        message = gettext_noop(
            "A second { or } in one question: separate questions with a blank line, "
            "or write \\{ and \\} for literal braces."
        )
        return min(stray), message
    return None


def _question_type(answer: str) -> str:
    """Moodle's reading of an answer block, in Moodle's order."""
    if not answer:
        return "essay"
    if answer.startswith("#"):
        return "numerical"
    if "~" in answer:
        return "multichoice"
    if "=" in answer and "->" in answer:
        return "match"
    if answer.split("#", 1)[0].strip() in _TRUEFALSE:
        return "truefalse"
    return "shortanswer"


@dataclass
class _Parts:
    """A question block cut into its pieces; offsets point into the block's text."""

    name: str | None
    start: int
    text: str  # question text with the answer block removed (or replaced by a blank)
    answer: str
    answer_at: int | None  # None: no answer block, so the block is a description
    general_feedback: str


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.questions: list[ParsedQuestion] = []
        self.categories: list[ParsedCategory] = []
        self.skipped: list[Skipped] = []
        self.category: list[str] = []
        self.position = 0

    def read(self, text: str) -> ImportResult:
        for block in _blocks(text):
            self._block(block)
        if self.problems:
            raise ImportFileError(self.problems)
        return ImportResult(self.questions, self.categories, self.skipped)

    def _problem(self, line: int, message: str, **params: object) -> None:
        self.problems.append(Problem(line, message, params, self.position))

    def _block(self, block: _Block) -> None:
        start = len(block.text) - len(block.text.lstrip())
        if block.text.startswith("$CATEGORY:", start):
            start = self._category(block, start)
        if start >= len(block.text):
            return  # only comments, or only a category line
        self.position += 1
        parts = self._split(block, start)
        if parts:
            self._question(block, parts)

    def _category(self, block: _Block, start: int) -> int:
        end = block.text.find("\n", start)
        end = len(block.text) if end == -1 else end
        self.category = category_path(_unescape(block.text[start + len("$CATEGORY:") : end]))
        if self.category and self.category not in [c.path for c in self.categories]:
            line = block.line_at(start)
            self.categories.append(ParsedCategory(path=self.category, line=line))
        rest = block.text[end:]
        return end + len(rest) - len(rest.lstrip())

    def _split(self, block: _Block, start: int) -> _Parts | None:
        text, name, body = block.text, None, start
        if text.startswith("::", start):
            close = text.find("::", start + 2)
            if close == -1:
                self._problem(block.line_at(start), gettext_noop("The name is not closed by ::."))
                return None
            name, body = _unescape(text[start + 2 : close]).strip(), close + 2
        opening, closing = text.find("{", body), text.find("}", body)
        if opening == -1 and closing == -1:
            return _Parts(name, start, text[body:], "", None, "")
        if not self._braces_ok(block, opening, closing):
            return None
        after = text[closing + 1 :]
        # Moodle's "missing word" format: text after the answers means a blank goes there.
        question_text = text[body:opening] + ("_____" if after.strip() else "") + after
        answer, separator, general = text[opening + 1 : closing].rpartition("####")
        if not separator:
            answer, general = general, ""
        answer_at = opening + 1 + len(answer) - len(answer.lstrip())
        return _Parts(name, start, question_text, answer.strip(), answer_at, general)

    def _braces_ok(self, block: _Block, opening: int, closing: int) -> bool:
        problem = _brace_problem(block.text, opening, closing)
        if problem:
            self._problem(block.line_at(problem[0]), problem[1])
        return problem is None

    def _question(self, block: _Block, parts: _Parts) -> None:
        line = block.line_at(parts.start)
        text_format, question_text = _formatted(parts.text, MOODLE_AUTO)
        text_html = text_to_html(_unescape(question_text), text_format)
        qtype = "description" if parts.answer_at is None else _question_type(parts.answer)
        name = parts.name or default_name(text_html)
        if qtype not in _TYPES:
            self.skipped.append(Skipped(name, qtype, self.position, line, skip_reason(qtype)))
            return
        mode = None
        if qtype == "truefalse":
            question_type, choices = TRUEFALSE, _truefalse_choices(parts.answer, text_format)
        elif qtype == "multichoice":
            question_type = SINGLE if "=" in parts.answer else MULTIPLE
            choices = self._multichoice_choices(block, parts, text_format)
        else:
            question_type = _TYPES[qtype]
            mode = PARTIAL if question_type == MATCHING else ALL_OR_NOTHING
            choices = self._typed_choices(block, parts, question_type, text_format, line)
        draft = QuestionDraft(
            name=parts.name or "",
            type=question_type,
            text_html=text_html,
            general_feedback_html=_html(parts.general_feedback, text_format),
            category_path=self.category,
            choices=choices,
            position=self.position,
            line=line,
            mode=mode,
        )
        question = finish_question(draft, self.problems)
        if question:
            self.questions.append(question)

    def _typed_choices(
        self, block: _Block, parts: _Parts, question_type: str, default: str, line: int
    ) -> list[ChoiceDraft]:
        """Answers of short answer, numerical and matching questions, as Moodle reads them."""
        if question_type == ESSAY:
            return []
        answer, wrong_feedback = parts.answer, ""
        if question_type == NUMERICAL:
            answer = answer[1:]
            # "~#feedback" after the answers: the feedback of any other (wrong) number.
            answer, _, wrong_feedback = answer.partition("~")
        pieces = [p.strip() for p in answer.split("=")]
        pieces = [p for p in pieces if p]
        if question_type == MATCHING:
            return [self._pair(piece, default, line) for piece in pieces]
        choices = [self._weighted(piece, question_type, default, line) for piece in pieces]
        if question_type == NUMERICAL and wrong_feedback:
            _, _, feedback = wrong_feedback.partition("#")
            choices.append(ChoiceDraft("*", "0", _html(feedback, default), line))
        return choices

    def _pair(self, piece: str, default: str, line: int) -> ChoiceDraft:
        item, arrow, answer = piece.partition("->")
        if not arrow:
            message = gettext_noop('The matching pair "%(pair)s" has no "->".')
            self._problem(line, message, pair=_unescape(piece))
        return ChoiceDraft(_html(item, default), "0", line=line, match=_unescape(answer).strip())

    def _weighted(self, piece: str, question_type: str, default: str, line: int) -> ChoiceDraft:
        percent = "100"
        match = _WEIGHT.match(piece)
        if match:
            percent, piece = match.group(1), piece[match.end() :]
        answer, _, feedback = piece.partition("#")
        answer = _unescape(answer).strip()
        if question_type != NUMERICAL:
            # Accepted answers are plain text: compared with what is typed, never rendered.
            return ChoiceDraft(_plain_html(answer), percent, _html(feedback, default), line)
        tolerance = ""
        if ".." in answer:
            low, _, high = answer.partition("..")
            try:
                low_value, high_value = Decimal(low.strip()), Decimal(high.strip())
            except InvalidOperation:
                message = gettext_noop('The range "%(range)s" is not written like 1..5.')
                self._problem(line, message, range=answer)
                return ChoiceDraft(answer, percent, line=line)
            middle = (low_value + high_value) / 2
            answer, tolerance = str(middle.normalize()), str(abs(high_value - middle).normalize())
        elif ":" in answer:
            answer, _, tolerance = answer.partition(":")
        return ChoiceDraft(
            answer.strip(), percent, _html(feedback, default), line, tolerance=tolerance.strip()
        )

    def _multichoice_choices(self, block: _Block, parts: _Parts, default: str) -> list[ChoiceDraft]:
        # Like Moodle: "=" starts a right answer and "~" any other; text before the first
        # marker is an answer too. Offsets are kept so a bad weight is reported on its line.
        choices, offset = [], parts.answer_at or 0
        for piece in re.split(r"(?=[~=])", parts.answer):
            if piece.strip():
                choices.append(self._piece(piece, default, block.line_at(offset)))
            offset += len(piece)
        return choices

    def _piece(self, piece: str, default: str, line: int) -> ChoiceDraft:
        if piece.startswith("="):
            return _choice(piece[1:], "100", default, line)
        body = piece.removeprefix("~").strip()
        match = _WEIGHT.match(body)
        if match:
            return _choice(body[match.end() :], match.group(1), default, line)
        if body.startswith("%"):
            # Moodle would keep "%33 %..." as answer text; an import must not guess.
            message = gettext_noop('The weight of "%(answer)s" is not written like %%50%%.')
            self._problem(line, message, answer=_unescape(body))
        return _choice(body, "0", default, line)


_TYPES = {
    "multichoice": SINGLE,
    "truefalse": TRUEFALSE,
    "shortanswer": SHORTANSWER,
    "numerical": NUMERICAL,
    "match": MATCHING,
    "essay": ESSAY,
}


def _plain_html(text: str) -> str:
    return html.escape(text, quote=False)


def _choice(text: str, percent: str, default: str, line: int | None) -> ChoiceDraft:
    answer, _, feedback = text.partition("#")
    return ChoiceDraft(_html(answer, default), percent, _html(feedback, default), line)


def _truefalse_choices(answer: str, default: str) -> list[ChoiceDraft]:
    """The true and the false choice; GIFT gives the wrong answer's feedback first."""
    value, _, feedback = answer.partition("#")
    wrong, _, right = feedback.partition("#")
    is_true = _TRUEFALSE[value.strip()]
    wrong_html, right_html = _html(wrong, default), _html(right, default)
    return [
        ChoiceDraft(TRUE_TEXT, "100" if is_true else "0", right_html if is_true else wrong_html),
        ChoiceDraft(FALSE_TEXT, "0" if is_true else "100", wrong_html if is_true else right_html),
    ]


def parse(data: bytes | str) -> ImportResult:
    """Parse a whole GIFT file; raise ImportFileError listing every problem found."""
    return _Reader().read(decode_text(data))
