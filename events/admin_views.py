"""Admin view of the yearly cycle: "Neue Woche der Industrie anlegen" (logic in events/weeks.py).

Shows the current week and the proposed year and days of the next one (editable); on confirming it
copies the week as drafts and opens the new week in the page editor. Only for users who may add
pages where the week lives (checked on every request, not only in the menu).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events import weeks
from events.forms import NewWeekForm
from events.models import EventIndexPage, EventPage


def source_week(user):
    """The week to copy for ``user``: the latest one (live or not), if they may add pages next to it.

    Only the latest: an older week is never copied by mistake (its year would exist already).
    """
    week = EventIndexPage.objects.order_by("-year", "-week_start", "-pk").first()
    if week is not None and week.get_parent().permissions_for_user(user).can_add_subpage():
        return week
    return None


class NewWeekView(WagtailAdminTemplateMixin, FormView):
    template_name = "events/admin/new_week.html"
    form_class = NewWeekForm
    page_title = "Neue Woche der Industrie anlegen"
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        self.source = source_week(request.user)
        if self.source is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_initial(self):
        defaults = weeks.next_week_defaults(self.source)
        return {key: defaults[key] for key in ("year", "week_start", "week_end")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            source=self.source,
            copied=self.source.get_children().not_type(EventPage).specific(),
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            week = weeks.create_next_week(
                self.source,
                year=data["year"],
                week_start=data["week_start"],
                week_end=data["week_end"],
                user=self.request.user,
            )
        except weeks.WeekExists as error:
            form.add_error("year", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"„{week.title}“ ist als Entwurf angelegt, mit Materialien und Bestellformular. Bitte Texte "
            "prüfen und veröffentlichen: Danach folgen Menü und Startseite der neuen Woche.",
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[week.pk]))
