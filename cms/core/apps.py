from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "Gemeinsame Inhalte"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.core import signals

        signals.register()
