"""The coloured 5x5 risk matrix shown inside the review form, updated as ratings change."""

from django.forms import Media
from wagtail.admin.panels import Panel

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
