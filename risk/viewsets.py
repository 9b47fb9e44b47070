"""Wagtail admin screens of the security manager: the risk catalogue and workplace risk reviews.

Drafts are edited in the ordinary form (with the coloured matrix); approval is its own view and
locks the review; approved and superseded reviews can be inspected, never edited or deleted.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton, ListingButton

from . import effects, services
from .forms import RiskReviewForm
from .models import RiskCategory, RiskReview
from .panels import MeasuredPanel, RiskMatrixPanel
from .selectors import policy_current, review_current_for, review_rated, risk_matrix


class CategoryIndexView(generic.IndexView):
    add_item_label = _("New risk category")


class RiskCategoryViewSet(ModelViewSet):
    model = RiskCategory
    index_view_class = CategoryIndexView
    icon = "tag"
    list_display = ["name", "code", "sort_order"]
    search_fields = ["name", "code", "description"]
    form_fields = ["name", "code", "description", "sort_order"]
    ordering = ["sort_order", "name"]
    sort_order_field = None
    inspect_view_enabled = True
    copy_view_enabled = False


class _ReviewUrlsMixin:
    """URLs of the extra review actions, shared by the review views (all permission-checked)."""

    url_namespace = "risk_reviews"

    def approve_url(self, review: RiskReview) -> str | None:
        if review.is_draft and self.user_has_permission("approve"):
            return reverse(f"{self.url_namespace}:approve", args=(review.pk,))
        return None

    def draft_from_url(self, review: RiskReview) -> str | None:
        if not review.is_draft and self.user_has_permission("add"):
            return reverse(f"{self.url_namespace}:draft_from", args=(review.pk,))
        return None


class ReviewIndexView(_ReviewUrlsMixin, generic.IndexView):
    add_item_label = _("New risk review")

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("workplace", "reviewer", "approved_by")

    def get_edit_url(self, instance):
        # Approved reviews are locked: the listing opens them for inspection instead.
        return super().get_edit_url(instance) if instance.is_draft else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if instance.is_draft else None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := self.approve_url(instance):
            buttons.append(ListingButton(_("Approve"), url=url, icon_name="check", priority=5))
        return buttons


class _DraftOnlyMixin:
    """Edit and delete exist for drafts only; anything else goes to the inspect view."""

    def dispatch(self, request, *args, **kwargs):
        review = get_object_or_404(RiskReview, pk=kwargs.get("pk"))
        if not review.is_draft:
            messages.warning(
                request, _("An approved review is locked. Start a new review from it instead.")
            )
            return redirect("risk_reviews:inspect", review.pk)
        return super().dispatch(request, *args, **kwargs)


class ReviewEditView(_DraftOnlyMixin, _ReviewUrlsMixin, generic.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if url := self.approve_url(self.object):
            buttons.append(Button(_("Approve"), url=url, icon_name="check", priority=5))
        return buttons


class ReviewDeleteView(_DraftOnlyMixin, generic.DeleteView):
    pass


class ReviewInspectView(_ReviewUrlsMixin, generic.InspectView):
    template_name = "risk/admin/review_inspect.html"

    def get_edit_url(self):
        return super().get_edit_url() if self.object.is_draft else None

    def get_delete_url(self):
        return super().get_delete_url() if self.object.is_draft else None

    @cached_property
    def header_buttons(self):
        buttons = []
        if url := self.approve_url(self.object):
            buttons.append(HeaderButton(_("Approve"), url=url, icon_name="check"))
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review = self.object
        policy = policy_current()
        rated = review_rated(review=review, policy=policy)
        context.update(
            review=review,
            rated=rated,
            matrix=risk_matrix(policy=policy, rated=rated),
            policy=policy,
            history=RiskReview.objects.filter(workplace_id=review.workplace_id)
            .select_related("approved_by", "reviewer")
            .order_by("-approved_at", "-review_date", "-id"),
            approve_url=self.approve_url(review),
            draft_from_url=self.draft_from_url(review),
            edit_url=self.get_edit_url(),
        )
        return context


class _ApprovableDraftMixin:
    """Loads the review, after the permission check; only a draft can be approved."""

    def dispatch(self, request, *args, **kwargs):
        self.review = get_object_or_404(
            RiskReview.objects.select_related("workplace"), pk=kwargs["pk"]
        )
        if not self.user_has_permission_for_instance("approve", self.review):
            raise PermissionDenied
        if not self.review.is_draft:
            messages.warning(request, _("This review is not a draft; nothing to approve."))
            return redirect("risk_reviews:inspect", self.review.pk)
        return super().dispatch(request, *args, **kwargs)


class ReviewApproveView(
    PermissionCheckedMixin,
    _ApprovableDraftMixin,
    _ReviewUrlsMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    """GET previews what the approval does (a dry run of the plan, nothing written); POST
    approves, refusing if the effect is no longer the one previewed. The plan follows in
    the background."""

    permission_required = "approve"  # risk.approve_riskreview, by the viewset's policy
    template_name = "risk/admin/review_approve.html"
    page_title = _("Approve risk review")
    header_icon = "check"

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            # A real 403 (Wagtail would redirect to the dashboard): nothing of the preview,
            # which names people, is computed or shown.
            return TemplateResponse(
                request,
                "risk/admin/review_approve_forbidden.html",
                {"page_title": self.page_title, "header_icon": "lock"},
                status=403,
            )

    def get_page_subtitle(self):
        return str(self.review)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("risk_reviews:index"), "label": RiskReview._meta.verbose_name_plural},
            {"url": reverse("risk_reviews:inspect", args=(self.review.pk,)), "label": self.review},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        policy = policy_current()
        rated = review_rated(review=self.review, policy=policy)
        context.update(
            review=self.review,
            rated=rated,
            matrix=risk_matrix(policy=policy, rated=rated),
            current=review_current_for(workplace=self.review.workplace),
            preview=effects.review_preview(self.review.pk),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            services.review_approve(
                review=self.review,
                approved_by=request.user,
                confirmed_effect=request.POST.get("effect", ""),
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("risk_reviews:approve", self.review.pk)
        messages.success(
            request,
            _("Review approved. Training is being assigned to the workplace's employees."),
        )
        return redirect("risk_reviews:inspect", self.review.pk)


class ReviewDraftFromView(PermissionCheckedMixin, View):
    """POST: start the workplace's next review from an approved (or older) one."""

    permission_required = "add"  # risk.add_riskreview, by the viewset's policy

    def post(self, request, pk):
        review = get_object_or_404(RiskReview, pk=pk)
        draft = services.review_draft_from(review=review, reviewer=request.user)
        messages.success(request, _("A new draft review was started from the previous one."))
        return redirect("risk_reviews:edit", draft.pk)


