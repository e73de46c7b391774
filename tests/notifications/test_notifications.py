"""The team's e-mails about new records (notifications/): the recipients from the settings, German
text with a link to the record in the admin, and a mail failure that loses nothing."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accessibility.models import AccessibilityFeedback
from events.models import EventSubmission
from materials.models import Order
from notifications.mail import notify
from notifications.models import NotificationSettings
from tests.factories.accessibility import AccessibilityStatementPageFactory
from tests.support.forms import event_data, order_data

pytestmark = pytest.mark.django_db

BROKEN = "tests.notifications.test_notifications.BrokenBackend"


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server down")


@pytest.fixture
def recipients(db):
    settings = NotificationSettings.load()
    settings.events = "veranstaltungen@example.org\nleitung@example.org"
    settings.orders = "versand@example.org"
    settings.feedback = "barrierefrei@example.org, leitung@example.org"
    settings.full_clean()
    settings.save()
    return settings


def team_mail(address):
    return [message for message in mail.outbox if address in message.to]


def test_new_event_report_notifies_the_configured_recipients(client, url, recipients):
    assert client.post(url, event_data()).status_code == 302
    submission = EventSubmission.objects.get()
    [message] = team_mail("veranstaltungen@example.org")
    assert message.to == ["veranstaltungen@example.org", "leitung@example.org"]
    assert message.subject == "Veranstaltung gemeldet: Blick hinter die Werkstore"
    assert "wartet auf Ihre Prüfung" in message.body and "Erika Muster <erika@example.org>" in message.body
    assert f"http://testserver{reverse('wagtailadmin_pages:edit', args=[submission.page_id])}" in message.body


def test_new_order_notifies_the_configured_recipients(client, order_page, items, recipients):
    response = client.post(order_page.url, order_data(items))
    assert response.status_code == 302, response.content.decode()[:2000]
    order = Order.objects.get()
    [message] = team_mail("versand@example.org")
    assert message.to == ["versand@example.org"]
    assert message.subject == f"Neue Materialbestellung {order.reference}: IHK Beispielstadt"
    assert "5 × Plakat A1" in message.body and "1 × Roll-up" in message.body
    assert f"Lieferadresse: {order.address}" in message.body
    assert f"http://testserver/admin/materials/order/edit/{order.pk}/" in message.body


def test_feedback_notifies_the_configured_recipients_instead_of_the_editors(client, home_page, recipients):
    statement = AccessibilityStatementPageFactory(parent=home_page)
    data = {"name": "", "email": "", "page_url": "/", "message": "Kontrast zu schwach.", "website": ""}
    assert client.post(statement.url, data).status_code == 302
    feedback = AccessibilityFeedback.objects.get()
    [message] = mail.outbox
    assert message.to == ["barrierefrei@example.org", "leitung@example.org"]
    assert f"/admin/snippets/accessibility/accessibilityfeedback/edit/{feedback.pk}/" in message.body


def test_without_recipients_the_week_contact_or_the_site_address_is_told(client, url, settings):
    client.post(url, event_data())
    team = [message for message in mail.outbox if message.to != ["erika@example.org"]]
    assert [message.to for message in team] == [[settings.DEFAULT_FROM_EMAIL]]


def test_a_mail_failure_keeps_the_record(client, url, order_page, items, settings, recipients):
    settings.EMAIL_BACKEND = BROKEN
    assert client.post(url, event_data()).status_code == 302
    assert client.post(order_page.url, order_data(items)).status_code == 302
    assert EventSubmission.objects.count() == 1 and Order.objects.count() == 1
    assert not notify("orders", "Test", "materials/emails/order_notification.txt", {})


def test_recipient_lists_are_validated():
    settings = NotificationSettings(events="gut@example.org\nkeine-adresse")
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "keine-adresse" in str(error.value)
    assert NotificationSettings(orders=" a@example.org ,\n\nb@example.org ").recipients("orders") == [
        "a@example.org",
        "b@example.org",
    ]


def test_settings_page_in_the_admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    response = client.get(
        reverse("wagtailsettings:edit", args=["notifications", "notificationsettings"]), follow=True
    )
    assert response.status_code == 200
    assert "Neue Materialbestellungen" in response.content.decode()


def test_the_reviewers_may_set_the_recipients(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("freigabe", "f@example.org", "x")
    user.groups.add(Group.objects.get(name="Freigabe"))
    assert user.has_perm("notifications.change_notificationsettings")
