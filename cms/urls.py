from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api_router
from cms.core.views import document_password, page_password, robots_txt
from search import views as search_views

handler500 = "cms.core.middleware.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password views with a lockout after repeated wrong passwords (cms/core/views.py);
    # same addresses and names, matched before Wagtail's own.
    path(
        "dokumente/authenticate_with_password/<int:restriction_id>/",
        document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("dokumente/", include(wagtaildocs_urls)),
    path("suche/", search_views.search, name="search"),
    path("suche/vorschlaege/", search_views.suggestions, name="search_suggestions"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password,
        name="wagtailcore_authenticate_with_password",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
