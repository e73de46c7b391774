"""The site's own roles (Redaktion, Freigabe; cms/roles/migrations/0001) handle orders and the catalogue too."""

from django.db import migrations

from cms.core.permissions import granter

CODENAMES = [
    "view_order",
    "change_order",
    "add_ordercatalogueitem",
    "change_ordercatalogueitem",
    "delete_ordercatalogueitem",
    "view_ordercatalogueitem",
]
grant, revoke = granter("materials", CODENAMES, ["Redaktion", "Freigabe"])


class Migration(migrations.Migration):
    dependencies = [
        ("materials", "0002_editor_permissions"),
        ("news", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
