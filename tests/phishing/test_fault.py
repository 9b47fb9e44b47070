"""A worker killed mid-campaign: every person still gets their e-mail, the effects once.

Runs against real Redis and PostgreSQL (second run of .ci/run): the worker is a separate
process on the test database; its pool process is SIGKILLed while the send is half done.
The recipient rows are the effects and stay exactly one per person; the SMTP hop is at least
once, so at most the one e-mail in flight at the kill may arrive twice, with the same
Message-ID (the README states this guarantee).
"""

import datetime
import os
import re
import signal
import uuid
from collections import Counter

import pytest
from django.conf import settings
from django.utils import timezone

from elearning.celery import app
from organisation.models import User
from phishing import services, tasks
from phishing.models import Campaign, PhishingTemplate, Recipient
from tests.workers import pool_children, process_env, start_worker, stop_process, wait_for

PEOPLE = 300

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_killed_worker_mid_campaign_sends_everyone_once_and_doubles_no_effect(office, tmp_path):
    if not settings.CELERY_BROKER_URL.startswith("redis"):
        pytest.fail("The fault test needs Redis as the broker (CELERY_BROKER_URL)")
    User.objects.bulk_create(
        User(
            email=f"osoba{i}@urad.example.cz",
            first_name="Jiří",
            last_name=f"Kůň {i}",
            workplace=office["odbor"],
        )
        for i in range(PEOPLE)
    )
    now = timezone.now()
    campaign = Campaign.objects.create(
        name="Kampaň pod palbou",
        starts_at=now - datetime.timedelta(minutes=1),
        window_hours=0,
        ends_at=now + datetime.timedelta(days=1),
    )
    campaign.templates.set(PhishingTemplate.objects.filter(name="Doručení zásilky"))
    campaign.workplaces.set([office["odbor"]])
    expected = services.campaign_launch(campaign=campaign, by=office["manager"])["recipients"]
    assert expected == PEOPLE + 3  # the office fixture's three people in the domain

    queue = f"phishing-fault-{uuid.uuid4().hex[:8]}"
    mail_dir = tmp_path / "mail"
    env = process_env(settings.CELERY_BROKER_URL, queue, EMAIL_FILE_PATH=str(mail_dir))
    worker = start_worker(env, queue, tmp_path / "worker.log", concurrency=1)
    sent = Recipient.objects.filter(sent_at__isnull=False)
    try:
        assert wait_for(lambda: pool_children(worker.pid), timeout=60), "worker did not start"
        app.conf.task_always_eager = False
        try:
            tasks.send_due.apply_async(queue=queue)
        finally:
            app.conf.task_always_eager = True
        assert wait_for(lambda: sent.count() >= 50, timeout=90)
        for child in pool_children(worker.pid):
            os.kill(child, signal.SIGKILL)
        at_kill = sent.count()
        assert at_kill < expected, "the campaign finished before the kill; raise PEOPLE"
        assert wait_for(lambda: sent.count() == expected, timeout=240), (
            f"sent {sent.count()} of {expected}"
        )
    finally:
        stop_process(worker)

    assert Recipient.objects.filter(campaign=campaign).count() == expected
    delivered = [p.read_text(encoding="utf-8") for p in mail_dir.iterdir()]
    text = "".join(delivered)
    to = Counter(re.findall(r"^To: (\S+@urad\.example\.cz)$", text, re.M))
    print("sent at the kill:", at_kill, "delivered:", sum(to.values()), "of", expected)
    assert len(to) == expected  # nobody was lost
    doubled = [address for address, n in to.items() if n > 1]
    assert len(doubled) <= 1 and all(n <= 2 for n in to.values())
    ids = Counter(re.findall(r"^Message-ID: (<phishing\.\S+>)$", text, re.M))
    assert len(ids) == expected  # a repeat carries the same Message-ID
