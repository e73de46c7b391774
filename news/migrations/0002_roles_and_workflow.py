"""No-op, kept for the migration history: the site-wide roles and the review workflow it created are
now made by ``cms/roles/migrations/0001_roles_and_workflow.py`` (idempotent, so databases where this
migration already ran keep their groups unchanged). The roles' permission migrations of events,
materials and accessibility still depend on this one; applied migrations keep their dependencies.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = []
