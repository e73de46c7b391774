"""Private content never reaches the search: documents of restricted collections (also when the
restriction, the collection or the document changes) and presentations of private or draft meetings."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from search.models import SearchEntry

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_cache")]

SECRET_TEXT = "Wasserstoffstrategie"  # in the corpus document's extracted text
TITLE_PREFIX = "Vortrag"  # the corpus document's title: "Vortrag Geiger"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks of the block, as a committed admin request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def found(client, document):
    """Whether an anonymous visitor finds ``document`` in the search and in the suggestions."""
    page = client.get(reverse("search"), {"q": SECRET_TEXT}).content.decode()
    suggestions = client.get(reverse("search_suggestions"), {"q": TITLE_PREFIX}).json()["suggestions"]
    in_search = document.url in page or f"<mark>{SECRET_TEXT}</mark>" in page
    in_suggestions = any(item["url"] == document.url for item in suggestions)
    assert in_search == in_suggestions, (in_search, in_suggestions)
    return in_search


def restrict(collection, kind):
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=kind, password="geheim-123"
    )
    if kind == CollectionViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get_or_create(name="Vorstand")[0])
    return restriction


def fresh(collection):
    return Collection.objects.get(pk=collection.pk)


@pytest.fixture
def collections(corpus):
    root = Collection.get_first_root_node()
    public = root.add_child(name="Präsentationen")
    internal = fresh(root).add_child(name="Vorstand intern")
    document = corpus["document"]
    document.collection = public
    document.save()
    return {"public": fresh(public), "internal": fresh(internal), "document": document}


@pytest.mark.parametrize("kind", ["login", "password", "groups"])
def test_restricting_the_collection_hides_its_documents(client, collections, commit, kind):
    document = collections["document"]
    assert found(client, document)
    with commit():
        restrict(collections["public"], kind)
    assert not found(client, document)
    assert not SearchEntry.objects.filter(document=document).exists()


def test_removing_the_restriction_shows_them_again(client, collections, commit):
    document = collections["document"]
    with commit():
        restriction = restrict(collections["public"], "login")
    assert not found(client, document)
    with commit():
        restriction.delete()
    assert found(client, document)


def test_a_restriction_on_an_ancestor_applies(client, collections, commit):
    document = collections["document"]
    with commit():
        restrict(collections["internal"], "login")
    assert found(client, document)
    with commit():
        collections["public"].move(collections["internal"], "sorted-child")
    assert not found(client, document)
    # And public again when moved out.
    with commit():
        fresh(collections["public"]).move(Collection.get_first_root_node(), "sorted-child")
    assert found(client, document)


def test_moving_a_collection_in_the_admin_updates_the_index(admin_client, client, collections, commit):
    document = collections["document"]
    with commit():
        restrict(collections["internal"], "login")
    assert found(client, document)
    with commit():
        response = admin_client.post(
            reverse("wagtailadmin_collections:edit", args=[collections["public"].pk]),
            {"name": "Präsentationen", "parent": collections["internal"].pk},
        )
    assert response.status_code == 302
    assert fresh(collections["public"]).get_parent() == collections["internal"]
    assert not found(client, document)


def test_moving_the_document_to_a_private_collection_hides_it(client, collections, commit):
    document = collections["document"]
    with commit():
        restrict(collections["internal"], "login")
    assert found(client, document)
    with commit():
        document.collection = collections["internal"]
        document.save()
    assert not found(client, document)
    with commit():
        document.collection = collections["public"]
        document.save()
    assert found(client, document)


def test_moving_documents_with_the_bulk_action_updates_the_index(admin_client, client, collections, commit):
    """Wagtail's bulk action "Zur Sammlung hinzufügen" moves documents with a queryset update (no signal)."""
    document = collections["document"]
    with commit():
        restrict(collections["internal"], "login")
    assert found(client, document)
    url = reverse("wagtail_bulk_action", args=["core", "customdocument", "add_to_collection"])
    with commit():
        response = admin_client.post(f"{url}?id={document.pk}", {"collection": collections["internal"].pk})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.collection_id == collections["internal"].pk
    assert not found(client, document)


# Presentations of private or draft meetings ------------------------------------------------------

SPEAKER = "Geheimrat"


@pytest.fixture
def presentation(corpus, commit):
    from tests.factories.core import PersonFactory

    presentation = corpus["presentation"]
    presentation.speaker = PersonFactory(first_name="Hanna", last_name=SPEAKER)
    presentation.title = "Wasserstoff für Stahlwerke"
    presentation.save()
    with commit():
        corpus["meeting"].save_revision().publish()
    return presentation


