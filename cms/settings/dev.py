"""Development settings: debug on, console e-mail, a fixed insecure key unless one is given."""

import contextlib

from .base import *

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# The console unless EMAIL_BACKEND says otherwise: tests/cms/sqlite_server.py asks for locmem, since
# the console's mails filled the pipe its test reads only once, and the server stalled (issue 19).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F401
