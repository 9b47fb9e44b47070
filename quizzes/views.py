"""Employee-facing quiz pages: intro with history, start, take, submit and result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from . import forms, selectors, services
from .models import Attempt, Quiz


def _quiz(quiz_id: int) -> Quiz:
    quiz = get_object_or_404(Quiz.objects.select_related("course"), pk=quiz_id)
    if not quiz.course.live:
        raise Http404
    return quiz


def _refused(request, refusal: services.QuizRefusal, back_url: str):
    context = {"message": refusal.message, "back_url": back_url, "status": refusal.status}
    return render(request, "quizzes/refused.html", context, status=refusal.status)


@login_required
def quiz_intro(request, quiz_id: int):
    quiz = _quiz(quiz_id)
    intro = selectors.quiz_intro(user=request.user, quiz=quiz)
    return render(request, "quizzes/intro.html", {"intro": intro, "quiz": quiz})


@login_required
@require_POST
def attempt_start(request, quiz_id: int):
    quiz = _quiz(quiz_id)
    try:
        attempt = services.attempt_start(user=request.user, quiz=quiz)
    except services.QuizRefusal as refusal:
        return _refused(request, refusal, reverse("quizzes:intro", args=[quiz.pk]))
    return redirect("quizzes:take", attempt_id=attempt.pk)


@login_required
@require_POST
def extra_attempts_request(request, quiz_id: int):
    quiz = _quiz(quiz_id)
    try:
        services.extra_attempts_request(user=request.user, quiz=quiz)
    except services.QuizRefusal as refusal:
        return _refused(request, refusal, reverse("quizzes:intro", args=[quiz.pk]))
    messages.success(
        request, gettext("Your request was sent. You will find the new attempt here once granted.")
    )
    return redirect("quizzes:intro", quiz_id=quiz.pk)


@login_required
def attempt_take(request, attempt_id: int):
    # Scoped to the owner: someone else's attempt is "not found", not "forbidden".
    view = selectors.attempt_to_take(user=request.user, attempt_id=attempt_id)
    if view is None:
        raise Http404
    if view.attempt.is_submitted:
        return redirect("quizzes:result", attempt_id=attempt_id)
    return render(request, "quizzes/take.html", {"view": view})


@login_required
@require_POST
def attempt_submit(request, attempt_id: int):
    # The form is parsed inside the service, against the questions it reads under the lock.
    answers = forms.answers_from_form(attempt_id, request.POST)
    try:
        services.attempt_submit(attempt_id=attempt_id, user=request.user, answers=answers)
    except services.AttemptNotFound:
        # Scoped to the owner: someone else's attempt is "not found", as on the take page.
        raise Http404 from None
    except services.QuizRefusal as refusal:
        # Refusals are rare: only they pay for the query that finds the way back.
        quiz_id = Attempt.objects.filter(pk=attempt_id).values_list("quiz_id", flat=True).get()
        return _refused(request, refusal, reverse("quizzes:intro", args=[quiz_id]))
    return redirect("quizzes:result", attempt_id=attempt_id)


@login_required
def attempt_result(request, attempt_id: int):
    view = selectors.attempt_result(user=request.user, attempt_id=attempt_id)
    if view is None:
        raise Http404
    if not view.attempt.is_submitted:
        return redirect("quizzes:take", attempt_id=attempt_id)
    return render(request, "quizzes/result.html", {"view": view})
