"""WebVTT captions checked before a lesson may use them: a pure check over the file's bytes."""

import re

from django.utils.translation import gettext as _

MAX_BYTES = 1024 * 1024
_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t].*)?$")


def _seconds(hours, minutes, seconds, millis) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def cue_count(data: bytes) -> int:
    """The number of cues, or ValueError with a translated reason why this is not WebVTT."""
    if len(data) > MAX_BYTES:
        raise ValueError(_("The captions file is larger than 1 MB."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(_("The captions file is not UTF-8 text.")) from error
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise ValueError(_("The captions file does not start with WEBVTT: it is not WebVTT."))
    cues = 0
    for number, line in enumerate(lines, start=1):
        if "-->" not in line:
            continue
        match = _TIMING.match(line.strip())
        if not match:
            raise ValueError(_("Line %(line)d has no valid cue timing.") % {"line": number})
        start, end = _seconds(*match.groups()[:4]), _seconds(*match.groups()[4:])
        if end < start:
            raise ValueError(_("Line %(line)d: the cue ends before it starts.") % {"line": number})
        cues += 1
    if not cues:
        raise ValueError(_("The captions file has no cues."))
    return cues
