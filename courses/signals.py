"""Signals other apps listen to; sent after the transaction that caused them commits."""

from django.dispatch import Signal

# Sent with `assignment` once an assignment becomes completed.
assignment_completed = Signal()
