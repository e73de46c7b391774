"""The organisation settings are what footer, JSON-LD and the e-mails of the three forms show, and a
change shows at once, also through the page cache."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import override_settings

from legal.models import OrganisationSettings, RetentionSettings
from tests.factories.accessibility import AccessibilityStatementPageFactory
from tests.factories.legal import PrivacyPageFactory, organisation_settings
from tests.support.forms import event_data, order_data

SENDER = '"N3tzwerk Zukunft der Industrie e. V." <kontakt@n3tzwerk.example>'


@pytest.fixture
def organisation(home_page):
    PrivacyPageFactory(parent=home_page)
    return organisation_settings(
        email="kontakt@n3tzwerk.example",
        phone="030 516 95 6860",
        street="Musterweg 1",
        postcode="10117",
        city="Berlin",
        social_links="https://social.example/@n3tzwerk",
    )


def json_ld(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


def test_json_ld_organisation_comes_from_the_settings(client, home_page, organisation):
    (data,) = json_ld(client, home_page.url)
    assert data["@type"] == "Organization"
    assert data["name"] == "N3tzwerk Zukunft der Industrie e. V."
    assert data["email"] == "kontakt@n3tzwerk.example"
    assert data["telephone"] == "030 516 95 6860"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Musterweg 1",
        "postalCode": "10117",
        "addressLocality": "Berlin",
        "addressCountry": "DE",
    }
    assert data["sameAs"] == ["https://social.example/@n3tzwerk"]


def test_the_order_confirmation_is_sent_and_signed_by_the_organisation(
    client, organisation, order_page, items
):
    order_page.contact = None
    order_page.save()
    client.post(order_page.url, order_data(items))
    message, notification = mail.outbox  # to the customer, then the team's notification
    assert message.from_email == notification.from_email == SENDER
    assert notification.to == ["kontakt@n3tzwerk.example"]  # no recipients set: the organisation
    assert "Fragen zur Bestellung beantworten wir gern: kontakt@n3tzwerk.example" in message.body
    assert message.body.rstrip().endswith(
        "N3tzwerk Zukunft der Industrie e. V.\nMusterweg 1, 10117 Berlin\n"
        "kontakt@n3tzwerk.example, Telefon 030 516 95 6860"
    )


def test_the_event_confirmation_is_sent_and_signed_by_the_organisation(client, organisation, url):
    client.post(url, event_data())
    message, notification = mail.outbox  # to the partner, then the team's notification
    assert message.from_email == notification.from_email == SENDER
    assert "schreiben Sie an kontakt@n3tzwerk.example." in message.body
    assert "Datenschutzerklärung: http://testserver/datenschutz/" in message.body
    assert "Musterweg 1, 10117 Berlin" in message.body
    assert "info@n3tzwerk.org" not in message.body


def test_the_event_form_and_thanks_page_name_the_organisations_address(client, organisation, url):
    assert "per E-Mail an kontakt@n3tzwerk.example widerrufen" in client.get(url).content.decode()
    response = client.post(url, event_data(), follow=True)
    assert 'href="mailto:kontakt@n3tzwerk.example"' in response.content.decode()


def test_the_feedback_mail_comes_from_the_organisation(client, organisation, home_page):
    statement = AccessibilityStatementPageFactory(parent=home_page)
    client.post(statement.url, {"message": "Der Kontrast ist zu schwach.", "website": ""})
    (message,) = mail.outbox
    assert message.from_email == SENDER
    assert message.to == ["kontakt@n3tzwerk.example"]  # no contact, no editors: the organisation


@override_settings(PAGE_CACHE_SECONDS=60, CONTENT_CACHE=True)
def test_a_change_of_the_settings_shows_at_once_through_the_caches(client, home_page, organisation):
    assert "kontakt@n3tzwerk.example" in client.get(home_page.url).content.decode()
    assert client.get(home_page.url)["X-Page-Cache"] == "hit"
    organisation_settings(email="neu@n3tzwerk.example")
    response = client.get(home_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "neu@n3tzwerk.example" in response.content.decode()
    assert "kontakt@n3tzwerk.example" not in response.content.decode()


@override_settings(PAGE_CACHE_SECONDS=60, CONTENT_CACHE=True)
def test_reading_the_settings_creates_no_row_so_the_first_page_is_cached(client, home_page):
    """Regression: Wagtail's load() created the settings on the first read, which emptied the page
    cache while the page was rendered, so it was never stored."""
    PrivacyPageFactory(parent=home_page)
    assert client.get(home_page.url)["X-Page-Cache"] == "miss"
    assert client.get("/datenschutz/")["X-Page-Cache"] == "miss"
    assert not OrganisationSettings.objects.exists() and not RetentionSettings.objects.exists()
    assert client.get(home_page.url)["X-Page-Cache"] == "hit"
    assert client.get("/datenschutz/")["X-Page-Cache"] == "hit"
