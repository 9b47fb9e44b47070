"""The ICU collation `cs_icu` that sorts names in Czech order on PostgreSQL (SQLite gets a
Python collation per connection instead, see core/collation.py)."""

from django.contrib.postgres.operations import CreateCollation
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_audit_log_permission"),
    ]

    # CreateCollation does nothing on other databases.
    operations = [CreateCollation("cs_icu", provider="icu", locale="cs-CZ")]
