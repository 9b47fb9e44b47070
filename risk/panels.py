"""The coloured 5x5 risk matrix shown inside the review form, updated as ratings change."""

from django.forms import Media
from wagtail.admin.panels import Panel

from .measures import measures_for
from .models import RiskCategory
from .selectors import policy_current, review_rated, risk_matrix


class RiskMatrixPanel(Panel):
    """Read-only: shows where each rated category sits; the form fields stay in the InlinePanel."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "risk/panels/risk_matrix.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            policy = policy_current()
            rated = review_rated(review=self.instance, policy=policy) if self.instance else []
            context["matrix"] = risk_matrix(policy=policy, rated=rated)
            context["policy"] = policy
            context["live"] = True
            return context

        @property
        def media(self):
            return Media(js=["risk/risk_matrix.js"], css={"all": ["risk/risk_matrix.css"]})


class MeasuredPanel(Panel):
    """Read-only: what was measured at this workplace (e.g. phishing click rate) per category,
    with the likelihood it suggests; the manager accepts it or says why not in the note."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "risk/panels/measured.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            workplace = (
                self.instance.workplace if self.instance and self.instance.workplace_id else None
            )
            measured = measures_for(workplace=workplace)
            names = dict(RiskCategory.objects.filter(code__in=measured).values_list("code", "name"))
            context["rows"] = [
                (names.get(code, code), measure)
                for code, items in measured.items()
                for measure in items
            ]
            context["has_workplace"] = workplace is not None
            return context
