"""Operations that change SCORM data: storing a checked package, recording a SCO's commit."""

import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from courses import services as courses_services
from courses.models import Assignment

from . import cmi as cmi_rules
from .models import Sco as ScoModel
from .models import ScormAttempt, ScormLessonPage, ScormPackage
from .packages import Package, open_archive, read_bounded, read_package


def package_create(*, upload, title: str = "", by=None) -> ScormPackage:
    """Checks the whole archive first, then unpacks it under a new random prefix.

    PackageError (with the editor's message) when the archive is refused: then no file is in
    storage and no row in the database; a failure half-way removes what was written.
    """
    upload.seek(0)
    package = read_package(upload)
    prefix = secrets.token_hex(16)
    written: list[str] = []
    try:
        upload.seek(0)
        with open_archive(upload) as archive:
            for name, info in package.files.items():
                path = f"scorm/{prefix}/{name}"
                written.append(default_storage.save(path, ContentFile(read_bounded(archive, info))))
        with transaction.atomic():
            record = _package_record(package, prefix=prefix, title=title, by=by)
    except Exception:
        for path in written:
            default_storage.delete(path)
        raise
    return record


def _package_record(package: Package, *, prefix: str, title: str, by) -> ScormPackage:
    record = ScormPackage.objects.create(
        title=(title or package.title or package.identifier or prefix)[:255],
        prefix=prefix,
        version=package.version,
        schema_version=package.schema_version[:64],
        identifier=package.identifier[:255],
        file_count=len(package.files),
        total_bytes=package.total_bytes,
        uploaded_by=by,
    )
    ScoModel.objects.bulk_create(
        ScoModel(
            package=record,
            position=position,
            identifier=sco.identifier[:255],
            title=sco.title[:255],
            launch=sco.launch[:1000],
            scaled_passing_score=sco.scaled_passing_score,
            mastery_score=sco.mastery_score,
            launch_data=sco.launch_data,
        )
        for position, sco in enumerate(package.scos, start=1)
    )
    log(
        instance=record,
        action="wagtail.create",
        user=by,
        data={"version": record.version, "files": record.file_count, "scos": len(package.scos)},
    )
    return record


def current_attempt(
    *, user, lesson: ScormLessonPage, sco: ScoModel, assignment
) -> ScormAttempt | None:
    """The attempt a launch resumes, or None when a new one starts (read only)."""
    latest = (
        ScormAttempt.objects.filter(user=user, lesson=lesson, sco=sco).order_by("-number").first()
    )
    if latest is None or latest.finished:
        return None
    if (assignment.pk if assignment else None) != latest.assignment_id:
        return None
    return latest


def attempt_commit(
    *, user, lesson: ScormLessonPage, sco: ScoModel, assignment, data, terminate: bool = False
) -> ScormAttempt:
    """Stores one commit of the SCO's CMI data; CommitError leaves everything as it was.

    The commit goes to the attempt the launch resumed (or a new one); when the SCO is done,
    the assignment is evaluated, so the lesson's step can complete the course.
    """
    version = sco.package.version
    clean = cmi_rules.clean_commit(data, version)
    with transaction.atomic():
        attempt = current_attempt(user=user, lesson=lesson, sco=sco, assignment=assignment)
        if attempt is None:
            last = (
                ScormAttempt.objects.filter(user=user, lesson=lesson, sco=sco)
                .order_by("-number")
                .values_list("number", flat=True)
                .first()
            )
            attempt = ScormAttempt(
                user=user,
                lesson=lesson,
                sco=sco,
                assignment=assignment,
                number=(last or 0) + 1,
            )
        else:
            attempt = ScormAttempt.objects.select_for_update().get(pk=attempt.pk)
        merged = {**attempt.cmi, **clean}
        summary = cmi_rules.summarize(
            merged,
            version,
            scaled_passing_score=sco.scaled_passing_score,
            mastery_score=sco.mastery_score,
        )
        attempt.cmi = merged
        attempt.completion_status = summary.completion_status
        attempt.success_status = summary.success_status
        attempt.score_raw = summary.score_raw
        attempt.score_scaled = summary.score_scaled
        attempt.suspend_data = summary.suspend_data
        attempt.location = summary.location[:1000]
        if summary.total_time is not None:
            attempt.total_time = summary.total_time[:64]
        attempt.exit = summary.exit[:16]
        attempt.finished = terminate and summary.exit != "suspend"
        attempt.updated_at = timezone.now()
        attempt.save()
        if (
            attempt.done
            and assignment is not None
            and assignment.status == Assignment.Status.ASSIGNED
        ):
            courses_services.assignment_evaluate(assignment=assignment)
    return attempt
