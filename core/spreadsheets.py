"""The one rule that keeps exported cells from running as spreadsheet formulas."""

# A cell starting with one of these is read as a formula (or DDE call) by Excel and Calc.
# The full-width forms are included because Excel's East Asian input turns them into formulas.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def starts_formula(text: str) -> bool:
    """True when a spreadsheet could read the text as a formula.

    Excel and Calc skip leading blanks and line breaks when they parse a CSV cell, so
    " =HYPERLINK(...)" or "\\n@SUM(...)" is as dangerous as "=HYPERLINK(...)": what counts is
    the first character that is not whitespace (tab and CR are triggers in themselves).
    """
    return text.startswith(FORMULA_TRIGGERS) or text.lstrip().startswith(FORMULA_TRIGGERS)


def neutralise(cell):
    """A text cell that a spreadsheet would treat as a formula, prefixed with a single quote.

    Other values (numbers, dates, None, harmless text) come back unchanged, so the function is
    idempotent and the original text is always the result minus its first character.
    """
    if isinstance(cell, str) and starts_formula(cell):
        return "'" + cell
    return cell


class FormulaSafeExportMixin:
    """For Wagtail listing views with `list_export`: every exported cell passes neutralise().

    Wagtail's CSV export writes text as it is; its XLSX export only keeps formulas out of
    cells openpyxl would type as formulas. Both go through preprocess_field_value.
    """

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))
