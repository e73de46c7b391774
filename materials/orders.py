"""Placing an order: store it first (one transaction), then confirm it by e-mail and tell the team
(recipients: notifications.NotificationSettings).

A failing mail server must not lose an order: the order is already committed when the mail is
sent, a failure is logged and recorded on the order, and the visitor still sees the thank-you page.
"""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from cms.core import organisation
from cms.core.forms import store_once
from materials.models import Order, OrderLine
from notifications.mail import admin_url, notify

logger = logging.getLogger(__name__)


def place_order(page, form):
    """Store the valid ``form`` as an Order with its lines, then send the confirmation.

    The same form sent again (a double click, a reloaded POST: the same submission token) stores
    nothing and returns the order stored the first time.
    """
    token = form.submission_token

    def create():
        order = Order.objects.create(page=page, submission_token=token, **form.customer_data())
        OrderLine.objects.bulk_create(
            OrderLine(order=order, item=item, item_name=item.name, quantity=quantity)
            for item, quantity in form.ordered_items()
        )
        return order

    order, created = store_once(Order, token, create)
    if created:
        send_confirmation(order, page)
        notify_team(order, page)
    return order


def notify_team(order, page):
    """The team's e-mail about the new order, with its link in the admin. Never raises."""
    contact = getattr(page, "contact", None)
    return notify(
        "orders",
        f"Neue Materialbestellung {order.reference}: {order.organisation or order.name}",
        "materials/emails/order_notification.txt",
        {
            "order": order,
            "page": page,
            "lines": order.lines.all(),
            "admin_url": admin_url(reverse("materials_order_modeladmin_edit", args=[order.pk])),
        },
        fallback=[contact.email] if contact and contact.email else (),
    )


def contact_line(page):
    """'info@…, Telefon 030 …' from the page's contact; the organisation's address without one."""
    contact = page.contact if page is not None else None
    parts = [contact.email, f"Telefon {contact.phone}" if contact.phone else ""] if contact else []
    return ", ".join(part for part in parts if part) or organisation.current().reply_address


def send_confirmation(order, page):
    """Send the confirmation e-mail; record on the order whether it went out. Never raises."""
    body = render_to_string(
        "materials/emails/order_confirmation.txt",
        {"order": order, "lines": order.lines.all(), "contact_line": contact_line(page)},
    )
    subject = page.confirmation_subject if page is not None else "Ihre Bestellung"
    try:
        send_mail(f"{subject} ({order.reference})", body, organisation.current().sender, [order.email])
    except Exception as exc:  # any backend error: the order is stored, the mail can be resent by hand
        logger.exception("Bestätigung für Bestellung %s konnte nicht versendet werden", order.reference)
        order.confirmation_status = Order.ConfirmationStatus.FAILED
        order.confirmation_error = f"{type(exc).__name__}: {exc}"[:500]
    else:
        order.confirmation_status = Order.ConfirmationStatus.SENT
        order.confirmation_error = ""
    order.save(update_fields=["confirmation_status", "confirmation_error"])
    return order.confirmation_status == Order.ConfirmationStatus.SENT
