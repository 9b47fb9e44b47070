"""Tests of the quizzes app: grading, statistics and question import."""
