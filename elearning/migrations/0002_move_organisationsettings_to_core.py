# OrganisationSettings now belongs to core; its table is kept and renamed there.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("elearning", "0001_initial"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OrganisationSettings")],
        ),
    ]
