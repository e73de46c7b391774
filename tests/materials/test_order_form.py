"""The order form: storing orders, German errors, the confirmation e-mail and its failure, spam."""

import smtplib
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings

from materials.models import Order, OrderLine
from tests.factories.materials import OrderPageFactory
from tests.support.forms import order_data, qty


class FailingBackend(BaseEmailBackend):
    """An e-mail backend whose server is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Verbindung zum Mailserver verloren")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_form_shows_active_items_in_a_fieldset_with_labels(client, order_page, items):
    response = client.get(order_page.url)
    assert response.status_code == 200
    page = soup(response)
    legends = [legend.get_text(strip=True) for legend in page.select("fieldset legend")]
    assert legends == ["Materialien und Stückzahl", "Ihre Angaben", "Lieferadresse"]
    fieldset = page.select_one("fieldset#materialien")
    labels = [label.get_text(strip=True).rstrip(":") for label in fieldset.select("label")]
    assert labels == ["Plakat A1", "Flyer", "Roll-up"]
    assert "Altes Plakat 2016" not in response.content.decode()
    image = fieldset.select_one("img.catalogue__image")
    assert image is not None and image["alt"] == ""  # the label next to it names the item
    poster = page.select_one(f"#id_{qty(items['poster'])}")
    assert poster["max"] == "20" and poster["min"] == "0"
    assert poster["aria-describedby"] == f"id_{qty(items['poster'])}_helptext"
    assert page.select_one("input[name=csrfmiddlewaretoken]") is not None
    for name in ("name", "organisation", "email", "street", "postcode", "city", "comment"):
        assert page.select_one(f"label[for=id_{name}]") is not None, name


def test_valid_order_is_stored_with_lines_and_confirmed_by_mail(client, order_page, items, settings):
    response = client.post(order_page.url, order_data(items))
    assert response.status_code == 302
    assert response.url == order_page.url + "danke/"

    order = Order.objects.get()
    assert (order.name, order.organisation, order.postcode, order.city) == (
        "Erika Muster",
        "IHK Beispielstadt",
        "50667",
        "Köln",
    )
    assert order.page_id == order_page.pk
    assert order.status == Order.Status.NEW
    assert order.comment == "Bitte bis 1. September liefern."
    lines = [(line.item, line.item_name, line.quantity) for line in order.lines.all()]
    assert lines == [(items["poster"], "Plakat A1", 5), (items["rollup"], "Roll-up", 1)]
    assert order.confirmation_status == Order.ConfirmationStatus.SENT

    # The confirmation to the customer, then the team's notification (tests/notifications).
    assert [message.to for message in mail.outbox] == [["erika@example.org"], ["info@n3tzwerk.org"]]
    message = mail.outbox[0]
    # Without an address in the organisation settings: the organisation's name, DEFAULT_FROM_EMAIL.
    assert message.from_email == f'"N3tzwerk Zukunft der Industrie e. V." <{settings.DEFAULT_FROM_EMAIL}>'
    assert order.reference in message.subject
    assert "5 × Plakat A1" in message.body and "1 × Roll-up" in message.body
    assert "Flyer" not in message.body
    assert "info@n3tzwerk.org, Telefon 030 1" in message.body

    thanks = client.get(response.url)
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert order.reference in html and "5 × Plakat A1" in html
    assert "Eine Bestätigung haben wir an erika@example.org geschickt." in html


def test_reloading_the_thank_you_page_stores_nothing_twice(client, order_page, items):
    response = client.post(order_page.url, order_data(items), follow=True)
    assert response.redirect_chain[-1][0].endswith("/danke/")
    client.get(order_page.url + "danke/")
    client.get(order_page.url + "danke/")
    assert Order.objects.count() == 1
    assert len(mail.outbox) == 2  # confirmation and the team's notification, once


def test_thank_you_page_without_an_order_in_the_session(client, order_page, items):
    response = client.get(order_page.url + "danke/")
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    assert "Bestellnummer" not in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Bitte geben Sie Ihren Namen an."),
        ({"organisation": "  "}, "organisation", "Bitte geben Sie Ihre Organisation an."),
        ({"street": None}, "street", "Bitte geben Sie Straße und Hausnummer an."),
        ({"city": ""}, "city", "Bitte geben Sie den Ort an."),
        ({"email": ""}, "email", "Bitte geben Sie Ihre E-Mail-Adresse an."),
        ({"email": "erika@"}, "email", "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ({"postcode": "5066"}, "postcode", "Bitte eine fünfstellige Postleitzahl angeben"),
        ({"postcode": "5066A"}, "postcode", "Bitte eine fünfstellige Postleitzahl angeben"),
        ({"postcode": "506671"}, "postcode", "Bitte eine fünfstellige Postleitzahl angeben"),
        ({"poster": "21"}, "poster", "Höchstens 20 Stück pro Bestellung."),
        ({"rollup": "2"}, "rollup", "Höchstens 1 Stück pro Bestellung."),
        ({"poster": "-1"}, "poster", "Die Stückzahl darf nicht negativ sein."),
        ({"poster": "viele"}, "poster", "Bitte geben Sie die Stückzahl als ganze Zahl an"),
        ({"poster": "1.5"}, "poster", "Bitte geben Sie die Stückzahl als ganze Zahl an"),
        ({"comment": "x" * 1001}, "comment", "Die Anmerkung ist zu lang (höchstens 1000 Zeichen)."),
    ],
)
def test_invalid_data_is_refused_in_german_and_keeps_the_input(
    client, order_page, items, overrides, field, message
):
    overrides = {(qty(items[key]) if key in items else key): value for key, value in overrides.items()}
    field = qty(items[field]) if field in items else field
    data = order_data(items, **overrides)
    response = client.post(order_page.url, data)

    assert response.status_code == 200
    assert not Order.objects.exists() and not OrderLine.objects.exists()
    assert mail.outbox == []
    page = soup(response)
    error = page.select_one(f"#id_{field}_error")
    assert error is not None and message in error.get_text()
    widget = page.select_one(f"#id_{field}")
    assert widget["aria-invalid"] == "true"
    assert f"id_{field}_error" in widget["aria-describedby"].split()
    summary = page.select_one(".form-errors[role=alert]")
    assert summary is not None
    assert summary.select_one(f'a[href="#id_{field}"]') is not None
    assert page.title.get_text().startswith("Fehler:")
    # Everything typed is still there, the wrong value included.
    for name in ("name", "organisation", "email", "street", "postcode", "city"):
        assert page.select_one(f"#id_{name}").get("value", "") == data.get(name, ""), name
    assert page.select_one("#id_comment").get_text().lstrip("\n") == data["comment"]
    if field.startswith("menge_"):
        assert page.select_one(f"#id_{field}")["value"] == data[field]
    else:
        assert page.select_one(f"#id_{qty(items['poster'])}")["value"] == "5"


def test_an_order_needs_at_least_one_item(client, order_page, items):
    data = order_data(items, **{qty(items["poster"]): "0", qty(items["rollup"]): ""})
    response = client.post(order_page.url, data)
    assert response.status_code == 200
    assert not Order.objects.exists()
    page = soup(response)
    message = "Bitte wählen Sie mindestens ein Material aus"
    assert message in page.select_one("#materialien-error").get_text()
    assert page.select_one("fieldset#materialien")["aria-describedby"] == "materialien-error"
    link = page.select_one(".form-errors a")
    assert message in link.get_text() and link["href"] == f"#id_{qty(items['poster'])}"
    assert page.select_one("#id_organisation")["value"] == "IHK Beispielstadt"


def test_inactive_items_cannot_be_ordered(client, order_page, items):
    data = order_data(items, **{qty(items["poster"]): "0", qty(items["rollup"]): "0", qty(items["old"]): "3"})
    response = client.post(order_page.url, data)
    assert response.status_code == 200
    assert "Bitte wählen Sie mindestens ein Material aus" in response.content.decode()
    assert not Order.objects.exists()

    client.post(order_page.url, order_data(items, **{qty(items["old"]): "3"}))
    order = Order.objects.get()
    assert items["old"].pk not in set(order.lines.values_list("item", flat=True))


def test_an_item_deactivated_meanwhile_is_not_ordered(client, order_page, items):
    items["rollup"].is_active = False
    items["rollup"].save()
    client.post(order_page.url, order_data(items))
    assert [line.item_name for line in Order.objects.get().lines.all()] == ["Plakat A1"]


def test_without_active_items_there_is_no_form(client, order_page, items):
    for item in items.values():
        item.is_active = False
        item.save()
    response = client.get(order_page.url)
    assert response.status_code == 200
    assert "Zurzeit können keine Materialien bestellt werden." in response.content.decode()
    assert soup(response).select_one("form.order-form") is None
    response = client.post(order_page.url, order_data(items))
    assert response.status_code == 200
    assert not Order.objects.exists()


def test_filled_honeypot_stores_and_sends_nothing(client, order_page, items):
    response = client.post(order_page.url, order_data(items, website="https://spam.example"))
    assert response.status_code == 302
    assert not Order.objects.exists()
    assert mail.outbox == []
    thanks = client.get(response.url)
    assert "Bestellnummer" not in thanks.content.decode()


def test_honeypot_is_hidden_from_people(client, order_page, items):
    trap = soup(client.get(order_page.url)).select_one(".order-form__trap")
    assert trap["aria-hidden"] == "true"
    assert trap.select_one("input[name=website]")["tabindex"] == "-1"


@override_settings(EMAIL_BACKEND="tests.materials.test_order_form.FailingBackend")
def test_failing_mail_server_keeps_the_order_and_records_the_failure(client, order_page, items, caplog):
    with caplog.at_level("ERROR", logger="materials.orders"):
        response = client.post(order_page.url, order_data(items))
    assert response.status_code == 302
    order = Order.objects.get()
    assert order.lines.count() == 2
    assert order.confirmation_status == Order.ConfirmationStatus.FAILED
    assert "SMTPServerDisconnected" in order.confirmation_error
    assert order.reference in caplog.text

    thanks = client.get(response.url)
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert order.reference in html
    assert "Die Bestätigung per E-Mail konnte gerade nicht verschickt werden." in html


def test_send_mail_raising_smtp_exception_is_handled(client, order_page, items):
    with mock.patch("materials.orders.send_mail", side_effect=smtplib.SMTPException("kaputt")):
        response = client.post(order_page.url, order_data(items))
    assert response.status_code == 302
    order = Order.objects.get()
    assert order.confirmation_status == Order.ConfirmationStatus.FAILED
    assert order.confirmation_error == "SMTPException: kaputt"


def test_order_is_stored_before_the_mail_is_sent(client, order_page, items):
    seen = []

    def check_stored(*args, **kwargs):
        seen.append(Order.objects.filter(lines__isnull=False).distinct().count())
        return 1

    with mock.patch("materials.orders.send_mail", side_effect=check_stored):
        client.post(order_page.url, order_data(items))
    assert seen == [1]


def test_order_page_can_live_under_the_home_page(client, home_page, items):
    page = OrderPageFactory(parent=home_page, slug="bestellung")
    response = client.post(page.url, order_data(items))
    assert response.status_code == 302 and response.url == "/bestellung/danke/"
    assert Order.objects.get().page_id == page.pk
