"""Bots and double clicks: the forms limit POSTs per client and store one filled-in form only once."""

from bs4 import BeautifulSoup
from django.core import mail
from django.test import override_settings

from events.models import EventPage, EventSubmission
from materials.models import Order, OrderLine
from tests.support.forms import event_data, order_data, token_of


def test_each_shown_form_carries_its_own_token(client, url, order_page, items):
    first, second = token_of(client.get(url)), token_of(client.get(url))
    assert first != second
    assert token_of(client.get(order_page.url)) not in {first, second}


def test_double_click_stores_one_event_report(client, url, index):
    data = event_data(submission_token=token_of(client.get(url)))

    responses = [client.post(url, data) for _ in range(2)]

    assert [response.status_code for response in responses] == [302, 302]
    assert EventPage.objects.child_of(index).count() == 1
    assert EventSubmission.objects.count() == 1
    # One confirmation and one notification of the team (tests/notifications), not two of each.
    assert sorted(message.subject.split(":")[0] for message in mail.outbox) == [
        "Ihre Meldung für die Woche der Industrie " + str(index.year),
        "Veranstaltung gemeldet",
    ]


def test_two_filled_in_forms_are_two_reports(client, url, index):
    for _ in range(2):
        client.post(url, event_data(submission_token=token_of(client.get(url))))
    assert EventSubmission.objects.count() == 2


def test_garbled_token_still_stores_the_report(client, url):
    response = client.post(url, event_data(submission_token="kein-token"))
    assert response.status_code == 302
    assert EventSubmission.objects.get().submission_token is not None


def test_double_click_stores_one_order(client, order_page, items):
    data = order_data(items, submission_token=token_of(client.get(order_page.url)))

    responses = [client.post(order_page.url, data) for _ in range(2)]

    assert [response.status_code for response in responses] == [302, 302]
    order = Order.objects.get()
    assert OrderLine.objects.filter(order=order).count() == 2
    assert len(mail.outbox) == 2  # one confirmation and one notification of the team, not two of each
    # The second click still shows the thank-you page of the one order.
    thanks = client.get(responses[1].url)
    assert order.reference in thanks.content.decode()


def test_invalid_post_keeps_the_token_for_the_corrected_form(client, order_page, items):
    token = token_of(client.get(order_page.url))
    response = client.post(order_page.url, order_data(items, postcode="1", submission_token=token))
    assert response.status_code == 200
    assert token_of(response) == token


@override_settings(FORM_RATE_LIMIT="3/h")
def test_order_form_is_rate_limited_per_client_and_keeps_the_input(client, order_page, items):
    for number in range(3):
        data = order_data(
            items, name=f"Besteller {number}", submission_token=token_of(client.get(order_page.url))
        )
        assert client.post(order_page.url, data).status_code == 302

    data = order_data(items, name="Vierte Bestellung", comment="Bitte schnell liefern")
    response = client.post(order_page.url, data)

    assert response.status_code == 429
    assert Order.objects.count() == 3
    html = response.content.decode()
    assert "zu viele Einsendungen" in html
    assert "Ihre Eingaben sind erhalten geblieben" in html
    page = BeautifulSoup(html, "html.parser")
    assert page.find("input", {"name": "name"})["value"] == "Vierte Bestellung"
    assert page.find("textarea", {"name": "comment"}).get_text().strip() == "Bitte schnell liefern"
    assert page.find("input", {"name": f"menge_{items['poster'].pk}"})["value"] == "5"

    # Another client is not affected.
    other = client.post(order_page.url, data, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302
    assert Order.objects.count() == 4


@override_settings(FORM_RATE_LIMIT="2/h")
def test_event_form_is_rate_limited_invalid_and_spam_posts_count_too(client, url):
    client.post(url, event_data(title=""))  # invalid
    client.post(url, event_data(website="http://spam.example"))  # honeypot
    response = client.post(url, event_data(title="Tag der offenen Tür"))

    assert response.status_code == 429
    assert not EventSubmission.objects.exists()
    page = BeautifulSoup(response.content, "html.parser")
    assert "zu viele Einsendungen" in page.get_text()
    assert page.find("input", {"name": "title"})["value"] == "Tag der offenen Tür"
    assert page.find("input", {"name": "consent"}).has_attr("checked")


@override_settings(FORM_RATE_LIMIT="1/h")
def test_the_limit_does_not_count_page_views(client, url):
    for _ in range(3):
        assert client.get(url).status_code == 200
    assert client.post(url, event_data()).status_code == 302
