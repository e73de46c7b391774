"""The order form: who orders, where it goes, and how many of each active catalogue item."""

from django import forms

from cms.core.forms import HoneypotMixin, SubmissionTokenMixin, honeypot_field, required, text_field
from cms.core.validators import postcode_validator

QUANTITY_PREFIX = "menge_"
NO_ITEMS = "no_items"


class OrderForm(HoneypotMixin, SubmissionTokenMixin, forms.Form):
    name = text_field(
        "Vor- und Nachname",
        120,
        message="Bitte geben Sie Ihren Namen an.",
        max_length_message="Der Name ist zu lang (höchstens %(limit_value)d Zeichen).",
        autocomplete="name",
    )
    organisation = text_field(
        "Organisation",
        200,
        message="Bitte geben Sie Ihre Organisation an.",
        max_length_message="Der Name der Organisation ist zu lang (höchstens %(limit_value)d Zeichen).",
        help_text="Unternehmen, Kammer, Gewerkschaft, Verband oder Initiative: an sie liefern wir",
        autocomplete="organization",
    )
    email = forms.EmailField(
        label="E-Mail-Adresse",
        max_length=254,
        help_text="An diese Adresse schicken wir die Bestätigung.",
        error_messages={
            **required("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
            "max_length": "Die E-Mail-Adresse ist zu lang (höchstens %(limit_value)d Zeichen).",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    street = text_field(
        "Straße und Hausnummer",
        200,
        message="Bitte geben Sie Straße und Hausnummer an.",
        max_length_message="Die Angabe ist zu lang (höchstens %(limit_value)d Zeichen).",
        autocomplete="street-address",
    )
    postcode = forms.CharField(
        label="Postleitzahl",
        help_text="Fünf Ziffern; wir liefern nur innerhalb Deutschlands.",
        validators=[postcode_validator],
        error_messages=required("Bitte geben Sie die Postleitzahl an."),
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "inputmode": "numeric", "size": 6, "maxlength": 10}
        ),
    )
    city = text_field(
        "Ort",
        120,
        message="Bitte geben Sie den Ort an.",
        max_length_message="Der Ort ist zu lang (höchstens %(limit_value)d Zeichen).",
        autocomplete="address-level2",
    )
    comment = text_field(
        "Anmerkung (freiwillig)",
        1000,
        required=False,
        max_length_message="Die Anmerkung ist zu lang (höchstens %(limit_value)d Zeichen).",
        help_text="Nur wenn wir für die Lieferung etwas wissen müssen, z. B. einen Liefertermin",
        widget=forms.Textarea,
        rows=4,
    )
    website = honeypot_field("Bitte dieses Feld leer lassen")

    customer_field_names = ("name", "organisation", "email")
    address_field_names = ("street", "postcode", "city")

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        self.add_token_field()
        for item in self.items:
            limit = item.max_quantity
            self.fields[f"{QUANTITY_PREFIX}{item.pk}"] = forms.IntegerField(
                label=item.name,
                required=False,
                initial=0,
                min_value=0,
                max_value=limit,
                help_text=" ".join(part for part in (item.description, f"Höchstens {limit} Stück.") if part),
                error_messages={
                    "invalid": "Bitte geben Sie die Stückzahl als ganze Zahl an, z. B. 2.",
                    "min_value": "Die Stückzahl darf nicht negativ sein.",
                    "max_value": f"Höchstens {limit} Stück pro Bestellung.",
                },
                widget=forms.NumberInput(attrs={"min": 0, "max": limit, "step": 1, "class": "quantity"}),
            )

    def _bound(self, names):
        return [self[name] for name in names]

    @property
    def customer_fields(self):
        return self._bound(self.customer_field_names)

    @property
    def address_fields(self):
        return self._bound(self.address_field_names)

    @property
    def quantity_fields(self):
        """[(bound field, item), …] in catalogue order."""
        return [(self[f"{QUANTITY_PREFIX}{item.pk}"], item) for item in self.items]

    @property
    def items_error(self):
        """The "choose at least one item" message, if raised (shown in the item fieldset)."""
        for error in self.non_field_errors().as_data():
            if error.code == NO_ITEMS:
                return error.messages[0]
        return ""

    @property
    def first_item_id(self):
        fields = self.quantity_fields
        return fields[0][0].id_for_label if fields else "materialien"

    def clean(self):
        cleaned = super().clean()
        if not self.items:
            raise forms.ValidationError("Zurzeit können keine Materialien bestellt werden.", code=NO_ITEMS)
        names = [f"{QUANTITY_PREFIX}{item.pk}" for item in self.items]
        if any(name in self.errors for name in names):
            return cleaned  # the field errors say what is wrong
        if not any(cleaned.get(name) for name in names):
            raise forms.ValidationError(
                "Bitte wählen Sie mindestens ein Material aus: Tragen Sie bei mindestens einem Artikel "
                "eine Stückzahl ab 1 ein.",
                code=NO_ITEMS,
            )
        return cleaned

    def customer_data(self):
        data = self.cleaned_data
        return {
            name: data[name] for name in (*self.customer_field_names, *self.address_field_names, "comment")
        }

    def ordered_items(self):
        """[(item, quantity), …] of the items with a quantity above zero."""
        result = []
        for item in self.items:
            quantity = self.cleaned_data.get(f"{QUANTITY_PREFIX}{item.pk}") or 0
            if quantity > 0:
                result.append((item, quantity))
        return result
