"""The site's roles (Redaktion, Freigabe; cms/roles/migrations/0001) read the feedback on barriers and tick it off."""

from django.db import migrations

from cms.core.permissions import granter

CODENAMES = ["view_accessibilityfeedback", "change_accessibilityfeedback"]
grant, revoke = granter("accessibility", CODENAMES, ["Redaktion", "Freigabe"])


class Migration(migrations.Migration):
    dependencies = [
        ("accessibility", "0001_initial"),
        ("news", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
