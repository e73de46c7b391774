"""The personal data of orders, for the retention purge and the requests of data subjects (legal app).

After the retention period (settings "Aufbewahrung": ``orders_days``) an order keeps its items,
quantities, date and status; who ordered and where it went are emptied.
"""

from cms.core.personal_data import PersonalData


class OrderData(PersonalData):
    def fields(self, record):
        data = super().fields(record)
        data["Materialien"] = "; ".join(f"{line.quantity} × {line.item_name}" for line in record.lines.all())
        return data


ORDERS = OrderData(
    key="orders",
    label="Bestellungen",
    model_label="materials.Order",
    date_field="created_at",
    personal_fields=(
        "name",
        "organisation",
        "street",
        "postcode",
        "city",
        "email",
        "comment",
        "internal_note",
        "confirmation_error",
    ),
    purpose="Versand der bestellten Materialien und Rückfragen zur Bestellung; Bestätigung per E-Mail.",
    legal_basis="Art. 6 Abs. 1 lit. b DSGVO (Durchführung Ihrer Bestellung)",
    recipients="Die Redaktion der Geschäftsstelle; für den Versand der Paketdienst (nur die Lieferadresse).",
    kept="Bestellte Materialien, Stückzahlen und Datum der Bestellung (ohne Bezug zu Ihnen)",
    order=20,
)
