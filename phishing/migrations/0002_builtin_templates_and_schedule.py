"""The five Czech templates supplied with the product, and the beat entry that sends."""

from django.db import migrations

from phishing.builtin import TEMPLATES


def create(apps, schema_editor):
    PhishingTemplate = apps.get_model("phishing", "PhishingTemplate")
    for item in TEMPLATES:
        PhishingTemplate.objects.get_or_create(
            name=item["name"], defaults={**{k: v for k, v in item.items() if k != "name"}, "builtin": True}
        )
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_minute, _ = IntervalSchedule.objects.get_or_create(every=1, period="minutes")
    PeriodicTask.objects.get_or_create(
        name="Phishing: send due e-mails",
        defaults={"task": "phishing.send_due", "interval": every_minute},
    )


def remove(apps, schema_editor):
    apps.get_model("phishing", "PhishingTemplate").objects.filter(builtin=True).delete()
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        name="Phishing: send due e-mails"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("phishing", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
