"""Employee-facing views: My training, enrolment and marking lessons done."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import completion, selectors, services
from .models import Assignment, CoursePage, LessonPage


@login_required
def my_training(request):
    training = selectors.my_training(user=request.user, request=request)
    return render(request, "courses/my_training.html", {"training": training})


@login_required
def assignment_detail(request, assignment_id: int):
    # Scoped to the owner: someone else's assignment is "not found", not "forbidden".
    assignment = get_object_or_404(
        Assignment.objects.select_related("course", "review__workplace", "risk_category"),
        pk=assignment_id,
        user=request.user,
    )
    steps = completion.steps_for([assignment], request)[assignment.pk]
    row = selectors.TrainingRow(assignment.course, assignment, steps)
    return render(request, "courses/assignment_detail.html", {"row": row})


@login_required
@require_POST
def course_enrol(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    services.assignment_enrol(user=request.user, course=course)
    row = selectors.course_detail(user=request.user, course=course, request=request)
    return redirect(row.resume_url or course.get_url(request))


@login_required
@require_POST
def lesson_done(request, assignment_id: int, lesson_id: int):
    assignment = get_object_or_404(
        Assignment.objects.select_related("course"), pk=assignment_id, user=request.user
    )
    lesson = get_object_or_404(LessonPage.objects.live().child_of(assignment.course), pk=lesson_id)
    assignment = services.lesson_complete(assignment=assignment, lesson=lesson)
    row = selectors.course_detail(user=request.user, course=assignment.course, request=request)
    if assignment.status == Assignment.Status.COMPLETED:
        messages.success(request, _("Course completed. Well done!"))
        return redirect(assignment.course.get_url(request))
    return redirect(row.resume_url or assignment.course.get_url(request))


@login_required
@require_POST
def knowledge_check(request, lesson_id: int, block_id: str):
    """Answer a lesson's knowledge check: feedback at once, stored, never graded.

    Without JavaScript the form posts here and returns to the check in the lesson; the
    static script posts the same form and swaps in the returned feedback.
    """
    lesson = get_object_or_404(LessonPage.objects.live().specific(), pk=lesson_id)
    try:
        block, result = services.knowledge_check_answer(
            user=request.user,
            lesson=lesson,
            block_id=block_id,
            chosen=request.POST.getlist("choice"),
        )
    except services.KnowledgeCheckRefused:
        message = _("Choose an answer first.")
        if request.headers.get("X-Requested-With") == "fetch":
            return HttpResponseBadRequest(message)
        messages.error(request, message)
        return redirect(f"{lesson.get_url(request)}#check-{block_id}")
    if request.headers.get("X-Requested-With") == "fetch":
        return render(
            request,
            "courses/blocks/_knowledge_check_feedback.html",
            {"result": result, "value": block.value},
        )
    return redirect(f"{lesson.get_url(request)}#check-{block_id}")
