"""Passwords of private pages and document collections: a lockout after repeated wrong passwords
per client address and restriction, like the admin login (cms/core/views.py, cms/core/ratelimit.py)."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories.core import DocumentFactory
from tests.factories.home import StandardPageFactory

PASSWORD = "geheim-123"  # noqa: S105 - test data
LIMIT = 3
LOCKED = "Passworteingabe vorübergehend gesperrt"


@pytest.fixture(autouse=True)
def limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def private_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Vorstand intern", slug="vorstand")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password=PASSWORD
    )
    return page, reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def try_password(client, url, password, return_url="/"):
    return client.post(url, {"password": password, "return_url": return_url})


def assert_locked(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html
    assert "zu oft ein falsches Passwort" in html
    assert '<html lang="de">' in html
    assert int(response["Retry-After"]) > 0


def test_right_password_before_the_limit_works(private_page):
    page, url = private_page
    client = Client()
    for _ in range(LIMIT - 1):
        response = try_password(client, url, "falsch", page.url)
        assert response.status_code == 200
        assert "Passwort" in response.content.decode()
    response = try_password(client, url, PASSWORD, page.url)
    assert response.status_code == 302 and response.url == page.url
    assert "Vorstand intern" in client.get(page.url).content.decode()


def test_nth_wrong_password_locks_out_even_the_right_one(private_page):
    page, url = private_page
    client = Client()
    for _ in range(LIMIT - 1):
        assert try_password(client, url, "falsch", page.url).status_code == 200
    assert_locked(try_password(client, url, "falsch", page.url))
    # From now on the password is not checked at all: the right one is refused as well.
    assert_locked(try_password(client, url, PASSWORD, page.url))
    assert_locked(client.get(url))
    response = client.get(page.url)
    assert "Vorstand intern" not in response.content.decode()  # access was not granted


def test_other_clients_are_not_affected(private_page):
    page, url = private_page
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(LIMIT):
        try_password(attacker, url, "falsch", page.url)
    assert_locked(try_password(attacker, url, PASSWORD, page.url))

    visitor = Client(REMOTE_ADDR="203.0.113.20")
    response = try_password(visitor, url, PASSWORD, page.url)
    assert response.status_code == 302
    assert "Vorstand intern" in visitor.get(page.url).content.decode()


def test_the_lockout_holds_per_restriction(private_page, home_page):
    page, url = private_page
    other = StandardPageFactory(parent=home_page, title="Beirat intern", slug="beirat")
    restriction = PageViewRestriction.objects.create(
        page=other, restriction_type="password", password="anders-456"
    )
    other_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, other.pk])
    client = Client()
    for _ in range(LIMIT):
        try_password(client, url, "falsch", page.url)
    assert_locked(try_password(client, url, PASSWORD, page.url))
    assert try_password(client, other_url, "anders-456", other.url).status_code == 302


@pytest.fixture
def private_document(db):
    collection = Collection.get_first_root_node().add_child(name="Vorstand")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password=PASSWORD
    )
    document = DocumentFactory(title="Protokoll", collection=collection)
    return document, reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])


def test_document_passwords_lock_out_too(private_document):
    document, url = private_document
    client = Client()
    assert client.get(document.url).status_code == 200  # the password form
    for _ in range(LIMIT - 1):
        assert try_password(client, url, "falsch", document.url).status_code == 200
    assert_locked(try_password(client, url, "falsch", document.url))
    assert_locked(try_password(client, url, PASSWORD, document.url))

    visitor = Client(REMOTE_ADDR="203.0.113.20")
    assert try_password(visitor, url, PASSWORD, document.url).status_code == 302
    response = visitor.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
