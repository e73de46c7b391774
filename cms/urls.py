from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap

from cms.api import api_router
from cms.core.media import document_urlpatterns, media_urlpatterns
from cms.core.views import page_password, robots_txt
from events import partner_views
from events import urls as events_urls
from search import views as search_views

handler500 = "cms.core.middleware.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Documents through Wagtail's checked view with safe headers, and its password view with a lockout
    # after repeated wrong passwords (cms/core/media.py, cms/core/views.py).
    path("dokumente/", include(document_urlpatterns)),
    path("suche/", search_views.search, name="search"),
    path("suche/vorschlaege/", search_views.suggestions, name="search_suggestions"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The partner's personal link to a reported event (events/selfservice.py).
    path("meine-veranstaltung/<str:token>/", partner_views.status, name="event_self_service"),
    path(
        "meine-veranstaltung/<str:token>/aendern/", partner_views.correct, name="event_self_service_correct"
    ),
    path("meine-veranstaltung/<str:token>/absagen/", partner_views.cancel, name="event_self_service_cancel"),
    # The stable address of the current Woche der Industrie, /woche/… (events/weeks.py).
    path("", include(events_urls)),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password,
        name="wagtailcore_authenticate_with_password",
    ),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Uploaded images (not documents: they go through /dokumente/ and its restriction check), with and
# without DEBUG, while the uploads lie in MEDIA_ROOT (cms/core/media.py).
urlpatterns += media_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]
