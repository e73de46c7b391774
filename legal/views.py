"""Admin view of the requests of data subjects: find by e-mail, export (JSON/CSV), erase.

Only users with ``legal.handle_data_requests`` (the group "Datenschutz") get here. Every action is
a POST (CSRF-protected, never cached, not in the address bar or server logs with the address).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from legal import requests
from legal.forms import ERASE, EXPORT_CSV, EXPORT_JSON, DataRequestForm

PERMISSION = "legal.handle_data_requests"


class DataRequestView(WagtailAdminTemplateMixin, FormView):
    template_name = "legal/admin/data_request.html"
    form_class = DataRequestForm
    page_title = "Anfragen zu personenbezogenen Daten"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        email, action = form.cleaned_data["email"], form.cleaned_data["action"]
        found = requests.find(email)
        if action in (EXPORT_JSON, EXPORT_CSV) and found:
            return self._download(found, action)
        if action == ERASE and found:
            count = requests.erase(found, self.request.user)
            messages.success(self.request, f"{count} Datensätze gelöscht bzw. anonymisiert.")
            return redirect("legal_data_request")
        return self._show(form, found)

    def form_invalid(self, form):
        """A valid address with a missing confirmation: the records again, with the message."""
        email = form.cleaned_data.get("email")
        return self._show(form, requests.find(email) if email else None)

    def _show(self, form, found):
        summary = [(entry, [entry.display(record) for record in records]) for entry, records in found or []]
        context = self.get_context_data(form=form, found=found, summary=summary, searched=found is not None)
        return self.render_to_response(context)

    def _download(self, found, action):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        if action == EXPORT_JSON:
            body, content_type, suffix = (
                requests.export_json(found, self.request.user),
                "application/json",
                "json",
            )
        else:
            body, content_type, suffix = requests.export_csv(found, self.request.user), "text/csv", "csv"
        response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="auskunft-{stamp}.{suffix}"'
        response["Cache-Control"] = "private, no-store"
        return response
