"""The news listing and the home page must not run one query per news item (bounded query counts)."""

import pytest

from tests.factories.core import ImageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.support.queries import query_count


def make_index(home, n):
    index = NewsIndexPageFactory(parent=home)
    for _ in range(n):
        NewsPageFactory(parent=index, image=ImageFactory())
    return index


@pytest.mark.parametrize("view", ["index", "home"])
def test_query_count_does_not_grow_with_news(client, home_page, view):
    index = make_index(home_page, 2)
    url = index.url if view == "index" else home_page.url
    small = query_count(client, url)
    index.delete()
    make_index(home_page, 10)
    assert query_count(client, url) == small
