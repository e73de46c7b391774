"""Every page template rendered once with content, checked for common accessibility faults."""

import datetime

import pytest

from home.models import FocusArea
from meetings.models import ForumTopicDocument
from regions.models import InitiativePartner
from tests.factories.core import (
    ContactFactory,
    DocumentFactory,
    GoodPracticeCriterionFactory,
    ImageFactory,
    OrganisationFactory,
)
from tests.factories.home import StandardPageFactory
from tests.factories.meetings import (
    ForumIndexPageFactory,
    ForumSessionFactory,
    ForumTopicPageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
    MeetingPresentationFactory,
    MeetingSpeakerFactory,
)
from tests.factories.regions import (
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
    RegionPartnerFactory,
)
from tests.support.accessibility import accessibility_problems


def body(contact):
    return [
        ("heading", {"text": "Abschnitt", "level": "h2"}),
        ("paragraph", "<p>Text</p>"),
        ("image", {"image": ImageFactory(alt_text="Ein Werkstor"), "alt_text": "", "caption": "Foto"}),
        ("documents", {"heading": "Downloads", "documents": [DocumentFactory()]}),
        ("call_to_action", {"title": "Mitmachen", "url": "https://example.org/", "button_text": "Mehr"}),
        ("contact", {"contact": contact}),
    ]


@pytest.fixture
def site(home_page):
    contact = ContactFactory(label="Geschäftsstelle", email="info@example.org")
    home_page.contact = ContactFactory(label="Netzwerk")
    home_page.body = body(contact)
    home_page.save()
    standard = StandardPageFactory(parent=home_page, body=body(contact))
    FocusArea.objects.create(page=home_page, title="Dialog", text="Text", link_page=standard)

    region_index = RegionIndexPageFactory(parent=home_page, contact=contact, body=body(contact))
    initiative_index = InitiativeIndexPageFactory(parent=home_page, per_page=5)
    initiative = InitiativePageFactory(
        parent=initiative_index,
        is_good_practice=True,
        founded_year=2015,
        website="https://example.org/",
        body=body(contact),
        contact=contact,
    )
    initiative.good_practice_criteria.add(GoodPracticeCriterionFactory())
    initiative.save()
    InitiativePartner.objects.create(page=initiative, organisation=OrganisationFactory())
    for _ in range(6):
        InitiativePageFactory(parent=initiative_index)
    region = RegionPageFactory(
        parent=region_index, initiative=initiative, contact=contact, body=body(contact)
    )
    RegionPartnerFactory(page=region)

    meeting_index = MeetingIndexPageFactory(parent=home_page)
    meeting = MeetingPageFactory(parent=meeting_index, host=OrganisationFactory(), body=body(contact))
    MeetingSpeakerFactory(page=meeting)
    MeetingPresentationFactory(page=meeting)
    meeting.related_regions.add(region)
    meeting.related_initiatives.add(initiative)
    meeting.save()
    for day in range(1, 14):
        MeetingPageFactory(parent=meeting_index, date=datetime.date(2016, 1, day))

    forum = ForumIndexPageFactory(parent=home_page, contact=contact, body=body(contact))
    topic = ForumTopicPageFactory(parent=forum, number=1, body=body(contact))
    ForumSessionFactory(page=topic, date=datetime.date(2017, 3, 14))
    ForumSessionFactory(page=topic)
    ForumTopicDocument.objects.create(page=topic, document=DocumentFactory())
    return {
        "home": home_page.url,
        "standard": standard.url,
        "region_index": region_index.url,
        "region": region.url,
        "initiative_index": initiative_index.url,
        "initiative_index_filtered": initiative_index.url + "?land=NW&good_practice=on&seite=1",
        "initiative_index_bad": initiative_index.url + "?land=XX&art=foo&q=" + "x" * 200 + "&seite=abc",
        "initiative_index_page_2": initiative_index.url + "?seite=2",
        "initiative": initiative.url,
        "meeting_index": meeting_index.url,
        "meeting_index_bad": meeting_index.url + "?jahr=abc&seite=-1",
        "meeting_index_year": meeting_index.url + "?jahr=2016",
        "meeting": meeting.url,
        "forum": forum.url,
        "topic": topic.url,
        "404": "/gibt-es-nicht/",
    }


def test_every_page_template_is_accessible(client, site):
    found = {}
    for name, url in site.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "404" else 200), name
        problems = accessibility_problems(response.content.decode())
        if problems:
            found[name] = problems
    assert found == {}


def test_the_checker_finds_faults():
    html = (
        '<html><head><title>x</title></head><body><main><h1>A</h1><h1>B</h1><h4>C</h4><img src="a.png">'
        '<input name="q"><a href="/"></a><p id="d"></p><p id="d"></p></main></body></html>'
    )
    problems = accessibility_problems(html)
    assert "<html> has no lang=de" in problems
    assert "2 <h1> elements" in problems
    assert "heading skips from h1 to h4: 'C'" in problems
    assert "<img src='a.png'> without alt" in problems
    assert "unlabelled control 'q'" in problems
    assert "link without text: '/'" in problems
    assert "duplicate id 'd'" in problems
