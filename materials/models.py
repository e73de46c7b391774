"""Materials of the Woche der Industrie: free downloads, the order catalogue and the orders.

The pages describe content; the order form's views are in materials/views.py, registered in the
order page's ``page_views`` (cms.core.pageviews).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.core.constants import INTRO_FEATURES
from cms.core.models.mixins import SectionContactMixin
from cms.core.pageviews import PageViews
from cms.core.validators import postcode_validator
from materials.panels import OrderLinesPanel

TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class MaterialsPage(SectionContactMixin, Page):
    """The free signet, image and type motifs of the Woche der Industrie as downloads."""

    intro = RichTextField("Einleitung", features=INTRO_FEATURES, blank=True)
    usage_terms = RichTextField(
        "Nutzungsbedingungen",
        features=TEXT_FEATURES,
        blank=True,
        help_text="Kurz: wer die Dateien wofür nutzen darf und was dabei zu beachten ist.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("downloads", heading="Downloads", label="Download"),
        FieldPanel("usage_terms"),
        FieldPanel("contact"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("usage_terms"),
        index.RelatedFields("downloads", [index.SearchField("title"), index.SearchField("description")]),
    ]

    parent_page_types = ["events.EventIndexPage"]  # a week's materials, not the home page's
    subpage_types = ["materials.OrderPage"]

    class Meta:
        verbose_name = "Materialien zum Herunterladen"
        verbose_name_plural = "Materialien zum Herunterladen"

    def download_groups(self):
        """[(heading, category, [download, …]), …]: signet, image motifs, type motifs; empty ones left out."""
        downloads = [item for item in self.downloads.select_related("document") if item.document_id]
        groups = []
        for category in MaterialDownload.Category:
            items = [download for download in downloads if download.category == category]
            if items:
                groups.append((MaterialDownload.GROUP_HEADINGS[category], category.value, items))
        return groups

    def order_page(self):
        """The live order page below or next to this page, if there is one."""
        pages = OrderPage.objects.live().public()
        return pages.child_of(self).first() or (pages.sibling_of(self).first() if self.pk else None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["download_groups"] = self.download_groups()
        context["order_page"] = self.order_page() if self.pk else None
        return context


class MaterialDownload(Orderable):
    class Category(models.TextChoices):
        SIGNET = "signet", "Signet"
        IMAGE = "image", "Bildmotiv"
        TYPE = "type", "Typomotiv"

    GROUP_HEADINGS = {
        Category.SIGNET: "Signet „Woche der Industrie“",
        Category.IMAGE: "Bildmotive",
        Category.TYPE: "Typomotive",
    }

    page = ParentalKey(
        MaterialsPage, verbose_name="Seite", on_delete=models.CASCADE, related_name="downloads"
    )
    category = models.CharField("Art", max_length=10, choices=Category.choices, default=Category.SIGNET)
    # Required (blank=False) when publishing; NULL in the database only so that a draft – Wagtail's
    # autosave, too – can be saved while a new row has nothing chosen yet (see MeetingSpeaker.person).
    document = models.ForeignKey(
        "core.CustomDocument", verbose_name="Datei", null=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(
        "Titel", max_length=255, blank=True, help_text="Leer lassen, um den Dokumenttitel zu verwenden."
    )
    description = models.CharField(
        "Kurzbeschreibung", max_length=300, blank=True, help_text="z. B. „Querformat, vierfarbig“"
    )

    panels = [FieldPanel("category"), FieldPanel("document"), FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "Download"
        verbose_name_plural = "Downloads"

    def __str__(self):
        return self.display_title or "Download ohne Datei"

    @property
    def display_title(self):
        return self.title or (self.document.title if self.document_id else "")


class OrderCatalogueItem(models.Model):
    """Something printed that partners can order free of charge (poster, flyer, roll-up …)."""

    name = models.CharField("Bezeichnung", max_length=120, unique=True)
    description = models.TextField("Beschreibung", max_length=500, blank=True)
    image = models.ForeignKey(
        "core.CustomImage",
        verbose_name="Bild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    max_quantity = models.PositiveIntegerField(
        "Höchstmenge pro Bestellung",
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(10_000)],
    )
    is_active = models.BooleanField(
        "Bestellbar", default=True, help_text="Nicht bestellbare Artikel erscheinen nicht im Formular."
    )
    sort_order = models.IntegerField(
        "Reihenfolge", default=0, help_text="Kleinere Zahlen stehen weiter oben."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("max_quantity"), FieldPanel("sort_order")]),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "Artikel im Bestellkatalog"
        verbose_name_plural = "Artikel im Bestellkatalog"

    def __str__(self):
        return self.name


class OrderPage(RoutablePageMixin, Page):
    """The order form of the catalogue; a successful order redirects to ``danke/``."""

    intro = RichTextField("Einleitung", features=INTRO_FEATURES, blank=True)
    privacy_note = models.TextField(
        "Hinweis zum Datenschutz",
        max_length=1000,
        blank=True,
        default=(
            "Wir verwenden Ihre Angaben nur, um Ihre Bestellung zu versenden, und löschen sie, "
            "sobald sie dafür nicht mehr gebraucht werden."
        ),
    )
    thank_you_text = RichTextField(
        "Text nach dem Absenden",
        features=INTRO_FEATURES,
        blank=True,
        default="<p>Wir haben Ihre Bestellung erhalten und schicken Ihnen die Materialien bald zu.</p>",
    )
    confirmation_subject = models.CharField(
        "Betreff der Bestätigungs-E-Mail",
        max_length=160,
        default="Ihre Bestellung: Materialien zur Woche der Industrie",
    )
    contact = models.ForeignKey(
        "core.Contact",
        verbose_name="Kontakt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Steht auf der Seite und in der Bestätigungs-E-Mail.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("privacy_note"),
        MultiFieldPanel(
            [FieldPanel("thank_you_text"), FieldPanel("confirmation_subject")], heading="Nach dem Absenden"
        ),
        FieldPanel("contact"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["events.EventIndexPage", "materials.MaterialsPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Bestellformular"
        verbose_name_plural = "Bestellformulare"

    @staticmethod
    def catalogue():
        return list(OrderCatalogueItem.objects.filter(is_active=True).select_related("image"))

    page_views = PageViews()

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.page_views("order", request, self)

    @path("danke/", name="thanks")
    def thanks_view(self, request):
        return self.page_views("thanks", request, self)


class Order(models.Model):
    """An order from the catalogue, as the visitor sent it; editors only change its status."""

    class Status(models.TextChoices):
        NEW = "new", "Neu"
        SHIPPED = "shipped", "Versendet"
        CANCELLED = "cancelled", "Storniert"

    class ConfirmationStatus(models.TextChoices):
        PENDING = "pending", "Ausstehend"
        SENT = "sent", "Versendet"
        FAILED = "failed", "Fehlgeschlagen"

    page = models.ForeignKey(
        OrderPage,
        verbose_name="Bestellformular",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="orders",
    )
    created_at = models.DateTimeField("Eingegangen am", default=timezone.now, editable=False, db_index=True)
    status = models.CharField("Status", max_length=10, choices=Status.choices, default=Status.NEW)
    name = models.CharField("Name", max_length=120)
    organisation = models.CharField("Organisation", max_length=200)
    street = models.CharField("Straße und Hausnummer", max_length=200)
    postcode = models.CharField("Postleitzahl", max_length=5, validators=[postcode_validator])
    city = models.CharField("Ort", max_length=120)
    email = models.EmailField("E-Mail-Adresse")
    comment = models.TextField("Anmerkung", max_length=1000, blank=True)
    internal_note = models.TextField("Interne Notiz", blank=True, help_text="Nur für die Redaktion sichtbar.")
    confirmation_status = models.CharField(
        "Bestätigungs-E-Mail",
        max_length=10,
        choices=ConfirmationStatus.choices,
        default=ConfirmationStatus.PENDING,
    )
    confirmation_error = models.CharField("Fehler beim E-Mail-Versand", max_length=500, blank=True)
    # The one-time token of the filled-in form: a double click stores the order only once.
    submission_token = models.UUIDField(
        "Formular-Kennung", null=True, blank=True, unique=True, editable=False
    )

    panels = [
        MultiFieldPanel([FieldPanel("status"), FieldPanel("internal_note")], heading="Bearbeitung"),
        OrderLinesPanel(heading="Bestellte Materialien"),
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("organisation", read_only=True),
                FieldPanel("street", read_only=True),
                FieldRowPanel([FieldPanel("postcode", read_only=True), FieldPanel("city", read_only=True)]),
                FieldPanel("email", read_only=True),
                FieldPanel("comment", read_only=True),
            ],
            heading="Besteller",
        ),
        MultiFieldPanel(
            [
                FieldPanel("confirmation_status", read_only=True),
                FieldPanel("confirmation_error", read_only=True),
            ],
            heading="Bestätigung",
        ),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "Bestellung"
        verbose_name_plural = "Bestellungen"

    def __str__(self):
        return f"Bestellung {self.reference} – {self.organisation}"

    @property
    def reference(self):
        return f"B-{self.pk:05d}" if self.pk else "B-neu"

    @cached_property
    def line_list(self):
        return list(self.lines.all())

    @property
    def total_quantity(self):
        return sum(line.quantity for line in self.line_list)

    @property
    def items_summary(self):
        return "; ".join(str(line) for line in self.line_list)

    @property
    def created_display(self):
        return timezone.localtime(self.created_at).strftime("%d.%m.%Y %H:%M")

    @property
    def address(self):
        return f"{self.street}, {self.postcode} {self.city}"


class OrderLine(models.Model):
    order = models.ForeignKey(
        Order, verbose_name="Bestellung", on_delete=models.CASCADE, related_name="lines"
    )
    item = models.ForeignKey(
        OrderCatalogueItem,
        verbose_name="Artikel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="order_lines",
    )
    item_name = models.CharField(
        "Bezeichnung", max_length=120, help_text="Wie der Artikel beim Bestellen hieß."
    )
    quantity = models.PositiveIntegerField("Menge", validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["pk"]
        verbose_name = "Bestellposition"
        verbose_name_plural = "Bestellpositionen"

    def __str__(self):
        return f"{self.quantity} × {self.item_name}"
