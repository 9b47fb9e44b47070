"""Creates the PDCA jobs' beat schedules (editable afterwards in the admin)."""

import json

from django.db import migrations

TIMEZONE = "Europe/Prague"
# name, job, crontab (minute, hour, day_of_month, day_of_week)
SCHEDULES = [
    ("PDCA: refreshers (daily)", "refreshers", ("0", "2", "*", "*")),
    ("PDCA: reminders (daily)", "reminders", ("0", "7", "*", "*")),
    ("PDCA: escalation (weekly)", "escalation", ("0", "8", "*", "1")),
    ("PDCA: check summary (monthly)", "check-summary", ("0", "8", "1", "*")),
    ("PDCA: review cycle (daily)", "review-cycle", ("30", "6", "*", "*")),
]

HOUSEKEEPING = [
    (
        "Certificates: issue any missed",
        "certificates.tasks.certificates_issue_missing_task",
        "30",
        "1",
    ),
    ("Reports: remove old export files", "reports.tasks.export_jobs_purge_task", "0", "3"),
]


def create(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, job, (minute, hour, day_of_month, day_of_week) in SCHEDULES:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute,
            hour=hour,
            day_of_month=day_of_month,
            month_of_year="*",
            day_of_week=day_of_week,
            timezone=TIMEZONE,
        )
        PeriodicTask.objects.get_or_create(
            name=name,
            defaults={"task": "automation.run_job", "crontab": crontab, "args": json.dumps([job])},
        )
    # Housekeeping of the apps the cycle relies on: certificates whose issuing task was lost
    # are issued, finished export files are removed after their retention.
    for name, task, minute, hour in HOUSEKEEPING:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute,
            hour=hour,
            day_of_month="*",
            month_of_year="*",
            day_of_week="*",
            timezone=TIMEZONE,
        )
        PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, "crontab": crontab})
    # E-mails that could not be sent right after their job are retried here.
    every_5, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.get_or_create(
        name="Outbox: send waiting e-mails",
        defaults={"task": "automation.outbox_flush", "interval": every_5},
    )


def remove(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    names = [name for name, _job, _cron in SCHEDULES] + ["Outbox: send waiting e-mails"]
    names += [name for name, _task, _minute, _hour in HOUSEKEEPING]
    PeriodicTask.objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("automation", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(create, remove)]
