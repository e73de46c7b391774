from django import template

from cms.core import organisation as organisation_module

register = template.Library()


@register.simple_tag(takes_context=True)
def organisation(context):
    """``{% organisation as org %}``: the association's data (``cms.core.organisation.current``)."""
    return organisation_module.current(context.get("request"))
