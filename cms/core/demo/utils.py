"""Building blocks for idempotent demo loaders.

Every helper looks an object up by a natural key (slug under its parent, name, title …) and
creates it only when it is missing; existing objects are returned unchanged, so running a loader
twice changes nothing and never overwrites what editors changed.
"""

import json
import uuid
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Orderable
from wagtail.utils.file import hash_filelike


class DemoLog:
    """Collects what a demo run created and reports it to ``stdout`` (if given)."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = []

    def write(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def created_object(self, obj, kind=None):
        label = f"{kind or obj._meta.verbose_name}: {obj}"
        self.created.append(label)
        self.write(f"  angelegt – {label}")


def get_or_create(log, model, lookup, defaults=None):
    """``model.objects.get_or_create`` that logs what it created. Returns the object."""
    obj, created = model.objects.get_or_create(**lookup, defaults=defaults or {})
    if created:
        log.created_object(obj)
    return obj


def publish(page, user=None):
    """Save a revision of ``page`` and publish it."""
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    return page


def number_orderables(fields):
    """Give inline ``Orderable`` objects in the list values of ``fields`` their list position."""
    for value in fields.values():
        if isinstance(value, list):
            for position, item in enumerate(value):
                if isinstance(item, Orderable) and item.sort_order is None:
                    item.sort_order = position


def ensure_child_page(log, parent, model, slug, **fields):
    """The child of ``parent`` with this ``slug``; created (from ``fields``) and published if missing.

    ``fields`` may include modelcluster child relations (lists of unsaved inline objects) and
    ``ParentalManyToManyField`` values (lists of objects); they are saved with the page. Inline
    ``Orderable`` objects without a ``sort_order`` get their list position, so they keep the given
    order on every database.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    number_orderables(fields)
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    publish(page)
    log.created_object(page, kind=model._meta.verbose_name)
    return page


def ensure_document(log, path, title, description="", content=None):
    """The document titled ``title``; if missing, ``path`` is copied into the document storage,
    or, with ``content`` (a function returning bytes, called only then), a file named like ``path``
    is stored with what it returns (drawn demo files).

    ``file_size`` and ``file_hash`` are set the way Wagtail's upload view sets them.
    """
    Document = get_document_model()
    existing = Document.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing
    path = Path(path)
    document = Document(title=title)
    if hasattr(document, "description"):
        document.description = description
    with ContentFile(content(), name=path.name) if content else path.open("rb") as handle:
        document.file.save(path.name, File(handle), save=False)
        handle.seek(0)
        document.file_hash = hash_filelike(handle)
    document.file_size = document.file.size
    document.save()
    log.created_object(document)
    return document


ILLUSTRATION_CREDIT = "Illustration: N3tzwerk (Demo, gezeichnet)"


def ensure_image(log, name, title):
    """The image titled ``title``; if missing, the illustration ``name`` of
    ``cms.core.demo.illustrations`` is drawn and stored, with its alt text, the credit line and a
    focal point in the middle third (editors move it in the admin)."""
    from cms.core.demo import illustrations  # Pillow drawing, only when an image is missing

    Image = get_image_model()
    existing = Image.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing
    data, alt_text = illustrations.illustration(name)
    width, height = illustrations.size_of(data)
    image = Image(title=title, alt_text=alt_text, credit=ILLUSTRATION_CREDIT)
    image.file.save(f"{name}.jpg", ContentFile(data), save=False)
    image.width, image.height = width, height
    image._set_image_file_metadata()  # size and hash, as Wagtail's upload view sets them
    image.focal_point_x, image.focal_point_y = image.width // 2, image.height // 2
    image.focal_point_width, image.focal_point_height = image.width // 3, image.height // 3
    image.save()
    log.created_object(image)
    return image


# StreamField values in their raw (JSON) form, as stored in the database.


def stream(*blocks):
    """A StreamField value from the block dicts below."""
    return json.dumps([{**block, "id": str(uuid.uuid4())} for block in blocks])


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def documents(heading_text, docs):
    return {"type": "documents", "value": {"heading": heading_text, "documents": [doc.pk for doc in docs]}}


def call_to_action(title, text="", page=None, url="", button_text="Mehr erfahren"):
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "page": page.pk if page is not None else None,
            "url": url,
            "button_text": button_text,
        },
    }


def contact(contact_obj):
    return {"type": "contact", "value": {"contact": contact_obj.pk}}


def page_link(page, text):
    """A Wagtail rich-text link to ``page`` (resolved at render time, survives moves)."""
    return f'<a linktype="page" id="{page.pk}">{text}</a>'
