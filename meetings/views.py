"""The views of the meetings app: the meeting reports with the year filter. MeetingIndexPage's
context calls it."""

from cms.core.pagination import PAGE_PARAMETER, paginate, query_without
from meetings.forms import YearFilterForm
from meetings.models import MeetingIndexPage, MeetingPage


@MeetingIndexPage.page_views.register("context")
def reports_context(page, request, context):
    """One page of the reports under ``page``, of the chosen year if the filter is valid."""
    meetings = MeetingPage.objects.child_of(page).live().public().select_related("host").order_by("-date")
    years = [day.year for day in meetings.dates("date", "year", order="DESC")]
    form = YearFilterForm(request.GET or None, years=years)
    meetings = form.filter(meetings)
    reports, page_notice = paginate(request, meetings, page.per_page)
    context.update(
        filter_form=form,
        meetings=reports,
        paginator=reports.paginator,
        page_notice=page_notice,
        query_without_page=query_without(request, PAGE_PARAMETER),
        years=years,
    )
    return context
