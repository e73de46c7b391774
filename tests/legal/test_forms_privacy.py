"""At each of the three public forms: a short privacy notice next to the submit button with the link to
the privacy page, and a reason for each optional personal field."""

import pytest
from bs4 import BeautifulSoup

from accessibility.forms import FeedbackForm
from events.forms import EventSubmissionForm
from materials.forms import OrderForm
from tests.factories.accessibility import AccessibilityStatementPageFactory
from tests.factories.legal import PrivacyPageFactory


@pytest.fixture
def privacy(home_page):
    return PrivacyPageFactory(parent=home_page)


@pytest.fixture
def statement(home_page):
    return AccessibilityStatementPageFactory(parent=home_page)


def notice_of(client, url):
    """The notice and the submit button of the page's form."""
    form = BeautifulSoup(client.get(url).content, "html.parser").find("form", method="post")
    assert form is not None
    return form.find(class_="form-privacy"), form.find("button", type="submit")


@pytest.mark.parametrize("form", ["event", "order", "feedback"])
def test_every_form_has_the_notice_with_the_privacy_link_before_its_button(
    client, privacy, form, url, order_page, items, statement
):
    address = {"event": url, "order": order_page.url, "feedback": statement.url}[form]
    notice, button = notice_of(client, address)
    assert notice is not None, form
    link = notice.find("a")
    assert link["href"] == "/datenschutz/" and link.get_text() == "Datenschutzerklärung"
    assert notice.find_next("button") == button  # right before the submit button
    assert len(notice.get_text(strip=True)) > 40


def test_without_a_privacy_page_the_notice_has_no_dead_link(client, order_page, items):
    notice, _button = notice_of(client, order_page.url)
    assert notice.find("a") is None
    assert "Bestellung" in notice.get_text()


def test_each_optional_personal_field_says_why_it_is_asked_for(index):
    optional = {
        EventSubmissionForm(index=index): ["submitter_phone"],
        OrderForm(): ["comment"],
        FeedbackForm(): ["name", "email", "page_url"],
    }
    for form, names in optional.items():
        for name in names:
            field = form.fields[name]
            assert not field.required, name
            assert field.help_text, f"{type(form).__name__}.{name} has no reason"
        personal_required = [
            name for name, field in form.fields.items() if field.required and "mail" in name.lower()
        ]
        assert all(form.fields[name].help_text for name in personal_required)
