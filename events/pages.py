"""Creating event pages outside the page editor (partner form, CSV import).

Both validate with the model's own rules (field validators and ``EventPage.clean``) before they
touch the tree, and both add the page under its week's index the way the page editor does:
a unique slug, a first revision, live or as a draft.
"""

from django.core.exceptions import ValidationError
from wagtail.log_actions import log

from cms.core.bulk import add_children
from cms.core.slugs import german_slugify
from events.models import EventPage

# Set by the tree or by add_event, never by the partner or the CSV file.
TREE_FIELDS = [
    "path",
    "depth",
    "numchild",
    "slug",
    "url_path",
    "draft_title",
    "translation_key",
    "locale",
    "live_revision",
    "latest_revision",
]


def event_errors(page, index):
    """The model's validation errors of an unsaved ``page`` for ``index`` as {field: [messages]}."""
    page.locale_id = index.locale_id
    try:
        page.full_clean(exclude=TREE_FIELDS, validate_unique=False)
    except ValidationError as error:
        return error.message_dict
    return {}


def unique_slug(index, title, taken=()):
    """A slug for ``title`` that no child of ``index`` (and nothing in ``taken``) uses yet."""
    base = german_slugify(title)[:70].strip("-") or "veranstaltung"
    existing = set(
        EventPage.objects.child_of(index).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    existing.update(taken)
    candidate, number = base, 1
    while candidate in existing:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def add_events(index, pages, *, publish=False, user=None):
    """Add the unsaved, validated ``pages`` under ``index`` in bulk: drafts with a revision, or
    published; the search index is updated once at the end (cms.core.bulk)."""
    taken = set()
    for page in pages:
        page.owner = user
        page.slug = unique_slug(index, page.title, taken)
        taken.add(page.slug)
    return add_children(index, pages, live=publish, user=user)


def add_event(index, page, *, publish=False, user=None):
    """Add the unsaved, validated ``page`` under ``index``: a draft with a revision, or published."""
    page.live = False
    page.has_unpublished_changes = True
    page.owner = user
    page.locale_id = index.locale_id
    page.slug = unique_slug(index, page.title)
    index.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()
    return page
