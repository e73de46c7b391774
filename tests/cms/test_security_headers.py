"""Security headers (django-csp and Django's SecurityMiddleware) and ``check --deploy`` in production."""

import importlib
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings


def directives(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


@pytest.fixture
def home_response(client, home_page):
    return client.get(home_page.url)


def test_scripts_and_styles_come_only_from_the_site(home_response):
    policy = directives(home_response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in home_response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in home_response["Content-Security-Policy"]


def test_pages_may_not_be_framed(home_response):
    assert directives(home_response)["frame-ancestors"] == ["'none'"]
    assert home_response["X-Frame-Options"] == "DENY"


def test_nosniff_and_referrer_policy(home_response):
    assert home_response["X-Content-Type-Options"] == "nosniff"
    assert home_response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_error_pages_carry_the_policy_too(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]


def test_production_sends_hsts_over_https(client, home_page, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(50))
    monkeypatch.delenv("SECURE_HSTS_SECONDS", raising=False)
    importlib.reload(importlib.import_module("cms.settings.base"))
    try:
        production = importlib.reload(importlib.import_module("cms.settings.production"))
    finally:
        monkeypatch.undo()
        importlib.reload(importlib.import_module("cms.settings.base"))
    hsts = {name: getattr(production, name) for name in dir(production) if name.startswith("SECURE_HSTS_")}
    with override_settings(**hsts):
        response = client.get(home_page.url, secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_wagtail_admin_works_without_the_site_policy(admin_client):
    """The admin uses inline scripts: it is excluded from the CSP but still refuses framing."""
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


def test_admin_exclusion_is_limited_to_the_admin_prefixes():
    assert settings.CONTENT_SECURITY_POLICY["EXCLUDE_URL_PREFIXES"] == ["/admin/", "/django-admin/"]


def test_check_deploy_with_production_settings_reports_nothing(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "www.n3tzwerk.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    env.pop("DEBUG", None)
    result = subprocess.run(  # noqa: S603 - fixed command line
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
