"""The admin login: lockout after repeated failures (django-axes), password rules, session cookies."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from tests.support.settings import _restore_settings_modules, load_settings  # noqa: F401 - fixture

LOGIN = reverse("wagtailadmin_login")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redaktion", "r@example.org", "richtiges-Passwort-2026")


def attempt(client, password, address="198.51.100.1"):
    return client.post(LOGIN, {"username": "redaktion", "password": password}, REMOTE_ADDR=address)


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_login_is_locked_after_repeated_failures_with_a_german_page(client, editor):
    for _ in range(2):
        response = attempt(client, "falsch")
        assert response.status_code == 200  # the login form again, with its error

    locked = attempt(client, "falsch")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in html
    assert "zu oft ein falsches Passwort" in html

    # Even the right password is refused while locked, and no session is opened.
    again = attempt(client, "richtiges-Passwort-2026")
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="redaktion").failures_since_start >= 3


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_lockout_does_not_lock_the_editor_out_from_elsewhere(client, editor):
    for _ in range(3):
        attempt(client, "falsch", address="203.0.113.9")
    response = attempt(client, "richtiges-Passwort-2026", address="198.51.100.1")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_successful_login_resets_the_count(client, editor):
    attempt(client, "falsch")
    attempt(client, "falsch")
    assert attempt(client, "richtiges-Passwort-2026").status_code == 302
    client.logout()
    attempt(client, "falsch")
    attempt(client, "falsch")
    assert attempt(client, "richtiges-Passwort-2026").status_code == 302


@pytest.mark.parametrize("password", ["kurz1", "1234567890123", "password123", "redaktion2026x"])
def test_weak_passwords_are_refused_in_german(django_user_model, password, db):
    user = django_user_model(username="redaktion2026", email="redaktion@example.org")
    with pytest.raises(ValidationError) as error:
        validate_password(password, user)
    text = " ".join(error.value.messages)
    assert any(word in text for word in ("Passwort", "Zeichen", "ähnlich", "gängig", "Zahlen"))


def test_a_good_password_passes(django_user_model, db):
    validate_password("Werkstore-oeffnen-2026!", django_user_model(username="redaktion"))


def test_production_session_cookies_are_secure(monkeypatch):
    settings = load_settings(monkeypatch, module="cms.settings.production", SECRET_KEY="x" * 50)
    assert settings.SESSION_COOKIE_SECURE is True
    assert settings.CSRF_COOKIE_SECURE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesBackend"


def test_session_cookie_is_httponly_samesite_and_ends_with_the_browser(client, editor):
    response = attempt(client, "richtiges-Passwort-2026")
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert not cookie["max-age"]  # a browser-session cookie


def test_the_admin_loads_no_avatar_from_gravatar(client, django_user_model):
    """Wagtail's default fetches each editor's avatar from gravatar.com: a third-party request."""
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "richtiges-Passwort-2026")
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "avatar" in html
    assert "gravatar" not in html
