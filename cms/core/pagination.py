"""Pagination for listing pages: bad page numbers in the URL give a German notice, never an error."""

from django.core.paginator import Paginator

from cms.core.querystring import query_params

PAGE_PARAMETER = "seite"
MAX_PAGE_NUMBER = 10**9  # more digits than any list has pages


def _number(value):
    """The page number in the stripped ``value``: ``None`` unless it is a whole number from 1 upwards
    in plain ASCII digits; ``MAX_PAGE_NUMBER`` for more than nine digits (past any list's end). The
    length checks keep int() away from absurdly long input."""
    if not (value.isascii() and value.isdigit()) or int(value[:20]) < 1:
        return None
    return MAX_PAGE_NUMBER if len(value) > 9 else int(value)


def paginate(request, items, per_page, parameter=PAGE_PARAMETER):
    """Return ``(page, notice)``: the requested page of ``items`` and a message if the number was unusable.

    A missing number shows page 1. A number that is not a whole number from 1 upwards shows page 1, a
    number beyond the last page shows the last page; both with a ``notice`` that says so.
    """
    paginator = Paginator(items, per_page)
    value = request.GET.get(parameter, "").strip()
    if not value:
        return paginator.page(1), ""
    shown = value if len(value) <= 20 else value[:20] + "…"
    number = _number(value)
    if number is None:
        return paginator.page(1), f"„{shown}“ ist keine gültige Seitenzahl. Angezeigt wird Seite 1."
    last = paginator.num_pages
    if number > last:
        if last == 1:
            return paginator.page(1), f"Seite {shown} gibt es nicht. Angezeigt wird Seite 1."
        return paginator.page(last), f"Seite {shown} gibt es nicht. Angezeigt wird die letzte Seite ({last})."
    return paginator.page(number), ""


def requested_page(request, parameter=PAGE_PARAMETER):
    """The page number the address asks for, as ``paginate`` reads it: 1 when there is none or it is
    unusable. A number past the last page is returned as asked, at most ``MAX_PAGE_NUMBER``
    (``paginate`` then shows the last page)."""
    return _number(request.GET.get(parameter, "").strip()) or 1


def query_without(request, *keys):
    """The current parameters without ``keys`` (for links that set them anew, as the pagination's)."""
    return query_params(request.GET, **dict.fromkeys(keys))
