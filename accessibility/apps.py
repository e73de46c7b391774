from django.apps import AppConfig


class AccessibilityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accessibility"
    verbose_name = "Barrierefreiheit"

    def ready(self):
        # The views register the page models' views (cms.core.pageviews); they import the models, so
        # they load here, once the app registry is ready, as Django's docs do with signal handlers.
        from accessibility import views  # noqa: F401
