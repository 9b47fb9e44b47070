# The table takes the core app's name once the project package no longer owns the model.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0001_initial"),
        ("elearning", "0002_move_organisationsettings_to_core"),
    ]

    operations = [
        migrations.AlterModelTable(name="organisationsettings", table=None),
    ]
