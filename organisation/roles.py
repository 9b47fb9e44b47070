"""The four roles (Django groups) and the permissions each one is granted.

Views check permissions, never a group name: a role is only the bundle of permissions below,
so a permission granted to one person directly opens the same pages.
"""

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

# Quiz authoring (banks, questions with their choices, quizzes with their pools, imports) and
# the Check-phase statistics: course editors write them, the security manager may adjust them.
_QUIZZES = [
    f"quizzes.{action}_{model}"
    for model in ("questionbank", "question", "quiz")
    for action in ("add", "change", "delete", "view")
] + ["quizzes.view_quiz_statistics"]

# Find, download and revoke anyone's certificate. Certificates are only ever created by the
# issuing service, so nobody gets add/change/delete on them.
_CERTIFICATES = ["certificates.view_certificate", "certificates.revoke_certificate"]

# Read-only views of what the scheduled jobs did (job runs, notifications, e-mails).
_AUTOMATION = [
    "automation.view_jobrun",
    "automation.view_notification",
    "automation.view_outboxemail",
]

# Risk reviews: the security manager writes drafts (deleting drafts only, the views refuse
# approved ones), approves them and sets the risk policy; HR reads them behind assignments.
_RISK_REVIEWS = [
    "risk.add_riskreview",
    "risk.change_riskreview",
    "risk.delete_riskreview",
    "risk.view_riskreview",
    "risk.approve_riskreview",
    "risk.change_risksettings",
]
_RISK_READ = ["risk.view_riskreview", "risk.view_riskcategory"]

# The report pages (reports.Report carries these; it has no table). HR and the security manager
# report on everyone and on the organisation's effectiveness and may hand an auditor the
# evidence pack; the risk heat map is the security manager's alone. A manager without these
# still sees their own reporting line: that follows from who reports to whom, not a permission.
_REPORTS_EVERYONE = [
    "reports.view_all_training_records",
    "reports.view_security_dashboard",
    "reports.request_evidence_pack",
]

# Phishing simulation: only the security manager runs campaigns and sees who clicked; HR may
# see aggregates (when the phishing settings allow it).
_PHISHING = [
    f"phishing.{action}_{model}"
    for model in ("campaign", "phishingtemplate")
    for action in ("add", "change", "delete", "view")
] + [
    "phishing.run_campaign",
    "phishing.view_campaign_aggregates",
    "phishing.change_phishingsettings",
]

# An employee who used up the quiz attempts asks for another; HR or the security manager
# grants it (issue 13, point 3).
_EXTRA_ATTEMPTS = ["quizzes.grant_extraattempts"]

# Model permissions per role, as "app_label.codename". Synced after every migrate: a role group
# then holds exactly these (a permission taken out of the table is taken from the group too), so
# an app added later only extends this table. Employees get none: they never reach the admin.
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
        *_RISK_READ,
        *_CERTIFICATES,
        "certificates.add_certificateexport",
        "certificates.view_certificateexport",
        *_AUTOMATION,
        *_REPORTS_EVERYONE,
        "phishing.view_campaign_aggregates",
        *_EXTRA_ATTEMPTS,
        # Chasing the overdue from the reports' lists (issue 13, point 6).
        "reports.send_reminders",
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
        *_RISK_REVIEWS,
        *_QUIZZES,
        *_CERTIFICATES,
        *_AUTOMATION,
        "automation.run_job_now",  # the PDCA cycle is theirs: they may run a job now
        *_REPORTS_EVERYONE,
        "reports.view_risk_heatmap",
        *_PHISHING,
        # The whole audit log, read-only (core/views.py); administrators have it as superusers.
        "core.view_audit_log",
        *_EXTRA_ATTEMPTS,
    ],
    COURSE_EDITOR: [
        _ADMIN,
        *_IMAGES,
        *_DOCS,
        # Documents are private; an editor marks a collection public on purpose (audited).
        *(
            f"elearning.{action}_publicdocumentcollection"
            for action in ("add", "change", "delete", "view")
        ),
        "risk.view_riskcategory",
        *_QUIZZES,
        # SCORM packages (issue 14): upload, rename, delete one no lesson plays.
        *(f"scorm.{action}_scormpackage" for action in ("add", "change", "delete", "view")),
        # Essays are graded by hand, per course the editor may edit (quizzes/viewsets.py).
        "quizzes.grade_essay",
    ],
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
