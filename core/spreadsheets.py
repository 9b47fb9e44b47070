"""The one rule that keeps exported cells from running as spreadsheet formulas."""

# A cell starting with one of these is read as a formula (or DDE call) by Excel and Calc.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell):
    """A text cell that a spreadsheet would treat as a formula, prefixed with a single quote.

    Other values (numbers, dates, None, harmless text) come back unchanged, so the function is
    idempotent and the original text is always the result minus its first character.
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_TRIGGERS):
        return "'" + cell
    return cell


class FormulaSafeExportMixin:
    """For Wagtail listing views with `list_export`: every exported cell passes neutralise().

    Wagtail's CSV export writes text as it is; its XLSX export only keeps formulas out of
    cells openpyxl would type as formulas. Both go through preprocess_field_value.
    """

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))
