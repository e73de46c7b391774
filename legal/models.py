"""The association's legal data: organisation and retention settings, Impressum and privacy page.

``OrganisationSettings`` is the one place for the association's name, address, board, register
entry and contact data; everything that shows them asks ``cms.core.organisation`` (footer, Impressum,
JSON-LD, e-mails), which this app feeds (``wagtail_hooks.py``). ``RetentionSettings`` holds one period
per record type with personal data (``cms.core.personal_data``): the purge deletes with it and the
privacy page shows it, so both always say the same.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.core.models.settings import ReadSetting
from cms.core.personal_data import registered

TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]

# Demo content and new sites: an obvious placeholder that the dashboard reports until it is replaced.
PLACEHOLDER = "[bitte ergänzen]"


@register_setting(icon="group")
class OrganisationSettings(ReadSetting):
    """Who runs the site: for the Impressum (§ 5 DDG, § 18 MStV), the privacy page, footer, mails."""

    name = models.CharField("Name des Vereins", max_length=200, default="N3tzwerk Zukunft der Industrie")
    legal_form = models.CharField("Rechtsform", max_length=60, default="e. V.", help_text="z. B. „e. V.“")
    street = models.CharField("Straße und Hausnummer", max_length=200, blank=True)
    postcode = models.CharField("Postleitzahl", max_length=10, blank=True)
    city = models.CharField("Ort", max_length=120, blank=True)
    email = models.EmailField(
        "E-Mail-Adresse", blank=True, help_text="Steht im Fußbereich und im Impressum; Absender der E-Mails."
    )
    phone = models.CharField("Telefon", max_length=40, blank=True)
    board = models.TextField(
        "Vorstand",
        blank=True,
        help_text="Die vertretungsberechtigten Vorstandsmitglieder, eine Person je Zeile, z. B. "
        "„Erika Mustermann (Vorsitzende)“.",
    )
    register_court = models.CharField(
        "Registergericht", max_length=120, blank=True, help_text="z. B. Amtsgericht Charlottenburg"
    )
    register_number = models.CharField(
        "Registernummer", max_length=60, blank=True, help_text="z. B. VR 12345 B"
    )
    vat_id = models.CharField(
        "Umsatzsteuer-Identifikationsnummer", max_length=30, blank=True, help_text="Nur wenn vorhanden."
    )
    content_responsible = models.TextField(
        "Verantwortlich für den Inhalt",
        blank=True,
        help_text="Nach § 18 Abs. 2 MStV: Name und Anschrift einer Person.",
    )
    privacy_contact = models.TextField(
        "Kontakt für den Datenschutz",
        blank=True,
        help_text="Wer Fragen zum Datenschutz beantwortet (und ggf. die oder der Datenschutzbeauftragte), "
        "mit E-Mail-Adresse. Leer: die E-Mail-Adresse des Vereins.",
    )
    description = models.TextField(
        "Kurzbeschreibung",
        blank=True,
        max_length=500,
        help_text="Ein Satz über den Verein, für Suchmaschinen.",
    )
    social_links = models.TextField(
        "Profile in sozialen Netzwerken", blank=True, help_text="Eine Internetadresse je Zeile."
    )

    # Shown in the Impressum; the dashboard reports each one that is empty or still a placeholder.
    required_for_impressum = (
        "name", "legal_form", "street", "postcode", "city", "email", "board",
        "register_court", "register_number", "content_responsible",
    )  # fmt: skip

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("legal_form"), FieldPanel("description")], "Verein"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            "Anschrift und Kontakt",
        ),
        MultiFieldPanel(
            [
                FieldPanel("board"),
                FieldPanel("register_court"),
                FieldPanel("register_number"),
                FieldPanel("vat_id"),
            ],
            "Vertretung und Registereintrag",
        ),
        MultiFieldPanel(
            [FieldPanel("content_responsible"), FieldPanel("privacy_contact")], "Verantwortliche"
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = "Organisation"
        verbose_name_plural = "Organisation"

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.name} {self.legal_form}".strip()

    @property
    def board_members(self):
        return [line.strip() for line in self.board.splitlines() if line.strip()]

    @property
    def social_link_list(self):
        return [line.strip() for line in self.social_links.splitlines() if line.strip()]

    def unfilled(self):
        """Labels of the Impressum's fields that are empty or still hold the placeholder."""
        labels = []
        for name in self.required_for_impressum:
            value = getattr(self, name)
            if not value.strip() or PLACEHOLDER in value:
                labels.append(str(self._meta.get_field(name).verbose_name))
        return labels


