"""Test settings: fast hashing, in-memory cache and e-mail, a temporary media folder."""

import tempfile

from .base import *

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="n3tzwerk-test-media-"))
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WAGTAILADMIN_BASE_URL = "http://testserver"
# The page cache would carry responses from one test into the next; its own tests switch it on.
PAGE_CACHE_SECONDS = 0
CONTENT_CACHE = False
# Static files come from the source folders (no collectstatic before the tests).
WHITENOISE_AUTOREFRESH = True
LOGGING["loggers"]["cms"]["level"] = "WARNING"
# The tests share one client address; tests of the limit itself set a low one.
FORM_RATE_LIMIT = "10000/h"
# Each search counted at once (tests/search/test_querylog.py switches batching on).
SEARCH_LOG_FLUSH_SECONDS = 0
# django-axes needs the request in authenticate(); the test client's login() has none. The
# lockout tests switch it on (tests/cms/test_login_lockout.py).
AXES_ENABLED = False
