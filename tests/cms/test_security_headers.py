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


def production_hsts(monkeypatch, **env):
    """The SECURE_HSTS_* settings of cms.settings.production under ``env``."""
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(50))
    for name in ("SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    importlib.reload(importlib.import_module("cms.settings.base"))
    try:
        production = importlib.reload(importlib.import_module("cms.settings.production"))
    finally:
        monkeypatch.undo()
        importlib.reload(importlib.import_module("cms.settings.base"))
    return {name: getattr(production, name) for name in dir(production) if name.startswith("SECURE_HSTS_")}


def test_production_sends_hsts_over_https_without_subdomains_or_preload(client, home_page, monkeypatch):
    """includeSubDomains and preload bind other hosts of the domain: they are opt-in (Issue 15)."""
    with override_settings(**production_hsts(monkeypatch)):
        response = client.get(home_page.url, secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000"


def test_hsts_subdomains_and_preload_are_switched_on_from_the_environment(client, home_page, monkeypatch):
    hsts = production_hsts(monkeypatch, SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1")
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


def check_deploy(tmp_path, **env):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "www.n3tzwerk.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        **env,
    }
    env.pop("DEBUG", None)
    return subprocess.run(  # noqa: S603 - fixed command line
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_with_production_settings_reports_nothing(tmp_path):
    result = check_deploy(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_still_reports_insecure_settings(tmp_path):
    """Only the two HSTS options are silenced, and only while they are off: a short HSTS time or
    a weak secret key still fail the deploy check."""
    result = check_deploy(
        tmp_path, SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1", SECURE_HSTS_SECONDS="0"
    )
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr
    assert "security.W005" not in result.stdout + result.stderr
