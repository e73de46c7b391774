"""The accessibility statement's views: the page with its feedback form, the feedback it sends
(cms.core.forms.handle_post, stored by accessibility/feedback.py) and the thank-you page.
AccessibilityStatementPage's routes call them (cms.core.pageviews)."""

from accessibility.feedback import receive_feedback
from accessibility.forms import FeedbackForm
from accessibility.models import AccessibilityStatementPage
from cms.core.forms import handle_post


@AccessibilityStatementPage.page_views.register("statement")
def statement(request, page):
    """The statement with an empty form (GET) or the feedback it sends (POST)."""

    def render(form, **context):
        return page.render(request, context_overrides={"form": form, **context})

    if request.method != "POST":
        return render(FeedbackForm())
    return handle_post(
        request,
        group="accessibility.feedback",
        make_form=FeedbackForm,
        render=render,
        store=lambda form: receive_feedback(page, form),
        success_url=lambda: page.get_url(request) + page.reverse_subpage("thanks"),
    )


@AccessibilityStatementPage.page_views.register("thanks")
def thanks(request, page):
    return page.render(request, template="accessibility/feedback_thanks.html")
