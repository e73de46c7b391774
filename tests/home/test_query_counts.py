"""A content page's query count does not grow with the number of its body blocks."""

from tests.factories.home import StandardPageFactory
from tests.support.queries import query_count


def make_page(parent, slug, n):
    page = StandardPageFactory(parent=parent, slug=slug)
    page.body = [("paragraph", f"<p>Absatz {i}</p>") for i in range(n)]
    page.save()
    return page


def test_standard_page_query_count_does_not_grow_with_blocks(client, home_page):
    small = make_page(home_page, "klein", 2)
    large = make_page(home_page, "gross", 30)
    assert query_count(client, small.url) == query_count(client, large.url)
