"""Forms: strict parsing of submitted answers, checks on authored questions and quizzes, import."""

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils.crypto import salted_hmac
from django.utils.formats import number_format
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.uploads import validate_upload_size

from . import grading
from .importers.base import (
    FALSE_TEXT,
    TRUE_TEXT,
    VALID_FRACTIONS,
    ParsedChoice,
    choices_problem,
    typed_choices_problem,
)
from .models import Choice, QuestionBank
from .services import InvalidAnswers

ANSWER_PREFIX = "q-"
# Only the CSRF token may travel next to the answers; a "score" or "passed" field is tampering.
ALLOWED_FIELDS = frozenset({"csrfmiddlewaretoken"})
MAX_IMPORT_BYTES = 5 * 1024 * 1024


def choice_token(attempt_id: int, choice_id: int) -> str:
    """The value a choice's input carries in one attempt.

    Not the choice's id: ids grow in the order an editor wrote the choices, and the right one
    is often written first, so ids would hint at the answer whatever the shuffled order. A
    token from another attempt, another user or a guessed id matches nothing.
    """
    return salted_hmac("quizzes.choice", f"{attempt_id}:{choice_id}").hexdigest()[:20]


def match_token(attempt_id: int, question_id: int, answer: str) -> str:
    """The value a matching answer's option carries in one attempt (see choice_token)."""
    return salted_hmac("quizzes.match", f"{attempt_id}:{question_id}:{answer}").hexdigest()[:20]


MAX_SHORT_ANSWER = 255
MAX_ESSAY = 20_000


@dataclass(frozen=True)
class AnswerKeys:
    """What the attempt's form may send: choice tokens, each question's type, match options.

    Holds no answer key: which option is right stays with the grader.
    """

    tokens: Mapping[str, int]  # choice token -> choice id
    types: Mapping[int, str] = field(default_factory=dict)  # question id -> type
    matches: Mapping[str, str] = field(default_factory=dict)  # match token -> answer text
    gaps: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # cloze: gap types


def answer_keys_of(
    attempt_id: int,
    questions: Iterable[tuple[int, str, Iterable[int], list | None]],
    match_answers: Mapping[int, Iterable[str]],
) -> AnswerKeys:
    """The AnswerKeys of an attempt from its (question id, type, choice order, cloze gaps) rows
    and the matching answers of its matching questions, so every reader builds them alike."""
    rows = list(questions)
    return AnswerKeys(
        tokens={choice_token(attempt_id, pk): pk for _, _, order, _ in rows for pk in order},
        types={question_id: question_type for question_id, question_type, _, _ in rows},
        gaps={
            question_id: tuple(gap["type"] for gap in question_gaps or ())
            for question_id, question_type, _, question_gaps in rows
            if question_type == grading.CLOZE
        },
        matches={
            match_token(attempt_id, question_id, answer): answer
            for question_id, given in match_answers.items()
            for answer in given
            if answer
        },
    )


def answers_from_form(attempt_id: int, data: QueryDict):
    """The service's `answers` for a submitted form: parsed against the attempt's questions
    and choices once the service has read (and locked) them."""

    def parse(items, choices_of) -> dict:
        keys = answer_keys_of(
            attempt_id,
            ((i.question_id, i.question.type, i.choice_order, i.question.gaps) for i in items),
            {
                i.question_id: [c.match for c in choices_of[i.question_id]]
                for i in items
                if i.question.type == grading.MATCHING
            },
        )
        return answers_from_post(data, tokens=keys)

    return parse


def _typed(question_type: str, values: list[str]) -> str:
    limit = MAX_ESSAY if question_type == grading.ESSAY else MAX_SHORT_ANSWER
    if len(values) != 1 or len(values[0]) > limit:
        raise ValueError(values)
    return values[0].replace("\r\n", "\n")


