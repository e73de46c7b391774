"""Validators shared by the models and forms of several apps."""

from django.core.validators import RegexValidator

postcode_validator = RegexValidator(r"^\d{5}$", "Bitte eine fünfstellige Postleitzahl angeben, z. B. 50667.")
