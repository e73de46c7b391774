"""Drafts and private pages of every page type, and documents in private collections, are never
reachable anonymously: not the page itself, nor in search, sitemap, API, feeds or listings."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories.core import DocumentFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import StandardPageFactory
from tests.factories.materials import MaterialsPageFactory, OrderPageFactory
from tests.factories.meetings import (
    ForumIndexPageFactory,
    ForumTopicPageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.regions import (
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
)

# page type -> (factory, factory of its parent under the home page, or None for the home page itself)
PAGE_TYPES = {
    "StandardPage": (StandardPageFactory, None),
    "RegionIndexPage": (RegionIndexPageFactory, None),
    "RegionPage": (RegionPageFactory, RegionIndexPageFactory),
    "InitiativeIndexPage": (InitiativeIndexPageFactory, None),
    "InitiativePage": (InitiativePageFactory, InitiativeIndexPageFactory),
    "MeetingIndexPage": (MeetingIndexPageFactory, None),
    "MeetingPage": (MeetingPageFactory, MeetingIndexPageFactory),
    "ForumIndexPage": (ForumIndexPageFactory, None),
    "ForumTopicPage": (ForumTopicPageFactory, ForumIndexPageFactory),
    "NewsIndexPage": (NewsIndexPageFactory, None),
    "NewsPage": (NewsPageFactory, NewsIndexPageFactory),
    "EventIndexPage": (EventIndexPageFactory, None),
    "EventPage": (EventPageFactory, EventIndexPageFactory),
    "MaterialsPage": (MaterialsPageFactory, EventIndexPageFactory),
    "OrderPage": (OrderPageFactory, EventIndexPageFactory),
}
FEEDS = {"NewsPage": "rss/", "MeetingPage": "rss/"}


def make(home_page, page_type, secret, *, live):
    factory, parent_factory = PAGE_TYPES[page_type]
    parent = parent_factory(parent=home_page) if parent_factory else home_page
    page = factory(parent=parent, title=f"{secret} Zukunft", slug=secret.lower(), live=live)
    if not live:
        page.save_revision()  # a draft as editors leave it
    return parent, page


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="geheim-123")
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get_or_create(name="Vorstand")[0])


def assert_hidden_everywhere(client, parent, page, secret, page_type):
    page_url = page.get_url_parts()[2]
    response = client.get(page_url)
    if page.live:
        # Private: a login redirect or a password form, never the content.
        assert response.status_code in {200, 302}
        if response.status_code == 200:
            assert "Passwort" in response.content.decode()
            assert page.get_view_restrictions().first().restriction_type == "password"
    else:
        assert response.status_code == 404
    assert secret not in response.content.decode()

    # The search pages repeat the query, so look for the page's address (its slug) instead.
    assert page_url not in client.get("/suche/", {"q": secret}).content.decode()
    assert page_url not in client.get("/suche/vorschlaege/", {"q": secret}).content.decode()
    assert page_url not in client.get("/sitemap.xml").content.decode()
    api = client.get("/api/v2/pages/", {"limit": 20}).json()
    assert page.pk not in {item["id"] for item in api["items"]}
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    if page_type in FEEDS and parent.live:
        assert secret not in client.get(parent.url + FEEDS[page_type]).content.decode()
    if parent.depth > 2:
        assert secret not in client.get(parent.url).content.decode()  # the listing


@pytest.mark.parametrize("page_type", sorted(PAGE_TYPES))
def test_draft_is_not_reachable_anonymously(home_page, page_type):
    secret = f"Entwurf{page_type}"
    parent, page = make(home_page, page_type, secret, live=False)
    assert_hidden_everywhere(Client(), parent, page, secret, page_type)


@pytest.mark.parametrize("kind", ["login", "password", "groups"])
@pytest.mark.parametrize("page_type", sorted(PAGE_TYPES))
def test_private_page_is_not_reachable_anonymously(home_page, page_type, kind):
    secret = f"Intern{page_type}{kind}"
    parent, page = make(home_page, page_type, secret, live=True)
    restrict(page, kind)
    assert_hidden_everywhere(Client(), parent, page, secret, page_type)


def test_private_parent_hides_its_children(home_page):
    secret = "VerborgenesKind"
    index = NewsIndexPageFactory(parent=home_page)
    restrict(index, "login")
    page = NewsPageFactory(parent=index, title=f"{secret} Zukunft", slug="kind")
    client = Client()
    assert client.get(page.url).status_code == 302
    assert page.url not in client.get("/suche/", {"q": secret}).content.decode()
    assert page.url not in client.get("/sitemap.xml").content.decode()


@pytest.fixture
def private_document(db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Vorstand intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    nested = private.add_child(name="Protokolle")
    return DocumentFactory(title="Geheimprotokoll", collection=nested)


def test_document_in_private_collection_is_not_downloadable(private_document, client):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"  # files only through the checking view
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or "login" in response["Location"]
    # Not published under MEDIA_URL by the site itself either.
    assert client.get(settings.MEDIA_URL + private_document.file.name).status_code == 404
    api = client.get("/api/v2/documents/").json()
    assert private_document.pk not in {item["id"] for item in api["items"]}
    assert private_document.url not in client.get("/suche/", {"q": "Geheimprotokoll"}).content.decode()


def test_document_in_private_collection_is_downloadable_after_login(private_document, admin_client):
    response = admin_client.get(private_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
