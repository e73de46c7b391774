"""The group "Datenschutz": handles requests of data subjects and edits the retention periods.

Only its members (and superusers) may find, export and erase personal data by e-mail address
(``legal.handle_data_requests``). It also edits the organisation settings, as does the group
"Freigabe" (they feed the Impressum). Members also need access to the admin.
"""

from django.db import migrations

from cms.core.permissions import granter

GROUP = "Datenschutz"
REVIEWERS = "Freigabe"
grant_legal, revoke_legal = granter(
    "legal", ["handle_data_requests", "change_retentionsettings", "change_organisationsettings"], [GROUP]
)
grant_admin, _revoke_admin = granter("wagtailadmin", ["access_admin"], [GROUP])
grant_reviewers, revoke_reviewers = granter("legal", ["change_organisationsettings"], [REVIEWERS])


def grant(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    grant_legal(apps, schema_editor)
    grant_admin(apps, schema_editor)
    grant_reviewers(apps, schema_editor)


def revoke(apps, schema_editor):
    revoke_reviewers(apps, schema_editor)
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0001_organisation_retention_and_legal_pages"),
        ("roles", "0001_roles_and_workflow"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
