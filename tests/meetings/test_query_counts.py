"""Pages with many children must not run one query per child (bounded query counts)."""

import datetime

from meetings.models import ForumTopicDocument
from tests.factories.core import DocumentFactory, OrganisationFactory, PersonFactory
from tests.factories.meetings import (
    ForumIndexPageFactory,
    ForumSessionFactory,
    ForumTopicPageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
    MeetingPresentationFactory,
    MeetingSpeakerFactory,
)
from tests.factories.regions import RegionIndexPageFactory, RegionPageFactory
from tests.support.queries import query_count


def make_meeting(index, n, regions):
    meeting = MeetingPageFactory(parent=index, date=datetime.date(2017, 1, 1) + datetime.timedelta(days=n))
    for i in range(n):
        person = PersonFactory(organisation=OrganisationFactory())
        MeetingSpeakerFactory(
            page=meeting, person=person, organisation=OrganisationFactory() if i % 2 else None
        )
        MeetingPresentationFactory(page=meeting, document=DocumentFactory(), speaker=person)
    for region in regions[:n]:
        meeting.related_regions.add(region)
    meeting.save()
    return meeting


def test_meeting_page_query_count_does_not_grow_with_speakers(client, home_page):
    index = MeetingIndexPageFactory(parent=home_page)
    region_index = RegionIndexPageFactory(parent=home_page)
    regions = [RegionPageFactory(parent=region_index) for _ in range(30)]
    small = make_meeting(index, 3, regions)
    large = make_meeting(index, 30, regions)
    assert query_count(client, small.url) == query_count(client, large.url)


def test_meeting_index_query_count_does_not_grow_with_meetings(client, home_page):
    small_index = MeetingIndexPageFactory(parent=home_page)
    for n in range(3):
        MeetingPageFactory(parent=small_index, host=OrganisationFactory(), date=datetime.date(2010 + n, 1, 1))
    small = query_count(client, small_index.url)
    small_index.delete()
    large_index = MeetingIndexPageFactory(parent=home_page)
    for n in range(12):
        MeetingPageFactory(parent=large_index, host=OrganisationFactory(), date=datetime.date(2000 + n, 1, 1))
    assert query_count(client, large_index.url) == small


def make_topics(index, n):
    for _ in range(n):
        topic = ForumTopicPageFactory(parent=index)
        ForumSessionFactory(page=topic, date=datetime.date(2017, 3, 1))
        ForumSessionFactory(page=topic)


def test_forum_index_query_count_does_not_grow_with_topics(client, home_page):
    index = ForumIndexPageFactory(parent=home_page)
    make_topics(index, 3)
    small = query_count(client, index.url)
    make_topics(index, 27)
    assert query_count(client, index.url) == small


def test_forum_topic_query_count_does_not_grow_with_documents(client, home_page):
    index = ForumIndexPageFactory(parent=home_page)
    small, large = ForumTopicPageFactory(parent=index), ForumTopicPageFactory(parent=index)
    for topic, n in ((small, 3), (large, 30)):
        for _ in range(n):
            ForumSessionFactory(page=topic, date=datetime.date(2017, 3, 1))
            ForumTopicDocument.objects.create(page=topic, document=DocumentFactory())
    assert query_count(client, small.url) == query_count(client, large.url)


def test_home_page_query_count_does_not_grow_with_focus_areas(client, home_page):
    from home.models import FocusArea

    region_index = RegionIndexPageFactory(parent=home_page)
    counts = []
    for count in (3, 30):
        FocusArea.objects.filter(page=home_page).delete()
        for n in range(count):
            FocusArea.objects.create(
                page=home_page, title=f"Schwerpunkt {n}", text="Text", link_page=region_index
            )
        counts.append(query_count(client, "/"))
    assert counts[0] == counts[1]
