"""Who in the team is told about what arrives through the public forms (Einstellungen →
„Benachrichtigungen“): one list of addresses per kind of record.

Kept in its own small app (not in an app's domain nor in the organisation's settings): the events,
materials and accessibility apps all send through it (``notifications.mail.notify``).
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import register_setting

from cms.core.models.settings import ReadSetting

HELP = "Eine E-Mail-Adresse je Zeile (oder durch Komma getrennt). Leer: siehe Hinweis oben."


def split_addresses(value):
    return [part.strip() for part in (value or "").replace(",", "\n").splitlines() if part.strip()]


def validate_addresses(value):
    wrong = []
    for address in split_addresses(value):
        try:
            validate_email(address)
        except ValidationError:
            wrong.append(address)
    if wrong:
        raise ValidationError("Keine gültige E-Mail-Adresse: %(wrong)s", params={"wrong": ", ".join(wrong)})


def recipients_field(verbose_name):
    return models.TextField(verbose_name, blank=True, help_text=HELP, validators=[validate_addresses])


@register_setting(icon="mail")
class NotificationSettings(ReadSetting):
    """The recipients of the team's notification e-mails, per kind of new record."""

    KINDS = ("events", "orders", "feedback")

    events = recipients_field("Neue Veranstaltungsmeldungen")
    orders = recipients_field("Neue Materialbestellungen")
    feedback = recipients_field("Rückmeldungen zur Barrierefreiheit")

    panels = [
        HelpPanel(
            "Für jede neue Meldung, Bestellung oder Rückmeldung geht eine E-Mail mit einem Link in die "
            "Redaktionsoberfläche an diese Adressen – erst nachdem sie gespeichert ist. Ohne Adresse geht "
            "sie an den Kontakt der Seite (Rückmeldungen: an die Gruppe „Redaktion“), sonst an die "
            "Absenderadresse der Website."
        ),
        FieldPanel("events"),
        FieldPanel("orders"),
        FieldPanel("feedback"),
    ]

    class Meta:
        verbose_name = "Benachrichtigungen"
        verbose_name_plural = "Benachrichtigungen"

    def recipients(self, kind):
        if kind not in self.KINDS:
            raise ValueError(kind)
        return split_addresses(getattr(self, kind))