def answers_from_post(data: QueryDict, *, tokens: Mapping[str, int] | AnswerKeys) -> dict:
    """Question id -> answer, from fields named q-<question id>[-<item token>].

    Choice questions give their selected choice ids, typed ones their text, matching
    {item id: chosen answer text}, ordering {item id: position} and cloze {gap number: the
    gap's answer} from fields q-<question id>-g<gap number>. `tokens` maps the
    attempt's tokens to ids. Raise InvalidAnswers (400) for any other field or an unknown
    value, so a form the take page cannot produce is refused before anything is graded.
    """
    keys = tokens if isinstance(tokens, AnswerKeys) else AnswerKeys(tokens=tokens)
    answers: dict = {}
    for key in data:
        if key in ALLOWED_FIELDS:
            continue
        try:
            if not key.startswith(ANSWER_PREFIX):
                raise ValueError(key)
            question, _, item = key.removeprefix(ANSWER_PREFIX).partition("-")
            question_id = int(question)
            question_type = keys.types.get(question_id, grading.SINGLE)
            values = data.getlist(key)
            if question_type == grading.CLOZE:
                number, answer = _gap_answer(keys, question_id, item, values)
                answers.setdefault(question_id, {})[number] = answer
            elif question_type in grading.PAIRED_TYPES:
                if not item or len(values) != 1:
                    raise ValueError(key)
                item_id = keys.tokens[item]
                answers.setdefault(question_id, {})[item_id] = _paired(keys, question_type, values)
            elif item:
                raise ValueError(key)
            elif question_type in grading.TEXT_TYPES:
                answers[question_id] = _typed(question_type, values)
            else:
                answers[question_id] = [keys.tokens[value] for value in values]
        except (ValueError, KeyError):
            raise InvalidAnswers(gettext("The form contains fields it cannot contain.")) from None
    return answers


def _gap_answer(keys: AnswerKeys, question_id: int, item: str, values: list[str]):
    """(gap number, answer) of one cloze field: typed text, or the selected choice ids."""
    if not item.startswith("g"):
        raise ValueError(item)
    number = int(item[1:])
    gap_types = keys.gaps.get(question_id, ())
    if not 1 <= number <= len(gap_types):
        raise ValueError(item)
    gap_type = gap_types[number - 1]
    if gap_type in grading.TEXT_TYPES:
        return number, _typed(gap_type, values)
    # A select left at "choose…" sends an empty value: not answered.
    return number, [keys.tokens[value] for value in values if value != ""]


def _paired(keys: AnswerKeys, question_type: str, values: list[str]):
    value = values[0]
    if value == "":
        return None  # "choose" left selected: not answered
    if question_type == grading.MATCHING:
        return keys.matches[value]
    position = int(value)
    if not 1 <= position <= 1000:
        raise ValueError(value)
    return position


def fraction_label(fraction: Decimal) -> str:
    percent = (fraction * 100).normalize()
    return f"{number_format(percent, decimal_pos=None)} %".replace("-", "−")


FRACTION_CHOICES = [
    (f"{fraction:.7f}", fraction_label(fraction))
    for fraction in sorted(VALID_FRACTIONS, reverse=True)
]


class FractionSelect(forms.Select):
    """Moodle's answer grades as percentages; only these can be imported, so only these here."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=FRACTION_CHOICES)

    def format_value(self, value):
        # The database gives 0.5000000, a new form 0: both must select their option.
        if value in (None, ""):
            return []
        try:
            return [f"{Decimal(str(value)):.7f}"]
        except ArithmeticError:
            return super().format_value(value)


def _kept_forms(formset):
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]


def _blank_rich_text(raw: str) -> bool:
    """Whether Draftail's submitted value (JSON content state, or HTML) holds no text."""
    raw = (raw or "").strip()
    if raw in ("", "null"):
        return True
    try:
        state = json.loads(raw)
    except ValueError:
        return not strip_tags(raw).strip()
    blocks = state.get("blocks", []) if isinstance(state, dict) else []
    return all(not (block.get("text") or "").strip() for block in blocks)


# Types that may have fewer than two typed choices: the blank forms the panel shows may stay blank.
_FEW_CHOICES = frozenset({grading.TRUEFALSE, grading.SHORTANSWER, grading.NUMERICAL, grading.ESSAY})
_TYPED = frozenset(grading.QUESTION_TYPES - grading.CHOICE_TYPES)


