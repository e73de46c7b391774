"""Shared records that pages pick through choosers: organisations, people, contacts."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from cms.core.constants import FederalState


class Organisation(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        COMPANY = "company", "Unternehmen"
        CHAMBER = "chamber", "Kammer"
        UNION = "union", "Gewerkschaft"
        ASSOCIATION = "association", "Verband"
        MINISTRY = "ministry", "Ministerium"
        RESEARCH = "research", "Forschung und Beratung"
        PUBLIC_BODY = "public_body", "Öffentliche Einrichtung"

    name = models.CharField("Name", max_length=255, unique=True)
    short_name = models.CharField(
        "Kurzname", max_length=60, blank=True, help_text="Gebräuchliche Abkürzung, z. B. „DIHK“."
    )
    kind = models.CharField("Art", max_length=20, choices=Kind.choices)
    website = models.URLField("Website", blank=True)
    city = models.CharField("Ort", max_length=120, blank=True)
    federal_state = models.CharField("Bundesland", max_length=2, choices=FederalState.choices, blank=True)
    logo = models.ForeignKey(
        "core.CustomImage",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        MultiFieldPanel([FieldPanel("city"), FieldPanel("federal_state")], heading="Sitz"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "Organisation"
        verbose_name_plural = "Organisationen"

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.short_name or self.name


class Person(index.Indexed, models.Model):
    academic_title = models.CharField(
        "Akademischer Titel", max_length=40, blank=True, help_text="z. B. „Dr.“ oder „Prof. Dr.“"
    )
    first_name = models.CharField("Vorname", max_length=120)
    last_name = models.CharField("Nachname", max_length=120)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    role = models.CharField(
        "Funktion", max_length=255, blank=True, help_text="z. B. „Leiterin des Projektbüros“"
    )

    panels = [
        FieldPanel("academic_title"),
        FieldPanel("first_name"),
        FieldPanel("last_name"),
        FieldPanel("organisation"),
        FieldPanel("role"),
    ]
    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name"),
        index.AutocompleteField("last_name"),
        index.SearchField("role"),
    ]

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = "Person"
        verbose_name_plural = "Personen"

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return " ".join(part for part in (self.academic_title, self.first_name, self.last_name) if part)


class Contact(models.Model):
    """A contact block a section names as its own (each section of the client's site has one)."""

    label = models.CharField(
        "Bezeichnung",
        max_length=255,
        help_text="Wofür dieser Kontakt zuständig ist, z. B. „Regionale Dialoge“.",
    )
    name = models.CharField("Ansprechperson", max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name="Organisation", null=True, blank=True, on_delete=models.SET_NULL
    )
    email = models.EmailField("E-Mail", blank=True)
    phone = models.CharField("Telefon", max_length=40, blank=True)
    address = models.TextField("Postanschrift", blank=True)

    panels = [
        FieldPanel("label"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("address"),
    ]

    class Meta:
        ordering = ["label"]
        verbose_name = "Kontakt"
        verbose_name_plural = "Kontakte"

    def __str__(self):
        return self.label

    @property
    def phone_href(self):
        """The phone number as a tel: URI target (digits and a leading +)."""
        # "+49 (0)30 …": the bracketed trunk zero is not dialled from abroad.
        digits = "".join(ch for ch in self.phone.replace("(0)", "") if ch.isdigit() or ch == "+")
        if digits.startswith("00"):
            digits = "+" + digits[2:]
        elif digits.startswith("0"):
            digits = "+49" + digits[1:]
        return digits


class GoodPracticeCriterion(models.Model):
    """A criterion of successful regional initiatives (developed by Prognos in the BMWi project)."""

    name = models.CharField("Kriterium", max_length=160, unique=True)
    description = models.TextField("Erläuterung", blank=True)
    sort_order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "Good-Practice-Kriterium"
        verbose_name_plural = "Good-Practice-Kriterien"

    def __str__(self):
        return self.name
