"""The demo content loader, the fixture documents and the bootstrap_site command."""

import importlib.util
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from pptx import Presentation
from pypdf import PdfReader
from wagtail.models import Page, Revision, Site

from cms.core.demo import load_all, loader_paths
from cms.core.models import Contact, CustomDocument, GoodPracticeCriterion, Organisation, Person
from home.demo import get_home_page
from home.models import HomePage, StandardPage
from materials.demo import DOWNLOADS as MATERIALS_DOWNLOADS
from meetings.demo_documents import ALL_DOCUMENTS, FILES_DIR, PRESENTATIONS
from meetings.models import ForumSession, ForumTopicPage, MeetingPage, MeetingPresentation, MeetingSpeaker
from regions.models import InitiativePage, InitiativePartner, RegionPage, RegionPartner

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_demo_documents.py"
PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

COUNTED_MODELS = [
    Page,
    Revision,
    CustomDocument,
    Organisation,
    Person,
    Contact,
    GoodPracticeCriterion,
    RegionPartner,
    InitiativePartner,
    MeetingSpeaker,
    MeetingPresentation,
    ForumSession,
]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED_MODELS}


@pytest.fixture
def demo(db):
    return load_all()


def extract_pdf_text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def extract_pptx_text(path):
    return "\n".join(
        shape.text_frame.text
        for slide in Presentation(path).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


# The committed fixture files


def test_fixture_files_exist_small_with_five_pdfs_and_a_pptx():
    suffixes = [FILES_DIR.joinpath(entry["filename"]).suffix for entry in PRESENTATIONS]
    assert len(PRESENTATIONS) == 6
    assert suffixes.count(".pdf") >= 5
    assert ".pptx" in suffixes
    for entry in ALL_DOCUMENTS:
        size = (FILES_DIR / entry["filename"]).stat().st_size
        assert 1_000 < size < 60_000, entry["filename"]


@pytest.mark.parametrize(
    ("filename", "words"),
    [
        ("businessplan-industrie-koeln.pdf", ["Businessplan Industrie für Köln", "Industriebündnisse"]),
        ("industriepolitische-erklaerung-koeln.pdf", ["Industriepolitische Erklärung", "Köln"]),
        ("branchenforum-industrie-koeln.pdf", ["Branchenforum", "Industriebündnisse"]),
        ("industriedialog-baden-wuerttemberg.pdf", ["Industriedialog", "Industrieperspektive BaWü 2025"]),
        ("praesentation-claudia-betzing.pdf", ["Claudia Betzing", "In|du|strie", "Industriebündnisse"]),
        ("forum-forschung-und-entwicklung.pdf", ["F&E-Förderung", "Forum Industriepolitik"]),
    ],
)
def test_pdf_fixtures_contain_extractable_german_text(filename, words):
    text = " ".join(extract_pdf_text(FILES_DIR / filename).split())
    for word in words:
        assert word in text


def test_pptx_fixture_contains_extractable_text():
    text = extract_pptx_text(FILES_DIR / "praesentation-friedrich-geiger.pptx")
    assert "Industriedialog Baden-Württemberg" in text
    assert "Julia Friedrich" in text
    assert "Manuel Geiger" in text


def test_committed_files_match_the_texts_in_documents_py(tmp_path):
    """Guards against editing documents.py without running scripts/make_demo_documents.py."""
    pytest.importorskip("reportlab")
    spec = importlib.util.spec_from_file_location("make_demo_documents", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.main(["--out", str(tmp_path)])
    for entry in ALL_DOCUMENTS:
        fresh, committed = tmp_path / entry["filename"], FILES_DIR / entry["filename"]
        assert script.extract_text(fresh) == script.extract_text(committed), entry["filename"]


# The loader


def test_loader_is_idempotent(demo):
    assert demo.created  # the first run created content
    before = counts()
    second = load_all()
    assert second.created == []
    assert counts() == before


def test_loader_adds_what_is_missing_without_duplicates(demo):
    RegionPage.objects.get(slug="krefeld").delete()
    CustomDocument.objects.filter(title="Berufliche Bildung stärken – Eckpunkte").delete()
    load_all()
    assert RegionPage.objects.filter(slug="krefeld").count() == 1
    assert CustomDocument.objects.filter(title="Berufliche Bildung stärken – Eckpunkte").count() == 1
    assert CustomDocument.objects.count() == len(ALL_DOCUMENTS) + len(MATERIALS_DOWNLOADS)


def test_home_page_replaces_the_welcome_page_as_site_root(demo):
    home = get_home_page()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert list(Page.objects.filter(depth=2)) == [home.page_ptr]
    assert home.live and home.live_revision_id is not None
    assert [area.title for area in home.focus_areas.all()] == [
        "Regionaler Dialog",
        "Woche der Industrie",
        "Forum Industriepolitik",
    ]
    assert [str(figure) for figure in home.key_figures.all()] == [
        "mehr als 370 Veranstaltungen",
        "mehr als 120.000 Interessierte",
    ]
    links = {area.title: area.link_page for area in home.focus_areas.all()}
    assert links["Regionaler Dialog"].slug == "regionen"
    assert links["Forum Industriepolitik"].slug == "forum-industriepolitik"


def test_sections_are_published_menu_pages_with_their_own_contacts(demo):
    home = get_home_page()
    sections = {page.slug: page.specific for page in home.get_children()}
    for slug in ("regionen", "initiativen", "treffen", "forum-industriepolitik"):
        assert sections[slug].live and sections[slug].show_in_menus, slug
    assert sections["regionen"].contact.phone == "030 516 95 6860"
    assert Contact.objects.get(label="Woche der Industrie").phone == "030 516 95 6864"
    assert set(Contact.objects.values_list("email", flat=True)) == {"info@n3tzwerk.org"}


def test_model_regions_are_linked_to_their_initiatives(demo):
    regions = RegionPage.objects.live().select_related("initiative")
    assert sorted(region.title for region in regions) == [
        "Baden-Württemberg",
        "Frankfurt am Main",
        "Krefeld",
        "Nord-Westfalen",
        "Rhein-Mosel",
        "Thüringen",
    ]
    for region in regions:
        assert region.initiative is not None and region.initiative.live
        assert region.has_location
        assert region.partners.exists()
    assert RegionPage.objects.get(slug="rhein-mosel").initiative.title == (
        "Sozialpartnerinitiative thyssenkrupp Rasselstein GmbH"
    )


def test_initiatives_include_cologne_and_good_practice(demo):
    cologne = InitiativePage.objects.get(slug="industrie-koeln")
    north = InitiativePage.objects.get(slug="industrie-nord-westfalen")
    assert cologne.city == "Köln" and cologne.federal_state == "NW"
    assert cologne.title != north.title
    assert InitiativePage.objects.filter(title="Branchenforum Industrie Köln").exists()
    good = set(InitiativePage.objects.filter(is_good_practice=True).values_list("slug", flat=True))
    assert good == {"industrie-koeln", "branchenforum-industrie-koeln", "industriedialog-baden-wuerttemberg"}
    assert cologne.good_practice_criteria.count() >= 3
    assert GoodPracticeCriterion.objects.count() >= 4


def test_meeting_report_has_speakers_presentations_and_links(demo):
    meeting = MeetingPage.objects.get()
    assert (meeting.number, meeting.date.isoformat()) == (3, "2017-04-05")
    assert meeting.host.short_name == "DIHK"
    assert [speaker.person.last_name for speaker in meeting.speakers.all()] == [
        "Treier",
        "Betzing",
        "Roßmann",
        "Geiger",
        "Friedrich",
    ]
    presentations = list(meeting.presentations.select_related("document", "speaker"))
    assert len(presentations) == 6
    assert all(item.speaker is not None for item in presentations)
    assert {item.document.file_extension for item in presentations} == {"pdf", "pptx"}
    assert meeting.related_regions.count() == 6
    assert meeting.related_initiatives.filter(slug="industrie-koeln").exists()
    assert any(block.block_type == "heading" for block in meeting.body)


def test_documents_are_stored_with_size_and_hash(demo):
    for document in CustomDocument.objects.all():
        assert document.file_size == document.file.size > 0
        assert len(document.file_hash) == 40


def test_forum_has_five_topics_with_open_sessions(demo):
    topics = ForumTopicPage.objects.live().order_by("number")
    assert [topic.number for topic in topics] == [1, 2, 3, 4, 5]
    for topic in topics:
        session = topic.sessions.get()
        assert session.date is None
        assert str(session) == "Termin folgt"
        assert "2017" in session.note


def test_every_live_demo_page_answers_200(demo, client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) >= 25
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_each_presentation_downloads_with_its_content_type(demo, client):
    # One test for all six (loading the demo content per parametrized case would triple the time).
    for entry in PRESENTATIONS:
        document = CustomDocument.objects.get(title=entry["title"])
        response = client.get(document.url)
        assert response.status_code == 200, entry["filename"]
        body = b"".join(response.streaming_content)
        expected = PPTX_TYPE if entry["filename"].endswith(".pptx") else "application/pdf"
        assert response["Content-Type"] == expected, entry["filename"]
        assert body == (FILES_DIR / entry["filename"]).read_bytes(), entry["filename"]
        assert body.startswith(b"PK" if expected == PPTX_TYPE else b"%PDF"), entry["filename"]


# Extending the loader


def extra_loader(log):
    """Stands in for another app's loader (e.g. events): adds a section under the home page."""
    home = get_home_page()
    assert home is not None  # core loaders ran first
    from cms.core.demo import utils

    utils.ensure_child_page(log, home, StandardPage, "woche-der-industrie", title="Woche der Industrie")


def test_loaders_from_the_setting_run_before_the_final_steps(db):
    path = f"{__name__}.extra_loader"
    with override_settings(DEMO_CONTENT_LOADERS=[path, "regions.demo.load"]):
        paths = loader_paths()
        assert paths.index(path) > paths.index("meetings.demo.load")
        assert paths[-1] == "home.demo.link_focus_areas"
        assert paths.count("regions.demo.load") == 1
        load_all()
        before = counts()
        load_all()
        assert counts() == before
    links = {area.title: area.link_page for area in get_home_page().focus_areas.all()}
    assert links["Woche der Industrie"].slug == "woche-der-industrie"


def test_load_demo_content_command_reports(db):
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "angelegt" in out.getvalue()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "nichts geändert" in out.getvalue()


# bootstrap_site


def test_bootstrap_loads_content_and_creates_admin_once(db, monkeypatch, django_user_model):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("bootstrap_site", stdout=out)
    match = re.search(r"Passwort \(wird nur jetzt angezeigt\): (\S+)", out.getvalue())
    assert match, out.getvalue()
    admin = django_user_model.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(match.group(1))
    assert HomePage.objects.count() == 1
    assert RegionPage.objects.count() == 6

    before = counts()
    out = io.StringIO()
    call_command("bootstrap_site", stdout=out)
    assert match.group(1) not in out.getvalue()
    assert "Passwort" not in out.getvalue()
    assert django_user_model.objects.count() == 1
    assert counts() == before


def test_bootstrap_uses_admin_password_from_environment(db, monkeypatch, django_user_model):
    monkeypatch.setenv("ADMIN_PASSWORD", "ein-langes-Test-Passwort")
    out = io.StringIO()
    call_command("bootstrap_site", stdout=out)
    admin = django_user_model.objects.get(username="admin")
    assert admin.check_password("ein-langes-Test-Passwort")
    assert "ein-langes-Test-Passwort" not in out.getvalue()
    assert "ADMIN_PASSWORD" in out.getvalue()


def test_bootstrap_leaves_an_existing_site_alone(home_page, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "ein-langes-Test-Passwort")
    call_command("bootstrap_site", stdout=io.StringIO())
    assert not RegionPage.objects.exists()
    assert HomePage.objects.get().pk == home_page.pk
