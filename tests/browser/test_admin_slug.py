"""The slug an editor sees while typing a title is the slug that is stored (Issue 20).

Wagtail's admin fills the slug from the title in the browser (the ``w-sync``/``w-slug`` Stimulus
controllers); the server spells German umlauts out (cms/core/slugs.py). The title
„Übersicht für Großunternehmen“ must show ``uebersicht-fuer-grossunternehmen`` in the promote tab –
not ``ubersicht-fur-grossunternehmen`` – and be published and reachable under that slug. No sleeps:
every wait is a Playwright expectation on the page's state.
"""

import pytest

pytestmark = pytest.mark.browser

TITLE = "Übersicht für Großunternehmen"
SLUG = "uebersicht-fuer-grossunternehmen"


@pytest.fixture
def editor(site_server, chromium):
    from django.contrib.auth import get_user_model

    from tests.support import browser as support

    # Not the django_user_model fixture: its transaction would keep the live server from reading
    # the user (the browser tests share committed data, tests/browser/conftest.py).
    user = get_user_model().objects.create_superuser("slugtest", "slugtest@example.org", "geheim-123")
    context = chromium.new_context(viewport=support.DESKTOP, locale="de-DE")
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(site_server.url + "/admin/login/")
    page.fill("#id_username", "slugtest")
    page.fill("#id_password", "geheim-123")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{site_server.url}/admin/")
    yield page
    context.close()
    user.delete()


def test_the_slug_from_a_german_title_is_the_stored_one(editor, site_server):
    from playwright.sync_api import expect

    from home.models import HomePage, StandardPage

    home = HomePage.objects.order_by("path").first()
    StandardPage.objects.filter(title=TITLE).delete()
    try:
        editor.goto(f"{site_server.url}/admin/pages/add/home/standardpage/{home.pk}/")
        title = editor.locator("#id_title")
        title.click()
        title.press_sequentially(TITLE)
        title.blur()
        slug = editor.locator("#id_slug")
        # the tab that holds the slug (its id follows the translated heading, so found from the field)
        tab_panel = slug.evaluate("el => el.closest('[role=tabpanel]').id")
        editor.locator(f'[role="tab"][aria-controls="{tab_panel}"], a[href="#{tab_panel}"]').first.click()
        expect(slug).to_be_visible()
        expect(slug).to_have_value(SLUG)

        footer = editor.locator("footer")
        footer.locator('[data-w-dropdown-target="toggle"]').first.click()
        publish = footer.locator('button[name="action-publish"]')
        expect(publish).to_be_visible()
        publish.click()
        editor.wait_for_url(f"{site_server.url}/admin/pages/{home.pk}/")

        page = StandardPage.objects.get(title=TITLE)
        assert page.slug == SLUG
        assert page.live
        response = editor.goto(f"{site_server.url}{page.url}")
        assert response.status == 200
        assert page.url.endswith(f"/{SLUG}/")
        expect(editor.locator("h1")).to_have_text(TITLE)
    finally:
        StandardPage.objects.filter(title=TITLE).delete()
