from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Suche"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here: they import models, which need a ready app registry.
        from search import indexing, tasks

        tasks.register()
        indexing.register()
