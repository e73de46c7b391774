"""Text extraction from uploaded documents: real small PDF/PPTX/DOCX files made here, broken ones too."""

import pytest
from django.core.files.base import ContentFile

from cms.core.models import CustomDocument
from search import extraction
from search.models import SearchEntry
from tests.factories.core import DocumentFactory
from tests.support.documents import make_docx, make_empty_pdf, make_encrypted_pdf, make_pdf, make_pptx


def test_pdf_text(write):
    result = extraction.extract_file(
        write("a.pdf", make_pdf("Industriedialog Seite eins", "Seite zwei Bündnis"))
    )
    assert result.status == "done"
    assert "Industriedialog Seite eins" in result.text
    assert "Seite zwei Bündnis" in result.text


def test_pptx_text_with_tables_and_notes(write):
    data = make_pptx("Industrieperspektive 2025", "Gemeinsam statt nebeneinander", notes="Sprechernotiz")
    result = extraction.extract_file(write("folien.pptx", data))
    assert result.status == "done"
    for text in (
        "Industrieperspektive 2025",
        "Gemeinsam statt nebeneinander",
        "Tabellenzelle",
        "Sprechernotiz",
    ):
        assert text in result.text


def test_docx_text(write):
    result = extraction.extract_file(write("brief.docx", make_docx("Sehr geehrte Damen und Herren")))
    assert result.status == "done"
    assert result.text == "Sehr geehrte Damen und Herren\nZweiter Absatz"


def test_corrupt_pdf_fails_with_a_reason(write):
    result = extraction.extract_file(write("kaputt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage"))
    assert result.status in {"failed", "empty"}
    assert result.text == ""
    assert result.message


def test_random_bytes_as_pptx_fail(write):
    result = extraction.extract_file(write("kaputt.pptx", b"\x00\x01 not a zip file" * 100))
    assert result.status == "failed"
    assert "beschädigt" in result.message


def test_encrypted_pdf_fails_with_a_reason(write):
    result = extraction.extract_file(write("geheim.pdf", make_encrypted_pdf("Vertraulicher Inhalt")))
    assert result.status == "failed"
    assert "Passwort" in result.message
    assert result.text == ""


def test_pdf_without_text_is_empty(write):
    result = extraction.extract_file(write("bild.pdf", make_empty_pdf()))
    assert result.status == "empty"
    assert "keinen erkennbaren Text" in result.message


def test_unsupported_type(write):
    result = extraction.extract_file(write("tabelle.xlsx", b"PK"))
    assert result.status == "unsupported"


def test_huge_file_is_not_opened(write, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_FILE_SIZE", 100)
    result = extraction.extract_file(write("gross.pdf", make_pdf("x")))
    assert result.status == "failed"
    assert "zu groß" in result.message


def test_time_limit(write):
    result = extraction.extract_file(write("a.pdf", make_pdf("Text")), timeout=0.001)
    assert result.status == "failed"
    assert "Sekunden" in result.message


def test_output_is_capped_and_cleaned():
    assert extraction.clean_text("Indus-\ntrie\x00  Dialog\x07", limit=100) == "Industrie Dialog"
    assert len(extraction.clean_text("x" * 500, limit=100)) == 100


def test_zip_bomb_member_is_refused(write, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_ZIP_MEMBER_SIZE", 10)
    # The limit is patched in this process, so extract here rather than in the child process.
    result = extraction.extract_in_process(write("gross.docx", make_docx("viel zu viel Text")))
    assert result.status == "failed"
    assert "zu groß" in result.message


# Upload -> background task -> stored text -> reindexed ------------------------------------------


@pytest.mark.django_db
def test_upload_extracts_text_and_reindexes(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(file=ContentFile(make_pdf("Wasserstoffstrategie Nordhafen"), name="v.pdf"))
    document.refresh_from_db()
    assert document.extraction_status == "done"
    assert "Wasserstoffstrategie Nordhafen" in document.extracted_text
    assert "Wasserstoffstrategie" in SearchEntry.objects.get(document=document).body
    # Wagtail's own index (admin search) was updated as well.
    assert document in CustomDocument.objects.search("Wasserstoffstrategie")


@pytest.mark.django_db
def test_replacing_the_file_extracts_again(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(file=ContentFile(make_pdf("Alte Fassung"), name="v.pdf"))
    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(make_pptx("Neue Fassung", "Folie"), name="v.pptx")
        document.file_hash = "anders"
        document.save()
    document.refresh_from_db()
    assert "Neue Fassung" in document.extracted_text
    assert "Alte Fassung" not in document.extracted_text


@pytest.mark.django_db
def test_saving_the_title_does_not_extract_again(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(file=ContentFile(make_pdf("Inhalt"), name="v.pdf"))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        document.title = "Neuer Titel"
        document.save()
    # Only the page cache is emptied (the new title shows on pages); no extraction is queued.
    assert [callback.__module__ for callback in callbacks] == ["cms.caching.invalidation"]


@pytest.mark.django_db
def test_broken_upload_is_stored_with_reason_logged(django_capture_on_commit_callbacks, caplog):
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(file=ContentFile(make_encrypted_pdf("Geheim"), name="geheim.pdf"))
    document.refresh_from_db()
    assert document.file.storage.exists(document.file.name)
    assert document.extraction_status == "failed"
    assert document.extracted_text == ""
    assert "Passwort" in document.extraction_message
    assert any("Passwort" in record.getMessage() for record in caplog.records)


@pytest.mark.django_db
def test_editors_see_the_extraction_state(client, django_user_model, django_capture_on_commit_callbacks):
    from django.urls import reverse

    user = django_user_model.objects.create_superuser("redaktion", "r@example.org", "sicheres-passwort-123")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(file=ContentFile(b"%PDF-1.4 kaputt", name="kaputt.pdf"))
    document.refresh_from_db()
    response = client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Texterkennung für die Suche" in html
    assert document.get_extraction_status_display() in html
    assert document.extraction_message in html
