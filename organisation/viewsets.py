"""Wagtail admin screens of the organisation: users with employee fields, the workplace tree."""

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import UserCreationForm, UserEditForm
from .models import Workplace


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


class WorkplaceViewSet(ModelViewSet):
    model = Workplace
    icon = "group"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["full_name", "code"]
    search_fields = ["name", "code"]
    form_fields = ["name", "code"]
    inspect_view_enabled = True


workplace_viewset = WorkplaceViewSet("workplaces")
