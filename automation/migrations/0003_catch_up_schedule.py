"""Schedules the catch-up job hourly: what lost tasks should have done is re-derived."""

import json

from django.db import migrations

NAME = "PDCA: catch-up after lost tasks (hourly)"


def create(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="15",
        hour="*",
        day_of_month="*",
        month_of_year="*",
        day_of_week="*",
        timezone="Europe/Prague",
    )
    PeriodicTask.objects.get_or_create(
        name=NAME,
        defaults={
            "task": "automation.run_job",
            "crontab": crontab,
            "args": json.dumps(["catch-up"]),
        },
    )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("automation", "0002_schedules")]
    operations = [migrations.RunPython(create, remove)]
