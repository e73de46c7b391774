"""Go-live and expiry dates: `manage.py publish_scheduled` (make publish-scheduled) acts at their time."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms.core import dashboard
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.support.pages import edit_form_data

# Close to the real time: the admin session and the form validation use the real clock.
NOW = timezone.now().replace(second=0, microsecond=0)


def run_publish_scheduled(at):
    with mock.patch("django.utils.timezone.now", return_value=at):
        call_command("publish_scheduled", stdout=None)


@pytest.fixture
def index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def test_page_goes_live_at_its_go_live_time(client, index, admin_user):
    page = NewsPageFactory(parent=index, title="Termin steht fest", live=False)
    go_live = NOW + datetime.timedelta(hours=2)
    client.force_login(admin_user)
    data = edit_form_data(client, page)
    data["go_live_at"] = timezone.localtime(go_live).strftime("%d.%m.%Y %H:%M")  # WAGTAIL_DATETIME_FORMAT
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert not page.live
    assert page.latest_revision.approved_go_live_at == go_live
    client.logout()
    assert client.get(index.url + page.slug + "/").status_code == 404

    run_publish_scheduled(NOW + datetime.timedelta(hours=1))
    page.refresh_from_db()
    assert not page.live

    run_publish_scheduled(go_live + datetime.timedelta(minutes=1))
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_page_goes_offline_at_its_expiry_time(client, index):
    page = NewsPageFactory(parent=index, expire_at=NOW + datetime.timedelta(days=1))
    run_publish_scheduled(NOW)
    page.refresh_from_db()
    assert page.live

    run_publish_scheduled(NOW + datetime.timedelta(days=1, minutes=1))
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get(page.url or f"{index.url}{page.slug}/").status_code == 404


def test_dashboard_counts_scheduled_pages(index, rf, admin_user):
    page = NewsPageFactory(parent=index, live=False)
    request = rf.get("/")
    request.user = admin_user
    counts = {item["key"]: item["count"] for item in dashboard.items_for(request)}
    assert counts["scheduled_pages"] == 0
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    page.save_revision().publish()
    counts = {item["key"]: item["count"] for item in dashboard.items_for(request)}
    assert counts["scheduled_pages"] == 1
