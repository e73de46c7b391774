"""The order page's views: the form, the order it sends (cms.core.forms.handle_post, stored by
materials/orders.py) and the thank-you page. OrderPage's routes call them."""

from cms.core.forms import handle_post
from materials.forms import OrderForm
from materials.models import Order, OrderPage
from materials.orders import place_order

SESSION_KEY = "materials_last_order"


@OrderPage.page_views.register("order")
def order(request, page):
    """The empty form (GET) or the order it sends (POST)."""
    items = page.catalogue()

    def render(form, **context):
        return page.render(request, context_overrides={"form": form, **context})

    if request.method != "POST":
        return render(OrderForm(items=items))

    def store(form):
        request.session[SESSION_KEY] = place_order(page, form).pk

    return handle_post(
        request,
        group="materials.order",
        make_form=lambda **kwargs: OrderForm(items=items, **kwargs),
        render=render,
        store=store,
        success_url=lambda: page.get_url(request) + page.reverse_subpage("thanks"),
    )


@OrderPage.page_views.register("thanks")
def thanks(request, page):
    """The thank-you page with the order this visitor just sent (from the session)."""
    order_id = request.session.get(SESSION_KEY)
    order = None
    if order_id is not None:
        order = Order.objects.filter(pk=order_id, page=page).prefetch_related("lines").first()
    return page.render(
        request, context_overrides={"order": order}, template="materials/order_thanks_page.html"
    )
