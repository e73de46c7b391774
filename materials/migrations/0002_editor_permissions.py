"""Let the editors (Wagtail's "Editors" and "Moderators" groups) handle orders and the catalogue.

Orders: view and change (the status and internal note); deleting stays with administrators.
Catalogue items: add, change, delete and view.
"""

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
grant, revoke = granter("materials", CODENAMES, ["Editors", "Moderators"])


class Migration(migrations.Migration):
    dependencies = [
        ("materials", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
