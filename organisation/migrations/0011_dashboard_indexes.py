"""An index of people in Czech alphabetical order, so a page of a people list reads one range.

HR's lists sort assignments by the person's name in Czech order (core.collation); with this
index PostgreSQL walks the people in that order and stops after a page, instead of sorting
every assignment for each page. The index names the ICU collation, which only PostgreSQL has,
so it is created there alone (SQLite sorts a small organisation quickly without it).
"""

from django.db import migrations

CREATE = (
    'CREATE INDEX IF NOT EXISTS "organisation_user_czech_name_idx" ON "organisation_user" '
    '(("last_name" COLLATE "cs_icu"), ("first_name" COLLATE "cs_icu"), "id")'
)
DROP = 'DROP INDEX IF EXISTS "organisation_user_czech_name_idx"'


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0010_user_form_of_address"),
        ("core", "0004_czech_collation"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
