"""Every block of the shared body gets a preview in the admin's block picker, styled like the site."""

import pytest
from django.urls import reverse

from cms.core.blocks import BodyBlock
from tests.factories.core import ImageFactory

BLOCKS = list(BodyBlock().child_blocks.items())


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize(("name", "block"), BLOCKS, ids=[name for name, _ in BLOCKS])
def test_block_has_a_german_preview(admin_client, name, block):
    ImageFactory(title="Werkstor", alt_text="Ein Werkstor")
    assert block.is_previewable
    assert block.get_description()
    response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "/static/css/site.css" in html
    assert f"block-{name}" in html


def test_previews_show_example_content(admin_client):
    blocks = dict(BLOCKS)
    url = reverse("wagtailadmin_block_preview")
    contact = admin_client.get(url, {"id": blocks["contact"].definition_prefix}).content.decode()
    assert "Kontakt: Geschäftsstelle" in contact and "info@n3tzwerk.org" in contact
    quote = admin_client.get(url, {"id": blocks["quote"].definition_prefix}).content.decode()
    assert "Die Vernetzung der Akteure vor Ort" in quote
    image = ImageFactory(alt_text="Ein Werkstor")
    picture = admin_client.get(url, {"id": blocks["image"].definition_prefix}).content.decode()
    assert 'alt="Ein Werkstor"' in picture and 'type="image/avif"' in picture
    assert image.get_rendition("format-jpeg|width-1000").url in picture


def test_image_preview_without_any_image_does_not_fail(admin_client):
    block = dict(BLOCKS)["image"]
    response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
