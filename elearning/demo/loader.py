"""Reads the demo courses from data files: course.yaml, Markdown lessons and a GIFT question file.

Each folder under `data/` is one course, named by its slug:

    data/<course-slug>/course.yaml      the course page's fields and its place in the catalogue
    data/<course-slug>/NN-<slug>.md     a lesson: YAML front matter (its title), then the body
    data/<course-slug>/questions.gift   the final quiz's questions, for the quiz importer

A lesson body is Markdown, turned into the lesson StreamField blocks (courses/blocks.py):
plain Markdown becomes a `rich_text` block, and two fenced containers make the other blocks,

    ::: callout tip|warning|info Optional title      ::: key-points Optional title
    Markdown text of the callout                      - one point per item
    :::                                               :::

Only what the rich-text editor can show is accepted (paragraphs, h2/h3, lists, bold, italic,
links); anything else is refused with the file and line, never dropped. No ORM, no settings:
seed_demo writes what this module reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

DATA_DIR = Path(__file__).resolve().parent / "data"
QUESTIONS_FILE = "questions.gift"

CALLOUT_KINDS = ("tip", "warning", "info")
_COURSE_FIELDS = {
    "order": int,
    "title": str,
    "summary": str,
    "estimated_minutes": int,
    "risk_categories": list,
    "required_from_level": str,
    "refresher_months": int,
    "audience": str,
}
_LESSON_FILE = re.compile(r"(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FENCE = re.compile(r":::\s*(.*)")

# What RICH_TEXT_FEATURES (courses/blocks.py) can hold, as markdown-it token types.
_BLOCK_TOKENS = {
    "paragraph_open", "paragraph_close", "heading_open", "heading_close", "inline",
    "bullet_list_open", "bullet_list_close", "ordered_list_open", "ordered_list_close",
    "list_item_open", "list_item_close",
}  # fmt: skip
_INLINE_TOKENS = {
    "text", "softbreak", "strong_open", "strong_close", "em_open", "em_close",
    "link_open", "link_close",
}  # fmt: skip
_HEADINGS = {"h2", "h3"}


class DemoDataError(ValueError):
    """A data file the loader cannot read faithfully; the message names the file and line."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: str
    body: list[dict]  # raw StreamField data: [{"type": ..., "value": ...}, ...]


@dataclass(frozen=True)
class Course:
    slug: str
    order: int
    title: str
    summary: str
    estimated_minutes: int
    risk_categories: list[str]
    required_from_level: str
    refresher_months: int
    audience: str
    lessons: list[Lesson]
    questions_path: Path | None  # None: the course has no final quiz


def _markdown() -> MarkdownIt:
    # CommonMark without raw HTML: the files hold text, and the editor's features decide markup.
    md = MarkdownIt("commonmark", {"html": False})
    # A line break inside a paragraph is only where the file was wrapped: a space, as an
    # editor typing the text would have written it.
    md.add_render_rule("softbreak", lambda *args: " ")
    return md


_MD = _markdown()


def markdown_to_html(text: str, *, path: Path, first_line: int = 1) -> str:
    """The rich-text HTML of a Markdown text; refuses markup the lesson editor cannot hold."""
    tokens = _MD.parse(text)
    for token in tokens:
        line = first_line + token.map[0] if token.map else first_line
        if token.type not in _BLOCK_TOKENS:
            raise DemoDataError(path, f"{token.type} is not allowed in a lesson text.", line)
        if token.type == "heading_open" and token.tag not in _HEADINGS:
            raise DemoDataError(path, "only ## and ### headings are allowed.", line)
        for child in token.children or ():
            if child.type not in _INLINE_TOKENS:
                raise DemoDataError(path, f"{child.type} is not allowed in a lesson text.", line)
    html = _MD.renderer.render(tokens, _MD.options, {})
    # The newlines markdown-it puts between tags would only be whitespace in the editor.
    return re.sub(r">\n+<", "><", html).strip()


def _key_points(lines: list[str], *, path: Path, first_line: int) -> list[str]:
    points: list[str] = []
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        if line.startswith("- "):
            points.append(line[2:].strip())
        elif line.startswith(" ") and points:
            points[-1] += " " + line.strip()
        else:
            raise DemoDataError(path, "a key point starts with '- '.", number)
    if not points:
        raise DemoDataError(path, "key-points need at least one point.", first_line)
    return points


