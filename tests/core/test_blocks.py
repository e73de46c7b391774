"""The shared body blocks: validation and what they render."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from cms.core.blocks import BodyBlock, CallToActionBlock, HeadingBlock, ImageBlock
from tests.factories.core import ContactFactory, ImageFactory, OrganisationFactory
from tests.factories.home import StandardPageFactory

MESSAGE = "Bitte genau eines angeben: eine interne Seite oder eine externe Adresse."


def cta(**values):
    block = CallToActionBlock()
    data = {"title": "Mitmachen", "text": "", "page": None, "url": "", "button_text": "Mehr erfahren"}
    data.update(values)
    return block, block.to_python({**data, "page": data["page"].pk if data["page"] else None})


@pytest.mark.django_db
def test_call_to_action_needs_exactly_one_target(home_page):
    block, value = cta(url="https://example.org/")
    assert block.clean(value)["url"] == "https://example.org/"
    block, value = cta(page=home_page)
    assert block.clean(value)["page"].pk == home_page.pk

    for values in ({}, {"page": home_page, "url": "https://example.org/"}):
        block, value = cta(**values)
        with pytest.raises(ValidationError) as caught:
            block.clean(value)
        errors = caught.value.block_errors
        assert set(errors) == {"page", "url"}
        assert errors["url"].messages == [MESSAGE]


@pytest.mark.django_db
def test_call_to_action_renders_an_accessible_link(home_page):
    block, value = cta(page=home_page, text="Beteiligen Sie sich.")
    soup = BeautifulSoup(block.render(value), "html.parser")
    link = soup.find("a")
    assert link["href"] == home_page.url
    assert link.get_text() == "Mehr erfahren: Mitmachen"  # the hidden part makes the link unique
    assert soup.find("h2").get_text() == "Mitmachen"


def test_heading_block_levels():
    block = HeadingBlock()
    assert block.render(block.to_python({"text": "A", "level": "h3"})).strip() == "<h3>A</h3>"
    assert block.render(block.to_python({"text": "B", "level": "h2"})).strip() == "<h2>B</h2>"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("block_alt", "decorative", "image_alt", "expected"),
    [
        ("Zwei Menschen am Tisch", False, "Bild-Alt", "Zwei Menschen am Tisch"),
        ("", False, "Bild-Alt", "Bild-Alt"),
        ("", False, "", "Titel des Bildes"),
        ("Wird ignoriert", True, "Bild-Alt", ""),
    ],
)
def test_image_block_alt_text(block_alt, decorative, image_alt, expected):
    image = ImageFactory(title="Titel des Bildes", alt_text=image_alt, credit="Max Muster")
    block = ImageBlock()
    value = block.to_python(
        {"image": image.pk, "alt_text": block_alt, "decorative": decorative, "caption": "Unterschrift"}
    )
    soup = BeautifulSoup(block.render(value), "html.parser")
    assert soup.find("img")["alt"] == expected
    assert soup.find("figcaption").get_text(" ", strip=True) == "Unterschrift Foto: Max Muster"


@pytest.mark.django_db
def test_body_renders_every_block_type(client, home_page):
    contact = ContactFactory(
        label="Regionale Dialoge", name="Erika Muster", organisation=OrganisationFactory(name="DIHK")
    )
    page = StandardPageFactory(
        parent=home_page,
        body=[
            ("heading", {"text": "Worum es geht", "level": "h2"}),
            ("paragraph", "<p>Ein <b>Absatz</b>.</p>"),
            ("image", {"image": ImageFactory(alt_text="Ein Werk"), "alt_text": "", "caption": ""}),
            ("quote", {"text": "Gemeinsam stark.", "attribution": "Eine Teilnehmerin"}),
            ("documents", {"heading": "Downloads", "documents": []}),
            ("call_to_action", {"title": "Mitmachen", "url": "https://example.org/", "button_text": "Los"}),
            ("contact", {"contact": contact}),
        ],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    main = soup.find("main")
    assert main.find("h2", string="Worum es geht")
    assert main.find("b", string="Absatz")
    assert main.find("img")["alt"] == "Ein Werk"
    assert main.find("blockquote").get_text(strip=True) == "Gemeinsam stark."
    assert "Noch keine Dokumente." in main.get_text()
    assert main.find("a", class_="button")["href"] == "https://example.org/"
    address = main.find("address").get_text(" ", strip=True)
    assert "Erika Muster" in address and "DIHK" in address
    assert main.find("a", href="tel:+4930123456")


def test_body_block_has_german_labels():
    labels = {name: block.label for name, block in BodyBlock().child_blocks.items()}
    assert labels == {
        "heading": "Überschrift",
        "paragraph": "Text",
        "image": "Bild",
        "quote": "Zitat",
        "documents": "Dokumentenliste",
        "call_to_action": "Handlungsaufruf",
        "contact": "Kontakt",
    }
