import wagtail_factories

from accessibility.models import AccessibilityStatementPage, EasyLanguageIndexPage, EasyLanguagePage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AccessibilityStatementPage

    title = "Erklärung zur Barrierefreiheit"
    slug = "barrierefreiheit"


class EasyLanguageIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EasyLanguageIndexPage

    title = "Leichte Sprache"
    slug = "leichte-sprache"
    intro = "<p>Hier finden Sie Informationen in Leichter Sprache.</p>"


class EasyLanguagePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EasyLanguagePage

    title = "Was ist das N3tzwerk?"
    intro = "<p>Das N3tzwerk ist ein Verein.</p>"
