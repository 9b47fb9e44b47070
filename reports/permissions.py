"""The permissions that open the report pages, declared on reports.models.Report.

organisation/roles.py grants them to the roles; views and menus check only these.
"""

# Report on everyone: the completion dashboard, people, transcripts and exports of anyone.
ALL_TRAINING_RECORDS = "reports.view_all_training_records"
# The organisation's effectiveness and PDCA numbers.
SECURITY_DASHBOARD = "reports.view_security_dashboard"
# Every workplace's risks with the plan's coverage.
RISK_HEATMAP = "reports.view_risk_heatmap"
# The ZIP for an auditor: organisation-wide numbers and records.
EVIDENCE_PACK = "reports.request_evidence_pack"
# Send a reminder e-mail now, from the people and overdue lists (to people in one's scope).
SEND_REMINDERS = "reports.send_reminders"
