import datetime

import factory
import wagtail_factories
from django.utils import timezone

from cms.core.constants import FederalState
from events.models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = factory.LazyAttribute(lambda o: f"Woche der Industrie {o.year}")
    slug = factory.LazyAttribute(lambda o: f"woche-der-industrie-{o.year}")
    year = 2017
    week_start = datetime.date(2017, 9, 16)
    week_end = datetime.date(2017, 9, 24)


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Werksführung {n}")
    start = factory.LazyFunction(
        lambda: datetime.datetime(2017, 9, 20, 14, 0, tzinfo=timezone.get_default_timezone())
    )
    kind = EventPage.Kind.FACTORY_TOUR
    organiser_name = "Musterwerk GmbH"
    venue = "Werk Köln, Tor 3"
    postcode = "50667"
    city = "Köln"
    federal_state = FederalState.NW
    description = "Ein Blick hinter die Werkstore."
