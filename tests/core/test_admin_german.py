"""German everywhere in the admin (Issue 20): no English label of our code reaches an editor.

Two checks:

* every model of the project's apps names itself and each of its concrete fields explicitly;
  Django would otherwise derive English-ish names from the code ("Custom rendition", "file hash",
  "Organisations" as the plural of "Organisation"). Fields inherited from Wagtail's (or Django's)
  own models are left out: Wagtail translates those itself.
* a crawl, as superuser with the demo content, of every admin page our code adds: the menu items
  (snippets, modeladmin, viewsets, settings, reports, custom views) and, from each listing, the
  views it links to (add, edit, inspect, delete, history …), plus each page type's edit and add
  view. Each must answer 200 and no table header, label, button, heading, help text or menu label
  may hold a word of a small English word list. Wagtail's own strings are German under the German
  locale, so only our code's English is left to find. The CSV export's header row is checked too.
"""

import csv
import io
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.urls import resolve, reverse
from django.utils.text import camel_case_to_spaces
from wagtail.models import Page, get_page_models

# Our apps: those of the project tree, not of an installed package (home, regions, cms.core …).
PROJECT_CONFIGS = [config for config in apps.get_app_configs() if "site-packages" not in config.path]
PROJECT_APPS = {config.label for config in PROJECT_CONFIGS}
PROJECT_MODULES = tuple(f"{config.name}." for config in PROJECT_CONFIGS)

# English words that no German label has as a whole word. Words German shares (Name, Status,
# Organisation, Person, Region, Text, Link, Download, Export, Slug) cannot be told apart and are
# left out on purpose.
ENGLISH_WORDS = {
    "active",
    "add",
    "and",
    "choose",
    "contact",
    "count",
    "created",
    "date",
    "delete",
    "description",
    "display",
    "document",
    "done",
    "edit",
    "email",
    "file",
    "first",
    "focal",
    "hash",
    "height",
    "image",
    "inspect",
    "item",
    "items",
    "new",
    "note",
    "number",
    "of",
    "order",
    "orders",
    "page",
    "point",
    "ptr",
    "quantity",
    "save",
    "search",
    "sent",
    "size",
    "sort",
    "submitted",
    "the",
    "title",
    "token",
    "type",
    "updated",
    "user",
    "view",
    "width",
    "yes",
}
ENGLISH = re.compile(r"\b(" + "|".join(sorted(ENGLISH_WORDS)) + r")\b", re.IGNORECASE)
# Where our code's UI texts end up: column headers, labels, buttons and links styled as buttons,
# headings, fieldset legends, help texts, the page title.
UI_TEXT_SELECTOR = (
    "th, label, button, a.button, h1, h2, h3, legend, title, "
    ".w-field__help, .help, .w-panel__heading, .w-header__title, .w-dropdown__content a"
)


def english_words(text):
    return sorted({match.group(0) for match in ENGLISH.finditer(text)})


def test_the_english_word_list_finds_english_and_passes_german():
    assert english_words("Display title") == ["Display", "title"]
    assert english_words("Created at") == ["Created"]
    assert english_words("Anzeigetitel · Angelegt am · Status · Name · E-Mail-Adresse") == []


def test_the_ui_texts_of_a_listing_are_checked():
    html = (
        "<table><tr><th>Display title</th><th>Status</th></tr></table><label>Angelegt am</label>"
        '<button>Save</button><a class="button" title="Bearbeiten">Edit</a><script>"title"</script>'
    )
    assert _english_ui_texts(html) == ["<a> Edit", "<button> Save", "<th> Display title"]


# -- (a) the models ---------------------------------------------------------------------------


def project_models():
    return [model for model in apps.get_models() if model._meta.app_label in PROJECT_APPS]


def _declared_by_project(model, field):
    """Whether ``field`` comes from our code, not from a Wagtail/Django base model (AbstractImage …)."""
    if field.auto_created:  # id, page_ptr
        return False
    if field.model is not model:  # multi-table inheritance: Page's title, slug … on a page type
        return field.model.__module__.startswith(PROJECT_MODULES)
    for base in model.__mro__[1:]:
        meta = getattr(base, "_meta", None)
        if meta is not None and any(own.name == field.name for own in meta.local_fields):
            return base.__module__.startswith(PROJECT_MODULES)
    return True


@pytest.mark.parametrize("model", project_models(), ids=lambda model: model._meta.label)
def test_model_names_itself_in_german(model):
    options = model._meta
    missing = [name for name in ("verbose_name", "verbose_name_plural") if name not in options.original_attrs]
    assert not missing, f"{options.label}: Meta.{' and Meta.'.join(missing)} not set"
    assert options.verbose_name != camel_case_to_spaces(options.object_name)
    derived = [
        field.name
        for field in options.concrete_fields
        if _declared_by_project(model, field) and str(field.verbose_name) == field.name.replace("_", " ")
    ]
    assert not derived, f"{options.label}: fields without a German verbose_name: {derived}"


# -- (b) the admin crawl ----------------------------------------------------------------------


