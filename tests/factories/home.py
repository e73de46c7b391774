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


def ensure_wagtail_root():
    """Wagtail's locale, root page and root collection (made by its migrations), which a flush by an
    earlier transactional test removes. Returns the root page."""
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code="de")
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    root = Page.objects.filter(depth=1).first()
    return root or Page.add_root(instance=Page(title="Root", slug="root"))


def make_site_root(**kwargs):
    """A HomePage as the default site's root (the non-fixture twin of conftest's ``home_page``)."""
    from wagtail.models import Page, Site

    root = ensure_wagtail_root()
    kwargs.setdefault("title", "N3tzwerk Zukunft der Industrie")
    kwargs.setdefault("slug", "start")
    home = HomePageFactory(parent=root, **kwargs)
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", is_default_site=True
    )
    site.root_page = home
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home
