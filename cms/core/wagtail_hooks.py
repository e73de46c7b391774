from django.db import models
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.core.dashboard import AwaitingEditorPanel
from cms.core.models import Contact, GoodPracticeCriterion, Organisation, Person
from cms.core.slugs import GermanSlugField, GermanSlugInput, german_slugify

# Every slug field in the admin (pages' "Kurztitel in der URL"): German transliteration in the
# widget's JavaScript and on the server (cms/core/slugs.py).
register_form_field_override(
    models.SlugField, override={"form_class": GermanSlugField, "widget": GermanSlugInput}
)


def _fill_empty_slug(request, *args):
    """A page saved without a slug (no JavaScript, or the field emptied) gets the German ASCII slug of
    its title instead of Wagtail's (which turns „ü“ into „u“)."""
    if request.method == "POST" and not request.POST.get("slug", "").strip() and request.POST.get("title"):
        data = request.POST.copy()
        data["slug"] = german_slugify(data["title"])[:255]
        request.POST = data


hooks.register("before_create_page", _fill_empty_slug)
hooks.register("before_edit_page", _fill_empty_slug)


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisationen"
    list_display = ["name", "short_name", "kind", "city"]
    list_filter = ["kind", "federal_state"]
    search_fields = ["name", "short_name", "city"]
    # Plain substring search in the database: finds "Handw" in "Handwerkskammer" and works on SQLite,
    # where the full-text backend cannot restrict a search to the fields listed here.
    search_backend_name = None
    ordering = ["name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "Personen"
    list_display = ["full_name", "organisation", "role"]
    list_filter = ["organisation"]
    search_fields = ["first_name", "last_name", "role"]
    search_backend_name = None  # substring search, see OrganisationViewSet
    ordering = ["last_name", "first_name"]

    def get_queryset(self, request):
        return Person.objects.select_related("organisation")


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "mail"
    menu_label = "Kontakte"
    list_display = ["label", "name", "email", "phone"]
    search_fields = ["label", "name", "email"]


class GoodPracticeCriterionViewSet(SnippetViewSet):
    model = GoodPracticeCriterion
    icon = "tick-inverse"
    menu_label = "Good-Practice-Kriterien"
    list_display = ["name", "sort_order"]


class SharedContentGroup(SnippetViewSetGroup):
    menu_label = "Verzeichnisse"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (OrganisationViewSet, PersonViewSet, ContactViewSet, GoodPracticeCriterionViewSet)


register_snippet(SharedContentGroup)


@hooks.register("construct_homepage_panels")
def add_awaiting_editor_panel(request, panels):
    """The dashboard panel with the counts registered in cms.core.dashboard."""
    panels.append(AwaitingEditorPanel())
