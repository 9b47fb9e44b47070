"""URLs of the reports: dashboards for the security manager and HR."""

from django.urls import path, register_converter

from . import personal_data
from .hr import bulk as bulk_hr
from .hr import views as views_hr
from .jobs import views as views_jobs
from .security import views as views_security


class ExportFormatConverter:
    regex = "csv|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ExportFormatConverter, "fmt")

app_name = "reports"

urlpatterns = [
    path("heatmap/", views_security.risk_heatmap, name="heatmap"),
    # HR: completion dashboard, drill-down, the overdue, transcripts.
    path("", views_hr.hr_dashboard, name="hr"),
    path("export/<slug:table>.<fmt:export_format>", views_hr.hr_export, name="hr_export"),
    path("people/", views_hr.people, name="people"),
    path("people/export.<fmt:export_format>", views_hr.people_export, name="people_export"),
    path("overdue/", views_hr.overdue, name="overdue"),
    # Chasing the overdue from the lists: POST only, permission and scope per assignment.
    path("people/bulk/", bulk_hr.bulk_action, name="bulk"),
    path("people/remind/<int:assignment_id>/", bulk_hr.remind_one, name="remind_one"),
    path("transcript/", views_hr.my_transcript, name="my_transcript"),
    path("my-data.json", personal_data.my_data, name="my_data"),
    path("people/<int:user_id>/", views_hr.person_transcript, name="transcript"),
    path("people/<int:user_id>/pdf/", views_hr.person_transcript_pdf, name="transcript_pdf"),
    path(
        "people/<int:user_id>/export.<fmt:export_format>",
        views_hr.person_transcript_export,
        name="transcript_export",
    ),
    # Security manager: effectiveness and PDCA, with the heat map embedded.
    path("security/", views_security.security_dashboard, name="security"),
    path(
        "security/export/<slug:table>.<fmt:export_format>",
        views_security.security_export,
        name="security_export",
    ),
    # Background exports and the evidence pack.
    path("exports/records/", views_jobs.records_export_create, name="records_export"),
    path("evidence/", views_jobs.evidence_pack, name="evidence"),
    path("jobs/<int:job_id>/", views_jobs.job_detail, name="job_detail"),
    path("jobs/<int:job_id>/status/", views_jobs.job_status, name="job_status"),
    path("jobs/<int:job_id>/download/", views_jobs.job_download, name="job_download"),
]
