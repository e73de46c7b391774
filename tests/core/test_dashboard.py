"""The dashboard panel "Was auf Sie wartet" and its registry (cms.core.dashboard)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.core import dashboard
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.support.dashboard import panel_counts


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redakteurin", "r@example.org", "ein-langes-Passwort")
    user.groups.add(Group.objects.get(name="Redaktion"))
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("freigeberin", "f@example.org", "ein-langes-Passwort")
    user.groups.add(Group.objects.get(name="Freigabe"))
    return user


@pytest.fixture
def extra_count():
    yield
    dashboard.unregister("test_orders")


def test_panel_counts_pages_in_moderation_per_role(client, home_page, editor, reviewer):
    index = NewsIndexPageFactory(parent=home_page)
    page = NewsPageFactory(parent=index, live=False)
    assert panel_counts(client, reviewer)["pages_to_review"] == 0

    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)

    editor_counts = panel_counts(client, editor)
    assert editor_counts["own_pages_in_review"] == 1
    assert editor_counts["pages_to_review"] == 1  # step 1 is open to colleagues in the Redaktion
    assert "pages_in_moderation" not in editor_counts  # only for those who may publish
    reviewer_counts = panel_counts(client, reviewer)
    assert reviewer_counts["pages_to_review"] == 1
    assert reviewer_counts["pages_in_moderation"] == 1
    assert reviewer_counts["own_pages_in_review"] == 0


def test_other_apps_register_counts(client, home_page, editor, reviewer, extra_count):
    dashboard.register(
        "test_orders",
        label="Neue Bestellungen",
        count=lambda request: 7,
        url="/admin/bestellungen/",
        permission="wagtailredirects.change_redirect",  # held by "Freigabe" only
        order=15,
    )
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<a href="/admin/bestellungen/">Neue Bestellungen</a>' in html
    counts = panel_counts(client, reviewer)
    assert counts["test_orders"] == 7
    assert list(counts).index("test_orders") == list(counts).index("pages_to_review") + 1
    assert "test_orders" not in panel_counts(client, editor)

    dashboard.unregister("test_orders")
    assert "test_orders" not in panel_counts(client, reviewer)


def test_a_count_can_leave_itself_out(client, home_page, reviewer, extra_count):
    dashboard.register("test_orders", label="Nichts", count=lambda request: None)
    assert "test_orders" not in panel_counts(client, reviewer)


def test_news_app_counts_news_with_unpublished_changes(client, home_page, editor):
    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=index)
    assert panel_counts(client, editor)["unpublished_news"] == 0
    NewsPageFactory(parent=index, live=False).save_revision()  # a draft, as the admin saves it
    changed = NewsPageFactory(parent=index)
    changed.title = "Neuer Titel"
    changed.save_revision()
    assert panel_counts(client, editor)["unpublished_news"] == 2
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_explore", args=[index.pk]) in html
