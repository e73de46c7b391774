"""Keeps the site search's entries (search.models.SearchEntry) in step with pages and documents."""

import datetime
import logging

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.search.index import RelatedFields, SearchField
from wagtail.signals import post_page_move

from cms.caching import invalidation
from cms.core.bulk import pages_bulk_created
from cms.core.constants import FederalState
from cms.core.signals import post_collection_move
from search.models import SearchEntry

logger = logging.getLogger("cms.search")

# Result kinds: key -> label (singular, plural). Page types map to a kind below; a page model may
# also set ``search_kind = "…"``. Unknown page types are "Seite".
KINDS = {
    "initiative": ("Initiative", "Initiativen"),
    "region": ("Modellregion", "Modellregionen"),
    "meeting": ("Bericht eines Treffens", "Berichte von Treffen"),
    "forum": ("Thema Forum Industriepolitik", "Forum Industriepolitik"),
    "event": ("Veranstaltung", "Veranstaltungen"),
    "news": ("Meldung", "Meldungen"),
    "page": ("Seite", "Seiten"),
    "presentation": ("Präsentation", "Präsentationen"),
    "document": ("Dokument", "Dokumente"),
}
PAGE_KINDS = {
    "regions.initiativepage": "initiative",
    "regions.regionpage": "region",
    "meetings.meetingpage": "meeting",
    "meetings.forumtopicpage": "forum",
}
APP_KINDS = {"events": "event", "news": "news"}
DATE_ATTRIBUTES = ("date", "start_date", "start", "publication_date", "published_on", "first_published")
VALID_STATES = {code for code, _label in FederalState.choices}


def kind_label(kind, plural=False):
    labels = KINDS.get(kind, (kind.capitalize(), kind.capitalize()))
    return labels[1] if plural else labels[0]


def page_kind(page):
    kind = getattr(page, "search_kind", None)
    if kind:
        return kind
    label = page._meta.label_lower
    return PAGE_KINDS.get(label) or APP_KINDS.get(page._meta.app_label, "page")


