"""Tells link scanners and bots from people: pure rules over one request's facts."""

from __future__ import annotations

import datetime

# Substrings of the User-Agent of mail-gateway scanners, link previewers and HTTP libraries.
# A person's browser never sends these; the list errs on the side of not counting a click.
SCANNER_AGENTS = (
    "bot",
    "spider",
    "crawler",
    "scanner",
    "preview",
    "python-requests",
    "python-urllib",
    "aiohttp",
    "httpx",
    "curl/",
    "wget/",
    "go-http-client",
    "java/",
    "okhttp",
    "libwww-perl",
    "barracuda",
    "proofpoint",
    "mimecast",
    "safelinks",
    "microsoft office existence discovery",
    "ms-office",
    "symantec",
    "trend micro",
    "fortiguard",
    "sophos",
    "kaspersky",
    "forcepoint",
    "facebookexternalhit",
    "slackbot",
    "whatsapp",
    "headlesschrome",
)

HEAD = "head request"
AGENT = "scanner agent"
NO_AGENT = "no user agent"
TOO_FAST = "too soon after delivery"


def automated_reason(
    *,
    method: str,
    user_agent: str,
    sent_at: datetime.datetime | None,
    at: datetime.datetime,
    min_seconds: int,
) -> str | None:
    """Why a request looks automated (one of the constants above), or None for a person."""
    if method.upper() == "HEAD":
        return HEAD
    agent = (user_agent or "").strip().lower()
    if not agent:
        return NO_AGENT
    if any(marker in agent for marker in SCANNER_AGENTS):
        return AGENT
    if sent_at is not None and (at - sent_at).total_seconds() < min_seconds:
        return TOO_FAST
    return None
