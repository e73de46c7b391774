"""The meetings demo: the committed document files, the meeting report, the forum and the downloads."""

import importlib.util
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from cms.core.demo import load_all
from cms.core.models import CustomDocument
from meetings.demo_documents import ALL_DOCUMENTS, FILES_DIR, PRESENTATIONS
from meetings.models import ForumTopicPage, MeetingPage

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_demo_documents.py"
PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


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


# The committed document files


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


# The loaded content


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
