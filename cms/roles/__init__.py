"""The site's editorial roles ("Redaktion", "Freigabe") and the two-step review workflow.

Site-wide, so they belong to no content app: the data migration ``migrations/0001_roles_and_workflow``
creates the groups, grants what they may do in every app and assigns the workflow to the page tree.
An app that adds a model the roles handle grants its permissions in a data migration of its own
that depends on that migration (``cms.core.permissions.granter``).
"""
