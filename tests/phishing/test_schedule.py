"""Sends are spread over the window, stably, so colleagues cannot warn each other."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from phishing.schedule import spread

START = datetime.datetime(2026, 12, 1, 8, 0, tzinfo=datetime.UTC)


@given(st.sets(st.integers(min_value=1, max_value=10**6), max_size=300), st.integers(0, 240))
def test_every_key_gets_a_time_inside_the_window(keys, hours):
    times = spread(sorted(keys), start=START, window_hours=hours, seed="c1")
    assert set(times) == keys
    end = START + datetime.timedelta(hours=hours)
    assert all(START <= t <= end for t in times.values())
    if hours and len(keys) > 1:
        assert all(t < end for t in times.values())


def test_the_same_campaign_gets_the_same_times_and_another_other_ones():
    keys = list(range(1, 51))
    first = spread(keys, start=START, window_hours=48, seed="campaign-1")
    assert first == spread(list(reversed(keys)), start=START, window_hours=48, seed="campaign-1")
    assert first != spread(keys, start=START, window_hours=48, seed="campaign-2")
    # Spread, not a burst: 50 people over 48 hours are never two at the same minute.
    assert len({t.replace(second=0, microsecond=0) for t in first.values()}) == 50
