"""Every page template rendered once with content, checked for common accessibility faults."""

import datetime
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from home.models import FocusArea, KeyFigure
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
    KeyFigure.objects.create(page=home_page, value="370", label="Veranstaltungen")

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


def accessibility_problems(html):
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    if soup.html.get("lang") != "de":
        problems.append("<html> has no lang=de")
    if not soup.title or not soup.title.get_text(strip=True):
        problems.append("empty <title>")
    h1s = soup.find_all("h1")
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} <h1> elements")
    previous = 0
    for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        level = int(heading.name[1])
        if level > previous + 1:
            problems.append(
                f"heading skips from h{previous} to {heading.name}: {heading.get_text(strip=True)!r}"
            )
        previous = level
        if not heading.get_text(strip=True):
            problems.append(f"empty {heading.name}")
    for img in soup.find_all("img"):
        if not img.has_attr("alt"):
            problems.append(f"<img src={img.get('src')!r}> without alt")
    labelled = {label.get("for") for label in soup.find_all("label")}
    for control in soup.find_all(["input", "select", "textarea"]):
        if control.get("type") in {"hidden", "submit", "button", "reset"}:
            continue
        if not (
            control.get("id") in labelled
            or control.get("aria-label")
            or control.get("aria-labelledby")
            or control.find_parent("label")
        ):
            problems.append(f"unlabelled control {control.get('name')!r}")
        for ref in control.get("aria-describedby", "").split():
            if not soup.find(id=ref):
                problems.append(f"aria-describedby points to missing #{ref}")
    for link in soup.find_all("a"):
        if not link.get_text(strip=True) and not link.find("img", alt=True) and not link.get("aria-label"):
            problems.append(f"link without text: {link.get('href')!r}")
        if not link.get("href"):
            problems.append(f"link without href: {link.get_text(strip=True)!r}")
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    problems += [f"duplicate id {name!r}" for name, count in ids.items() if count > 1]
    for element in soup.find_all(attrs={"aria-labelledby": True}):
        for ref in element["aria-labelledby"].split():
            if not soup.find(id=ref):
                problems.append(f"aria-labelledby points to missing #{ref}")
    if not soup.find("main"):
        problems.append("no <main>")
    return problems


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
