"""Audit-log action names of quizzes, for the services that write them and the admin's labels."""

# Granting an employee attempts beyond the quiz's limit. The extra-attempts service logs it
# with log(instance=<assignment>, action=EXTRA_ATTEMPTS_ACTION, user=<granter>,
# data={"count": n, "reason": "..."}).
EXTRA_ATTEMPTS_ACTION = "quizzes.extra_attempts"

# A course editor grading one essay by hand: log(instance=<attempt>, action=ESSAY_GRADE_ACTION,
# user=<editor>, data={"employee", "course", "question", "points", "attempt_finished"}).
ESSAY_GRADE_ACTION = "quizzes.grade_essay"
