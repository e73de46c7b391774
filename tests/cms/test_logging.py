"""LOGGING (cms/settings/base.py): each log line reaches the console once.

Django applies its own DEFAULT_LOGGING before the project's LOGGING, so the check runs
``django.setup()`` in a fresh interpreter with the dev and the production settings, as
``make run`` and ``make serve`` do, and counts the lines of one message on stderr.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import logging, sys
import django
django.setup()
for name, level in [
    ("django.utils.autoreload", logging.INFO),  # "Watching for file changes" under runserver
    ("django.request", logging.WARNING),  # "Not Found: /..."
    ("django.security.DisallowedHost", logging.ERROR),
    ("cms.core", logging.WARNING),
    ("events.submissions", logging.WARNING),
]:
    logging.getLogger(name).log(level, "MARKE %s", name)
"""


def log_lines(settings_module):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "SECRET_KEY": "x" * 50,
        "REDIS_URL": "",
        "LOG_LEVEL": "INFO",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if "MARKE" in line]


@pytest.mark.parametrize("settings_module", ["cms.settings.dev", "cms.settings.production"])
def test_each_log_line_appears_once(settings_module):
    lines = log_lines(settings_module)
    for name in (
        "django.utils.autoreload",
        "django.request",
        "django.security.DisallowedHost",
        "cms.core",
        "events.submissions",
    ):
        assert lines.count(f"MARKE {name}") == 1, (name, lines)
