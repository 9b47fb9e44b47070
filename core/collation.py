"""Czech alphabetical order and diacritics-insensitive name search, alike on PostgreSQL and SQLite.

Order: PostgreSQL sorts with the ICU collation `cs_icu` (created by a migration of `core`);
SQLite has no ICU, so every connection gets the Python collation `czech` whose sort key
(`czech_key`) follows the same rules: Č after C, Ch after H, Ř after R, Š after S, Ž after
Z are letters of their own, while á é ě í ó ú ů ý ď ť ň differ from a e i … only when all else
is equal (a secondary difference), and case only after that. `czech_order(field)` picks the
right one when the query is compiled, so every list of people calls just that.

Search: `fold()` lowercases and strips diacritics with one fixed table, and `Fold` does the
same in SQL — `translate()` on PostgreSQL (built in, unlike the `unaccent` extension, which a
database role without the right to create extensions cannot install) and the Python `fold`
registered as a function on SQLite — so "stastny" finds "Šťastný" on both. We fold at query
time rather than storing a folded column: nothing can go stale when an import, a directory
sync or an erasure rewrites names with bulk updates that bypass `save()`.
"""

from __future__ import annotations

import functools
import unicodedata

from django.db.models import CharField, F, Func, Q, Value
from django.db.models.functions import Collate, Concat
from django.db.models.lookups import Contains

PG_COLLATION = "cs_icu"
SQLITE_COLLATION = "czech"
SQLITE_FOLD = "czech_fold"

# --- Order ----------------------------------------------------------------------------------

# The primary letters of the Czech alphabet, "ch" included, in order.
ALPHABET = [
    "a",
    "b",
    "c",
    "č",
    "d",
    "e",
    "f",
    "g",
    "h",
    "ch",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "ř",
    "s",
    "š",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "ž",
]
PRIMARY = {letter: index for index, letter in enumerate(ALPHABET)}
# Letters that sort with their base letter and differ from it only at the secondary level.
SECONDARY = {
    "á": ("a", 1),
    "ď": ("d", 1),
    "é": ("e", 1),
    "ě": ("e", 2),
    "í": ("i", 1),
    "ň": ("n", 1),
    "ó": ("o", 1),
    "ť": ("t", 1),
    "ú": ("u", 1),
    "ů": ("u", 2),
    "ý": ("y", 1),
}

# Groups of primary weights, in ICU's order: spaces and punctuation, digits, Latin, the rest.
_PUNCTUATION, _DIGIT, _LATIN, _OTHER = range(4)


def _element(text: str, i: int) -> tuple[int, tuple, int, int]:
    """The collation element starting at text[i]: (length, primary, secondary, tertiary)."""
    char = text[i]
    lower = char.lower()
    tertiary = 0 if char == lower else 1
    if lower == "c" and i + 1 < len(text) and text[i + 1].lower() == "h":
        return 2, (_LATIN, PRIMARY["ch"]), 0, tertiary
    if lower in PRIMARY:
        return 1, (_LATIN, PRIMARY[lower]), 0, tertiary
    if lower in SECONDARY:
        base, accent = SECONDARY[lower]
        return 1, (_LATIN, PRIMARY[base]), accent, tertiary
    if char.isdigit():
        return 1, (_DIGIT, unicodedata.digit(char, 0)), 0, 0
    decomposed = unicodedata.normalize("NFD", lower)
    base = decomposed[0]
    if base in PRIMARY:
        # Another language's accent (ä, ö, ł…): with its base letter, after the Czech ones.
        return 1, (_LATIN, PRIMARY[base]), 10 + sum(map(ord, decomposed[1:])), tertiary
    if char.isalpha():
        return 1, (_OTHER, ord(base)), 0, tertiary
    return 1, (_PUNCTUATION, ord(char)), 0, 0


@functools.lru_cache(maxsize=4096)
def czech_key(text: str) -> tuple:
    """A sort key in Czech alphabetical order: primary letters, then accents, then case."""
    primary, secondary, tertiary = [], [], []
    i = 0
    while i < len(text):
        length, p, s, t = _element(text, i)
        primary.append(p)
        secondary.append(s)
        tertiary.append(t)
        i += length
    # The text itself last, so that different strings never compare equal (as PostgreSQL's
    # deterministic collations break ties).
    return tuple(primary), tuple(secondary), tuple(tertiary), text


def czech_compare(a: str, b: str) -> int:
    """The SQLite collation: negative, zero or positive, like strcmp."""
    key_a, key_b = czech_key(a), czech_key(b)
    return (key_a > key_b) - (key_a < key_b)


class CzechCollate(Collate):
    """`field COLLATE <Czech>`: the ICU collation on PostgreSQL, the Python one on SQLite."""

    def __init__(self, expression):
        super().__init__(expression, SQLITE_COLLATION)

    def as_postgresql(self, compiler, connection, **extra_context):
        extra_context.setdefault("collation", connection.ops.quote_name(PG_COLLATION))
        return self.as_sql(compiler, connection, **extra_context)


def czech_order(field: str, *, descending: bool = False):
    """An order_by() term sorting `field` in Czech alphabetical order."""
    expression = CzechCollate(F(field))
    return expression.desc() if descending else expression.asc()


# --- Search ---------------------------------------------------------------------------------


def _fold_table() -> tuple[str, str]:
    """Every Latin letter with diacritics (Latin-1 and Latin Extended-A) and its base letter."""
    source, target = [], []
    for code in range(0xC0, 0x180):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        if base != char and len(base) == 1 and base.isascii():
            source.append(char)
            target.append(base)
    return "".join(source), "".join(target)


FOLD_FROM, FOLD_TO = _fold_table()
_FOLD = str.maketrans(FOLD_FROM, FOLD_TO)


def fold(text: str | None) -> str:
    """Lowercase without diacritics: the form in which names are searched."""
    return (text or "").translate(_FOLD).lower()


class Fold(Func):
    """`fold()` in SQL: the same table on PostgreSQL (translate) and SQLite (a Python function)."""

    function = SQLITE_FOLD
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"LOWER(TRANSLATE({sql}, %s, %s))", (*params, FOLD_FROM, FOLD_TO)


def person_search(queryset, term: str, *, prefix: str = ""):
    """Narrow `queryset` to people whose first name, last name or e-mail contain every word of
    `term`, ignoring case and diacritics; `prefix` reaches the person through a relation
    (e.g. "user__" on assignments)."""
    words = fold(term).split()
    if not words:
        return queryset
    haystack = Fold(
        Concat(
            F(f"{prefix}first_name"),
            Value(" "),
            F(f"{prefix}last_name"),
            Value(" "),
            F(f"{prefix}email"),
            output_field=CharField(),
        )
    )
    condition = Q()
    for word in words:
        condition &= Q(Contains(haystack, word))
    return queryset.filter(condition)


def register_sqlite(sender, connection, **kwargs):
    """connection_created receiver: give a new SQLite connection the collation and fold."""
    if connection.vendor != "sqlite":
        return
    connection.connection.create_collation(SQLITE_COLLATION, czech_compare)
    connection.connection.create_function(SQLITE_FOLD, 1, fold, deterministic=True)
