"""Signal handlers of the core app: start text extraction when a document's file is new or replaced;
``post_collection_move`` after a collection moved in the tree.

Wagtail sends ``post_page_move`` for pages only, and django-treebeard (the tree under Wagtail's
collections) sends no signal at all, neither does the admin's collection edit view, which calls
``Collection.move()`` after saving the form. A collection moved below a restricted one becomes private
with all its documents (and public again when moved out), so ``Collection.move`` is wrapped here to
send ``post_collection_move(sender=Collection, instance=<the moved collection, reloaded>)``.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import Signal

from cms.caching import invalidation

logger = logging.getLogger("cms.core.extraction")

post_collection_move = Signal()


def document_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """Mark the document for extraction when it is new or its file changed."""
    if raw or getattr(instance, "_skip_extraction", False):
        instance._extraction_needed = False
        return
    if update_fields is not None and "file" not in update_fields:
        instance._extraction_needed = False
        return
    previous = None
    if instance.pk:
        previous = (
            sender.objects.filter(pk=instance.pk)
            .values("file", "file_hash", "extracted_text", "extraction_status", "extraction_message")
            .first()
        )
    unchanged = previous is not None and (previous["file"], previous["file_hash"]) == (
        instance.file.name,
        instance.file_hash,
    )
    # A stored extraction that is still pending (e.g. the queue was down) is retried on the next save.
    needed = not unchanged or previous["extraction_status"] == sender.ExtractionStatus.PENDING
    instance._extraction_needed = needed
    if needed:
        instance.extracted_text = ""
        instance.extraction_status = sender.ExtractionStatus.PENDING
        instance.extraction_message = ""
    else:
        # The stored result is authoritative: only the extraction task writes it, so a stale
        # instance (loaded before the task finished) must not overwrite it.
        for name in ("extracted_text", "extraction_status", "extraction_message"):
            setattr(instance, name, previous[name])


def document_post_save(sender, instance, raw=False, **kwargs):
    instance._skip_extraction = False
    if raw or not getattr(instance, "_extraction_needed", False):
        return
    instance._extraction_needed = False
    from search.tasks import extract_document_text

    document_id = instance.pk

    def enqueue():
        try:
            extract_document_text.enqueue(document_id)
        except Exception:  # an unavailable task queue must never break an upload
            logger.exception("Texterkennung für Dokument %s konnte nicht gestartet werden.", document_id)

    transaction.on_commit(enqueue, robust=True)


def _install_collection_move_signal():
    from wagtail.models import Collection

    if getattr(Collection.move, "sends_post_collection_move", False):
        return
    wagtail_move = Collection.move

    def move(self, target, pos=None):
        result = wagtail_move(self, target, pos)
        # treebeard rewrites the paths with queryset updates: the instance is stale, reload it.
        post_collection_move.send(sender=Collection, instance=Collection.objects.get(pk=self.pk))
        return result

    move.sends_post_collection_move = True
    move.__doc__ = wagtail_move.__doc__
    Collection.move = move


def _collection_moved(sender, instance, **kwargs):
    invalidation.invalidate(f"Sammlung {instance.pk} verschoben")


def register():
    from cms.core.models import CustomDocument

    _install_collection_move_signal()
    post_collection_move.connect(_collection_moved, dispatch_uid="core_collection_moved")

    pre_save.connect(document_pre_save, sender=CustomDocument, dispatch_uid="core_document_pre_save")
    post_save.connect(document_post_save, sender=CustomDocument, dispatch_uid="core_document_post_save")
