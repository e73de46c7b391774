"""Settings come from the environment: database, cache and security defaults."""

import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.support.settings import _restore_settings_modules, load_settings  # noqa: F401 - fixture


def load_production(monkeypatch, **env):
    """Production settings with a secret key and Redis, plus ``env``."""
    env = {"SECRET_KEY": "x" * 50, "REDIS_URL": "redis://127.0.0.1:6379/0", **env}
    return load_settings(monkeypatch, module="cms.settings.production", **env)


def test_defaults_are_sqlite_locmem_and_debug_off(monkeypatch):
    settings = load_settings(monkeypatch)
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert settings.DEBUG is False
    assert settings.LANGUAGE_CODE == "de"


def test_database_url_selects_postgresql(monkeypatch):
    settings = load_settings(monkeypatch, DATABASE_URL="postgres://postgres@db.example:5432/site")
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.example", 5432, "site")
    assert database["CONN_HEALTH_CHECKS"] is True


def test_sqlite_waits_for_the_write_lock(monkeypatch):
    """Concurrent writers queue for the lock instead of failing (tests/cms/test_sqlite_writes.py)."""
    options = load_settings(monkeypatch).DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 20
    assert "journal_mode=WAL" in options["init_command"]
    postgres = load_settings(monkeypatch, DATABASE_URL="postgres://postgres@db.example:5432/site")
    assert "transaction_mode" not in postgres.DATABASES["default"].get("OPTIONS", {})


def test_redis_url_selects_the_redis_cache(monkeypatch):
    settings = load_settings(monkeypatch, REDIS_URL="redis://cache.example:6379/2")
    cache = settings.CACHES["default"]
    assert cache["BACKEND"] == "cms.caching.redis.ResilientRedisCache"  # django-redis with a breaker
    assert cache["LOCATION"] == "redis://cache.example:6379/2"
    assert cache["OPTIONS"]["BREAKER_SECONDS"] > 0


def test_production_refuses_to_start_without_secret_key(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        load_settings(monkeypatch, module="cms.settings.production")


def test_production_is_secure_with_a_secret_key(monkeypatch):
    settings = load_settings(monkeypatch, module="cms.settings.production", SECRET_KEY="x" * 50)
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SECURE_HSTS_SECONDS >= 31536000


def test_redis_cache_round_trip(redis_url, settings):
    """The configured django-redis backend really stores and returns values on a live Redis."""
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "redis": {
            "BACKEND": "cms.caching.redis.ResilientRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "test",
        },
    }
    cache = caches.create_connection("redis")
    key = f"roundtrip-{uuid.uuid4()}"
    cache.set(key, {"Region": "Krefeld"}, timeout=30)
    assert cache.get(key) == {"Region": "Krefeld"}
    cache.delete(key)
    assert cache.get(key) is None


def test_production_serves_compressed_hashed_static_files_and_local_media(monkeypatch):
    settings = load_settings(monkeypatch, module="cms.settings.production", SECRET_KEY="x" * 50)
    assert (
        settings.STORAGES["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert "wagtail.contrib.frontend_cache" not in settings.INSTALLED_APPS
    assert settings.MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") == 1


def test_production_media_in_object_storage_and_cdn_purge_from_the_environment(monkeypatch):
    settings = load_settings(
        monkeypatch,
        module="cms.settings.production",
        SECRET_KEY="x" * 50,
        AWS_STORAGE_BUCKET_NAME="n3tzwerk-medien",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        FRONTEND_CACHE_BACKEND="wagtail.contrib.frontend_cache.backends.HTTPBackend",
        FRONTEND_CACHE_LOCATION="http://varnish.example:8000",
        FRONTEND_CACHE_HOSTNAMES="www.n3tzwerk.org,n3tzwerk.org",
    )
    media = settings.STORAGES["default"]
    assert media["BACKEND"] == "cms.core.storage.MediaStorage"
    assert media["OPTIONS"]["bucket_name"] == "n3tzwerk-medien"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.example.net"
    assert "wagtail.contrib.frontend_cache" in settings.INSTALLED_APPS
    assert settings.WAGTAILFRONTENDCACHE["default"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://varnish.example:8000",
        "HOSTNAMES": ["www.n3tzwerk.org", "n3tzwerk.org"],
    }


def test_production_csp_allows_images_from_the_media_bucket(monkeypatch):
    settings = load_production(
        monkeypatch, AWS_STORAGE_BUCKET_NAME="n3tzwerk-medien", AWS_S3_CUSTOM_DOMAIN="medien.n3tzwerk.org"
    )
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert "https://medien.n3tzwerk.org" in directives["img-src"]
    assert "https://medien.n3tzwerk.org" in directives["media-src"]
    assert "https://medien.n3tzwerk.org" not in directives["script-src"]


def test_production_without_redis_switches_the_page_cache_off(monkeypatch):
    with pytest.warns(UserWarning, match="REDIS_URL fehlt"):
        settings = load_settings(monkeypatch, module="cms.settings.production", SECRET_KEY="x" * 50)
    assert settings.PAGE_CACHE_SECONDS == 0
    with_redis = load_settings(
        monkeypatch,
        module="cms.settings.production",
        SECRET_KEY="x" * 50,
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert with_redis.PAGE_CACHE_SECONDS > 0


def test_production_counts_clients_by_the_proxy_header(monkeypatch):
    settings = load_production(monkeypatch, CLIENT_IP_HEADER="HTTP_X_REAL_IP")
    assert settings.RATELIMIT_IP_META_KEY == "HTTP_X_REAL_IP"
    assert settings.AXES_IPWARE_META_PRECEDENCE_ORDER == ("HTTP_X_REAL_IP",)


def test_production_media_in_object_storage_are_private_with_expiring_links(monkeypatch):
    """Issue 15: no public ACL, signed links by default, valid longer than a page stays cached."""
    settings = load_production(monkeypatch, AWS_STORAGE_BUCKET_NAME="n3tzwerk-medien")
    options = settings.STORAGES["default"]["OPTIONS"]
    assert options["default_acl"] == "private"
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] > settings.PAGE_CACHE_SECONDS + settings.PAGE_CACHE_S_MAXAGE
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert settings.WAGTAILDOCS_INLINE_CONTENT_TYPES == []


def test_signed_links_shorter_than_the_page_cache_are_refused(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="AWS_QUERYSTRING_EXPIRE"):
        load_production(
            monkeypatch,
            AWS_STORAGE_BUCKET_NAME="n3tzwerk-medien",
            AWS_QUERYSTRING_EXPIRE="600",
            PAGE_CACHE_SECONDS="3600",
        )


def test_acls_can_be_left_to_a_bucket_that_refuses_them(monkeypatch):
    settings = load_production(monkeypatch, AWS_STORAGE_BUCKET_NAME="n3tzwerk-medien", AWS_DEFAULT_ACL="")
    assert settings.STORAGES["default"]["OPTIONS"]["default_acl"] is None
