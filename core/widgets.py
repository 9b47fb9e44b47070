"""Form widgets every app shares: a date input whose value browsers accept whatever the locale."""

from django import forms


class IsoDateInput(forms.DateInput):
    """<input type=date> with its value in ISO 8601, the only format browsers take.

    Django would render the localized "01.01.2026", which Chromium drops, leaving the field
    empty and the form unsendable; the browser shows the date in the user's locale anyway.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
