"""cms.roles' data migration: idempotent (databases where news 0002 made the roles keep them as they are)."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.models import GroupApprovalTask, Workflow

migration = importlib.import_module("cms.roles.migrations.0001_roles_and_workflow")


@pytest.fixture
def apps(db):
    """The models as the migrations see them (the historical registry RunPython gets)."""
    return MigrationLoader(connection).project_state().apps


def role_state():
    return {
        group.name: sorted(group.permissions.values_list("content_type__app_label", "codename"))
        for group in Group.objects.filter(name__in=[migration.EDITORS, migration.REVIEWERS])
    }


def test_running_again_changes_nothing(apps):
    before, tasks = role_state(), GroupApprovalTask.objects.count()
    migration.create_roles(apps, None)
    assert role_state() == before
    assert Workflow.objects.filter(name=migration.WORKFLOW).count() == 1
    assert GroupApprovalTask.objects.count() == tasks


def test_both_roles_handle_the_models_of_the_content_apps(db):
    for permissions in role_state().values():
        for app_label, codenames in migration.APP_PERMISSIONS.items():
            for codename in codenames:
                assert (app_label, codename) in permissions


def test_groups_deleted_by_an_administrator_come_back(apps):
    Group.objects.filter(name=migration.EDITORS).delete()
    migration.create_roles(apps, None)
    editors = Group.objects.get(name=migration.EDITORS)
    assert editors.permissions.filter(codename="view_eventsubmission").exists()
    assert editors.page_permissions.filter(permission__codename="change_page").exists()
