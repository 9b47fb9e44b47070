"""Czech dates everywhere in one numeric form, as the magistrate writes them: 1. 12. 2026 14:05.

Django's own Czech formats mix "1. prosince 2026", "01.12.2026" and "1. prosince 2026 14:05";
the admin, the reports and the e-mails then said the same day three ways. Only the certificate,
a formal document, writes its dates in full (certificates.services.certificate_date).
"""

DATE_FORMAT = "j. n. Y"
DATETIME_FORMAT = "j. n. Y H:i"
SHORT_DATE_FORMAT = "j. n. Y"
SHORT_DATETIME_FORMAT = "j. n. Y H:i"
TIME_FORMAT = "H:i"