class QuestionAdminForm(WagtailAdminModelForm):
    """Refuses choices that could never be answered right, with the importer's own rules.

    A true/false question needs no typed choices: left without any, it gets "Pravda" and
    "Nepravda" by itself, the right one as `truefalse_right` says.
    """

    truefalse_right = forms.ChoiceField(
        label=_("Right answer (true/false questions)"),
        choices=[("true", _("True")), ("false", _("False"))],
        initial="true",
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "For a true/false question without choices of its own, the choices “True” and "
            "“False” are created with this one as the right answer."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("choices")
        if formset is not None and self.data.get("type") in _FEW_CHOICES:
            # The two choices may come from the form itself, so fewer typed ones are fine
            # and the blank forms the panel shows may stay blank.
            formset.min_num, formset.validate_min = 0, False
            for form in formset.forms:
                if _blank_rich_text(self.data.get(f"{form.prefix}-text", "")):
                    form.empty_permitted = True
                    form.has_changed = lambda: False

    def _generates_truefalse(self, cleaned) -> bool:
        formset = self.formsets.get("choices")
        return (
            cleaned.get("type") == grading.TRUEFALSE
            and formset is not None
            and formset.is_valid()
            and not _kept_forms(formset)
        )

    def clean(self):
        cleaned = super().clean()
        question_type = cleaned.get("type")
        if question_type and question_type not in (grading.MULTIPLE, *grading.PAIRED_TYPES):
            # Partial credit only means something for multiple choice, matching and ordering.
            cleaned["mode"] = grading.ALL_OR_NOTHING
        formset = self.formsets.get("choices")
        if self._generates_truefalse(cleaned):
            return cleaned
        if question_type == grading.CLOZE and formset is not None and formset.is_valid():
            self._clean_cloze(cleaned, _kept_forms(formset))
            return cleaned
        if question_type in _TYPED and formset is not None and formset.is_valid():
            kept = [
                ParsedChoice(
                    f.cleaned_data.get("text") or "",
                    f.cleaned_data.get("fraction") or Decimal(0),
                    match=(f.cleaned_data.get("match") or "").strip(),
                )
                for f in _kept_forms(formset)
                if not _blank_rich_text(f.cleaned_data.get("text") or "")
                or (f.cleaned_data.get("match") or "").strip()
            ]
            problem = typed_choices_problem(question_type, kept)
            if problem:
                message, params = problem
                self.add_error(None, gettext(message) % params)
            return cleaned
        if question_type and formset is not None and formset.is_valid():
            kept = _kept_forms(formset)
            if len(kept) < 2:
                self.add_error(None, gettext("Give the question at least two choices."))
                return cleaned
            fractions = [f.cleaned_data["fraction"] for f in kept]
            problem = choices_problem(question_type, fractions)
            if problem:
                message, params = problem
                self.add_error(None, gettext(message) % params)
        return cleaned

    def _clean_cloze(self, cleaned, kept) -> None:
        """Every gap {#n} of the text has a known type, and its answers pass that type's rules."""
        gaps = cleaned.get("gaps")
        if (
            not isinstance(gaps, list)
            or not gaps
            or not all(
                isinstance(gap, dict)
                and gap.get("type") in grading.GAP_TYPES
                and isinstance(gap.get("weight", 1), int)
                and gap.get("weight", 1) >= 0
                for gap in gaps
            )
        ):
            self.add_error(
                "gaps",
                gettext(
                    "Give each gap its type (shortanswer, numerical, single or multiple) and "
                    "a whole-number weight."
                ),
            )
            return
        marks = {int(n) for n in re.findall(r"\{#(\d+)\}", cleaned.get("text") or "")}
        if marks != set(range(1, len(gaps) + 1)):
            self.add_error(
                "text",
                gettext("The text must mark each gap once in order: {#1} to {#%(count)s}.")
                % {"count": len(gaps)},
            )
            return
        for number, gap in enumerate(gaps, 1):
            answers = [f.cleaned_data for f in kept if f.cleaned_data.get("gap") == number]
            if gap["type"] in grading.TEXT_TYPES:
                problem = typed_choices_problem(
                    gap["type"],
                    [
                        ParsedChoice(a.get("text") or "", a.get("fraction") or Decimal(0))
                        for a in answers
                    ],
                )
            else:
                problem = choices_problem(
                    gap["type"], [a.get("fraction") or Decimal(0) for a in answers]
                )
            if problem:
                message, params = problem
                self.add_error(
                    None,
                    gettext("Gap %(number)s: %(problem)s")
                    % {"number": number, "problem": gettext(message) % params},
                )

    def save(self, commit=True):
        generate = self._generates_truefalse(self.cleaned_data)
        question = super().save(commit=commit)
        if commit and generate and not question.choices.exists():
            true_right = self.cleaned_data.get("truefalse_right", "true") != "false"
            Choice.objects.bulk_create(
                [
                    Choice(
                        question=question,
                        sort_order=0,
                        text=gettext(TRUE_TEXT),
                        fraction=Decimal(1 if true_right else 0),
                    ),
                    Choice(
                        question=question,
                        sort_order=1,
                        text=gettext(FALSE_TEXT),
                        fraction=Decimal(0 if true_right else 1),
                    ),
                ]
            )
        return question


class QuizAdminForm(WagtailAdminModelForm):
    """The banks must hold enough active questions for an attempt, counts included."""

    def clean(self):
        cleaned = super().clean()
        per_attempt = cleaned.get("questions_per_attempt")
        formset = self.formsets.get("pools")
        if not per_attempt or formset is None or not formset.is_valid():
            return cleaned
        pools = [f.cleaned_data for f in _kept_forms(formset) if f.cleaned_data.get("bank")]
        if not pools:
            self.add_error(None, gettext("Choose at least one question bank."))
            return cleaned
        available = dict(
            QuestionBank.objects.filter(pk__in=[p["bank"].pk for p in pools])
            .annotate(n=Count("questions", filter=Q(questions__active=True)))
            .values_list("pk", "n")
        )
        counted = sum(p["count"] or 0 for p in pools)
        if counted > per_attempt:
            self.add_error(
                None,
                gettext(
                    "The banks' counts add up to %(counted)s, more than the %(per_attempt)s "
                    "questions of an attempt."
                )
                % {"counted": counted, "per_attempt": per_attempt},
            )
        for pool in pools:
            if pool["count"] and pool["count"] > available[pool["bank"].pk]:
                self.add_error(
                    None,
                    gettext(
                        "The bank %(bank)s should give %(count)s questions, but its active "
                        "questions number %(available)s."
                    )
                    % {
                        "bank": pool["bank"].name,
                        "available": available[pool["bank"].pk],
                        "count": pool["count"],
                    },
                )
        total = sum(available.values())
        if total < per_attempt:
            self.add_error(
                "questions_per_attempt",
                gettext(
                    "Active questions in the chosen banks: %(total)s; an attempt needs "
                    "%(per_attempt)s."
                )
                % {"total": total, "per_attempt": per_attempt},
            )
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Question file"),
        help_text=_("Moodle XML (.xml) or GIFT (.gift, .txt), in UTF-8."),
        validators=[validate_upload_size],
    )
    bank = forms.ModelChoiceField(
        label=_("Into the bank"), queryset=QuestionBank.objects.all(), required=False
    )
    new_bank = forms.CharField(label=_("or a new bank named"), max_length=200, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                gettext("The file is larger than %(size)s MB.")
                % {"size": MAX_IMPORT_BYTES // (1024 * 1024)}
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        bank, new_bank = cleaned.get("bank"), (cleaned.get("new_bank") or "").strip()
        if bool(bank) == bool(new_bank):
            raise forms.ValidationError(gettext("Choose a bank or name a new one (not both)."))
        if new_bank and QuestionBank.objects.filter(name=new_bank).exists():
            self.add_error("new_bank", gettext("A bank of this name exists; choose it above."))
        cleaned["bank_name"] = bank.name if bank else new_bank
        return cleaned


class EssayGradeForm(forms.Form):
    """A course editor's grade of one essay: a share of the question's mark and feedback."""

    points = forms.DecimalField(
        label=_("Points (% of the question's mark)"),
        min_value=0,
        max_value=100,
        decimal_places=2,
        localize=True,
    )
    feedback = forms.CharField(
        label=_("Feedback for the employee"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
