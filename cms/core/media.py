"""Serving uploads: images from MEDIA_ROOT under ``/media/``, documents only through Wagtail's view.

Wagtail stores images (``original_images/``, renditions in ``images/``) and documents
(``documents/``) in the default storage. On a local storage nothing served ``/media/`` without
DEBUG, so ``make serve`` showed no uploaded image; serving all of MEDIA_ROOT (``static()``) would
hand out documents of private collections past Wagtail's restriction check. So:

- :func:`serve_image_file` serves only the image folders, with ``django.views.static.serve``
  (Django's file view: path checks, ``If-Modified-Since``, content type), long cache headers and a
  policy under which no script in a file can run (``default-src 'none'; sandbox``, ``nosniff``).
  WhiteNoise is made for files known at start-up (it indexes them once); uploads arrive while the
  site runs, which is why this small view and not WhiteNoise serves them.
- :data:`document_urlpatterns` is Wagtail's document URLs (``/dokumente/<id>/<name>``) with the
  same headers on the file: the view checks the collection's view restriction first
  (``before_serve_document`` hook), then streams the file as an attachment
  (``WAGTAILDOCS_INLINE_CONTENT_TYPES = []``), whatever the storage.

With object storage (S3) the files come from the bucket (private objects, signed links; see
``cms/core/storage.py``) and ``/media/`` is not routed at all.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, re_path
from django.views.static import serve
from wagtail.documents.views import serve as wagtail_serve

from cms.core.views import document_password

IMAGE_FOLDERS = ("original_images/", "images/")
# File names of originals and renditions change when their content does (a new upload, another
# filter): a month in the browser and CDN is safe.
IMAGE_CACHE_CONTROL = "public, max-age=2592000"
UPLOAD_POLICY = "default-src 'none'; sandbox"


def protect(response):
    """Headers for a served upload: no script in it may run, no type may be guessed."""
    response["Content-Security-Policy"] = UPLOAD_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    return response


def serve_image_file(request, path):
    """An uploaded image or rendition from MEDIA_ROOT; anything else under /media/ is a 404."""
    parts = path.split("/")
    if not path.startswith(IMAGE_FOLDERS) or "\\" in path or any(part in {"", ".", ".."} for part in parts):
        raise Http404("Keine Bilddatei.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = IMAGE_CACHE_CONTROL
    return protect(response)


def serves_local_media():
    """True when uploads lie in MEDIA_ROOT (not in object storage): then /media/ is routed."""
    return isinstance(default_storage, FileSystemStorage)


def media_urlpatterns():
    if not serves_local_media():
        return []
    prefix = settings.MEDIA_URL.lstrip("/")
    return [path(f"{prefix}<path:path>", serve_image_file, name="media_image")]


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (restriction check, attachment) plus the upload headers on the file."""
    response = wagtail_serve.serve(request, document_id, document_filename)
    # The file (or its 304); not the password form or the login redirect of a restricted collection.
    if response.status_code in (200, 206, 304) and not isinstance(response, TemplateResponse):
        protect(response)
    return response


document_urlpatterns = [
    re_path(r"^(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
