from django import forms
from django.db import models
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.forms.models import WagtailAdminModelForm, register_form_field_override
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
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


class OrganisationCreationForm(WagtailAdminModelForm):
    website = forms.URLField(label="Website", required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind", "website", "city", "federal_state"]


class OrganisationChooserViewSet(SnippetChooserViewSet):
    """The chooser in a page's form gets a tab "Neue Organisation anlegen": editors create the
    organisation without leaving the page (the logo and more can be added later in the list)."""

    creation_form_class = OrganisationCreationForm
    create_action_label = "Neue Organisation anlegen"
    create_action_clicked_label = "Wird angelegt …"
    creation_tab_label = "Neu anlegen"


class PersonCreationForm(WagtailAdminModelForm):
    class Meta:
        model = Person
        fields = ["academic_title", "first_name", "last_name", "organisation", "role"]
        # A plain list: a second chooser dialog cannot open inside the chooser dialog.
        widgets = {"organisation": forms.Select}


class PersonChooserViewSet(SnippetChooserViewSet):
    """As OrganisationChooserViewSet: speakers and contacts are created from inside the chooser."""

    creation_form_class = PersonCreationForm
    create_action_label = "Neue Person anlegen"
    create_action_clicked_label = "Wird angelegt …"
    creation_tab_label = "Neu anlegen"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    chooser_viewset_class = OrganisationChooserViewSet
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
    chooser_viewset_class = PersonChooserViewSet
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


@hooks.register("insert_global_admin_css")
def admin_css():
    """Record lists that keep German words whole (static/css/admin.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
