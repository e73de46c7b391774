import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Startseite"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = "Über uns"
    intro = "Eine Inhaltsseite."


def make_site_root(**kwargs):
    """A HomePage as the default site's root (the non-fixture twin of conftest's ``home_page``)."""
    from wagtail.models import Page, Site

    root = Page.objects.get(depth=1)
    kwargs.setdefault("title", "N3tzwerk Zukunft der Industrie")
    kwargs.setdefault("slug", "start")
    home = HomePageFactory(parent=root, **kwargs)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home
