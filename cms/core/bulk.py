"""Add many pages under one parent in a few queries (CSV import, demo loader).

``Page.add_child`` costs 0.1–0.2 s per page: it validates, looks up the last sibling, saves both
tables, updates the parent, and every save indexes the page for the search, updates the reference
index and (when published) renews the caches. For a thousand events that is minutes.

``add_children`` does the same work once per batch:

- the tree paths are computed with treebeard's own helpers (``_get_path``/``_str2int``) from the
  parent's last child, and the parent's ``numchild`` is raised once;
- the base ``wagtailcore_page`` rows are inserted with ``bulk_create``; the specific table (e.g.
  ``events_eventpage``) is written with ``save_base(raw=True)`` – the way ``loaddata`` stores
  multi-table models row by row, one INSERT each, without the per-save signal work (Django refuses
  ``bulk_create`` for multi-table models);
- one revision per page with ``bulk_create`` (published pages get it as live revision, drafts as
  latest revision, as ``save_revision``/``publish`` would), one log entry per page;
- afterwards the search backends index the pages with one ``add_bulk`` per model, the reference
  index is updated, and ``pages_bulk_created`` is sent once (the site search listens to it).

No library adds Wagtail pages in bulk (treebeard's ``MP_Node.load_bulk`` does not know Wagtail's
fields, revisions or search), so this is written here. The caller validates the pages first (the
model's ``full_clean``): nothing is validated here.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone
from modelsearch.backends import get_search_backends
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, TaskState, WorkflowState

from cms.caching import invalidation

# Sent once after add_children, with ``parent`` and ``pages`` (the specific, saved pages).
pages_bulk_created = Signal()

BATCH_SIZE = 500


def _next_steps(parent, count):
    """The tree paths of ``count`` new children after the parent's current last child."""
    parent = Page.objects.get(pk=parent.pk)  # fresh path and numchild
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    first = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    depth = parent.depth + 1
    return parent, [Page._get_path(parent.path, depth, first + n) for n in range(count)]


def add_children(parent, pages, *, live=False, user=None, revisions=True, progress=None):
    """Save the unsaved specific ``pages`` (one model or several) as children of ``parent``.

    Each page needs a unique ``slug`` and its fields set; ``live`` publishes all of them. Returns the
    saved pages. ``progress(done)`` is called after every batch. Runs in one transaction.
    """
    if not pages:
        return []
    now = timezone.now()
    with transaction.atomic():
        parent, paths = _next_steps(parent, len(pages))
        base_fields = Page._meta.concrete_fields
        for page, path in zip(pages, paths, strict=True):
            page.path, page.depth, page.numchild = path, parent.depth + 1, 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = parent.locale_id
            page.draft_title = page.title
            page.owner = user if page.owner_id is None else page.owner
            page.live = live
            page.has_unpublished_changes = not live
            if live:
                page.first_published_at = page.first_published_at or now
                page.last_published_at = page.last_published_at or now
            page.latest_revision_created_at = now if revisions else None
        done = 0
        for start in range(0, len(pages), BATCH_SIZE):
            batch = pages[start : start + BATCH_SIZE]
            bases = Page.objects.bulk_create(
                [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in batch]
            )
            for page, base in zip(batch, bases, strict=True):
                page.id = page.pk = base.pk  # Page.id and the specific model's page_ptr_id
                page._state.adding = True
                page.save_base(raw=True, force_insert=True)
                page._state.adding = False
            done += len(batch)
            if progress:
                progress(done)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        if revisions:
            _add_revisions(pages, live=live, user=user, now=now)
        PageLogEntry.objects.bulk_create(
            PageLogEntry(
                content_type_id=page.content_type_id,
                page_id=page.pk,
                label=page.get_admin_display_title()[:255],
                action=action,
                user=user,
                timestamp=now,
                revision_id=page.latest_revision_id if action == "wagtail.publish" else None,
            )
            for page in pages
            for action in (["wagtail.create", "wagtail.publish"] if live else ["wagtail.create"])
        )
        _index(parent, pages)
        if live:
            invalidation.invalidate(f"{len(pages)} Seiten unter {parent.pk} angelegt")
    return pages


def _add_revisions(pages, *, live, user, now):
    base_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type_id=page.content_type_id,
            base_content_type=base_type,
            object_id=str(page.pk),
            user=user,
            created_at=now,
            content=page.serializable_data(),
            object_str=str(page),
        )
        for page in pages
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = revision.pk
        if live:
            page.live_revision_id = revision.pk
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=BATCH_SIZE)


def _index(parent, pages):
    """The search backends, the reference index and listeners, once for all pages."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for backend in get_search_backends(with_auto_update=True):
        for model, objects in by_model.items():
            backend.add_bulk(model, objects)
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)
    pages_bulk_created.send(sender=Page, parent=parent, pages=pages)


def submit_for_moderation(pages, *, user=None):
    """Start the moderation workflow of the new sibling ``pages`` in bulk; False if they have none.

    What ``Workflow.start`` does for one page (0.05 s each: validation, several saves, a log entry),
    for all of them in a few queries: a workflow state and the first task's state per page, one log
    entry each. The per-page notification e-mails are not sent: a thousand mails to the reviewers
    help nobody; the pages wait in the dashboard's "Was auf Sie wartet" and under "Workflows".
    A workflow whose first task keeps its own task state model falls back to ``Workflow.start``.
    """
    if not pages:
        return False
    workflow = pages[0].get_workflow()
    if workflow is None:
        return False
    task = workflow.tasks.filter(active=True).first()
    task_state_class = task.specific.get_task_state_class() if task else None
    if task_state_class is not TaskState:
        for page in pages:
            workflow.start(page, user=user)
        return True
    base_type = ContentType.objects.get_for_model(Page)
    states = WorkflowState.objects.bulk_create(
        WorkflowState(
            content_type_id=page.content_type_id,
            base_content_type=base_type,
            object_id=str(page.pk),
            workflow=workflow,
            status=WorkflowState.STATUS_IN_PROGRESS,
            requested_by=user,
        )
        for page in pages
    )
    task_states = TaskState.objects.bulk_create(
        TaskState(
            workflow_state=state,
            revision_id=page.latest_revision_id,
            task=task,
            status=TaskState.STATUS_IN_PROGRESS,
        )
        for state, page in zip(states, pages, strict=True)
    )
    for state, task_state in zip(states, task_states, strict=True):
        state.current_task_state = task_state
    WorkflowState.objects.bulk_update(states, ["current_task_state"], batch_size=BATCH_SIZE)
    now = timezone.now()
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type_id=page.content_type_id,
            page_id=page.pk,
            label=page.get_admin_display_title()[:255],
            action="wagtail.workflow.start",
            data={
                "workflow": {
                    "id": workflow.pk,
                    "title": workflow.name,
                    "status": WorkflowState.STATUS_IN_PROGRESS,
                    "next": {"id": task.pk, "title": task.name},
                    "task_state_id": task_state.pk,
                }
            },
            revision_id=page.latest_revision_id,
            user=user,
            timestamp=now,
        )
        for page, task_state in zip(pages, task_states, strict=True)
    )
    return True
