from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = "Regionen und Initiativen"

    def ready(self):
        # The views register the page models' views (cms.core.pageviews); they import the models, so
        # they load here, once the app registry is ready, as Django's docs do with signal handlers.
        from regions import views  # noqa: F401
