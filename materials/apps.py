from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = "Materialien und Bestellungen"
    default_auto_field = "django.db.models.BigAutoField"
