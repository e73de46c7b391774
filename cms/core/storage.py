"""Media in S3-compatible object storage (django-storages), private by default.

Objects are written with the ``private`` ACL (``AWS_DEFAULT_ACL``) and reached only through
expiring signed links (``AWS_QUERYSTRING_AUTH``, ``AWS_QUERYSTRING_EXPIRE``): images and
renditions by the signed link in the page, documents never by a link to the bucket at all: Wagtail's
serving view (``/dokumente/…``) checks the collection's view restriction and then streams the file
(``WAGTAILDOCS_SERVE_METHOD = "serve_view"``, see cms/core/media.py). Should a document object be
opened straight from the bucket anyway (a leaked signed link, a public bucket policy set by
mistake), it comes as a download: this storage stores documents with ``Content-Disposition:
attachment``.
"""

from storages.backends.s3 import S3Storage

DOCUMENT_FOLDER = "documents/"


class MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        """``name`` is the object's key, with ``location`` (``AWS_LOCATION``) in front."""
        params = super().get_object_parameters(name)
        prefix = f"{self.location.strip('/')}/" if self.location else ""
        if name.removeprefix(prefix).startswith(DOCUMENT_FOLDER):
            params.setdefault("ContentDisposition", "attachment")
        return params
