"""Link scanners and bots are told from people (HEAD, agents, clicks seconds after delivery)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phishing import scanners

SENT = datetime.datetime(2026, 12, 1, 8, 0, tzinfo=datetime.UTC)
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0"


def reason(method="GET", agent=FIREFOX, after=120, min_seconds=10):
    return scanners.automated_reason(
        method=method,
        user_agent=agent,
        sent_at=SENT,
        at=SENT + datetime.timedelta(seconds=after),
        min_seconds=min_seconds,
    )


def test_a_person_with_a_browser_minutes_after_delivery_counts():
    assert reason() is None


def test_head_requests_are_scanners():
    assert reason(method="HEAD") == scanners.HEAD


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Barracuda Sentinel)",
        "python-requests/2.32",
        "curl/8.5.0",
        "Microsoft Office Existence Discovery",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0",
        "Go-http-client/1.1",
        "Proofpoint URL Defense",
    ],
)
def test_known_scanner_agents_are_not_people(agent):
    assert reason(agent=agent) == scanners.AGENT


def test_no_user_agent_is_not_a_person():
    assert reason(agent="") == scanners.NO_AGENT


def test_a_click_seconds_after_delivery_is_a_gateway_scanner():
    assert reason(after=3) == scanners.TOO_FAST
    assert reason(after=10) is None


@given(st.integers(min_value=0, max_value=86400), st.integers(min_value=0, max_value=600))
def test_the_delay_rule_is_exactly_the_threshold(after, min_seconds):
    expected = scanners.TOO_FAST if after < min_seconds else None
    assert reason(after=after, min_seconds=min_seconds) == expected
