"""Admin: the orders (status editing, filters, CSV export) and the order catalogue, via wagtail-modeladmin."""

from django.contrib.admin import display
from django.db.models import Sum
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import IndexView

from cms.core import dashboard
from materials.export import csv_lines, spreadsheet_safe
from materials.models import Order, OrderCatalogueItem
from materials.personal_data import ORDERS


class OrderPermissionHelper(PermissionHelper):
    """Orders come from the website only; editors cannot create them in the admin."""

    def user_can_create(self, user):
        return False


class OrderIndexView(IndexView):
    """German column headings for the CSV/XLSX export (modeladmin reads them from the view).

    Every exported cell goes through ``materials.export.spreadsheet_safe`` (no formula from what a
    visitor typed); the CSV is the semicolon-separated UTF-8 file with BOM of ``materials.export``.
    """

    export_headings = {
        "reference": "Nummer",
        "created_display": "Eingegangen am",
        "get_status_display": "Status",
        "name": "Name",
        "organisation": "Organisation",
        "street": "Straße und Hausnummer",
        "postcode": "Postleitzahl",
        "city": "Ort",
        "email": "E-Mail-Adresse",
        "items_summary": "Materialien",
        "total_quantity": "Stückzahl gesamt",
        "comment": "Anmerkung",
        "get_confirmation_status_display": "Bestätigungs-E-Mail",
        "internal_note": "Interne Notiz",
    }
    export_buttons_template_name = "materials/admin/export_buttons.html"

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(super().preprocess_field_value(field, value, export_format))

    def stream_csv(self, queryset):
        headings = {field: self.get_heading(queryset, field) for field in self.list_export}
        rows = (
            {
                field: self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in row.items()
            }
            for row in map(self.to_row_dict, queryset)
        )
        return csv_lines(self.list_export, headings, rows)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response


class OrderAdmin(ModelAdmin):
    model = Order
    menu_label = "Bestellungen"
    menu_icon = "list-ul"
    permission_helper_class = OrderPermissionHelper
    list_display = ["reference", "created_at", "status", "name", "organisation", "item_count", "confirmation"]
    list_filter = ["status", "created_at", "confirmation_status"]
    search_fields = ["name", "organisation", "email", "city", "postcode"]
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        "created_at",
        "status",
        "name",
        "organisation",
        "street",
        "postcode",
        "city",
        "email",
        "comment",
        "internal_note",
        "confirmation_status",
        "confirmation_error",
    ]
    list_export = [
        "reference",
        "created_display",
        "get_status_display",
        "name",
        "organisation",
        "street",
        "postcode",
        "city",
        "email",
        "items_summary",
        "total_quantity",
        "comment",
        "get_confirmation_status_display",
        "internal_note",
    ]
    index_view_class = OrderIndexView
    export_filename = "bestellungen"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(quantity_sum=Sum("lines__quantity"))
            .prefetch_related("lines")
        )

    def get_list_display(self, request):
        """One column per catalogue item (how many of it the order asks for) instead of one sum of
        posters and flyers; then the total."""
        columns = [
            self.item_column(item) for item in OrderCatalogueItem.objects.order_by("sort_order", "name")
        ]
        base = list(self.list_display)
        position = base.index("item_count")
        return [*base[:position], *columns, *base[position:]]

    @staticmethod
    def item_column(item):
        def quantity(obj):
            return sum(line.quantity for line in obj.line_list if line.item_id == item.pk) or "–"

        quantity.short_description = item.name
        quantity.__name__ = f"item_{item.pk}"
        return quantity

    @display(description="Nummer", ordering="pk")
    def reference(self, obj):
        return obj.reference

    @display(description="Stück gesamt", ordering="quantity_sum")
    def item_count(self, obj):
        return obj.quantity_sum or 0

    @display(description="Bestätigungs-E-Mail", ordering="confirmation_status")
    def confirmation(self, obj):
        return obj.get_confirmation_status_display()


class OrderCatalogueItemAdmin(ModelAdmin):
    model = OrderCatalogueItem
    menu_label = "Bestellkatalog"
    search_placeholder = "Suche im Bestellkatalog"  # not "Suche in Artikel im Bestellkatalog"
    menu_icon = "doc-full-inverse"
    list_display = ["name", "max_quantity", "is_active", "sort_order"]
    list_filter = ["is_active"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class MaterialsAdminGroup(ModelAdminGroup):
    menu_label = "Bestellungen"  # "Materialbestellungen" was cut off in the sidebar at 1280 px
    menu_icon = "mail"
    menu_order = 270
    items = (OrderAdmin, OrderCatalogueItemAdmin)


modeladmin_register(MaterialsAdminGroup)


@hooks.register("insert_global_admin_css")
def admin_list_css():
    return format_html('<link rel="stylesheet" href="{}">', static("materials/css/admin.css"))


dashboard.register(
    "new_orders",
    label="Neue Materialbestellungen",
    count=lambda request: Order.objects.filter(status=Order.Status.NEW).count(),
    url="materials_order_modeladmin_index",
    permission="materials.view_order",
    order=70,
)


@hooks.register("register_personal_data")
def personal_data():
    """Who ordered and where to, for the legal app's purge and data requests."""
    return [ORDERS]
