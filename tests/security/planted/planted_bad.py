# ruff: noqa
"""Planted bad lines, one per rule of .semgrep.yml: `make security` runs `semgrep --test` on
this file, which fails unless every `ruleid:` line is caught and no `ok:` line is.

Never imported; excluded from the project scan, bandit and pytest collection.
"""

from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext


def no_mark_safe_on_data(request, comment):
    # ruleid: no-mark-safe-on-data
    html = mark_safe(comment.text)
    # ruleid: no-mark-safe-on-data
    greeting = mark_safe("<b>%s</b>" % request.user.first_name)
    # ok: no-mark-safe-on-data
    separator = mark_safe("<br>")
    return html, greeting, separator


def no_sql_string_formatting(name, user_id, User):
    with connection.cursor() as cursor:
        # ruleid: no-sql-string-formatting
        cursor.execute(f"SELECT id FROM organisation_user WHERE last_name = '{name}'")
        # ruleid: no-sql-string-formatting
        cursor.execute("SELECT id FROM organisation_user WHERE id = %s" % user_id)
        # ruleid: no-sql-string-formatting
        cursor.execute("SELECT id FROM organisation_user WHERE email = '{}'".format(name))
        # ok: no-sql-string-formatting
        cursor.execute("SELECT id FROM organisation_user WHERE last_name = %s", [name])
    query = f"SELECT id FROM organisation_user WHERE last_name = '{name}'"
    # ruleid: no-sql-string-formatting
    people = User.objects.raw(query)
    # ruleid: no-sql-string-formatting
    expression = RawSQL(f"SELECT {user_id}", ())
    return people, expression


def no_fstring_in_gettext(name, count):
    # ruleid: no-fstring-in-gettext
    hello = _(f"Hello {name}")
    # ruleid: no-fstring-in-gettext
    label = gettext_lazy("Course {}".format(name))
    # ruleid: no-fstring-in-gettext
    people = ngettext("one person", f"{count} people", count)
    # ruleid: no-fstring-in-gettext
    state = pgettext("job state", f"Failed: {name}")
    # ok: no-fstring-in-gettext
    good = _("Hello %(name)s") % {"name": name}
    return hello, label, people, state, good
