"""The custom document model's labels and the download view's content types."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile

from tests.factories.core import MINIMAL_PDF, DocumentFactory

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@pytest.mark.django_db
def test_file_labels_of_a_pdf():
    document = DocumentFactory(file=ContentFile(b"x" * 1234567, name="bericht.pdf"))
    assert document.file_type == "PDF"
    assert document.human_size == "1,2 MB"
    assert document.file_info == "PDF, 1,2 MB"


@pytest.mark.django_db
def test_file_labels_use_the_stored_size_first():
    document = DocumentFactory(file=ContentFile(b"x" * 10, name="folien.pptx"), file_size=3 * 1024)
    assert document.file_info == "PowerPoint, 3 KB"


@pytest.mark.django_db
def test_size_is_read_from_the_file_without_writing(django_assert_num_queries):
    document = DocumentFactory(file=ContentFile(MINIMAL_PDF, name="klein.pdf"))
    document.file_size = None
    with django_assert_num_queries(0):
        assert document.human_size == f"{len(MINIMAL_PDF)} Byte"


@pytest.mark.django_db
def test_missing_file_gives_type_only():
    document = DocumentFactory(file=ContentFile(MINIMAL_PDF, name="weg.pdf"))
    document.file.storage.delete(document.file.name)
    document.file_size = None
    assert document.human_size == ""
    assert document.file_info == "PDF"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("bericht.pdf", "application/pdf"),
        ("folien.pptx", PPTX),
        ("text.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("tabelle.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("text.odt", "application/vnd.oasis.opendocument.text"),
    ],
)
def test_download_has_the_right_content_type(client, home_page, name, content_type):
    document = DocumentFactory(file=ContentFile(MINIMAL_PDF, name=name))
    assert document.url.startswith("/dokumente/")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert b"".join(response.streaming_content) == MINIMAL_PDF


@pytest.mark.django_db
def test_download_of_an_unknown_document_is_404(client, home_page):
    assert client.get("/dokumente/999999/nichts.pdf").status_code == 404


@pytest.mark.django_db
def test_document_list_block_shows_file_info(client, home_page):
    from tests.factories.home import StandardPageFactory

    document = DocumentFactory(title="Jahresbericht", file=ContentFile(MINIMAL_PDF, name="jahresbericht.pdf"))
    page = StandardPageFactory(
        parent=home_page,
        body=[("documents", {"heading": "Downloads", "documents": [document]})],
    )
    html = client.get(page.url).content.decode()
    assert f'<a href="{document.url}" download>Jahresbericht</a>' in html
    info = BeautifulSoup(html, "html.parser").select_one(".document-list__info")
    assert info.get_text() == f"(PDF, {len(MINIMAL_PDF)} Byte)"
    assert info.select_one(".nowrap").get_text() == f"{len(MINIMAL_PDF)} Byte"  # never "3 / KB"
