"""The benchmark's settings: production's, plus a template for the bare Wagtail page baseline.

Only `make bench` uses them (bench/run.py sets the environment production asks for). The bare
page is Wagtail's own Page model, which renders "wagtailcore/page.html": this directory comes
first in the template search path, so no page type is added to the product.
"""

from pathlib import Path

from elearning.settings.production import *  # noqa: F403
from elearning.settings.production import TEMPLATES

TEMPLATES[0]["DIRS"] = [Path(__file__).resolve().parent / "templates", *TEMPLATES[0]["DIRS"]]
