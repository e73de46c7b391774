"""bootstrap_site: the demo content on a site without pages, and the admin user once."""

import io
import re

from django.core.management import call_command
from wagtail.models import Page, Revision

from cms.core.models import CustomDocument
from home.models import HomePage
from regions.models import RegionPage


def counts():
    return {model.__name__: model.objects.count() for model in (Page, Revision, CustomDocument)}


def test_bootstrap_loads_content_and_creates_admin_once(db, monkeypatch, django_user_model):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("bootstrap_site", stdout=out)
    match = re.search(r"Passwort \(wird nur jetzt angezeigt\): (\S+)", out.getvalue())
    assert match, out.getvalue()
    admin = django_user_model.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(match.group(1))
    assert HomePage.objects.count() == 1
    assert RegionPage.objects.count() == 6

    before = counts()
    out = io.StringIO()
    call_command("bootstrap_site", stdout=out)
    assert match.group(1) not in out.getvalue()
    assert "Passwort" not in out.getvalue()
    assert django_user_model.objects.count() == 1
    assert counts() == before


def test_bootstrap_uses_admin_password_from_environment(db, monkeypatch, django_user_model):
    monkeypatch.setenv("ADMIN_PASSWORD", "ein-langes-Test-Passwort")
    out = io.StringIO()
    call_command("bootstrap_site", stdout=out)
    admin = django_user_model.objects.get(username="admin")
    assert admin.check_password("ein-langes-Test-Passwort")
    assert "ein-langes-Test-Passwort" not in out.getvalue()
    assert "ADMIN_PASSWORD" in out.getvalue()


def test_bootstrap_leaves_an_existing_site_alone(home_page, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "ein-langes-Test-Passwort")
    call_command("bootstrap_site", stdout=io.StringIO())
    assert not RegionPage.objects.exists()
    assert HomePage.objects.get().pk == home_page.pk
