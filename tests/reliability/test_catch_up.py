"""Point 3: tasks lost while the broker is down are re-derived by the catch-up job.

The broker (a private redis-server) is stopped for real while a review is approved,
people join, a course is completed and a job queues e-mails: every task those enqueue is
lost. The catch-up job then gives each person their plan, issues the certificate and
sends the e-mails; a second run changes nothing.
"""

import datetime
import logging

import pytest
import time_machine
from django.core import mail

from automation import services, tasks
from automation.models import OutboxEmail
from certificates.models import Certificate
from courses.models import Assignment
from courses.services import lesson_complete
from organisation import services as organisation_services
from organisation.models import EmployeeImport, User
from tests import factories

from .conftest import broker

pytestmark = [pytest.mark.redis]
JOINERS = 10


def test_catch_up_redoes_what_lost_tasks_should_have_done(
    redis_server, site, people, django_capture_on_commit_callbacks, caplog, client
):
    workplace, security = people["workplace"], people["security"]
    category = factories.RiskCategoryFactory(code="phishing", name="Phishing")
    plan_course = factories.make_plan_course(site[1], [category], title="Phishing", lessons=1)
    done_course = factories.make_course(site[1], title="Hesla", lessons=1)
    finished = factories.assign(people["employee"], done_course, due_in=10)
    reminded = factories.assign(people["manager"], done_course, due_in=7)

    redis_server.stop()
    with (
        broker(redis_server.url),
        caplog.at_level(logging.ERROR, logger="core.enqueue"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        factories.make_review(workplace, {category: (4, 4)}, approve_by=security)
        for i in range(JOINERS):
            User.objects.create(email=f"novy{i}@example.cz", workplace=workplace)
        lesson_complete(assignment=finished, lesson=done_course.get_children().first().specific)
        tasks.run_job("reminders")  # the job runs; its outbox flush cannot be enqueued

    lost = caplog.text.count("Could not enqueue")
    assert lost == 1 + JOINERS + 1 + 1  # review, joiners, certificate, outbox flush
    assert not Assignment.objects.filter(course=plan_course).exists()
    assert not Certificate.objects.exists()
    assert OutboxEmail.objects.filter(sent_at__isnull=True).count() == 1
    assert mail.outbox == []

    run = services.job_run(name="catch-up")
    people_in_plan = User.objects.filter(workplace=workplace, is_active=True).count()
    assert people_in_plan == 4 + JOINERS
    assert run.counts["plan_changes"] == people_in_plan
    assert Assignment.objects.filter(course=plan_course).count() == people_in_plan
    assert Certificate.objects.filter(assignment=finished, pdf__gt="").count() == 1
    assert [m.to for m in mail.outbox] == [[reminded.user.email]]

    # Nothing is doubled by a second run.
    again = services.job_run(name="catch-up")
    assert again.counts == {
        "plan_changes": 0,
        "certificates": 0,
        "pdfs": 0,
        "imports": 0,
        "emails_sent": 0,
    }
    assert Assignment.objects.filter(course=plan_course).count() == people_in_plan
    assert Certificate.objects.count() == 1
    assert len(mail.outbox) == 1

    # What the employee sees: the certificate, and the plan's course on My training.
    client.force_login(people["employee"])
    assert "Hesla" in client.get("/certificates/").text
    assert "Phishing" in client.get("/my-training/").text


def test_an_import_confirmed_while_the_broker_was_down_is_run_by_the_catch_up(
    redis_server, site, people, django_capture_on_commit_callbacks, caplog
):
    hr, workplace = people["hr"], people["workplace"]
    header = "Osobní číslo;Jméno;Příjmení;E-mail;Pracoviště;Funkce"
    lines = [
        f"{n};Květa;Nováková {n};kveta.{n}@example.cz;{workplace.code};referentka" for n in range(5)
    ]
    data = ("\r\n".join([header, *lines]) + "\r\n").encode()
    _plan, job = organisation_services.employee_import_preview(
        data=data, file_name="lide.csv", deactivate_missing=False, requested_by=hr
    )
    redis_server.stop()
    with (
        broker(redis_server.url),
        caplog.at_level(logging.ERROR, logger="core.enqueue"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        organisation_services.employee_import_confirm(key=job.key, confirmed_by=hr)
    assert caplog.text.count("Could not enqueue") == 1
    job.refresh_from_db()
    assert job.state == EmployeeImport.State.PENDING

    # A task still queued a minute later is not lost yet; ten minutes later it is.
    assert services.job_run(name="catch-up").counts["imports"] == 0
    with time_machine.travel(datetime.timedelta(minutes=11)):
        assert services.job_run(name="catch-up").counts["imports"] == 1
        assert services.job_run(name="catch-up").counts["imports"] == 0
    job.refresh_from_db()
    assert job.state == EmployeeImport.State.DONE
    assert User.objects.filter(email__startswith="kveta.").count() == 5
