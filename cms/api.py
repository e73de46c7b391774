"""Wagtail API v2 at /api/v2/: read-only, public content only.

Pages: live and without any view restriction (password, login or group), also for logged-in users.
Documents: none from a collection with a view restriction (or below one). Images: all (Wagtail has
no private images).
"""

from django.db.models import Q
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        return super().get_base_queryset().public()


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        restricted = Q()
        for path in Collection.objects.filter(view_restrictions__isnull=False).values_list("path", flat=True):
            restricted |= Q(collection__path__startswith=path)
        queryset = super().get_queryset()
        return queryset.exclude(restricted) if restricted else queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
