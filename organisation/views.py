"""The profile page everyone has: who they are here, their language, password, MFA and SSO."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from . import selectors
from .adapters import password_login_allowed
from .forms_profile import FormOfAddressForm, LanguageForm


@require_safe
@login_required
def profile(request):
    context = selectors.profile_get(user_id=request.user.pk)
    person = context["person"]
    context.update(
        language_form=LanguageForm(instance=person),
        address_form=FormOfAddressForm(instance=person),
        # Where passwords are on: SSO-only employees have none to change.
        can_change_password=person.has_usable_password() and password_login_allowed(person),
    )
    return render(request, "organisation/profile.html", context)


@require_POST
@login_required
def profile_language(request):
    form = LanguageForm(request.POST, instance=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose one of the offered languages."))
        return redirect("organisation:profile")
    form.save()
    language = form.cleaned_data["language"]
    translation.activate(language)
    messages.success(request, _("The language was changed."))
    response = redirect("organisation:profile")
    # The pages follow the choice at once, not only the e-mails and certificates.
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


@require_POST
@login_required
def profile_form_of_address(request):
    form = FormOfAddressForm(request.POST, instance=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose one of the offered forms of address."))
        return redirect("organisation:profile")
    form.save()
    messages.success(request, _("The form of address was changed."))
    return redirect("organisation:profile")
