"""The views of the regions app: the initiative directory with its filters. InitiativeIndexPage's
context calls it."""

from django.db.models import Prefetch

from cms.core.pagination import PAGE_PARAMETER, paginate, query_without
from regions.forms import InitiativeFilterForm
from regions.models import InitiativeIndexPage, InitiativePage, RegionPage


@InitiativeIndexPage.page_views.register("context")
def directory_context(page, request, context):
    """One page of the initiatives under ``page`` that the (valid) filters let through."""
    form = InitiativeFilterForm(request.GET or None)
    form.is_valid()  # populate errors and cleaned_data for the valid fields
    initiatives = (
        InitiativePage.objects.child_of(page)
        .live()
        .public()
        .order_by("title")
        .prefetch_related(
            Prefetch(
                "model_regions",
                queryset=RegionPage.objects.live().public().order_by("title"),
                to_attr="live_model_regions",
            )
        )
    )
    initiatives, page_notice = paginate(request, form.filter(initiatives), page.per_page)
    context.update(
        filter_form=form,
        initiatives=initiatives,
        paginator=initiatives.paginator,
        page_notice=page_notice,
        is_filtered=bool(form.is_bound and any(form.cleaned_data.values())),
        query_without_page=query_without(request, PAGE_PARAMETER),
    )
    return context