def _workplace_label(workplace) -> str:
    # Indented by depth: the full path would cost a query per workplace in the select.
    return "\u2003" * (workplace.depth - 1) + workplace.name


class RiskReviewViewSet(ModelViewSet):
    model = RiskReview
    name = "risk_reviews"
    icon = "warning"
    list_display = [
        "workplace",
        "review_date",
        "status",
        "reviewer",
        Column("approved_at", label=_("Approved on")),
    ]
    list_filter = ["status", "workplace"]
    ordering = ["-review_date", "-id"]
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = ReviewIndexView
    edit_view_class = ReviewEditView
    delete_view_class = ReviewDeleteView
    inspect_view_class = ReviewInspectView
    edit_handler = ObjectList(
        [
            FieldPanel("workplace"),
            FieldPanel("review_date"),
            FieldPanel("reviewer"),
            FieldPanel("note"),
            InlinePanel(
                "assessments",
                heading=_("Assessed risks"),
                label=_("risk"),
                min_num=1,
                help_text=_("Likelihood and impact of each risk category at this workplace."),
            ),
            RiskMatrixPanel(heading=_("Risk matrix")),
            MeasuredPanel(heading=_("Measured at this workplace")),
        ],
        base_form_class=RiskReviewForm,
    )

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        workplace = form_class.base_fields.get("workplace")
        if workplace is not None:
            workplace.queryset = workplace.queryset.model.objects.order_by("path")
            workplace.label_from_instance = _workplace_label
        return form_class

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "approve/<int:pk>/",
                ReviewApproveView.as_view(permission_policy=self.permission_policy),
                name="approve",
            ),
            path(
                "draft-from/<int:pk>/",
                ReviewDraftFromView.as_view(permission_policy=self.permission_policy),
                name="draft_from",
            ),
        ]


class RiskViewSetGroup(ViewSetGroup):
    menu_label = _("Risks")
    menu_icon = "warning"
    menu_order = 220
    items = (
        RiskReviewViewSet(),
        RiskCategoryViewSet("risk_categories"),
    )


risk_viewset_group = RiskViewSetGroup()
