"""Both roles (Redaktion, Freigabe; cms/roles/migrations/0001) see who reported an event and may correct it."""

from django.db import migrations

from cms.core.permissions import granter

grant, revoke = granter(
    "events", ["view_eventsubmission", "change_eventsubmission"], ["Redaktion", "Freigabe"]
)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_event_submission"),
        ("news", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
