"""Helpers for the WagtailPageTestCase tests of the page types."""

from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield


def edit_form_data(client, page, **streams):
    """The POST data of ``page``'s edit form, as a browser would send it.

    Wagtail renders StreamFields with JavaScript, so ``querydict_from_html`` cannot see them; each
    StreamField gets the form data given in ``streams`` (``streamfield([...])``), or an empty stream.
    """
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for key, value in nested_form_data(
                {field.name: streams.get(field.name, streamfield([]))}
            ).items():
                data[key] = value
    return data


def assert_edit_publishes(testcase, page, data, user):
    """POST ``data`` to the edit view with "publish"; the admin must accept it (redirect, no errors)."""
    testcase.client.force_login(user)
    data = data.copy()
    data["action-publish"] = "action-publish"
    response = testcase.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    if response.status_code != 302 or "/login/" in response.url:
        form = response.context and response.context.get("form")
        testcase.fail(f"Edit of {page!r} was refused: {form.errors if form else response.status_code}")
    return response
