"""Uploads under /media/: images and renditions are served, documents only through /dokumente/ (Issue 15)."""

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories.core import MINIMAL_PDF, DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db

UPLOAD_POLICY = "default-src 'none'; sandbox"


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Vorstand")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def test_original_image_and_rendition_are_served_with_safe_headers(client):
    image = ImageFactory()
    rendition = image.get_rendition("fill-40x30")

    for url in (image.file.url, rendition.url):
        assert url.startswith("/media/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("image/")
        assert response["Content-Security-Policy"] == UPLOAD_POLICY
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "max-age=" in response["Cache-Control"]
        with image.file.storage.open(url.removeprefix("/media/"), "rb") as stored:
            assert body(response) == stored.read()


def test_document_files_are_not_served_under_media(client):
    public = DocumentFactory(file=ContentFile(MINIMAL_PDF, name="offen.pdf"))
    private = DocumentFactory(
        file=ContentFile(MINIMAL_PDF, name="intern.pdf"), collection=private_collection()
    )

    for document in (public, private):
        assert document.file.storage.exists(document.file.name)
        assert client.get(f"/media/{document.file.name}").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/media/documents/", "/media/images/../documents/intern.pdf", "/media/images%2F..%2Fdocuments/x.pdf"],
)
def test_no_way_around_the_image_folders(client, path):
    DocumentFactory(file=ContentFile(MINIMAL_PDF, name="intern.pdf"))
    assert client.get(path).status_code == 404


def test_a_private_document_needs_the_login_and_is_then_an_attachment_with_safe_headers(
    client, django_user_model
):
    document = DocumentFactory(
        file=ContentFile(MINIMAL_PDF, name="intern.pdf"), collection=private_collection()
    )
    assert document.url.startswith("/dokumente/")

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"] or "/admin/login/" in anonymous["Location"]

    client.force_login(django_user_model.objects.create_user("mitglied", "m@example.org", "x"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == UPLOAD_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"
    assert body(response) == MINIMAL_PDF
