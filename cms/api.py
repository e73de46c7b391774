"""Wagtail API v2 at /api/v2/: read-only, public content only.

Pages: live and without any view restriction (password, login or group), also for logged-in users.
Documents: none from a collection with a view restriction (or below one). Images: all (Wagtail has
no private images).

Every endpoint (listing, detail, ``find``) checks the query before Wagtail sees it and answers bad
input with 400 and a German ``{"message": ...}`` (the form of Wagtail's own API errors): NUL bytes,
``limit``/``offset`` that are not whole numbers within bounds (Wagtail passes any size on to the
database: an overflow there was a 500), ``search`` longer than ``MAX_SEARCH_LENGTH`` characters or
``MAX_SEARCH_WORDS`` words (the search backend nests one condition per word: 500 words overflowed
Python's stack), a ``search_operator`` other than ``and``/``or`` and an ``id`` (find) that is not a
positive whole number. Hand-written: Wagtail's API
has no hook for bounds, and a DRF serializer for a handful of query parameters would be more code.
"""

from django.db.models import Q
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection

MAX_OFFSET = 100_000
MAX_ID_DIGITS = 18  # fits a 64-bit primary key
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 20
MAX_VALUE_LENGTH = 1_000
SEARCH_OPERATORS = ("and", "or")


def check_query(query):
    """Raises ``BadRequestError`` (400, German message) for query parameters no endpoint can serve."""
    for name, values in query.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequestError("Die Anfrage enthält ein unzulässiges Zeichen (NUL).")
        if any(len(value) > MAX_VALUE_LENGTH for value in values):
            raise BadRequestError(
                f"Der Wert von „{name[:40]}“ ist zu lang (höchstens {MAX_VALUE_LENGTH} Zeichen)."
            )
    for name in ("limit", "offset"):
        if name in query:
            value = query[name].strip()
            if not value.isdigit() or not value.isascii() or int(value) > MAX_OFFSET:
                raise BadRequestError(f"„{name}“ muss eine ganze Zahl von 0 bis {MAX_OFFSET} sein.")
    if "id" in query:  # find: ?id=
        value = query["id"].strip()
        if not value.isdigit() or not value.isascii() or len(value) > MAX_ID_DIGITS:
            raise BadRequestError("„id“ muss eine positive ganze Zahl sein.")
    if "search" in query:
        search = query["search"]
        if len(search) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"Der Suchbegriff ist zu lang (höchstens {MAX_SEARCH_LENGTH} Zeichen).")
        if len(search.split()) > MAX_SEARCH_WORDS:
            raise BadRequestError(f"Der Suchbegriff hat zu viele Wörter (höchstens {MAX_SEARCH_WORDS}).")
    if "search_operator" in query and query["search_operator"] not in SEARCH_OPERATORS:
        raise BadRequestError("„search_operator“ muss „and“ oder „or“ sein.")


class CheckedQueryMixin:
    """Checks the query of every request to the endpoint (listing, detail, find) first."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query(request.GET)


class PublicPagesAPIViewSet(CheckedQueryMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        return super().get_base_queryset().public()


class PublicDocumentsAPIViewSet(CheckedQueryMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        restricted = Q()
        for path in Collection.objects.filter(view_restrictions__isnull=False).values_list("path", flat=True):
            restricted |= Q(collection__path__startswith=path)
        queryset = super().get_queryset()
        return queryset.exclude(restricted) if restricted else queryset


class PublicImagesAPIViewSet(CheckedQueryMixin, ImagesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
