from django.db import models
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.search import index

from cms.core.formatting import file_type_label, human_file_size


class CustomImage(AbstractImage):
    """The site's image model: Wagtail's image plus a default alt text and a credit line."""

    alt_text = models.CharField(
        "Alternativtext",
        max_length=255,
        blank=True,
        help_text=(
            "Beschreibt das Bild für Menschen, die es nicht sehen. Leer lassen bei reinen Schmuckbildern."
        ),
    )
    credit = models.CharField("Bildnachweis", max_length=255, blank=True)

    admin_form_fields = (*WagtailImage.admin_form_fields, "alt_text", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = "Bild"
        verbose_name_plural = "Bilder"


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, verbose_name="Bild", on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        verbose_name = "Bildvariante"
        verbose_name_plural = "Bildvarianten"
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    """The site's document model: adds a description and the text extracted from the file."""

    class ExtractionStatus(models.TextChoices):
        PENDING = "pending", "Ausstehend"
        DONE = "done", "Text erkannt"
        EMPTY = "empty", "Kein Text gefunden"
        FAILED = "failed", "Fehlgeschlagen"
        UNSUPPORTED = "unsupported", "Dateityp nicht unterstützt"

    description = models.TextField("Beschreibung", blank=True)
    extracted_text = models.TextField(
        "Erkannter Text",
        blank=True,
        editable=False,
        help_text="Text aus der Datei, für die Volltextsuche. Wird beim Hochladen automatisch erkannt.",
    )
    extraction_status = models.CharField(
        "Texterkennung",
        max_length=20,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_message = models.CharField(
        "Hinweis zur Texterkennung", max_length=500, blank=True, editable=False
    )

    admin_form_fields = (*WagtailDocument.admin_form_fields, "description")

    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.SearchField("extracted_text"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = "Dokument"
        verbose_name_plural = "Dokumente"

    def clean(self):
        # Wagtail's extension check; without a file (the upload was refused by the form, which
        # says why) it would only add a confusing "extension '' not allowed".
        if self.file:
            super().clean()

    @property
    def file_type(self):
        """Human-readable file type, e.g. 'PDF' or 'PowerPoint'."""
        return file_type_label(self.file.name)

    @property
    def human_size(self):
        """Human-readable size in German notation, e.g. '1,2 MB'; '' if unknown."""
        size = self.file_size
        if size is None:
            # Read the size from storage without saving it: rendering a page must not write.
            try:
                size = self.file.size
            except (OSError, ValueError):
                return ""
        return human_file_size(size)

    @property
    def file_info(self):
        """'PDF, 1,2 MB' – the label shown next to every download link."""
        return ", ".join(part for part in (self.file_type, self.human_size) if part)