def _block(head: str, lines: list[str], *, path: Path, line: int) -> dict:
    kind, _, rest = head.partition(" ")
    if kind == "callout":
        callout_kind, _, title = rest.strip().partition(" ")
        if callout_kind not in CALLOUT_KINDS:
            kinds = ", ".join(CALLOUT_KINDS)
            raise DemoDataError(path, f"a callout is one of {kinds}.", line)
        text = markdown_to_html("\n".join(lines), path=path, first_line=line + 1)
        return {
            "type": "callout",
            "value": {"kind": callout_kind, "title": title.strip(), "text": text},
        }
    if kind == "key-points":
        points = _key_points(lines, path=path, first_line=line + 1)
        return {"type": "key_points", "value": {"title": rest.strip(), "points": points}}
    raise DemoDataError(path, f"unknown block '::: {head}' (callout or key-points).", line)


def lesson_body(text: str, *, path: Path, first_line: int = 1) -> list[dict]:
    """StreamField data for a lesson body written in Markdown with ::: containers."""
    blocks: list[dict] = []
    plain: list[str] = []
    plain_start = first_line
    lines = text.splitlines()

    def flush() -> None:
        if "".join(plain).strip():
            html = markdown_to_html("\n".join(plain), path=path, first_line=plain_start)
            blocks.append({"type": "rich_text", "value": html})
        plain.clear()

    index = 0
    while index < len(lines):
        number = first_line + index
        fence = _FENCE.fullmatch(lines[index].strip())
        if fence is None:
            if not plain:
                plain_start = number
            plain.append(lines[index])
            index += 1
            continue
        if not fence.group(1):
            raise DemoDataError(path, "':::' closes a block that was never opened.", number)
        flush()
        end = index + 1
        while end < len(lines) and lines[end].strip() != ":::":
            if _FENCE.fullmatch(lines[end].strip()):
                raise DemoDataError(path, "blocks cannot be nested.", first_line + end)
            end += 1
        if end == len(lines):
            raise DemoDataError(path, f"'::: {fence.group(1)}' is never closed by ':::'.", number)
        blocks.append(_block(fence.group(1), lines[index + 1 : end], path=path, line=number))
        index = end + 1
    flush()
    if not blocks:
        raise DemoDataError(path, "the lesson has no text.")
    return blocks


def lesson_load(path: Path) -> Lesson:
    """A lesson file: `---` front matter with its title, then the Markdown body."""
    match = _LESSON_FILE.fullmatch(path.name)
    if match is None:
        raise DemoDataError(path, "a lesson file is named NN-slug.md.")
    text = path.read_text(encoding="utf-8")
    head = re.match(r"---\n(.*?\n)---\n", text, re.DOTALL)
    if head is None:
        raise DemoDataError(path, "the file starts with front matter between '---' lines.", 1)
    front = yaml.safe_load(head.group(1)) or {}
    if not isinstance(front, dict) or set(front) != {"title"} or not front["title"]:
        raise DemoDataError(path, "the front matter holds the lesson's title only.", 2)
    first_line = head.group(0).count("\n") + 1
    body = lesson_body(text[head.end() :], path=path, first_line=first_line)
    return Lesson(slug=match.group(2), title=str(front["title"]), body=body)


def course_load(folder: Path) -> Course:
    if _SLUG.fullmatch(folder.name) is None:
        raise DemoDataError(folder, "a course folder is named by the course's slug.")
    path = folder / "course.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or set(data) != set(_COURSE_FIELDS):
        fields = ", ".join(_COURSE_FIELDS)
        raise DemoDataError(path, f"course.yaml has exactly these fields: {fields}.")
    for name, kind in _COURSE_FIELDS.items():
        if not isinstance(data[name], kind):
            found = type(data[name]).__name__
            raise DemoDataError(path, f"{name}: expected {kind.__name__}, found {found}.")
    lessons = [lesson_load(p) for p in sorted(folder.glob("*.md"))]
    if not lessons:
        raise DemoDataError(folder, "a course has at least one lesson (NN-slug.md).")
    questions = folder / QUESTIONS_FILE
    return Course(
        slug=folder.name,
        lessons=lessons,
        questions_path=questions if questions.exists() else None,
        **data,
    )


def courses_load(data_dir: Path = DATA_DIR) -> list[Course]:
    """Every course folder under `data_dir`, in catalogue order."""
    if not data_dir.is_dir():
        raise DemoDataError(data_dir, "the data folder does not exist.")
    folders = [p for p in sorted(data_dir.iterdir()) if (p / "course.yaml").is_file()]
    if not folders:
        raise DemoDataError(data_dir, "no course folder (with a course.yaml) found.")
    return sorted((course_load(folder) for folder in folders), key=lambda c: c.order)
