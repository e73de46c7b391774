from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.core.dashboard import AwaitingEditorPanel
from cms.core.models import Contact, GoodPracticeCriterion, Organisation, Person


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
