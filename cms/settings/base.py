"""Base settings: secure by default, configured from the environment.

Environment variables:
    SECRET_KEY        required outside dev/test
    DEBUG             "1" to enable debug mode (never in production)
    ALLOWED_HOSTS     comma separated host names
    DATABASE_URL      e.g. postgres://user@host:5432/name; default: SQLite file db.sqlite3
    REDIS_URL         e.g. redis://127.0.0.1:6379/0; default: local-memory cache
    REDIS_BREAKER_SECONDS, REDIS_FALLBACK_SECONDS  Redis outage: pause before asking again (5),
                      lifetime of the per-process fallback entries (30); cms/caching/redis.py
    SEARCH_BACKEND    database (default), elasticsearch or opensearch; SEARCH_URL for the server
    WAGTAILADMIN_BASE_URL  public base URL used in admin notifications
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.core",
    "cms.roles",
    "cms.caching",
    "cms.operations",
    "home",
    "regions",
    "meetings",
    "news",
    "search",
    "events",
    "materials",
    "accessibility",
    "legal",  # Impressum, privacy page, organisation and retention settings, data requests
    "notifications",  # recipients of the team's e-mails about new reports, orders, feedback
    "wagtail_modeladmin",
    "wagtail.api.v2",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "cms.caching.pages.UpdatePageCacheMiddleware",
    # A hit is answered here, before sessions, users, CSRF, CSP ... run: it needs only the request's
    # cookies, and the stored response already carries the headers those middlewares added.
    "cms.caching.pages.FetchFromPageCacheMiddleware",
    "cms.caching.sites.CachedSiteMiddleware",  # the request's Wagtail site without a query
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several threads or workers writing at once: a transaction that starts by reading and then
    # writes cannot wait for the lock (SQLite answers "database is locked" at once, a 503 and a lost
    # event report). BEGIN IMMEDIATE takes the write lock at the start of every transaction, and
    # everyone waits up to 20 s for it; WAL lets readers go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis with a circuit breaker (cms/caching/redis.py): a Redis outage must not take
            # the site down or slow it down. After a connection error Redis is left alone for
            # REDIS_BREAKER_SECONDS; meanwhile a small cache per process answers (entries at most
            # REDIS_FALLBACK_SECONDS). When Redis is back the page cache starts anew.
            "BACKEND": "cms.caching.redis.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "n3tzwerk",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "BREAKER_SECONDS": float(os.environ.get("REDIS_BREAKER_SECONDS", "5")),
                "FALLBACK_SECONDS": float(os.environ.get("REDIS_FALLBACK_SECONDS", "30")),
                "FALLBACK_MAX_ENTRIES": 300,
                "DELETE_ON_RECOVERY": ["pagecache:token"],  # cms.caching.invalidation.NAMESPACE_KEY
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Full-page cache for anonymous visitors (cms/caching/pages.py; rules: docs/architecture.md).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))  # lifetime in the cache; 0 = off
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "0"))  # browsers revalidate (ETag, 304)
PAGE_CACHE_S_MAXAGE = int(os.environ.get("PAGE_CACHE_S_MAXAGE", "60"))  # CDNs and shared proxies
PAGE_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("PAGE_CACHE_STALE_WHILE_REVALIDATE", "30"))
# The page cache does not answer the search: every search is counted for the editors' report of
# search terms (wagtail.contrib.search_promotions), and no CDN or browser keeps it (no-store). The
# view still runs and counts; what it renders for one address comes from the cache for this long
# (cms/caching/renders.py; 0 = off, also off with PAGE_CACHE_SECONDS=0).
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "300"))
# The counts for that report are written in batches: this long after the first search not yet written
# (search/querylog.py); 0 = each search at once.
SEARCH_LOG_FLUSH_SECONDS = float(os.environ.get("SEARCH_LOG_FLUSH_SECONDS", "10"))
# Small values derived from published content that every page shows (the main menu, the private
# sections), kept under the page cache's namespace token and renewed by the same rules; also when the
# page cache itself is off (cms/caching/content.py).
CONTENT_CACHE = env_bool("CONTENT_CACHE", True)
# At most this long, also when a change sent no signal (QuerySet.update, raw SQL, a lost Redis write).
CONTENT_CACHE_SECONDS = int(os.environ.get("CONTENT_CACHE_SECONDS", "300"))
# Only addresses whose query holds nothing but these parameters (path prefix -> names, the longest
# prefix counts; each once, at most PAGE_CACHE_MAX_QUERY_LENGTH characters) are cached; any other
# query is served fresh and not stored, so random parameters cannot flood the cache.
PAGE_CACHE_QUERY_PARAMETERS = {
    # Listings: pagination (cms/core/pagination.py) and the filter forms of events, initiatives, meetings.
    "/": ["seite", "land", "ort", "art", "tag", "q", "good_practice", "jahr"],
    "/suche/": ["q", "art", "land", "jahr", "seite"],  # search/forms.py (cms/caching/renders.py)
    "/api/v2/": [
        *("type", "fields", "limit", "offset", "order", "search", "search_operator", "format"),
        *("child_of", "descendant_of", "ancestor_of", "slug", "html_path", "locale", "translation_of", "id"),
    ],
}
PAGE_CACHE_MAX_QUERY_LENGTH = 200
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/django-admin/", "/dokumente/", "/suche/"]
# Saving or deleting one of these empties the page cache (pages themselves: publish, unpublish, move, delete).
PAGE_CACHE_INVALIDATING_MODELS = [
    "core.Organisation",
    "core.Person",
    "core.Contact",
    "core.GoodPracticeCriterion",
    "core.CustomDocument",
    "core.CustomImage",
    "materials.OrderCatalogueItem",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",  # making a page private or public again
    "wagtailcore.CollectionViewRestriction",
    "wagtailsearchpromotions.SearchPromotion",
    "legal.OrganisationSettings",  # footer, Impressum, JSON-LD of every page
    "legal.RetentionSettings",  # the periods on the privacy page
    "search.SearchSynonym",  # applied to every search (search/synonyms.py)
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background tasks (Wagtail 8 uses django-tasks): the CSV import, the text of uploaded documents,
# Wagtail's search and reference index updates. TASKS_BACKEND=database stores them in the database
# (django-tasks-db) for the worker process (`make worker`, manage.py db_worker); "immediate" runs
# each task at once in the process that enqueues it (default in dev and tests, production: database).
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in TASKS_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND muss {' oder '.join(TASKS_BACKENDS)} sein.")
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND]}}

# Wagtail
WAGTAIL_SITE_NAME = "N3tzwerk Zukunft der Industrie"
# No avatars from gravatar.com in the admin (a third-party request with a hash of each editor's
# e-mail address); editors without an uploaded avatar get Wagtail's default one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# How long the partner's personal link to a reported event works (events/selfservice.py).
EVENT_LINK_MAX_AGE_DAYS = int(os.environ.get("EVENT_LINK_MAX_AGE_DAYS", "120"))
WAGTAIL_I18N_ENABLED = False
# ASCII slugs; the admin spells out umlauts (ä → ae …, cms/core/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch")]
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"

WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "core.CustomDocument"
# PNG and JPEG for downloads meant as image files (the image and type motifs of the materials page).
WAGTAILDOCS_EXTENSIONS = ["pdf", "pptx", "docx", "xlsx", "odt", "odp", "png", "jpg"]
# Explicit MIME types: Python's built-in table lacks the Office formats when /etc/mime.types is missing.
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "png": "image/png",
    "jpg": "image/jpeg",
}
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
# The file's real type must match its extension (cms/core/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.core.uploads.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents only through Wagtail's view (/dokumente/…), which checks the collection's view
# restriction, whatever the storage (never a redirect to the file's storage address), and always
# as a download, with a policy under which no embedded script runs (cms/core/media.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# No SVG: an SVG is a document that can carry scripts (<script>, on*= handlers) and Wagtail stores
# and serves it as uploaded; raster formats are decoded and re-encoded by Willow for every rendition.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]

# Demo content (manage.py load_demo_content, cms/core/demo/__init__.py): each app's loader, in the
# order they run; a loader may rely on the pages of the loaders before it.
DEMO_LOADERS = [
    "cms.core.demo.snippets.load",  # organisations, people, contacts, good-practice criteria
    "home.demo.load",  # the home page as the site's root, "Über uns"
    "regions.demo.load",
    "meetings.demo.load",  # with the demo documents
    "events.demo.load",
    "materials.demo.load",  # below the Woche der Industrie of events
    "events.demo.load_current_week",  # after materials: the yearly action copies them along
    "news.demo.load",
    "accessibility.demo.load",
    "legal.demo.load",  # Impressum and privacy page, organisation settings (placeholders flagged)
    "search.demo.load",  # editors' recommendations, offered as "Häufig gesucht"
    "home.demo.link_focus_areas",  # last: links the focus areas to the sections built above
]

# Search: Wagtail's database backend ("german" configuration on PostgreSQL) by default;
# SEARCH_BACKEND=elasticsearch|opensearch (+ SEARCH_URL) switches to a search server with a German
# analyzer and compound splitting. See search/backend_settings.py and docs/search.md.
from search.backend_settings import search_backends  # noqa: E402

WAGTAILSEARCH_BACKENDS, SEARCH_EXTERNAL_BACKEND = search_backends(os.environ)

# Domain part of the calendar UIDs (cms/core/ical.py): fixed, not the request's host, so calendar
# apps recognise an updated event whichever address the calendar was fetched from.
ICAL_UID_DOMAIN = os.environ.get("ICAL_UID_DOMAIN", "n3tzwerk.org")

# Every line once: Django first applies its DEFAULT_LOGGING, whose "django" logger keeps its own
# console handler unless it is named here; it also passed each line on to the root's handler, so
# runserver printed each "django.*" line twice. Loggers with a handler here do not propagate.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "cms": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO"), "propagate": False},
    },
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# The site's e-mails are sent from the organisation's address (Einstellungen → Organisation,
# cms/core/organisation.py); this one only while none is set.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# Public forms: per-client rate limit (cms/core/ratelimit.py; django-ratelimit on the default
# cache, shared across workers with Redis). If the cache is down, the forms stay open.
FORM_RATE_LIMIT = os.environ.get("FORM_RATE_LIMIT", "20/h")
RATELIMIT_FAIL_OPEN = True
# Behind a reverse proxy: the request header with the client's address, e.g. HTTP_X_REAL_IP.
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None

# Admin login: lockout after repeated failures (django-axes; German page axes/lockout.html).
# Locks the combination of user name and client address, so nobody can lock an editor out from
# elsewhere; a successful login resets the count. AxesBackend (the lockout check plus ModelBackend's
# get_user) rather than AxesStandaloneBackend: Wagtail's test utilities log in with the first backend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"

# Sessions: HttpOnly, SameSite, ended after eight hours or when the browser closes (production
# adds SESSION_COOKIE_SECURE).
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Content-Security-Policy (django-csp 4): the public site loads scripts, styles, images and fonts
# only from its own origin; no inline script (JSON-LD data blocks are not executed, so CSP does not
# apply to them), no plugins, no framing. The Wagtail and Django admins use inline scripts and
# styles and sit behind a login: they keep X-Frame-Options but get no CSP header.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
    },
}
