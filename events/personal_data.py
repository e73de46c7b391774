"""The personal data of event reports, for the retention purge and the requests of data subjects.

The submitter's name, e-mail address and phone number (``EventSubmission``) are emptied after the
retention period (settings "Aufbewahrung": ``event_submissions_days``); the event page stays.
"""

from cms.core.personal_data import PersonalData


class EventSubmissionData(PersonalData):
    def fields(self, record):
        data = super().fields(record)
        data["Veranstaltung"] = record.page.title
        return data


EVENT_SUBMISSIONS = EventSubmissionData(
    key="event_submissions",
    label="Meldungen von Veranstaltungen",
    model_label="events.EventSubmission",
    date_field="created_at",
    personal_fields=("name", "email", "phone"),
    purpose=(
        "Prüfung Ihrer Veranstaltungsmeldung, Bestätigung per E-Mail und Rückfragen. Ihre Kontaktdaten "
        "werden nicht veröffentlicht; veröffentlicht werden nur die Angaben zur Veranstaltung."
    ),
    legal_basis="Art. 6 Abs. 1 lit. a DSGVO (Ihre Einwilligung im Formular, jederzeit widerrufbar)",
    recipients="Die Redaktion der Geschäftsstelle.",
    kept="Die veröffentlichte Veranstaltung selbst",
    order=10,
)
