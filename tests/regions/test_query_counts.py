"""The region index, the initiative directory and region pages run a fixed number of queries."""

import datetime

from regions.models import InitiativePartner
from tests.factories.core import GoodPracticeCriterionFactory, OrganisationFactory
from tests.factories.meetings import MeetingIndexPageFactory, MeetingPageFactory
from tests.factories.regions import (
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
    RegionPartnerFactory,
)
from tests.support.queries import query_count


def add_regions(region_index, initiative_index, n):
    for _ in range(n):
        initiative = InitiativePageFactory(parent=initiative_index)
        region = RegionPageFactory(parent=region_index, initiative=initiative)
        RegionPartnerFactory(page=region)


def test_region_index_query_count_does_not_grow_with_regions(client, home_page):
    region_index = RegionIndexPageFactory(parent=home_page)
    initiative_index = InitiativeIndexPageFactory(parent=home_page)
    add_regions(region_index, initiative_index, 3)
    small = query_count(client, region_index.url)
    add_regions(region_index, initiative_index, 27)
    assert query_count(client, region_index.url) == small


def add_initiatives(index, region_index, n):
    criterion = GoodPracticeCriterionFactory()
    for i in range(n):
        initiative = InitiativePageFactory(parent=index, is_good_practice=bool(i % 2))
        InitiativePartner.objects.create(page=initiative, organisation=OrganisationFactory())
        initiative.good_practice_criteria.add(criterion)
        initiative.save()
        RegionPageFactory(parent=region_index, initiative=initiative)


def test_initiative_directory_query_count_does_not_grow_with_initiatives(client, home_page):
    index = InitiativeIndexPageFactory(parent=home_page, per_page=50)
    region_index = RegionIndexPageFactory(parent=home_page)
    add_initiatives(index, region_index, 3)
    small = query_count(client, index.url)
    small_filtered = query_count(client, index.url + "?q=Industrie&land=NW&seite=1")
    add_initiatives(index, region_index, 27)
    assert query_count(client, index.url) == small
    assert query_count(client, index.url + "?q=Industrie&land=NW&seite=1") == small_filtered


def test_region_page_query_count_does_not_grow_with_partners_and_meetings(client, home_page):
    region_index = RegionIndexPageFactory(parent=home_page)
    meetings = MeetingIndexPageFactory(parent=home_page)
    small, large = RegionPageFactory(parent=region_index), RegionPageFactory(parent=region_index)
    for region, n in ((small, 3), (large, 30)):
        for i in range(n):
            RegionPartnerFactory(
                page=region, organisation=OrganisationFactory(website="https://example.org/")
            )
            meeting = MeetingPageFactory(
                parent=meetings, date=datetime.date(2016, 1, 1) + datetime.timedelta(i)
            )
            meeting.related_regions.add(region)
            meeting.save()
    assert query_count(client, small.url) == query_count(client, large.url)


def test_initiative_page_query_count_does_not_grow_with_partners(client, home_page):
    index = InitiativeIndexPageFactory(parent=home_page)
    region_index = RegionIndexPageFactory(parent=home_page)
    pages = []
    for n in (3, 30):
        initiative = InitiativePageFactory(parent=index, is_good_practice=True)
        for _ in range(n):
            InitiativePartner.objects.create(page=initiative, organisation=OrganisationFactory())
            initiative.good_practice_criteria.add(GoodPracticeCriterionFactory())
            RegionPageFactory(parent=region_index, initiative=initiative)
        initiative.save()
        pages.append(initiative)
    assert query_count(client, pages[0].url) == query_count(client, pages[1].url)
