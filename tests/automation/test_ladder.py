"""The reminder ladder: each step at most once, in order, catching up after missed runs."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from automation import ladder

START = datetime.date(2026, 1, 1)


def _simulate(assigned_on, due, run_days, days_before=(7, 1)):
    done, sent = set(), []
    for today in run_days:
        decision = ladder.decide(
            assigned_on=assigned_on, due=due, today=today, done=done, days_before=days_before
        )
        done.update(decision.skip)
        if decision.send:
            assert decision.send not in done
            done.add(decision.send)
            sent.append((today, decision.send))
    return sent, done


def test_daily_runs_send_every_step_once_on_its_day():
    due = START + datetime.timedelta(days=30)
    days = [START + datetime.timedelta(days=i) for i in range(60)]
    sent, _ = _simulate(START, due, days)
    assert sent == [
        (START, "assigned"),
        (due - datetime.timedelta(days=7), "before_7"),
        (due - datetime.timedelta(days=1), "before_1"),
        (due + datetime.timedelta(days=1), "overdue"),
    ]


def test_a_missed_run_catches_up_with_the_step_that_matters_now():
    due = START + datetime.timedelta(days=30)
    # Nothing ran for three weeks; the first run is 3 days before the due date.
    sent, done = _simulate(START, due, [due - datetime.timedelta(days=3)])
    assert sent == [(due - datetime.timedelta(days=3), "before_7")]
    assert done == {"assigned", "before_7"}


def test_assigned_shortly_before_due_skips_the_past_rungs():
    due = START + datetime.timedelta(days=3)
    decision = ladder.decide(assigned_on=START, due=due, today=START, done=set())
    # before_7 lay before the assignment existed; it is passed over, never sent.
    assert decision.send == "assigned"
    assert decision.skip == ("before_7",)
    later = ladder.decide(
        assigned_on=START,
        due=due,
        today=START + datetime.timedelta(days=1),
        done={"assigned", "before_7"},
    )
    assert later.empty


def test_without_due_date_only_the_assignment_mail():
    sent, _ = _simulate(START, None, [START + datetime.timedelta(days=i) for i in range(90)])
    assert sent == [(START, "assigned")]


@given(
    assigned=st.integers(min_value=0, max_value=40),
    due_in=st.integers(min_value=-10, max_value=60),
    runs=st.lists(st.integers(min_value=0, max_value=120), min_size=1, max_size=40),
    days_before=st.sets(st.integers(min_value=1, max_value=30), max_size=4),
)
def test_any_run_pattern_sends_each_step_at_most_once_and_in_order(
    assigned, due_in, runs, days_before
):
    assigned_on = START + datetime.timedelta(days=assigned)
    due = assigned_on + datetime.timedelta(days=due_in)
    run_days = sorted({START + datetime.timedelta(days=r) for r in runs})
    sent, _ = _simulate(assigned_on, due, run_days, days_before)
    names = [name for _, name in sent]
    assert len(names) == len(set(names))
    order = [
        name
        for name, _ in ladder.step_dates(assigned_on=assigned_on, due=due, days_before=days_before)
    ]
    assert [order.index(n) for n in names] == sorted(order.index(n) for n in names)
    for today, name in sent:
        step_day = dict(
            ladder.step_dates(assigned_on=assigned_on, due=due, days_before=days_before)
        )[name]
        assert step_day <= today
