"""The admin screen where an administrator erases a departed person's personal data."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import erasure
from .models import User

PERMISSION = "organisation.add_erasure"


class ErasureForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=200)
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand that this cannot be undone."), required=True
    )


class PersonEraseView(WagtailAdminTemplateMixin, FormView):
    """Confirm (GET shows, only POST erases); someone still active must be deactivated first."""

    template_name = "organisation/admin/person_erase.html"
    form_class = ErasureForm
    page_title = gettext_lazy("Erase personal data")
    header_icon = "bin"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        self.person = get_object_or_404(User, pk=kwargs["user_id"], erasure__isnull=True)
        if self.person.pk == request.user.pk:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)

    def form_valid(self, form):
        if self.person.is_active:
            form.add_error(
                None, _("Deactivate the account first: only departed people are erased.")
            )
            return self.form_invalid(form)
        result = erasure.person_erase(
            user=self.person, by=self.request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(
            self.request,
            _("Personal data erased; the person is now shown as %(pseudonym)s.")
            % {"pseudonym": result.pseudonym},
        )
        return redirect("wagtailusers_users:index")
