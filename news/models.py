"""News ("Aktuelles"): a listing page with RSS and Atom feeds, and the news pages below it."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from cms.caching.restrictions import public_only
from cms.core import feeds
from cms.core.blocks import BodyBlock
from cms.core.constants import INTRO_FEATURES
from cms.core.pagination import PAGE_PARAMETER, paginate, query_without
from news.feeds import NewsFeed

# The teaser image in listings and on the home page (16:9); the page itself shows it wider.
LISTING_RENDITION = "fill-480x270"


class NewsIndexPage(feeds.ListingFeedsMixin, RoutablePageMixin, Page):
    """ "Aktuelles": all news, newest first, with RSS and Atom feeds."""

    intro = RichTextField("Einleitung", features=INTRO_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    per_page = 10
    feed_class = NewsFeed

    class Meta:
        verbose_name = "Übersicht Aktuelles"
        verbose_name_plural = "Übersichten Aktuelles"

    def get_news(self):
        """The live, public news below this page, newest first, with their listing images."""
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "-first_published_at", "-pk")
            .prefetch_related(
                models.Prefetch(
                    "image",
                    # All renditions: {% picture %} uses several sizes and formats.
                    queryset=get_image_model().objects.prefetch_renditions(),
                )
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news, page_notice = paginate(request, self.get_news(), self.per_page)
        context.update(
            news=news,
            paginator=news.paginator,
            page_notice=page_notice,
            query_without_page=query_without(request, PAGE_PARAMETER),
        )
        return context


class NewsPage(Page):
    """One news item: date, teaser, text and image, linked to regions, meetings and forum topics."""

    date = models.DateField("Datum", default=timezone.localdate, help_text="Das Datum der Meldung.")
    teaser = models.TextField(
        "Teaser",
        max_length=400,
        help_text="Ein bis drei Sätze für Übersichten, Feeds, die Suche und Vorschauen in sozialen Medien.",
    )
    body = StreamField(BodyBlock(), verbose_name="Text", blank=True, use_json_field=True)
    image = models.ForeignKey(
        "core.CustomImage",
        verbose_name="Bild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Erscheint über der Meldung, in Übersichten und als Vorschaubild beim Teilen.",
    )
    related_regions = ParentalManyToManyField(
        "regions.RegionPage", verbose_name="Modellregionen", blank=True, related_name="news_pages"
    )
    related_meetings = ParentalManyToManyField(
        "meetings.MeetingPage", verbose_name="Treffen", blank=True, related_name="news_pages"
    )
    related_topics = ParentalManyToManyField(
        "meetings.ForumTopicPage",
        verbose_name="Themen Forum Industriepolitik",
        blank=True,
        related_name="news_pages",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("related_regions"), FieldPanel("related_meetings"), FieldPanel("related_topics")],
            heading="Verknüpfungen",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("teaser"),
        APIField("body"),
        APIField("image"),
        APIField("image_thumbnail", serializer=ImageRenditionField(LISTING_RENDITION, source="image")),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Meldung"
        verbose_name_plural = "Meldungen"

    @property
    def summary(self):
        """The teaser under the name listings, feeds and the site search use for every page type."""
        return self.teaser

    og_type = "article"

    @property
    def share_image(self):
        return self.image

    def structured_data(self, request, image, publisher):
        """schema.org ``NewsArticle`` for search engines (rendered as JSON-LD by ``page_meta``)."""
        url = self.get_full_url(request)
        return {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.teaser,
            "datePublished": feeds.day_start(self.date).isoformat(),
            "dateModified": (self.last_published_at or feeds.day_start(self.date)).isoformat(),
            "image": [image["url"]],
            "inLanguage": "de-DE",
            "mainEntityOfPage": url,
            "url": url,
            "author": publisher,
            "publisher": publisher,
        }

    def feed_links(self):
        return feeds.parent_feed_links(self, NewsIndexPage)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only pages visitors may see are linked: live and outside every private section (works for
        # previews too, where these are in-memory lists).
        context["related_pages"] = [
            (page._meta.verbose_name, page)
            for relation in (self.related_meetings, self.related_topics, self.related_regions)
            for page in public_only(relation.all())
        ]
        return context
