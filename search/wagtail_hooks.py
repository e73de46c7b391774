"""Admin hooks of the search: documents moved by Wagtail's bulk action are indexed again.

The bulk action "Zu Sammlung hinzufügen" moves documents with one ``QuerySet.update()``, which sends
no ``post_save``: without this hook a document moved into a private collection would stay in the
search (and in the cached pages) until the next rebuild.
"""

from wagtail import hooks
from wagtail.documents import get_document_model

from cms.caching import invalidation
from search import indexing
from search.personal_data import SEARCH_LOG


@hooks.register("after_bulk_action")
def reindex_moved_documents(request, action_type, objects, action_class_instance):
    if action_type != "add_to_collection" or action_class_instance.model is not get_document_model():
        return
    indexing.update_documents(objects)
    invalidation.invalidate("Dokumente in eine andere Sammlung verschoben")


@hooks.register("register_personal_data")
def personal_data():
    """The search terms report, for the legal app's purge and data requests."""
    return [SEARCH_LOG]
