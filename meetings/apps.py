from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Treffen und Forum"

    def ready(self):
        # The views register the page models' views (cms.core.pageviews); they import the models, so
        # they load here, once the app registry is ready, as Django's docs do with signal handlers.
        from meetings import views  # noqa: F401
