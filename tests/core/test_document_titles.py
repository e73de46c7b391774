"""An uploaded document's default title is readable, not its file name („zinnoberkran-praesentation“
showed publicly as the title before)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.core.models import CustomDocument
from cms.core.uploads import readable_title
from tests.support.documents import make_pdf


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("zinnoberkran-praesentation.pdf", "Zinnoberkran Präsentation"),
        ("zinnoberkran-praesentation", "Zinnoberkran Präsentation"),
        ("3_treffen_ergebnisse_2017.pptx", "3 Treffen Ergebnisse 2017"),
        ("uebersicht-der-buendnisse-fuer-koeln.pdf", "Übersicht Der Bündnisse Für Köln"),
        # Not certain: "ue" in "Quelle", "neue" stays as it is.
        ("neue-quellen.pdf", "Neue Quellen"),
        ("IHK-Bericht.pdf", "IHK Bericht"),
    ],
)
def test_readable_title(name, title):
    assert readable_title(name) == title


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chef", "chef@example.org", "geheim"))
    return client


def test_multiple_upload_gives_a_readable_title(admin_client, home_page):
    upload = SimpleUploadedFile("zinnoberkran-praesentation.pdf", make_pdf("Folie eins"))
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload, "title": "zinnoberkran-praesentation"},
    )
    assert response.status_code == 200, response.content[:500]
    assert CustomDocument.objects.get().title == "Zinnoberkran Präsentation"


def test_a_title_the_editor_typed_is_kept(admin_client, home_page):
    upload = SimpleUploadedFile("zinnoberkran-praesentation.pdf", make_pdf("Folie eins"))
    admin_client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": upload, "title": "zinnoberkran – Vortrag"}
    )
    assert CustomDocument.objects.get().title == "zinnoberkran – Vortrag"
