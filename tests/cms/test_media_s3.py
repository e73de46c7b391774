"""Media in S3 (a real S3 API: moto's server): private objects, expiring signed links for images,
documents only through Wagtail's serving view with its restriction check (Issue 15)."""

from urllib.parse import urlsplit

import pytest
import requests
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories.core import MINIMAL_PDF, DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db


def object_url(storage, name):
    """The object's plain address in the bucket, without a signature."""
    return f"{storage.endpoint_url}/{storage.bucket_name}/{storage.location}/{name}"


def test_a_private_document_is_not_reachable_in_the_bucket_and_served_after_the_check(
    s3_media, client, django_user_model
):
    collection = Collection.get_first_root_node().add_child(name="Vorstand")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = DocumentFactory(file=ContentFile(MINIMAL_PDF, name="intern.pdf"), collection=collection)
    head = s3_media.connection.meta.client.head_object(
        Bucket=s3_media.bucket_name, Key=f"media/{document.file.name}"
    )

    assert document.file.name.startswith("documents/")
    assert requests.get(object_url(s3_media, document.file.name), timeout=10).status_code == 403
    assert head["ContentDisposition"] == "attachment"
    assert document.url.startswith("/dokumente/")  # never the bucket's address
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]

    client.force_login(django_user_model.objects.create_user("mitglied", "m@example.org", "x"))
    response = client.get(document.url)
    assert response.status_code == 200  # streamed from the bucket, not a redirect to it
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_images_come_by_signed_links_that_expire(s3_media):
    image = ImageFactory()
    rendition = image.get_rendition("fill-40x30")

    for url, name in ((image.file.url, image.file.name), (rendition.url, rendition.file.name)):
        query = urlsplit(url).query
        assert "Signature=" in query and "Expires=" in query, url
        signed = requests.get(url, timeout=10)
        assert signed.status_code == 200
        assert signed.content == s3_media.open(name).read()
        assert requests.get(object_url(s3_media, name), timeout=10).status_code == 403


def test_media_are_not_routed_under_media_with_object_storage(s3_media):
    from cms.core.media import media_urlpatterns

    assert media_urlpatterns() == []
