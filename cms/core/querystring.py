"""Query strings of links that change some parameters and keep the others.

Templates use Django's ``{% querystring %}`` tag (Django 5.1+), on the current request or on a
``QueryDict`` built here. Python code that builds links from cleaned parameters (the search facets,
the event map) and the listing pages (their parameters without the page number, for the pagination
include) use these two functions. They follow the tag's rules – a value sets a key where it stands,
``None`` removes it – and add one: empty values (``""``) are left out, never copied into a link.
The tag itself takes a template context, and no library does more than ``QueryDict`` already does.
"""

from django.http import QueryDict


def query_params(params, **changes):
    """A ``QueryDict`` of ``params`` (a ``QueryDict`` or a dict) with ``changes`` applied."""
    query = QueryDict(mutable=True)
    lists = params.lists() if hasattr(params, "lists") else ((key, [value]) for key, value in params.items())
    for key, values in lists:
        values = [value for value in values if value not in (None, "")]
        if values:
            query.setlist(key, values)
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query


def query_string(params, **changes):
    """``"?…"`` of ``params`` with ``changes`` applied; ``""`` when no parameter is left."""
    encoded = query_params(params, **changes).urlencode()
    return f"?{encoded}" if encoded else ""
