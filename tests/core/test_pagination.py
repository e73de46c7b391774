"""The page number of the address: ``requested_page`` reads it as ``paginate`` does (the search asks
for that page's results before it paginates, search/views.py)."""

import pytest
from django.test import RequestFactory

from cms.core.pagination import paginate, requested_page

RAW = [
    "",
    " ",
    "1",
    "2",
    " 3 ",
    "07",
    "50",
    "51",
    "0",
    "-1",
    "1.5",
    "zwei",
    "²",
    "٣",
    "9" * 9,
    "9" * 10,
    "9" * 25,
    "0" * 25 + "2",
    "0000000005",
    "0" * 10,
    "1e3",
]


@pytest.mark.parametrize("raw", RAW)
def test_the_requested_page_is_the_page_paginate_shows_while_it_exists(raw):
    request = RequestFactory().get("/", {"seite": raw})
    page, notice = paginate(request, list(range(500)), 10)  # 50 pages
    asked = requested_page(request)
    assert asked >= 1
    if asked <= 50:
        assert page.number == asked
    else:
        assert page.number == 50 and notice  # past the end: the last page, with a notice


def test_no_parameter_is_page_one():
    assert requested_page(RequestFactory().get("/")) == 1