@pytest.fixture
def demo_admin(client, django_user_model, home_page):
    """One record of each kind our admin lists, and one page of each page type (under the home page)."""
    from accessibility.models import AccessibilityFeedback
    from events.models import EventPage, EventSubmission
    from meetings.models import MeetingPage
    from search.models import SearchSynonym
    from tests.factories import core, materials, meetings, page_factories

    pages = {
        model: factory(parent=home_page)
        for model, factory in page_factories().items()
        if not isinstance(home_page, model)
    }
    core.ContactFactory()
    core.GoodPracticeCriterionFactory()
    person = core.PersonFactory()
    meetings.MeetingPresentationFactory(page=pages[MeetingPage], speaker=person)
    materials.OrderLineFactory()
    EventSubmission.objects.create(page=pages[EventPage], name="Erika Muster", email="erika@example.org")
    AccessibilityFeedback.objects.create(message="Der Kontrast ist zu schwach.")
    SearchSynonym.objects.create(terms="Logo\nSignet")
    client.force_login(django_user_model.objects.create_superuser("chefin", "chefin@example.org", "geheim"))
    return client


def _is_ours(url):
    """Whether an admin URL shows a view of our code or of one of our models."""
    match = resolve(urlsplit(url).path)
    view = getattr(match.func, "view_class", None) or match.func
    owner = getattr(match.func, "__self__", None)  # a modeladmin's bound view method
    model = getattr(owner, "model", None) or getattr(match.func, "view_initkwargs", {}).get("model")
    if "_modeladmin_" in (match.url_name or ""):  # wagtail_modeladmin: <app>_<model>_modeladmin_<action>
        return match.url_name.split("_")[0] in PROJECT_APPS
    if model is not None:
        return model._meta.app_label in PROJECT_APPS
    if match.kwargs.get("app_name") in PROJECT_APPS:  # Wagtail's settings views
        return True
    return (getattr(view, "__module__", "") or "").startswith(PROJECT_MODULES)


def _menu_urls(request):
    from wagtail.admin.menu import admin_menu, reports_menu, settings_menu

    urls = []

    def walk(items):
        for item in items:
            menu = getattr(item, "menu", None)
            if menu is not None:
                walk(menu.menu_items_for_request(request))
            elif getattr(item, "url", None):
                urls.append((item.url, str(item.label)))

    for menu in (admin_menu, settings_menu, reports_menu):
        walk(menu.menu_items_for_request(request))
    return urls


def _shape(path):
    return re.sub(r"\d+", "N", path)


def _admin_urls(client):
    """The admin pages of our code: menu items, the views their listings link to, page editors."""
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = _user_of(client)
    ours = [(url, label) for url, label in _menu_urls(request) if url.startswith("/admin/") and _is_ours(url)]
    assert [label for _url, label in ours if english_words(label)] == []  # the menu labels
    listings = sorted({urlsplit(url).path for url, _label in ours})
    urls = list(listings)
    for listing in listings:
        soup = BeautifulSoup(client.get(listing).content, "html.parser")
        shapes = set()
        for link in soup.select("a[href]"):
            path = urlsplit(link["href"]).path
            if path.startswith(listing) and path != listing and _shape(path) not in shapes:
                shapes.add(_shape(path))
                urls.append(path)
    for model in get_page_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        page = model.objects.order_by("path").first()
        if page is not None:
            urls.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        parent = Page.objects.type(*model.allowed_parent_page_models()).order_by("path").first()
        if parent is not None and model.can_create_at(parent):
            args = [model._meta.app_label, model._meta.model_name, parent.pk]
            urls.append(reverse("wagtailadmin_pages:add", args=args))
    return urls


def _user_of(client):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="chefin")


def _english_ui_texts(html):
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("script, template, style"):
        hidden.decompose()
    found = []
    for element in soup.select(UI_TEXT_SELECTOR):
        text = " ".join(element.get_text(" ").split())
        if english_words(text):
            found.append(f"<{element.name}> {text[:120]}")
    for element in soup.select("[aria-label], [title], [placeholder]"):
        for attribute in ("aria-label", "title", "placeholder"):
            text = element.get(attribute) or ""
            if english_words(text):
                found.append(f"{element.name}[{attribute}] {text[:120]}")
    return sorted(set(found))


def test_every_admin_page_of_our_code_is_german(demo_admin):
    urls = _admin_urls(demo_admin)
    assert len(urls) > 30, urls  # the crawl found the admin (menu items, listings, page editors)
    problems = {}
    for url in urls:
        # follow: a setting's URL leads on to the form of the default site's record
        response = demo_admin.get(url, HTTP_ACCEPT_LANGUAGE="de", follow=True)
        if (
            response.status_code != 200
            or response.redirect_chain
            and "/login/" in response.redirect_chain[-1][0]
        ):
            problems[url] = f"HTTP {response.status_code} {response.redirect_chain}"
            continue
        if "text/html" not in response["Content-Type"]:
            continue
        english = _english_ui_texts(response.content.decode())
        if english:
            problems[url] = english
    assert not problems, "\n".join(f"{url}: {found}" for url, found in problems.items())


def test_the_order_export_has_german_column_headers(demo_admin):
    from materials.models import Order

    assert Order.objects.exists()
    index = reverse("materials_order_modeladmin_index")
    response = demo_admin.get(index, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert header
    assert [column for column in header if english_words(column)] == []


def test_the_crawl_covers_every_kind_of_admin_view(demo_admin):
    urls = set(_admin_urls(demo_admin))
    for expected in (
        "/admin/snippets/core/organisation/",
        "/admin/settings/legal/organisationsettings/",
        reverse("materials_order_modeladmin_index"),
        reverse("legal_data_request"),
        reverse("events_csv_import"),
    ):
        assert any(url.startswith(expected) for url in urls), expected
    assert any("/edit/" in url and url.startswith("/admin/snippets/core/") for url in urls)
    assert any(url.startswith("/admin/pages/") and url.endswith("/edit/") for url in urls)
    assert Page.objects.count() > 10  # one page of each type
