"""Signals of the risk app; apps higher up (courses) listen, because risk cannot import them."""

from django.dispatch import Signal

# Sent with `review_id` once the transaction that approved a risk review has committed.
review_approved = Signal()
