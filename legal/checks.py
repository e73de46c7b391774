"""System check: every registered record type with personal data has its retention period."""

from django.core import checks

from cms.core.personal_data import registered


@checks.register()
def retention_fields(app_configs, **kwargs):
    from legal.models import RetentionSettings

    names = {field.name for field in RetentionSettings._meta.get_fields()}
    return [
        checks.Error(
            f"RetentionSettings has no field {entry.key}_days for the personal data {entry.label!r}.",
            hint="Add the field (and a migration) to legal.models.RetentionSettings.",
            id="legal.E001",
        )
        for entry in registered()
        if f"{entry.key}_days" not in names
    ]
