"""Exported cells never start a spreadsheet formula: a property test of the one rule."""

from hypothesis import given
from hypothesis import strategies as st

from core.spreadsheets import neutralise

TRIGGERS = "=+-@\t\r＝＋－＠"


@given(st.text())
def test_neutralised_text_never_starts_a_formula(text):
    result = neutralise(text)
    assert not result.lstrip().startswith(tuple(TRIGGERS))
    # Nothing is lost: the original is the result, or the result without the added quote.
    if text[:1] in TRIGGERS and text or text.lstrip()[:1] in TRIGGERS and text.lstrip():
        assert result == "'" + text
    else:
        assert result == text
    assert neutralise(result) == result  # idempotent


@given(st.sampled_from(list(TRIGGERS)), st.text())
def test_every_trigger_is_neutralised(trigger, rest):
    assert neutralise(trigger + rest) == "'" + trigger + rest


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.none(), st.booleans()))
def test_values_that_are_not_text_pass_unchanged(value):
    assert neutralise(value) == value
