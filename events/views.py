"""The views of the events app.

The public pages of a week (its list, map and calendar, the partners' report with its thank-you
page): the routes and the context of EventIndexPage call them.
The stable address of the current week (``/woche/…``, events/urls.py): a temporary redirect.
The admin view with which editors import a week's events from a CSV file (logic in
events/csv_import.py).
"""

import csv
import io

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri
from django.views.decorators.http import require_safe
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from cms.core.forms import handle_post
from cms.core.pagination import PAGE_PARAMETER, paginate, query_without
from events import csv_import, tasks, weeks
from events.calendar import events_calendar_response
from events.forms import EventFilterForm, EventSubmissionForm
from events.maps import event_map
from events.models import CsvImportJob, EventIndexPage, EventPage
from events.submissions import notify_team, send_confirmation, submit_event

MAX_ERRORS_SHOWN = 500


def importable_indexes(user):
    """The weeks under which ``user`` may add pages (the right to import into them)."""
    return [
        index
        for index in EventIndexPage.objects.order_by("-year", "title")
        if index.permissions_for_user(user).can_add_subpage()
    ]


class CsvImportForm(forms.Form):
    index = forms.ModelChoiceField(
        label="Woche der Industrie",
        queryset=EventIndexPage.objects.none(),
        empty_label="Bitte wählen",
        error_messages={
            "required": "Bitte wählen Sie die Woche, in die importiert werden soll.",
            "invalid_choice": "In diese Woche dürfen Sie keine Veranstaltungen importieren.",
        },
    )
    file = forms.FileField(
        label="CSV-Datei",
        help_text=(
            "UTF-8, Spalten durch Semikolon oder Komma getrennt, höchstens "
            f"{csv_import.MAX_BYTES // 1024 // 1024} MB und "
            f"{csv_import.german_number(csv_import.MAX_ROWS)} Zeilen."
        ),
        error_messages={
            "required": "Bitte wählen Sie eine CSV-Datei aus.",
            "empty": "Die Datei ist leer.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    mode = forms.ChoiceField(
        label="Was passiert mit fehlerhaften Zeilen?",
        widget=forms.RadioSelect,
        initial=csv_import.MODE_ALL_OR_NOTHING,
        choices=[
            (csv_import.MODE_ALL_OR_NOTHING, "Nur importieren, wenn alle Zeilen gültig sind"),
            (csv_import.MODE_VALID_ROWS, "Alle gültigen Zeilen importieren, fehlerhafte auflisten"),
        ],
    )
    publish = forms.TypedChoiceField(
        label="Importierte Veranstaltungen",
        widget=forms.RadioSelect,
        coerce=lambda value: value == "live",
        initial="draft",
        choices=[
            ("draft", "Als Entwurf speichern (erscheinen erst nach dem Veröffentlichen)"),
            ("live", "Sofort veröffentlichen"),
        ],
    )

    def __init__(self, *args, indexes, publishable, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["index"].queryset = EventIndexPage.objects.filter(
            pk__in=[i.pk for i in indexes]
        ).order_by("-year", "title")
        self.publishable = publishable
        if not publishable:
            # Nowhere allowed to publish: no choice to offer (a forged "live" is refused in clean).
            del self.fields["publish"]

    def clean(self):
        data = super().clean()
        wants_live = data.get("publish", self.data.get("publish") == "live")
        index = data.get("index")
        if wants_live and index is not None and index.pk not in self.publishable:
            error = csv_import.PUBLISH_REFUSED
            self.add_error("publish" if "publish" in self.fields else None, error)
        data["publish"] = bool(wants_live)
        return data


class CsvImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "events/admin/csv_import.html"
    form_class = CsvImportForm
    page_title = "Veranstaltungen importieren"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.indexes = importable_indexes(request.user)
        if not self.indexes:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_initial(self):
        initial = super().get_initial()
        wanted = self.request.GET.get("index", "")
        if wanted.isdigit() and any(index.pk == int(wanted) for index in self.indexes):
            initial["index"] = int(wanted)
        return initial

    def get_form_kwargs(self):
        publishable = {index.pk for index in self.indexes if csv_import.may_publish(self.request.user, index)}
        return {**super().get_form_kwargs(), "indexes": self.indexes, "publishable": publishable}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            with transaction.atomic():
                job = csv_import.create_job(
                    data["index"],
                    data["file"],
                    mode=data["mode"],
                    publish=data["publish"],
                    user=self.request.user,
                )
                tasks.start_csv_import(job)
        except csv_import.CsvFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        return redirect("events_csv_import_job", job.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            columns=csv_import.COLUMNS,
            template_url=reverse("events_csv_template"),
            max_rows=csv_import.german_number(csv_import.MAX_ROWS),  # "1.000", as in the error message
            jobs=CsvImportJob.objects.filter(index__in=self.indexes).select_related("index", "user")[:10],
        )
        return context


def _job_for(request, pk):
    """The job ``pk`` if ``request.user`` may import into its week."""
    job = get_object_or_404(CsvImportJob.objects.select_related("index", "user"), pk=pk)
    if not job.index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return job


def job_summary(job):
    """The one-line German state of a job (the status page and its JSON for the poll)."""
    if job.status == CsvImportJob.Status.QUEUED:
        return f"Wartet auf den Start: {_rows(job.total_rows)} in der Datei."
    if job.status == CsvImportJob.Status.RUNNING:
        if job.saving:
            return f"Alle {_rows(job.total_rows)} geprüft; die gültigen werden gespeichert …"
        return f"{job.checked_rows} von {_rows(job.total_rows)} geprüft …"
    if job.status == CsvImportJob.Status.FAILED:
        return f"Fehlgeschlagen: {job.message}"
    if job.aborted:
        return (
            f"Nichts importiert: {_rows(job.error_count, 'fehlerhafte')} von {job.total_rows}, "
            "und „nur wenn alle Zeilen gültig sind“ war gewählt."
        )
    if not job.imported_count:
        return "Nichts importiert: Keine Zeile war gültig."
    if job.publish:
        state = "veröffentlicht"
    elif job.submitted:
        state = "als Entwurf gespeichert und zur Freigabe eingereicht"
    else:
        state = "als Entwurf gespeichert"
    events = "1 Veranstaltung" if job.imported_count == 1 else f"{job.imported_count} Veranstaltungen"
    errors = f"; {_rows(job.error_count, 'fehlerhafte')} nicht importiert" if job.error_count else ""
    return f"{events} importiert und {state}{errors}."


def _rows(count, adjective=""):
    word = "Zeile" if count == 1 else "Zeilen"
    return f"{count} {adjective} {word}".replace("  ", " ") if adjective else f"{count} {word}"


class CsvImportJobView(WagtailAdminTemplateMixin, TemplateView):
    """The progress of one import and, when it is finished, its result per row.

    While the job runs, a small script asks ``?format=json`` every two seconds and updates the
    status (a polite live region); without JavaScript the button "Stand aktualisieren" reloads."""

    template_name = "events/admin/csv_import_job.html"
    page_title = "CSV-Import"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.job = _job_for(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "json":
            job = self.job
            return JsonResponse(
                {
                    "status": job.status,
                    "finished": job.finished,
                    "total": job.total_rows,
                    "checked": job.checked_rows,
                    "percent": job.percent,
                    "summary": job_summary(job),
                },
                headers={"Cache-Control": "no-store"},
            )
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.job.file_name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("events_csv_import"), "label": "Veranstaltungen importieren"},
            {"url": "", "label": str(self.job)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.job
        rows = job.rows if job.finished else []
        errors = [(row["row"], column, message) for row in rows for column, message in row["errors"]]
        pages = {
            page.pk: page
            for page in EventPage.objects.filter(pk__in=[row["page"] for row in rows if row["page"]]).only(
                "pk", "title", "live"
            )
        }
        context.update(
            job=job,
            summary=job_summary(job),
            errors=errors[:MAX_ERRORS_SHOWN],
            errors_hidden=max(0, len(errors) - MAX_ERRORS_SHOWN),
            imported=[(row["row"], pages[row["page"]]) for row in rows if row["page"] in pages],
            status_url=f"{reverse('events_csv_import_job', args=[job.pk])}?format=json",
        )
        return context


def csv_template(request):
    """An example file with every column and one row."""
    if not importable_indexes(request.user):
        raise PermissionDenied
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([column.header for column in csv_import.COLUMNS])
    writer.writerow([column.example for column in csv_import.COLUMNS])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="veranstaltungen-vorlage.csv"'
    return response


# The public pages of a week.


def filtered(index, request):
    """The filter form of the week's list (built and checked once) and the events it lets through."""
    form = EventFilterForm(request.GET or None, index=index)
    form.is_valid()
    return form, form.filter(index.events())


@EventIndexPage.page_views.register("context")
def week_context(index, request, context, *, map_view=False):
    """The list view's context: one page of the filtered events; with ``map_view`` the map of all
    of them instead."""
    form, events = filtered(index, request)
    if map_view:
        context["event_map"] = event_map(index, request, form, events)
    else:
        page, page_notice = paginate(request, events, index.per_page)
        context.update(events=page, paginator=page.paginator, page_notice=page_notice)
    context.update(
        filter_form=form,
        # Filtered: the totals of what the filters let through ("karte/?land=NW" is not the nation).
        totals=index.totals(events if form.has_filters else None),
        is_filtered=form.has_filters,
        query_without_page=query_without(request, PAGE_PARAMETER),
        # Materials, order form and other pages of the week (not the events themselves).
        section_pages=index.get_children().live().public().not_type(EventPage).order_by("path"),
        **weeks.archive_context(index),
    )
    return context


@EventIndexPage.page_views.register("calendar")
def week_calendar(request, index):
    """The filtered events of the week as an iCalendar feed."""
    _form, events = filtered(index, request)
    return events_calendar_response(index, events, request)


def _render(index, request, template, **context):
    context = {**Page.get_context(index, request), **context}
    return TemplateResponse(request, template, context)


@require_safe
def current_week_redirect(request, subpath=""):
    """``/woche/<subpath>`` → the current week's ``<subpath>``, with the query string; 404 (the site's
    own page) without a current week or for a sub-path that cannot be one of its pages.

    A 302, and marked ``private, no-cache``: the target changes with the next week, so neither the
    page cache (which keeps only 200s) nor a browser or CDN may keep it as permanent.
    """
    target = weeks.stable_target(subpath, request)
    if target is None:
        raise Http404("Keine aktuelle Woche der Industrie")
    query = request.META.get("QUERY_STRING", "")
    response = HttpResponseRedirect(iri_to_uri(target) + (f"?{iri_to_uri(query)}" if query else ""))
    patch_cache_control(response, private=True, no_cache=True)
    return response


@EventIndexPage.page_views.register("submit")
def submit(request, index):
    """The partners' report (events.forms.EventSubmissionForm); a valid one is stored by
    events.submissions and answered with a redirect to the thank-you page."""
    if not index.accepts_submissions:
        return _render(index, request, "events/event_submit_page.html", closed=True)

    def render(form, **context):
        return _render(index, request, "events/event_submit_page.html", form=form, **context)

    if request.method != "POST":
        return render(EventSubmissionForm(index=index))

    def store(form):
        submission, created = submit_event(index, form)
        if created:
            send_confirmation(submission, request)
            notify_team(submission)

    return handle_post(
        request,
        group="events.submit",
        make_form=lambda **kwargs: EventSubmissionForm(index=index, **kwargs),
        render=render,
        store=store,
        success_url=lambda: index.get_url(request) + index.reverse_subpage("submit_thanks"),
    )


@EventIndexPage.page_views.register("submit_thanks")
def submit_thanks(request, index):
    return _render(index, request, "events/event_submit_thanks.html")
