"""Wording of the admin (Issue 20): German search placeholders, menu labels that fit the sidebar."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories.materials import OrderCatalogueItemFactory, OrderFactory

# Wagtail's sidebar is 200 px wide: at its font, a longer label ends in "…" (seen at 1280 px).
SIDEBAR_LABEL_MAX = 16


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "geheim")
    client.force_login(user)
    return client


def html_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def sidebar_menu(admin_client):
    """The labels of the main menu's items, as Wagtail's sidebar gets them."""
    soup = html_of(admin_client.get(reverse("wagtailadmin_home")))
    modules = json.loads(soup.find(id="wagtail-sidebar-props").string)["modules"]
    main = next(module for module in modules if module["_type"] == "wagtail.sidebar.MainMenuModule")
    return [item["_args"][0]["label"] for item in main["_args"][0]]


@pytest.mark.parametrize(
    "url, placeholder",
    [
        ("/admin/materials/order/", "Suche in Bestellungen"),
        ("/admin/materials/ordercatalogueitem/", "Suche im Bestellkatalog"),
        ("/admin/meetings/meetingpresentation/", "Suche in Präsentationen"),
        ("/admin/events/eventsubmission/", "Suche in "),
    ],
)
def test_search_boxes_of_the_record_lists_capitalise_the_nouns(admin_client, db, url, placeholder):
    text = html_of(admin_client.get(url)).find("input", id="id_q")["placeholder"]
    assert text.startswith(placeholder), text  # was "bestellungen suchen"
    word_after_preposition = text.split(" ", 2)[2]
    assert word_after_preposition[0].isupper(), text


def test_menu_labels_fit_the_sidebar(admin_client, db):
    OrderFactory()  # nothing hides the materials menu
    OrderCatalogueItemFactory()
    labels = sidebar_menu(admin_client)
    assert {"Meldungen", "Bestellungen", "Veranstaltungen"} <= set(labels), labels
    too_long = [label for label in labels if len(label) > SIDEBAR_LABEL_MAX]
    assert not too_long  # "Gemeldete Veranst…", "Materialbestell…", "Veranstaltungen i…"


def test_menu_label_and_page_title_of_the_reports_agree(admin_client, db):
    soup = html_of(admin_client.get("/admin/events/eventsubmission/"))
    title = soup.find("h1").get_text(" ", strip=True)
    assert title.startswith("Meldungen")  # menu "Meldungen", title "Meldungen von Veranstaltungen"


def test_record_lists_keep_german_words_whole(admin_client, db):
    """Wagtail's ".listing .title { word-break: break-word }" (every modeladmin cell) broke
    "Entwu|rf" and "05.04.2|017"; the admin's own stylesheet sets it back and scrolls wide lists."""
    from django.contrib.staticfiles import finders

    soup = html_of(admin_client.get("/admin/materials/order/"))
    assert soup.html["lang"] == "de"  # for hyphens: auto
    links = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert any(href.startswith("/static/css/admin.css") for href in links), links
    css = "".join(Path(finders.find("css/admin.css")).read_text(encoding="utf-8").split())
    assert ".modeladmin.listingtd.title,.modeladmin.listingth{word-break:normal;" in css
    assert ".modeladmin.result-list{overflow-x:auto;}" in css
    footer_button = ".modeladminfooter.footer.button.button-secondary"
    assert f"{footer_button}{{background-color:var(--w-color-surface-page);" in css


def test_the_catalogue_list_counts_its_articles_in_the_plural(admin_client, db):
    OrderCatalogueItemFactory.create_batch(2)
    text = html_of(admin_client.get("/admin/materials/ordercatalogueitem/")).get_text(" ", strip=True)
    assert "Artikel im Bestellkatalog" in text
    assert "2 Bestellkatalog" not in text  # the footer counted "7 Bestellkatalog"
