"""Abstract mixins shared by page types of several apps; each carries its own panels."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class GeoLocationMixin(models.Model):
    """A place on the map of Germany (coordinates inside the country's bounding box)."""

    latitude = models.DecimalField(
        "Breitengrad",
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(47), MaxValueValidator(55.1)],
        help_text="Für die Karte, z. B. 50.93753 (Deutschland liegt zwischen 47 und 55,1).",
    )
    longitude = models.DecimalField(
        "Längengrad",
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(5.8), MaxValueValidator(15.1)],
        help_text="Für die Karte, z. B. 6.96028 (Deutschland liegt zwischen 5,8 und 15,1).",
    )

    location_panel = FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])

    class Meta:
        abstract = True

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def location_errors(self):
        """Validation errors of the coordinates, for the page's ``clean()``."""
        if (self.latitude is None) != (self.longitude is None):
            return {"longitude": "Bitte Breiten- und Längengrad gemeinsam angeben oder beide leer lassen."}
        return {}


class SectionContactMixin(models.Model):
    """The contact a page names as its own (each section of the site has one, see the seeds)."""

    contact = models.ForeignKey(
        "core.Contact",
        verbose_name="Kontakt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True
