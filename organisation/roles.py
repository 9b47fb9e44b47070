"""The four roles (Django groups), their permissions, and the checks views use."""

EMPLOYEE = "Employee"
HR = "HR"
SECURITY_MANAGER = "Security manager"
COURSE_EDITOR = "Course editor"

ALL_ROLES = (EMPLOYEE, HR, SECURITY_MANAGER, COURSE_EDITOR)

_ADMIN = "wagtailadmin.access_admin"
_IMAGES = ["wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image"]
_DOCS = [
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]

# Model permissions per role, as "app_label.codename". Synced after every migrate, so an app
# added later only extends this table. Employees get none: they never reach the admin.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    EMPLOYEE: [],
    HR: [
        _ADMIN,
        "organisation.add_user",
        "organisation.change_user",
        "organisation.view_user",
        "organisation.add_workplace",
        "organisation.change_workplace",
        "organisation.view_workplace",
        "courses.add_assignment",
        "courses.change_assignment",
        "courses.view_assignment",
    ],
    SECURITY_MANAGER: [
        _ADMIN,
        "organisation.view_user",
        "organisation.view_workplace",
        "risk.add_riskcategory",
        "risk.change_riskcategory",
        "risk.view_riskcategory",
        "courses.add_assignment",
        "courses.change_assignment",
        "courses.view_assignment",
    ],
    COURSE_EDITOR: [_ADMIN, *_IMAGES, *_DOCS, "risk.view_riskcategory"],
}

# Wagtail page permissions on the whole page tree, for editors only.
EDITOR_PAGE_PERMISSIONS = [
    "wagtailcore.add_page",
    "wagtailcore.change_page",
    "wagtailcore.publish_page",
    "wagtailcore.lock_page",
    "wagtailcore.unlock_page",
]
EDITOR_COLLECTION_PERMISSIONS = [*_IMAGES, *_DOCS]


def has_role(user, *roles: str) -> bool:
    """True if the user is an active superuser or belongs to any of the given role groups."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Cached on the user object: templates ask several times per request.
    names = getattr(user, "_role_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
        user._role_names = names
    return bool(names.intersection(roles))
