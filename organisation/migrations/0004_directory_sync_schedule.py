"""Schedules the directory sync daily at 05:30, before the PDCA jobs (editable in the admin).

The task does nothing until LDAP_URL is set, so the entry is harmless where there is no directory.
"""

from django.db import migrations

NAME = "Directory: sync people (daily)"


def create(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="30",
        hour="5",
        day_of_month="*",
        month_of_year="*",
        day_of_week="*",
        timezone="Europe/Prague",
    )
    PeriodicTask.objects.get_or_create(
        name=NAME, defaults={"task": "organisation.directory_sync", "crontab": crontab}
    )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0003_directorysync"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(create, remove)]
