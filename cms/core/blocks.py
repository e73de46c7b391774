"""The one shared StreamField block set used by every page body."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.core.models import Contact

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Überschrift", max_length=160)
    level = blocks.ChoiceBlock(
        label="Ebene",
        choices=[("h2", "Zwischenüberschrift (H2)"), ("h3", "Unterüberschrift (H3)")],
        default="h2",
        help_text="Überschriften in der richtigen Reihenfolge helfen Screenreader-Nutzenden.",
    )

    class Meta:
        icon = "title"
        label = "Überschrift"
        template = "core/blocks/heading_block.html"
        preview_value = {"text": "Industrie vor Ort stärken", "level": "h2"}
        description = "Eine Zwischenüberschrift, die den Text gliedert."


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Bild")
    alt_text = blocks.CharBlock(
        label="Alternativtext",
        required=False,
        max_length=255,
        help_text="Beschreibt, was das Bild zeigt. Leer: der Alternativtext des Bildes wird verwendet.",
    )
    decorative = blocks.BooleanBlock(
        label="Reines Schmuckbild", required=False, help_text="Wird von Screenreadern übersprungen."
    )
    caption = blocks.CharBlock(label="Bildunterschrift", required=False, max_length=255)

    class Meta:
        icon = "image"
        label = "Bild"
        template = "core/blocks/image_block.html"
        description = "Ein Bild mit Alternativtext und optionaler Bildunterschrift."

    def get_preview_value(self):
        """The newest image of the library (there is no image to show before the first upload)."""
        image = get_image_model().objects.order_by("-created_at").first()
        return self.normalize({"image": image, "caption": "Bildunterschrift" if image else ""})


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Zitat")
    attribution = blocks.CharBlock(label="Quelle", required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = "Zitat"
        template = "core/blocks/quote_block.html"
        preview_value = {
            "text": "Die Vernetzung der Akteure vor Ort ist der Schlüssel für eine starke Industrie.",
            "attribution": "Teilnehmerin eines Regionaltreffens",
        }
        description = "Ein hervorgehobenes Zitat mit Quelle."


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", required=False, max_length=160)
    documents = blocks.ListBlock(DocumentChooserBlock(label="Dokument"), label="Dokumente")

    class Meta:
        icon = "doc-full"
        label = "Dokumentenliste"
        template = "core/blocks/document_list_block.html"
        preview_value = {"heading": "Downloads", "documents": []}
        description = "Dokumente zum Herunterladen, mit Dateityp und Größe."


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=160)
    text = blocks.TextBlock(label="Text", required=False)
    page = blocks.PageChooserBlock(label="Interne Seite", required=False)
    url = blocks.URLBlock(label="Externe Adresse", required=False)
    button_text = blocks.CharBlock(label="Beschriftung des Links", max_length=80, default="Mehr erfahren")

    class Meta:
        icon = "pick"
        label = "Handlungsaufruf"
        template = "core/blocks/call_to_action_block.html"
        preview_value = {
            "title": "Machen Sie mit",
            "text": "Beteiligen Sie sich mit einer Veranstaltung an der Woche der Industrie.",
            "url": "https://www.example.org/",
            "button_text": "Mehr erfahren",
        }
        description = "Ein Kasten, der zu einer Seite oder Adresse führt."

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Bitte genau eines angeben: eine interne Seite oder eine externe Adresse."
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class ContactBlock(blocks.StructBlock):
    contact = SnippetChooserBlock("core.Contact", label="Kontakt")

    class Meta:
        icon = "mail"
        label = "Kontakt"
        template = "core/blocks/contact_block.html"
        description = "Die Kontaktdaten einer Ansprechstelle."

    def get_preview_value(self):
        example = Contact(label="Geschäftsstelle", email="info@n3tzwerk.org", phone="030 516 95 6860")
        return self.normalize({"contact": example})


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Text",
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="core/blocks/paragraph_block.html",
        preview_value=(
            "<p>Regionale Industriebündnisse bringen Unternehmen, Kammern, Gewerkschaften "
            "und Kommunen an einen Tisch.</p>"
        ),
        description="Ein Textabschnitt mit einfachen Formatierungen und Links.",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    documents = DocumentListBlock()
    call_to_action = CallToActionBlock()
    contact = ContactBlock()

    class Meta:
        block_counts = {}
