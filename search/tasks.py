"""Background tasks of the search app (django-tasks; immediate in dev and tests)."""

import logging

from django_tasks import task

logger = logging.getLogger("cms.search.extraction")


@task()
def extract_document_text(document_id):
    """Extract the text of a document's file and store it; saving reindexes the document.

    A file that cannot be read is kept: its text stays empty and the reason is stored in
    ``extraction_message`` (shown to editors) and logged.
    """
    from cms.core.models import CustomDocument
    from search.extraction import extract_file

    document = CustomDocument.objects.filter(pk=document_id).first()
    if document is None:
        return None
    try:
        path = document.file.path
    except (NotImplementedError, ValueError):
        # Remote storage without local paths: copy the file to a temporary file first.
        path = None
    if path is None:
        import tempfile
        from pathlib import Path

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
