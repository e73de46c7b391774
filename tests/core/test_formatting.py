"""German file type and size labels, and the small display helpers of the shared snippets."""

import pytest

from cms.core.formatting import file_type_label, human_file_size
from cms.core.models import Contact, Organisation, Person


@pytest.mark.parametrize(
    ("filename", "label"),
    [
        ("bericht.pdf", "PDF"),
        ("documents/Bericht.PDF", "PDF"),
        ("folien.pptx", "PowerPoint"),
        ("folien.ppt", "PowerPoint"),
        ("text.docx", "Word"),
        ("tabelle.xlsx", "Excel"),
        ("text.odt", "OpenDocument-Text"),
        ("folien.odp", "OpenDocument-Präsentation"),
        ("archiv.tar.gz", "GZ"),
        ("ohne-endung", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_file_type_label(filename, label):
    assert file_type_label(filename) == label


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (None, ""),
        (0, "0 Byte"),
        (1, "1 Byte"),
        (1023, "1023 Byte"),
        (1024, "1 KB"),
        (2048, "2 KB"),
        (1536, "2 KB"),
        (500 * 1024, "500 KB"),
        (1023 * 1024 + 1000, "1,0 MB"),  # not "1024 KB"
        (1024 * 1024, "1,0 MB"),
        (1234567, "1,2 MB"),
        (25 * 1024 * 1024, "25,0 MB"),
        (1024**3 - 1, "1,0 GB"),  # not "1024,0 MB"
        (3 * 1024**3, "3,0 GB"),
        (5000 * 1024**3, "5000,0 GB"),
    ],
)
def test_human_file_size_uses_german_notation(size, text):
    assert human_file_size(size) == text


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("030 123456", "+4930123456"),
        ("030/12 34-56", "+4930123456"),
        ("+49 30 123456", "+4930123456"),
        ("+49 (0)30 123456", "+4930123456"),
        ("0049 30 123456", "+4930123456"),
        ("", ""),
    ],
)
def test_contact_phone_href(phone, href):
    assert Contact(phone=phone).phone_href == href


def test_person_and_organisation_names():
    assert Person(academic_title="Prof. Dr.", first_name="Anna", last_name="Schmidt").full_name == (
        "Prof. Dr. Anna Schmidt"
    )
    assert str(Person(first_name="Ben", last_name="Wolf")) == "Ben Wolf"
    assert (
        Organisation(name="Deutscher Industrie- und Handelskammertag", short_name="DIHK").display_name
        == "DIHK"
    )
    assert Organisation(name="IG Metall").display_name == "IG Metall"