def shows_meeting(client, corpus):
    """Whether the search shows the presentation with its meeting and speaker."""
    html = client.get(reverse("search"), {"q": SECRET_TEXT}).content.decode()
    assert corpus["document"].url in html  # the file itself stays public (its collection is)
    by_speaker = client.get(reverse("search"), {"q": SPEAKER}).content.decode()
    suggestions = client.get(reverse("search_suggestions"), {"q": "Wasserstoff"}).json()["suggestions"]
    shown = [
        "Vorgestellt bei" in html,
        corpus["meeting"].url in html,
        corpus["document"].url in by_speaker,
        any(item["title"] == "Wasserstoff für Stahlwerke" for item in suggestions),
    ]
    assert len(set(shown)) == 1, shown
    return shown[0]


def test_a_public_meeting_shows_its_presentations(client, corpus, presentation):
    assert shows_meeting(client, corpus)
    entry = SearchEntry.objects.get(document=corpus["document"])
    assert (entry.kind, entry.parent_page_id) == ("presentation", corpus["meeting"].pk)


@pytest.mark.parametrize("restricted", ["meeting", "index"])
def test_a_private_meeting_does_not_show_its_presentations(client, corpus, presentation, commit, restricted):
    from wagtail.models import PageViewRestriction

    page = corpus["meeting"] if restricted == "meeting" else corpus["meeting"].get_parent()
    with commit():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert not shows_meeting(client, corpus)
    entry = SearchEntry.objects.get(document=corpus["document"])
    assert (entry.kind, entry.parent_page_id, entry.title) == ("document", None, "Vortrag Geiger")
    assert SPEAKER not in entry.body
    with commit():
        restriction.delete()
    assert shows_meeting(client, corpus)


def test_a_meeting_taken_offline_does_not_show_its_presentations(client, corpus, presentation, commit):
    with commit():
        corpus["meeting"].unpublish()
    assert not shows_meeting(client, corpus)


def test_a_draft_meeting_does_not_show_its_presentations(client, corpus, commit):
    from tests.factories.core import PersonFactory
    from tests.factories.meetings import MeetingPageFactory, MeetingPresentationFactory

    draft = MeetingPageFactory(parent=corpus["meeting"].get_parent(), title="Entwurf Treffen", live=False)
    with commit():
        MeetingPresentationFactory(
            page=draft, document=corpus["document"], speaker=PersonFactory(last_name=SPEAKER)
        )
        draft.save_revision()
        corpus["document"].save()
    entry = SearchEntry.objects.get(document=corpus["document"])
    assert entry.parent_page_id != draft.pk
    assert SPEAKER not in entry.body
    assert (
        draft.url is None
        or draft.url not in client.get(reverse("search"), {"q": SECRET_TEXT}).content.decode()
    )


def test_a_presentation_removed_from_the_meeting_leaves_its_entry(client, corpus, presentation, commit):
    from meetings.models import MeetingPage

    meeting = MeetingPage.objects.get(pk=corpus["meeting"].pk)
    meeting.presentations = []  # as the editor removes it in the page editor
    with commit():
        meeting.save_revision().publish()
    assert not meeting.presentations.exists()
    assert not shows_meeting(client, corpus)
    assert SearchEntry.objects.get(document=corpus["document"]).kind == "document"


# "Meinten Sie …?" vocabulary ---------------------------------------------------------------------


def test_vocabulary_has_no_words_of_private_or_draft_pages(client, corpus, commit):
    """The correction's vocabulary comes from the index, which holds only live, public content."""
    from wagtail.models import PageViewRestriction

    from search.spelling import correction, vocabulary
    from tests.factories.regions import InitiativePageFactory

    parent = corpus["alliance"].get_parent()
    private = InitiativePageFactory(parent=parent, title="Geheimprojekt Zwergenstahl", summary="Zwergenstahl")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim-123")
    draft = InitiativePageFactory(parent=parent, title="Entwurf Riesenkupfer", live=False)
    draft.save_revision()
    words = set(vocabulary())
    assert "zwergenstahl" not in words and "riesenkupfer" not in words
    assert "thueringen" in words  # a public title's word
    assert correction("Zwergenstal") is None
    assert correction("Riesenkupfr") is None
    page = client.get(reverse("search"), {"q": "Zwergenstal"}).content.decode()
    assert "Zwergenstahl" not in page and "Meinten Sie" not in page
