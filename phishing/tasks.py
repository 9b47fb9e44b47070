"""Celery task of the simulation: send the e-mails whose time has come (beat, every minute)."""

from celery import shared_task

from . import services


@shared_task(name="phishing.send_due", acks_late=True, reject_on_worker_lost=True)
def send_due() -> dict:
    """Safe to run twice or at once: each recipient row is locked while it is sent."""
    return services.campaign_send_due()