def _value_text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return strip_tags(value) if "<" in value else value
    if isinstance(value, list | tuple):
        return "\n".join(_value_text(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_value_text(item) for item in value.values())
    return force_str(value)


def _field_texts(obj, fields, skip=("title",)):
    """The text of an object's search fields, as Wagtail's database backend collects it."""
    for field in fields:
        if isinstance(field, SearchField):
            if field.field_name in skip:
                continue
            try:
                yield _value_text(field.get_value(obj))
            except (AttributeError, ValueError):  # a property that fails on an unsaved relation
                continue
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if isinstance(related, models.Manager):
                related = related.all()
            elif callable(related):
                related = related()
            else:
                related = [related]
            for item in related:
                yield from _field_texts(item, field.fields, skip=())


def _year(page):
    for name in DATE_ATTRIBUTES:
        value = getattr(page, name, None)
        if isinstance(value, datetime.date):
            return value.year
    return None


def _federal_state(page):
    state = getattr(page, "federal_state", "") or ""
    if state in VALID_STATES:
        return state
    regions = getattr(page, "related_regions", None)
    if regions is not None and page.pk:
        states = set(regions.values_list("federal_state", flat=True))
        if len(states) == 1:
            return states.pop()
    return ""


def _is_public(page):
    return not PageViewRestriction.objects.filter(
        page__path__in=[page.path[:index] for index in range(page.steplen, len(page.path) + 1, page.steplen)]
    ).exists()


def _summary(page):
    for name in ("summary", "search_description", "intro", "recommendation"):
        value = getattr(page, name, "")
        if value:
            return " ".join(_value_text(force_str(value)).split())[:600]
    return ""


def update_page(page):
    """Create, update or remove the entry of one page."""
    page = page.specific_deferred if type(page) is Page else page
    if page.depth <= 1 or not page.live or not _is_public(page):
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return None
    summary = _summary(page)
    body = "\n".join(text for text in _field_texts(page, page.get_search_fields()) if text.strip())
    entry = SearchEntry.objects.filter(page_id=page.pk).first() or SearchEntry(page_id=page.pk)
    entry.kind = page_kind(page)
    entry.title = page.title
    entry.summary = summary
    entry.body = body
    entry.federal_state = _federal_state(page)
    entry.year = _year(page)
    entry.prepare()
    entry.save()
    return entry


def _document_context(document):
    """(kind, page it belongs to, year, presentation) for a document: presentations belong to their
    meeting. Only a live and public meeting (no view restriction on it or an ancestor) counts: the
    speaker, the presentation's title and the "Vorgestellt bei" link of a private or draft meeting
    must not reach the search; its file is then an ordinary document."""
    meeting_presentation = apps.get_model("meetings", "MeetingPresentation")
    forum_document = apps.get_model("meetings", "ForumTopicDocument")
    presentations = (
        meeting_presentation.objects.filter(document=document, page__live=True)
        .select_related("page", "speaker")
        .order_by("-page__date", "pk")
    )
    presentation = next((item for item in presentations if _is_public(item.page)), None)
    if presentation:
        meeting = presentation.page
        return "presentation", meeting, meeting.date.year, presentation
    topics = forum_document.objects.filter(document=document, page__live=True).select_related("page")
    topic = next((item for item in topics.order_by("pk") if _is_public(item.page)), None)
    year = document.created_at.year if document.created_at else None
    return "document", topic.page if topic else None, year, None


def _collection_is_public(collection_id):
    """No view restriction on the collection or an ancestor, read fresh (the document's own
    ``collection`` may be an instance loaded before the collection moved)."""
    collection = Collection.objects.filter(pk=collection_id).only("path", "depth").first()
    return collection is None or not collection.get_view_restrictions().exists()


def update_document(document):
    """Create, update or remove the entry of one document."""
    if not _collection_is_public(document.collection_id):
        SearchEntry.objects.filter(document_id=document.pk).delete()
        return None
    kind, parent, year, presentation = _document_context(document)
    extra = []
    if presentation and presentation.speaker:
        extra.append(str(presentation.speaker))
    if presentation and presentation.title and presentation.title != document.title:
        extra.append(presentation.title)
    entry = SearchEntry.objects.filter(document_id=document.pk).first() or SearchEntry(
        document_id=document.pk
    )
    entry.kind = kind
    entry.parent_page = parent
    entry.title = (presentation.display_title if presentation else document.title) or document.title
    entry.summary = " ".join((document.description or "").split())[:600]
    entry.body = "\n".join([*extra, document.extracted_text or ""]).strip()
    entry.federal_state = _federal_state(parent.specific) if parent else ""
    entry.year = year
    entry.prepare()
    entry.save()
    return entry


def update_documents(documents):
    """Update the entries of the given documents (a queryset or ids), read fresh from the database."""
    document_model = get_document_model()
    if not isinstance(documents, models.QuerySet):
        documents = document_model.objects.filter(pk__in=[getattr(item, "pk", item) for item in documents])
    for document in documents.iterator(chunk_size=200):
        _safely(update_document, document)


def update_collection(collection):
    """Update the entries of the documents in ``collection`` and below it: a restriction applies to
    the collection's whole subtree."""
    update_documents(get_document_model().objects.filter(collection__path__startswith=collection.path))


def rebuild(stdout=None):
    """Rebuild every entry (manage.py update_search_entries)."""
    pages = documents = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for page in Page.objects.filter(depth__gt=1).live().specific().iterator(chunk_size=200):
            pages += bool(update_page(page))
        for document in get_document_model().objects.select_related("collection").iterator(chunk_size=200):
            documents += bool(update_document(document))
        # Entries otherwise change only with a publish, move, restriction or document, which renew
        # the caches themselves; the rebuild renews them all too, the cached searches among them.
        invalidation.invalidate("Suchindex neu aufgebaut")
    return pages, documents


# Signal handlers ---------------------------------------------------------------------------


def _safely(function, *args):
    try:
        function(*args)
    except Exception:  # the search index must never break publishing or uploading
        logger.exception("Sucheintrag für %r konnte nicht aktualisiert werden.", args)


def _update_page_documents(page):
    """Presentations and forum documents take their meeting, year and state from the page."""
    for relation in ("presentations", "documents"):
        manager = getattr(page, relation, None)
        if manager is not None and hasattr(manager, "select_related"):
            for item in manager.select_related("document"):
                if getattr(item, "document", None) is not None:
                    _safely(update_document, item.document)


def on_page_saved(sender, instance, raw=False, **kwargs):
    """Index the stored (live) version of a saved page; a draft saved in memory is not indexed."""
    if raw or not isinstance(instance, Page):
        return
    page = Page.objects.filter(pk=instance.pk).first()
    if page is None:
        return
    page = page.specific
    _safely(update_page, page)
    _update_page_documents(page)


def on_pages_bulk_created(sender, pages, **kwargs):
    """Pages added in one go (cms.core.bulk.add_children): their entries, once at the end."""
    for page in pages:
        _safely(update_page, page)


def on_page_moved(sender, instance, **kwargs):
    """A move or a changed view restriction: the subtree's pages and the documents they show."""
    for page in instance.get_descendants(inclusive=True).specific():
        _safely(update_page, page)
        _update_page_documents(page)


def on_restriction_changed(sender, instance, **kwargs):
    try:
        page = instance.page
    except Page.DoesNotExist:
        return
    on_page_moved(sender, page)


def on_page_document_changed(sender, instance, raw=False, **kwargs):
    """A presentation or forum document added, changed or removed: its document's entry, once the
    transaction has committed (a page publish saves its inline items after the page itself; a
    deleted document is gone by then and skipped)."""
    if raw or not instance.document_id:
        return
    document_id = instance.document_id

    def update():
        update_documents([document_id])
        # After the commit's own renewal of the caches: a search rendered in between is dropped.
        invalidation.invalidate(f"Sucheintrag des Dokuments {document_id}")

    transaction.on_commit(update, robust=True)


def on_collection_restriction_changed(sender, instance, **kwargs):
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        update_collection(collection)


def on_collection_moved(sender, instance, **kwargs):
    update_collection(instance)


def on_document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _safely(update_document, instance)


def register():
    document_model = get_document_model()
    post_save.connect(on_page_saved, dispatch_uid="search_page_saved")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    pages_bulk_created.connect(on_pages_bulk_created, dispatch_uid="search_pages_bulk_created")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction")
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_d"
    )
    post_save.connect(on_document_saved, sender=document_model, dispatch_uid="search_document_saved")
    post_save.connect(
        on_collection_restriction_changed,
        sender=CollectionViewRestriction,
        dispatch_uid="search_collection_restriction",
    )
    post_delete.connect(
        on_collection_restriction_changed,
        sender=CollectionViewRestriction,
        dispatch_uid="search_collection_restriction_d",
    )
    post_collection_move.connect(on_collection_moved, dispatch_uid="search_collection_moved")
    for label in ("meetings.MeetingPresentation", "meetings.ForumTopicDocument"):
        model = apps.get_model(label)
        post_save.connect(on_page_document_changed, sender=model, dispatch_uid=f"search_{label}_saved")
        post_delete.connect(on_page_document_changed, sender=model, dispatch_uid=f"search_{label}_deleted")
