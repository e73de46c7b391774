from django.apps import AppConfig


class RolesConfig(AppConfig):
    name = "cms.roles"
    label = "roles"
    verbose_name = "Rollen und Freigabe"
