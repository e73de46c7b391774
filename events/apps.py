from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Woche der Industrie"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The views register the page models' views (cms.core.pageviews); they import the models, so
        # they load here, once the app registry is ready, as Django's docs do with signal handlers.
        from events import views  # noqa: F401
