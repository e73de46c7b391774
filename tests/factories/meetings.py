import datetime

import factory
import wagtail_factories

from meetings.models import (
    ForumIndexPage,
    ForumSession,
    ForumTopicPage,
    MeetingIndexPage,
    MeetingPage,
    MeetingPresentation,
    MeetingSpeaker,
)
from tests.factories.core import DocumentFactory, PersonFactory


class MeetingIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MeetingIndexPage

    title = "Treffen"
    slug = "treffen"


class MeetingPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MeetingPage

    title = factory.Sequence(lambda n: f"{n}. Treffen Regionale Industriebündnisse")
    date = datetime.date(2017, 4, 5)
    summary = "Bericht über das Treffen."


class MeetingSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingSpeaker

    page = factory.SubFactory(MeetingPageFactory)
    person = factory.SubFactory(PersonFactory)
    talk_title = "Ein Vortrag"


class MeetingPresentationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingPresentation

    page = factory.SubFactory(MeetingPageFactory)
    document = factory.SubFactory(DocumentFactory)
    speaker = factory.SubFactory(PersonFactory)


class ForumIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ForumIndexPage

    title = "Forum Industriepolitik"
    slug = "forum-industriepolitik"


class ForumTopicPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ForumTopicPage

    title = factory.Sequence(lambda n: f"Thema {n}")
    recommendation = "Eine Empfehlung."


class ForumSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumSession

    page = factory.SubFactory(ForumTopicPageFactory)
    date = None
