"""The listing filters' base: a django-filter FilterSet on the app's own form."""

import django_filters
import pytest
from django import forms
from wagtail.models import Page

from cms.core.filters import FormFilterSet


class TitleForm(forms.Form):
    titel = forms.CharField(label="Titel", required=False, max_length=10)
    tiefe = forms.IntegerField(label="Tiefe", required=False)


class TitleFilter(FormFilterSet):
    titel = django_filters.CharFilter(field_name="title", lookup_expr="icontains")
    tiefe = django_filters.NumberFilter(field_name="depth")


@pytest.mark.django_db
def test_the_filterset_uses_the_form_as_it_is_and_skips_only_invalid_fields(home_page):
    form = TitleForm({"titel": "x" * 11, "tiefe": str(home_page.depth)})
    filtered = TitleFilter(form, Page.objects.all())
    assert filtered.form is form
    assert [page.pk for page in filtered.qs] == [home_page.pk]  # depth applies, the long title not
    assert "titel" in form.errors


@pytest.mark.django_db
def test_an_unbound_form_filters_nothing(home_page):
    assert TitleFilter(TitleForm(), Page.objects.all()).qs.count() == Page.objects.count()
