from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "cms.operations"
    label = "operations"
    verbose_name = "Betrieb"
