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
