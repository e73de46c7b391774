"""Admin integration of the news: a dashboard count of news with unpublished changes."""

from django.urls import reverse

from cms.core import dashboard
from news.models import NewsIndexPage, NewsPage


def unpublished_news(request):
    return NewsPage.objects.filter(has_unpublished_changes=True).count()


def news_in_admin(request):
    index = NewsIndexPage.objects.first()
    return reverse("wagtailadmin_explore", args=[index.pk]) if index else None


dashboard.register(
    "unpublished_news",
    label="Meldungen mit unveröffentlichten Änderungen",
    count=unpublished_news,
    url=news_in_admin,
    order=50,
)
