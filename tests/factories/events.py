import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from cms.core.constants import FederalState
from events.models import EventIndexPage, EventPage

BERLIN = timezone.get_default_timezone()


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
    start = factory.LazyFunction(lambda: datetime.datetime(2017, 9, 18, 10, 0, tzinfo=BERLIN))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    kind = EventPage.Kind.FACTORY_TOUR
    organiser_name = "Rheintec Metallbau GmbH"
    venue = "Werk Süd"
    street = "Industriestraße 5"
    postcode = "50667"
    city = "Köln"
    federal_state = FederalState.NW
    latitude = Decimal("50.93750")
    longitude = Decimal("6.96030")
    description = "Ein Rundgang durch die Fertigung."
