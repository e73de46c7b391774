"""Meeting index (newest first, year filter, bad input), meeting page and forum pages."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories.core import MINIMAL_PDF, DocumentFactory, OrganisationFactory, PersonFactory
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
)


@pytest.fixture
def meeting_index(home_page):
    index = MeetingIndexPageFactory(parent=home_page)
    MeetingPageFactory(parent=index, title="Treffen Frühjahr 2016", date=datetime.date(2016, 4, 1))
    MeetingPageFactory(parent=index, title="Treffen Herbst 2016", date=datetime.date(2016, 10, 1))
    MeetingPageFactory(
        parent=index,
        title="Treffen 2017",
        date=datetime.date(2017, 4, 5),
        host=OrganisationFactory(name="DIHK"),
    )
    MeetingPageFactory(parent=index, title="Entwurf 2018", date=datetime.date(2018, 1, 1), live=False)
    return index


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".teaser-list h3")]


def get(client, page, params=None):
    response = client.get(page.url, params or {})
    assert response.status_code == 200
    return response


def test_newest_first(client, meeting_index):
    response = get(client, meeting_index)
    assert titles(response) == ["Treffen 2017", "Treffen Herbst 2016", "Treffen Frühjahr 2016"]
    html = response.content.decode()
    assert '<time datetime="2017-04-05">5. April 2017</time> · Gastgeber: DIHK' in html


def test_year_choices_are_the_years_with_live_reports(client, meeting_index):
    soup = BeautifulSoup(get(client, meeting_index).content, "html.parser")
    options = [(o["value"], o.get_text()) for o in soup.select("#id_jahr option")]
    assert options == [("", "Alle Jahre"), ("2017", "2017"), ("2016", "2016")]
    assert soup.find("label", attrs={"for": "id_jahr"}).get_text() == "Jahr:"


def test_year_filter(client, meeting_index):
    response = get(client, meeting_index, {"jahr": "2016"})
    assert titles(response) == ["Treffen Herbst 2016", "Treffen Frühjahr 2016"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_jahr option[selected]")["value"] == "2016"
    assert soup.title.get_text().startswith("Treffen 2016")


@pytest.mark.parametrize(
    ("jahr", "message"),
    [
        ("abc", "„abc“ ist keine Jahreszahl. Bitte wählen Sie ein Jahr aus der Liste."),
        ("1850", "Für 1850 gibt es keine Berichte. Bitte wählen Sie ein Jahr aus der Liste."),
        ("2018", "Für 2018 gibt es keine Berichte."),  # only a draft in 2018
        ("99999999999999", "„99999999999999“ ist keine Jahreszahl."),
        ("-2017", "„-2017“ ist keine Jahreszahl."),
        ("２０１７", "ist keine Jahreszahl."),  # full-width digits
        ("2017\x00", "Nullzeichen sind nicht erlaubt."),
        ("9" * 5000, "ist keine Jahreszahl."),
    ],
)
def test_bad_years_give_a_german_message_and_all_reports(client, meeting_index, jahr, message):
    response = get(client, meeting_index, {"jahr": jahr})
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert len(titles(response)) == 3
    soup = BeautifulSoup(html, "html.parser")
    select = soup.select_one("#id_jahr")
    assert select["aria-invalid"] == "true"
    assert soup.find(id=select["aria-describedby"]).get_text(strip=True)


def test_bad_year_is_reported_even_without_any_reports(client, home_page):
    index = MeetingIndexPageFactory(parent=home_page)
    html = get(client, index, {"jahr": "abc"}).content.decode()
    assert "„abc“ ist keine Jahreszahl." in html
    assert "Für diese Auswahl gibt es keine Berichte." in html


def test_repeated_year_uses_the_last_value(client, meeting_index):
    response = client.get(f"{meeting_index.url}?jahr=abc&jahr=2017")
    assert titles(response) == ["Treffen 2017"]
    assert 'role="alert"' not in response.content.decode()


def test_pagination_keeps_the_year_and_reports_bad_pages(client, home_page):
    index = MeetingIndexPageFactory(parent=home_page)
    for day in range(1, 15):
        MeetingPageFactory(parent=index, title=f"Treffen {day:02d}", date=datetime.date(2017, 1, day))
    first = get(client, index, {"jahr": "2017", "seite": "1"})
    soup = BeautifulSoup(first.content, "html.parser")
    assert len(titles(first)) == 12
    assert soup.find("a", rel="next")["href"] == "?jahr=2017&seite=2"
    second = client.get(index.url + "?jahr=2017&seite=2")
    assert titles(second) == ["Treffen 02", "Treffen 01"]
    assert "Treffen 2017 – Seite 2" in second.content.decode()
    for bad, message in (
        ("abc", "„abc“ ist keine gültige Seitenzahl."),
        ("-1", "„-1“ ist keine gültige Seitenzahl."),
        ("99999999999", "Seite 99999999999 gibt es nicht. Angezeigt wird die letzte Seite (2)."),
    ):
        response = get(client, index, {"seite": bad})
        assert message in response.content.decode()


def test_meeting_page_lists_speakers_presentations_and_links(client, home_page):
    index = MeetingIndexPageFactory(parent=home_page)
    meeting = MeetingPageFactory(parent=index, title="Drittes Treffen", venue="DIHK, Berlin")
    dihk = OrganisationFactory(name="DIHK")
    anna = PersonFactory(
        academic_title="Dr.", first_name="Anna", last_name="Schmidt", organisation=dihk, role=""
    )
    MeetingSpeakerFactory(page=meeting, person=anna, talk_title="Bündnisse vor Ort", role="Referentin")
    MeetingSpeakerFactory(
        page=meeting,
        person=PersonFactory(first_name="Ben", last_name="Wolf", role="Sekretär"),
        organisation=OrganisationFactory(name="IG Metall"),
        talk_title="",
    )
    MeetingPresentationFactory(page=meeting, document=DocumentFactory(title="Folien Schmidt"), speaker=anna)
    MeetingPresentationFactory(page=meeting, title="Eigener Titel", speaker=None)
    regions = RegionIndexPageFactory(parent=home_page)
    region = RegionPageFactory(parent=regions, title="Stuttgart")
    initiative = InitiativePageFactory(
        parent=InitiativeIndexPageFactory(parent=home_page), title="Bündnis Ruhr"
    )
    meeting.related_regions.add(region)
    meeting.related_initiatives.add(initiative)
    meeting.save_revision().publish()

    soup = BeautifulSoup(client.get(meeting.url).content, "html.parser")
    speakers = [li.get_text(" ", strip=True) for li in soup.select(".speaker-list li")]
    assert speakers == [
        "Dr. Anna Schmidt , Referentin, DIHK Beitrag: „Bündnisse vor Ort“",
        "Ben Wolf , Sekretär, IG Metall",
    ]
    # speaker cards: the name on its own line, role and organisation below (the comma for screen readers)
    assert [li.select_one(".speaker-list__role").get_text() for li in soup.select(".speaker-list li")] == [
        "Referentin, DIHK",
        "Sekretär, IG Metall",
    ]
    downloads = soup.select(".document-list li")
    assert [li.a.get_text() for li in downloads] == ["Folien Schmidt", "Eigener Titel"]
    assert downloads[0].select_one(".document-list__info").get_text() == f"(PDF, {len(MINIMAL_PDF)} Byte)"
    assert "Dr. Anna Schmidt" in downloads[0].get_text()
    related = soup.find(id="related-heading").parent
    assert [a.get_text() for a in related.find_all("a")] == ["Modellregion Stuttgart", "Bündnis Ruhr"]
    assert soup.find("time")["datetime"] == "2017-04-05"
    assert "Mittwoch, 5. April 2017" in soup.find("time").get_text()


def test_meeting_page_without_body_has_no_empty_report_section(client, home_page):
    meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home_page))
    soup = BeautifulSoup(client.get(meeting.url).content, "html.parser")
    assert soup.find(id="report-heading") is None


@pytest.fixture
def forum(home_page):
    index = ForumIndexPageFactory(parent=home_page)
    dated = ForumTopicPageFactory(parent=index, title="Fachkräfte", number=1, status="discussion")
    ForumSessionFactory(
        page=dated, date=datetime.date(2017, 3, 14), time=datetime.time(10, 30), venue="Berlin"
    )
    ForumSessionFactory(page=dated, date=None, note="geplant für Herbst 2017")
    ForumTopicPageFactory(parent=index, title="Digitalisierung", number=2)
    ForumTopicPageFactory(parent=index, title="Entwurf", live=False)
    return index, dated


def test_forum_index_lists_topics_with_sessions(client, forum):
    index, _ = forum
    soup = BeautifulSoup(client.get(index.url).content, "html.parser")
    topics = soup.select(".topic-list > li")
    assert [t.h3.get_text(strip=True) for t in topics] == ["Fachkräfte", "Digitalisierung"]
    first = topics[0].select_one(".meta").get_text(" ", strip=True)
    assert "Stand: In Diskussion" in first
    assert "14. März 2017, 10:30 Uhr" in first
    assert "Termin folgt (geplant für Herbst 2017)" in first
    assert topics[0].find("time")["datetime"] == "2017-03-14T10:30"
    assert "Termin folgt" in topics[1].select_one(".meta").get_text()


def test_forum_topic_page_lists_sessions_and_documents(client, forum):
    _, topic = forum
    from meetings.models import ForumTopicDocument

    ForumTopicDocument.objects.create(page=topic, document=DocumentFactory(title="Empfehlungspapier"))
    soup = BeautifulSoup(client.get(topic.url).content, "html.parser")
    sessions = [li.get_text(" ", strip=True) for li in soup.find(id="sessions-heading").parent.select("li")]
    assert sessions == ["14. März 2017, 10:30 Uhr · Berlin", "Termin folgt (geplant für Herbst 2017)"]
    assert "Thema 1 · Stand: In Diskussion" in soup.select_one(".meta").get_text()
    assert soup.find("a", string="Empfehlungspapier") is not None


def test_forum_topic_without_sessions_says_termin_folgt(client, forum):
    index, _ = forum
    topic = ForumTopicPageFactory(parent=index, title="Energie")
    soup = BeautifulSoup(client.get(topic.url).content, "html.parser")
    assert soup.find(id="sessions-heading").parent.li.get_text(strip=True) == "Termin folgt"


def test_meeting_page_does_not_link_private_regions_or_initiatives(client, home_page):
    from wagtail.models import PageViewRestriction

    meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home_page), title="Viertes Treffen")
    regions = RegionIndexPageFactory(parent=home_page)
    public_region = RegionPageFactory(parent=regions, title="Stuttgart")
    private_region = RegionPageFactory(parent=regions, title="Geheimregion")
    initiatives = InitiativeIndexPageFactory(parent=home_page)
    private_initiative = InitiativePageFactory(parent=initiatives, title="Internes Bündnis")
    PageViewRestriction.objects.create(page=private_region, restriction_type="login")
    PageViewRestriction.objects.create(page=initiatives, restriction_type="password", password="geheim-123")
    meeting.related_regions.add(public_region, private_region)
    meeting.related_initiatives.add(private_initiative)
    meeting.save_revision().publish()

    html = client.get(meeting.url).content.decode()
    assert "Modellregion Stuttgart" in html
    assert "Geheimregion" not in html
    assert "Internes Bündnis" not in html
