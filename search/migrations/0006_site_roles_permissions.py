"""The site's roles (Redaktion, Freigabe; cms/roles/migrations/0001) maintain the search's synonyms."""

from django.db import migrations

from cms.core.permissions import granter

CODENAMES = ["add_searchsynonym", "change_searchsynonym", "delete_searchsynonym", "view_searchsynonym"]
grant, revoke = granter("search", CODENAMES, ["Redaktion", "Freigabe"])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_analysed_terms_fts5_synonyms"),
        ("news", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
