"""The events and materials apps add their counts to "Was auf Sie wartet"; the roles may act on them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from events.models import EventSubmission
from materials.models import Order
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.materials import OrderFactory
from tests.support.dashboard import panel_counts


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redakteurin", "r@example.org", "ein-langes-Passwort")
    user.groups.add(Group.objects.get(name="Redaktion"))
    return user


@pytest.fixture
def waiting(home_page):
    index = EventIndexPageFactory(parent=home_page)
    draft = EventPageFactory(parent=index, live=False)
    published = EventPageFactory(parent=index)
    for page in (draft, published):
        EventSubmission.objects.create(page=page, name="Erika", email="e@example.org", consent=True)
    OrderFactory(status=Order.Status.NEW)
    OrderFactory(status=Order.Status.NEW)
    OrderFactory(status=Order.Status.SHIPPED)


def test_editor_sees_submissions_and_new_orders(client, editor, waiting):
    counts = panel_counts(client, editor)
    assert counts["event_submissions"] == 1  # the published one is done
    assert counts["new_orders"] == 2


@pytest.mark.parametrize("group", ["Redaktion", "Freigabe"])
def test_roles_open_the_order_and_submission_lists(client, django_user_model, waiting, group):
    user = django_user_model.objects.create_user("person", "p@example.org", "ein-langes-Passwort")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    for name in ("materials_order_modeladmin_index", "events_eventsubmission_modeladmin_index"):
        assert client.get(reverse(name)).status_code == 200, name