def retention_field(label, default, help_text):
    return models.PositiveIntegerField(
        label,
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=f"{help_text} In Tagen ab Eingang; danach löscht oder anonymisiert "
        "„purge_personal_data“ die Angaben. Die Datenschutzerklärung nennt diese Frist.",
    )


@register_setting(icon="time")
class RetentionSettings(ReadSetting):
    """How long each kind of personal data is kept (field ``<key>_days`` of ``cms.core.personal_data``)."""

    orders_days = retention_field("Bestellungen", 180, "Name, Anschrift und E-Mail-Adresse der Bestellenden.")
    event_submissions_days = retention_field(
        "Meldungen von Veranstaltungen", 365, "Name, E-Mail-Adresse und Telefon der Meldenden."
    )
    accessibility_feedback_days = retention_field(
        "Rückmeldungen zur Barrierefreiheit", 730, "Name und E-Mail-Adresse in den Rückmeldungen."
    )
    search_log_days = retention_field("Suchbegriffe", 90, "Die gezählten Suchbegriffe je Tag.")

    panels = [
        HelpPanel(
            "<p>Nach diesen Fristen entfernt der nächtliche Lauf von <code>purge_personal_data</code> "
            "die personenbezogenen Angaben. Was übrig bleibt (etwa Artikel und Datum einer Bestellung), "
            "steht in der Datenschutzerklärung.</p>"
        ),
        FieldPanel("orders_days"),
        FieldPanel("event_submissions_days"),
        FieldPanel("accessibility_feedback_days"),
        FieldPanel("search_log_days"),
    ]

    class Meta:
        verbose_name = "Aufbewahrung personenbezogener Daten"
        verbose_name_plural = "Aufbewahrung personenbezogener Daten"
        permissions = [("handle_data_requests", "Anfragen zu personenbezogenen Daten bearbeiten")]

    def days(self, entry):
        return getattr(self, f"{entry.key}_days")

    def periods(self):
        """``[(record type, days)]`` of every registered type with personal data."""
        return [(entry, self.days(entry)) for entry in registered()]


class LegalPage(Page):
    """One per site, directly below the home page, without subpages and out of the main menu."""

    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisation"] = OrganisationSettings.current()
        return context


DEFAULT_IMPRESSUM_NOTES = (
    "<h3>Haftung für Links</h3><p>Unsere Seiten verweisen auf Websites anderer Anbieter. Für deren Inhalte "
    "sind allein deren Betreiber verantwortlich. Werden uns Rechtsverstöße bekannt, entfernen wir den "
    "Verweis umgehend.</p>"
)


