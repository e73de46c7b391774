"""Group permissions granted by data migrations (stable helpers: migrations import them)."""

from django.contrib.auth.management import create_permissions


def _permissions(apps, app_label, codenames, create=False):
    if create:
        # Permissions are normally created after all migrations ran; create them now to assign them.
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def granter(app_label, codenames, groups):
    """(grant, revoke) functions for ``migrations.RunPython``: ``codenames`` of ``app_label`` to ``groups``.

    Groups that do not exist are skipped."""

    def grant(apps, schema_editor):
        permissions = _permissions(apps, app_label, codenames, create=True)
        for group in apps.get_model("auth", "Group").objects.filter(name__in=groups):
            group.permissions.add(*permissions)

    def revoke(apps, schema_editor):
        permissions = _permissions(apps, app_label, codenames)
        for group in apps.get_model("auth", "Group").objects.filter(name__in=groups):
            group.permissions.remove(*permissions)

    return grant, revoke
