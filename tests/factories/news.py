import datetime

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Aktuelles"
    slug = "aktuelles"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Meldung {n}")
    date = factory.Sequence(lambda n: datetime.date(2017, 1, 1) + datetime.timedelta(days=n))
    teaser = "Kurz gesagt: Das N3tzwerk berichtet."
