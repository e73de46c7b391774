"""Production settings: everything secret or host-specific comes from the environment."""

import warnings

from csp.constants import SELF
from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False
# Background tasks in the database, run by the worker (`make worker`); TASKS_BACKEND=immediate only
# for a single server without a worker.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND]}}
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY muss in der Umgebung gesetzt sein.")

# Hashed file names (cached for ever) with gzip and Brotli copies, served by WhiteNoise.
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"

# Media in S3-compatible object storage when a bucket is named (pip install ".[s3]", docs/deploy.md):
# private objects, signed links that expire (cms/core/storage.py). A page in the page cache or CDN
# keeps its image links while it is cached: they must stay valid at least that long.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_QUERYSTRING_EXPIRE = int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "86400"))
if AWS_STORAGE_BUCKET_NAME:
    longest_cached = max(PAGE_CACHE_SECONDS, SEARCH_CACHE_SECONDS, CONTENT_CACHE_SECONDS) + (
        PAGE_CACHE_S_MAXAGE + PAGE_CACHE_STALE_WHILE_REVALIDATE + PAGE_CACHE_MAX_AGE
    )
    if env_bool("AWS_QUERYSTRING_AUTH", True) and longest_cached >= AWS_QUERYSTRING_EXPIRE:
        raise ImproperlyConfigured(
            f"AWS_QUERYSTRING_EXPIRE ({AWS_QUERYSTRING_EXPIRE} s) muss länger sein, als eine Seite "
            f"zwischengespeichert bleibt ({longest_cached} s), sonst zeigen gecachte Seiten abgelaufene "
            "Bildlinks."
        )
    STORAGES["default"] = {
        "BACKEND": "cms.core.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            # "private" unless the bucket refuses ACLs (Object Ownership "bucket owner enforced":
            # AWS_DEFAULT_ACL= empty sends none; such buckets are private anyway).
            "default_acl": os.environ.get("AWS_DEFAULT_ACL", "private") or None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "querystring_expire": AWS_QUERYSTRING_EXPIRE,
            "file_overwrite": False,
        },
    }
    # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment (read by boto3).
    # Images and downloads now come from the bucket's address: the CSP must allow it.
    MEDIA_ORIGIN = (
        os.environ.get("AWS_S3_CUSTOM_DOMAIN")
        or os.environ.get("AWS_S3_ENDPOINT_URL")
        or (f"{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com")
    )
    MEDIA_ORIGIN = MEDIA_ORIGIN if "://" in MEDIA_ORIGIN else f"https://{MEDIA_ORIGIN}"
    directives = CONTENT_SECURITY_POLICY["DIRECTIVES"]
    CONTENT_SECURITY_POLICY = {
        **CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {
            **directives,
            "img-src": [*directives["img-src"], MEDIA_ORIGIN],
            "media-src": [SELF, MEDIA_ORIGIN],
        },
    }

# CDN in front of the site: purge published pages (wagtail.contrib.frontend_cache), docs/deploy.md.
FRONTEND_CACHE_BACKEND = os.environ.get("FRONTEND_CACHE_BACKEND", "")
if FRONTEND_CACHE_BACKEND:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]
    WAGTAILFRONTENDCACHE = {"default": {"BACKEND": FRONTEND_CACHE_BACKEND}}
    for name in ("LOCATION", "BEARER_TOKEN", "ZONEID", "DISTRIBUTION_ID", "HOSTNAMES"):
        value = os.environ.get(f"FRONTEND_CACHE_{name}")
        if value:
            WAGTAILFRONTENDCACHE["default"][name] = value.split(",") if name == "HOSTNAMES" else value

# Several gunicorn workers (and machines) share the page cache's namespace only through Redis; with
# a per-process local-memory cache a publish would empty the cache of one worker only.
if not REDIS_URL and PAGE_CACHE_SECONDS:
    warnings.warn("REDIS_URL fehlt: der Seiten-Cache ist ausgeschaltet (PAGE_CACHE_SECONDS=0).", stacklevel=1)
    PAGE_CACHE_SECONDS = 0
if not REDIS_URL:
    CONTENT_CACHE = False

# Behind a load balancer or reverse proxy, REMOTE_ADDR is the proxy's address: name the request
# header in which the proxy passes the visitor's address (e.g. HTTP_X_REAL_IP), so that the form rate
# limit and the login lockout count per visitor and not for everyone at once (docs/deploy.md).
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
if CLIENT_IP_HEADER:
    RATELIMIT_IP_META_KEY = CLIENT_IP_HEADER
    AXES_IPWARE_META_PRECEDENCE_ORDER = (CLIENT_IP_HEADER,)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
# includeSubDomains and preload bind every subdomain (and, once on the browsers' preload list, the
# domain for months) to HTTPS: opt-in only, when every subdomain really serves HTTPS (docs/deploy.md).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# check --deploy warns about each of them while it is off (security.W005, security.W021). Off is
# the deliberate default here, so the warning would only repeat this setting; each one is silenced
# only while its option is off, every other deploy check stays active.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
