"""The modeladmin overview of all presentations."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.core import MINIMAL_PDF, DocumentFactory, PersonFactory
from tests.factories.meetings import MeetingIndexPageFactory, MeetingPageFactory, MeetingPresentationFactory

URL = "/admin/meetings/meetingpresentation/"


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "geheim")
    client.force_login(user)
    return client


@pytest.fixture
def presentations(home_page):
    index = MeetingIndexPageFactory(parent=home_page)
    meeting = MeetingPageFactory(parent=index, title="Drittes Treffen", date=datetime.date(2017, 4, 5))
    speaker = PersonFactory(first_name="Anna", last_name="Schmidt")
    MeetingPresentationFactory(
        page=meeting, document=DocumentFactory(title="Folien Schmidt"), speaker=speaker
    )
    MeetingPresentationFactory(page=meeting, title="Ohne Sprecher", speaker=None)
    return meeting


def test_presentation_overview_lists_meeting_and_file(admin_client, presentations):
    response = admin_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Präsentationen" in html
    assert "Folien Schmidt" in html and "Ohne Sprecher" in html
    assert "Drittes Treffen" in html
    assert "05.04.2017" in html
    assert "Anna Schmidt" in html
    assert f"PDF, {len(MINIMAL_PDF)} Byte" in html
    # German column headings (the first one was the English "Display title").
    assert "Display title" not in html
    headings = [th.get_text(" ", strip=True) for th in BeautifulSoup(html, "html.parser").select("thead th")]
    assert headings[:3] == ["Titel", "Treffen", "Datum"]


def test_presentation_overview_search_filter_and_inspect(admin_client, presentations):
    assert "Folien Schmidt" in admin_client.get(URL, {"q": "Folien"}).content.decode()
    assert "Folien Schmidt" not in admin_client.get(URL, {"q": "Nichts"}).content.decode()
    presentation = presentations.presentations.first()
    assert admin_client.get(f"{URL}inspect/{presentation.pk}/").status_code == 200


def test_presentation_overview_exports(admin_client, presentations):
    response = admin_client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    )
    assert "Folien Schmidt" in content and "Drittes Treffen" in content


def test_presentation_overview_query_count_does_not_grow(admin_client, presentations):
    admin_client.get(URL)
    with CaptureQueriesContext(connection) as small:
        admin_client.get(URL)
    for _ in range(28):
        MeetingPresentationFactory(page=presentations)
    with CaptureQueriesContext(connection) as large:
        admin_client.get(URL)
    assert len(large) == len(small)


def test_presentations_are_added_in_the_meeting_report_not_in_the_overview(admin_client, presentations):
    html = admin_client.get(URL).content.decode()
    assert "Präsentation hinzufügen" not in html
    assert f'href="{URL}create/"' not in html
    assert "Neue Präsentationen fügen Sie im Bericht des Treffens hinzu" in html
    assert admin_client.get(f"{URL}create/").status_code in (302, 403)


def test_presentation_overview_with_a_draft_row_without_a_file(admin_client, presentations):
    """Autosave keeps a new row with nothing chosen yet (null document): the list, its export and the
    inspect view show "noch keine Datei" instead of failing with a 500."""
    row = MeetingPresentationFactory(page=presentations, title="Noch ohne Datei", document=None)
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert "noch keine Datei" in response.content.decode()
    assert admin_client.get(URL, {"export": "csv"}).status_code == 200
    assert admin_client.get(f"{URL}inspect/{row.pk}/").status_code == 200


def test_presentations_are_changed_in_the_meeting_report_not_in_the_overview(admin_client, presentations):
    """Edited in the list, a row changed beside the report's revisions: publishing a later revision put
    the old row back. The list is read-only and each row links to its report's editor."""
    presentation = presentations.presentations.first()
    html = admin_client.get(URL).content.decode()
    assert f'href="{URL}edit/{presentation.pk}/"' not in html
    assert f'href="{URL}delete/{presentation.pk}/"' not in html
    assert f'href="/admin/pages/{presentations.pk}/edit/"' in html
    assert "Im Bericht bearbeiten" in html
    for action in ("edit", "delete"):
        response = admin_client.post(f"{URL}{action}/{presentation.pk}/", {"title": "Geändert"})
        assert response.status_code in (302, 403)
    presentation.refresh_from_db()
    assert presentation.title != "Geändert"
    assert presentations.presentations.filter(pk=presentation.pk).exists()