class ImpressumPage(LegalPage):
    """The Impressum (§ 5 DDG, § 18 MStV): the provider's data come from the organisation settings."""

    intro = RichTextField("Einleitung", features=TEXT_FEATURES, blank=True)
    notes = RichTextField(
        "Weitere Hinweise", features=TEXT_FEATURES, blank=True, default=DEFAULT_IMPRESSUM_NOTES
    )

    content_panels = [
        *Page.content_panels,
        HelpPanel(
            "<p>Name, Anschrift, Vorstand, Registereintrag und Kontakt kommen aus "
            "<em>Einstellungen → Organisation</em>.</p>"
        ),
        FieldPanel("intro"),
        FieldPanel("notes"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("notes")]

    class Meta:
        verbose_name = "Impressum"
        verbose_name_plural = "Impressum"


DEFAULT_PRIVACY_INTRO = (
    "<p>Wir verarbeiten personenbezogene Daten nur, soweit es für die Zwecke unten nötig ist. Diese "
    "Website setzt keine Cookies zur Analyse oder Werbung, bindet keine Inhalte anderer Anbieter ein "
    "(keine Schriften, Karten oder Videos von Dritten) und verfolgt Ihren Besuch nicht.</p>"
)
DEFAULT_SERVER_LOGS = (
    "<p>Bei jedem Aufruf speichert der Webserver kurzzeitig technische Angaben: IP-Adresse, Datum und "
    "Uhrzeit, aufgerufene Adresse, Browser-Kennung und Statuscode. Wir brauchen sie, um die Website "
    "sicher zu betreiben und Angriffe abzuwehren (Art. 6 Abs. 1 lit. f DSGVO). Empfänger ist unser "
    "Hosting-Dienstleister, der die Server in unserem Auftrag betreibt (Art. 28 DSGVO). Die Protokolle "
    "werden nach 14 Tagen gelöscht.</p>"
)
DEFAULT_EMAIL_DELIVERY = (
    "<p>Bestätigungen und Antworten verschicken wir über unseren E-Mail-Server. Dabei werden Ihre "
    "E-Mail-Adresse und der Inhalt der Nachricht verarbeitet (Art. 6 Abs. 1 lit. b bzw. f DSGVO). "
    "Die Nachrichten bewahren wir so lange auf wie die Angaben, zu denen sie gehören.</p>"
)
DEFAULT_COOKIES = (
    "<p>Formulare setzen ein einziges technisch notwendiges Cookie („csrftoken“), das sie vor "
    "gefälschten Anfragen schützt (§ 25 Abs. 2 TDDDG). Es enthält nur eine Zufallszahl. Andere Seiten "
    "setzen keine Cookies; deshalb fragen wir auch nicht nach einer Einwilligung.</p>"
)
DEFAULT_RIGHTS = (
    "<p>Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), "
    "Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch gegen "
    "eine Verarbeitung auf Grund berechtigter Interessen (Art. 21). Eine Einwilligung können Sie "
    "jederzeit mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3). Eine E-Mail an uns genügt.</p>"
)
DEFAULT_AUTHORITY = (
    "<p>Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO), zum Beispiel "
    "bei der für unseren Sitz zuständigen Berliner Beauftragten für Datenschutz und "
    'Informationsfreiheit, <a href="https://www.datenschutz-berlin.de">www.datenschutz-berlin.de</a>.</p>'
)


class PrivacyPage(LegalPage):
    """The privacy notice (Art. 13 DSGVO). Controller and contact come from the organisation settings,
    the purposes of the forms and their retention periods from the registered record types and the
    retention settings; the general sections are editable texts."""

    intro = RichTextField("Einleitung", features=TEXT_FEATURES, blank=True, default=DEFAULT_PRIVACY_INTRO)
    server_logs = RichTextField("Server-Protokolle", features=TEXT_FEATURES, default=DEFAULT_SERVER_LOGS)
    email_delivery = RichTextField("E-Mail-Versand", features=TEXT_FEATURES, default=DEFAULT_EMAIL_DELIVERY)
    cookies = RichTextField("Cookies", features=TEXT_FEATURES, default=DEFAULT_COOKIES)
    rights = RichTextField("Ihre Rechte", features=TEXT_FEATURES, default=DEFAULT_RIGHTS)
    authority = RichTextField(
        "Beschwerde bei der Aufsichtsbehörde", features=TEXT_FEATURES, default=DEFAULT_AUTHORITY
    )

    content_panels = [
        *Page.content_panels,
        HelpPanel(
            "<p>Verantwortlicher und Kontakt kommen aus <em>Einstellungen → Organisation</em>, die "
            "Zwecke der Formulare und ihre Speicherdauer aus <em>Einstellungen → Aufbewahrung "
            "personenbezogener Daten</em>.</p>"
        ),
        FieldPanel("intro"),
        FieldPanel("server_logs"),
        FieldPanel("email_delivery"),
        FieldPanel("cookies"),
        FieldPanel("rights"),
        FieldPanel("authority"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = "Datenschutzerklärung"
        verbose_name_plural = "Datenschutzerklärungen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["periods"] = RetentionSettings.current().periods()
        return context
