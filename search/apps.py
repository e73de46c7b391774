from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Suche"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # indexing imports models, which Django loads only after the app classes: imported when ready.
        from search import indexing

        indexing.register()
