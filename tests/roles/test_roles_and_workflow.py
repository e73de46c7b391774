"""The groups "Redaktion" and "Freigabe" and the two-step review workflow (data migration of cms.roles)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, Page, WorkflowState
from wagtail.permissions import policy_registry

from tests.factories.core import DocumentFactory, ImageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.support.pages import edit_form_data


@pytest.fixture
def users(django_user_model):
    def member(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "ein-langes-Passwort")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "editor": member("redakteurin", "Redaktion"),
        "colleague": member("kollege", "Redaktion"),
        "reviewer": member("freigeberin", "Freigabe"),
    }


@pytest.fixture
def draft(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    return NewsPageFactory(parent=index, title="Neue Meldung", live=False)


def post_edit(client, user, page, action):
    client.force_login(user)
    data = edit_form_data(client, page)
    data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def workflow_action(client, user, page, action="approve"):
    client.force_login(user)
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state.pk])
    return client.post(url, {"comment": ""})


def current_task(page):
    state = WorkflowState.objects.active().filter(object_id=str(page.pk)).first()
    return state.current_task_state.task.name if state else None


def test_workflow_has_two_steps_and_covers_the_whole_tree(home_page, draft):
    workflow = draft.get_workflow()
    assert workflow.name == "Zweistufige Freigabe" and workflow.active
    tasks = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert [task.name for task in tasks] == ["Redaktionelle Prüfung", "Freigabe zur Veröffentlichung"]
    assert {group.name for group in tasks[0].groups.all()} == {"Redaktion", "Freigabe"}
    assert [group.name for group in tasks[1].groups.all()] == ["Freigabe"]
    root = Page.objects.get(depth=1)
    assert root.workflowpage.workflow == workflow
    assert home_page.get_workflow() == workflow


def test_editor_cannot_publish_but_reviewer_can(client, users, draft):
    assert not draft.permissions_for_user(users["editor"]).can_publish()
    assert draft.permissions_for_user(users["editor"]).can_edit()
    assert draft.permissions_for_user(users["reviewer"]).can_publish()

    response = post_edit(client, users["editor"], draft, "action-publish")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live  # the publish request only saved a draft

    post_edit(client, users["reviewer"], draft, "action-publish")
    draft.refresh_from_db()
    assert draft.live


def test_page_goes_live_only_after_both_review_steps(client, users, draft):
    post_edit(client, users["editor"], draft, "action-submit")
    assert current_task(draft) == "Redaktionelle Prüfung"

    assert workflow_action(client, users["colleague"], draft).status_code == 302
    assert current_task(draft) == "Freigabe zur Veröffentlichung"
    draft.refresh_from_db()
    assert not draft.live

    # Editors cannot give the final approval (the admin refuses and redirects to the dashboard).
    assert workflow_action(client, users["editor"], draft).url == reverse("wagtailadmin_home")
    draft.refresh_from_db()
    assert not draft.live and current_task(draft) == "Freigabe zur Veröffentlichung"

    assert workflow_action(client, users["reviewer"], draft).status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert current_task(draft) is None


def test_reviewer_can_send_a_page_back(client, users, draft):
    post_edit(client, users["editor"], draft, "action-submit")
    workflow_action(client, users["reviewer"], draft, action="reject")
    draft.refresh_from_db()
    assert not draft.live
    assert WorkflowState.objects.get(object_id=str(draft.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES


@pytest.mark.parametrize("factory", [ImageFactory, DocumentFactory])
def test_collection_permissions_for_images_and_documents(users, factory):
    policy = policy_registry.get_by_type(factory._meta.model)
    for role in ("editor", "reviewer"):
        for action in ("add", "choose"):
            assert policy.user_has_permission(users[role], action), (role, action)
    root = Collection.get_first_root_node()
    own = factory(uploaded_by_user=users["editor"], collection=root)
    others = factory(uploaded_by_user=users["colleague"], collection=root)
    # Editors edit and delete their own uploads only; reviewers any ("delete" counts as "change").
    assert policy.user_has_permission_for_instance(users["editor"], "change", own)
    assert not policy.user_has_permission_for_instance(users["editor"], "change", others)
    assert not policy.user_has_permission_for_instance(users["editor"], "delete", others)
    assert policy.user_has_permission_for_instance(users["reviewer"], "delete", others)


def test_editors_reach_the_admin_and_the_directories(client, users, home_page):
    client.force_login(users["editor"])
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("wagtailsnippets_core_organisation:list")).status_code == 200
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    assert client.get(reverse("wagtailredirects:index")).status_code == 302  # redirects: Freigabe only
    client.force_login(users["reviewer"])
    assert client.get(reverse("wagtailredirects:index")).status_code == 200
