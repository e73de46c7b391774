from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "cms.caching"
    label = "caching"
    verbose_name = "Zwischenspeicher"

    def ready(self):
        # Imported here: the modules import Wagtail's models, which need a ready app registry.
        from cms.caching import invalidation, wagtail_patch

        invalidation.connect_signals()
        wagtail_patch.install()
