"""The role Freigabe (cms/roles/migrations/0001) sets who is notified (Einstellungen → Benachrichtigungen)."""

from django.db import migrations

from cms.core.permissions import granter

grant, revoke = granter("notifications", ["change_notificationsettings"], ["Freigabe"])


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_notification_recipients"),
        ("roles", "0001_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
