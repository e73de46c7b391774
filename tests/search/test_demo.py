"""The search's demo content: the editors' recommendations, offered as "Häufig gesucht"; idempotent."""

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import SearchPromotion

from cms.core.demo import load_all
from search.demo import PROMOTIONS


@pytest.fixture
def demo(db):
    return load_all()


def test_demo_promotions_are_the_frequent_searches(demo, client):
    assert SearchPromotion.objects.count() == len(PROMOTIONS)
    promotion = SearchPromotion.objects.get(query__query_string="forum industriepolitik")
    assert promotion.page.slug == "forum-industriepolitik"
    response = client.get(reverse("search"), {"q": "Quatschwort"})
    assert response.context["popular_queries"] == sorted(term.lower() for term in PROMOTIONS)
    promoted = client.get(reverse("search"), {"q": "Treffen"}).content.decode()
    assert "Empfehlung der Redaktion" in promoted


def test_loading_again_changes_nothing(demo):
    assert not load_all().created
    assert SearchPromotion.objects.count() == len(PROMOTIONS)
