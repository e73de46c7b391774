"""cms.core.bulk.add_children: many pages in a few queries, with a sound tree, revisions, log
entries and the search index updated once at the end."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, WorkflowState

from cms.core.bulk import add_children, submit_for_moderation
from events.models import EventPage
from search.models import SearchEntry
from tests.factories.events import EventIndexPageFactory, EventPageFactory


def _events(count, prefix="Werkstag"):
    start = timezone.make_aware(datetime.datetime(2017, 9, 20, 10, 0))
    return [
        EventPage(
            title=f"{prefix} {number}",
            slug=f"{prefix.lower()}-{number}",
            start=start,
            kind="factory_tour",
            venue="Werk",
            postcode="50667",
            city="Köln",
            federal_state="NW",
            description="Wir zeigen die Fertigung.",
        )
        for number in range(count)
    ]


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


def test_pages_are_added_after_the_existing_children(index):
    existing = EventPageFactory(parent=index, title="Schon da", slug="schon-da")
    pages = add_children(index, _events(30), live=True)

    assert Page.find_problems() == ([], [], [], [], [])  # treebeard's own check of paths and numchild
    index.refresh_from_db()
    assert index.numchild == 31
    children = list(EventPage.objects.child_of(index).order_by("path"))
    assert children[0] == existing and [page.pk for page in children[1:]] == [page.pk for page in pages]
    first = children[1]
    assert first.url_path == f"{index.url_path}werkstag-0/"
    assert first.live and not first.has_unpublished_changes
    assert first.live_revision_id == first.latest_revision_id is not None
    assert first.get_latest_revision().as_object().title == "Werkstag 0"
    assert PageLogEntry.objects.filter(page=first).values_list("action", flat=True).count() == 2
    assert first.url.endswith("/werkstag-0/")
    # Indexed once at the end: the site search has an entry for every new page.
    assert SearchEntry.objects.filter(page__in=pages).count() == 30


def test_the_number_of_queries_does_not_grow_with_the_pages(index):
    with CaptureQueriesContext(connection) as few:
        add_children(index, _events(5, "A"), live=False, revisions=True)
    with CaptureQueriesContext(connection) as many:
        add_children(index, _events(50, "B"), live=False, revisions=True)
    # Per page one INSERT of the specific table and the search backend's and reference index's
    # few statements; nothing like add_child's validation and saves.
    per_page = (len(many) - len(few)) / 45
    assert per_page < 12, per_page
    assert Page.find_problems() == ([], [], [], [], [])


def test_drafts_are_submitted_for_moderation_in_bulk(index):
    pages = add_children(index, _events(10), live=False)
    assert submit_for_moderation(pages) is True
    states = WorkflowState.objects.filter(object_id__in=[str(page.pk) for page in pages])
    assert states.count() == 10
    assert {state.current_task_state.task.name for state in states} == {"Redaktionelle Prüfung"}
    assert {state.current_task_state.revision_id for state in states} == {
        page.latest_revision_id for page in pages
    }
    assert not SearchEntry.objects.filter(page__in=pages).exists()  # drafts stay out of the search
