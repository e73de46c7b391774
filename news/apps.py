from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Aktuelles"
    default_auto_field = "django.db.models.BigAutoField"
