"""Let the editors (Wagtail's "Editors" and "Moderators" groups) handle orders and the catalogue.

Orders: view and change (the status and internal note); deleting stays with administrators.
Catalogue items: add, change, delete and view.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Moderators"]
CODENAMES = [
    "view_order",
    "change_order",
    "add_ordercatalogueitem",
    "change_ordercatalogueitem",
    "delete_ordercatalogueitem",
    "view_ordercatalogueitem",
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now to assign them.
    app_config = apps.get_app_config("materials")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="materials", codename__in=CODENAMES))
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="materials", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("materials", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
