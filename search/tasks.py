"""The document text pipeline: a document's file is new or replaced -> ``extract_document_text`` runs
in the background (django-tasks; immediate in dev and tests) -> the text is stored, which reindexes
the document for the search."""

import logging
import tempfile
from pathlib import Path

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django_tasks import task

from cms.core.models import CustomDocument
from search.extraction import extract_file

logger = logging.getLogger("cms.search.extraction")


@task()
def extract_document_text(document_id):
    """Extract the text of a document's file and store it; saving reindexes the document.

    A file that cannot be read is kept: its text stays empty and the reason is stored in
    ``extraction_message`` (shown to editors) and logged.
    """
    document = CustomDocument.objects.filter(pk=document_id).first()
    if document is None:
        return None
    try:
        path = document.file.path
    except (NotImplementedError, ValueError):
        # Remote storage without local paths: copy the file to a temporary file first.
        path = None
    if path is None:
        suffix = Path(document.file.name).suffix
        with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
            with document.file.open("rb") as source:
                for chunk in source.chunks():
                    handle.write(chunk)
            handle.flush()
            result = extract_file(handle.name)
    else:
        result = extract_file(path)

    if result.status in {"failed", "unsupported", "empty"}:
        log = logger.warning if result.status == "failed" else logger.info
        log("Texterkennung für Dokument %s (%s): %s", document.pk, document.file.name, result.message)

    document.extracted_text = result.text
    document.extraction_status = result.status
    document.extraction_message = result.message[:500]
    # Saving sends post_save, which updates Wagtail's search index and the site search entry.
    document._skip_extraction = True
    document.save(update_fields=["extracted_text", "extraction_status", "extraction_message"])
    return result.status


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
    document_id = instance.pk

    def enqueue():
        try:
            extract_document_text.enqueue(document_id)
        except Exception:  # an unavailable task queue must never break an upload
            logger.exception("Texterkennung für Dokument %s konnte nicht gestartet werden.", document_id)

    transaction.on_commit(enqueue, robust=True)


def register():
    pre_save.connect(document_pre_save, sender=CustomDocument, dispatch_uid="search_document_pre_save")
    post_save.connect(document_post_save, sender=CustomDocument, dispatch_uid="search_document_post_save")
