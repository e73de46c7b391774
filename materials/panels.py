"""An admin panel that lists an order's lines read-only (editors change the status, not the order)."""

from wagtail.admin.panels import Panel


class OrderLinesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "materials/admin/order_lines_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["lines"] = list(self.instance.lines.all()) if self.instance.pk else []
            return context
