"""Demo content of the BITV pages: created once under the home page, in German, answering 200."""

from accessibility import demo
from accessibility.models import AccessibilityStatementPage, EasyLanguageIndexPage, EasyLanguagePage
from cms.core.demo.utils import DemoLog


def test_loader_creates_statement_and_easy_language_section_once(home_page, client):
    demo.load(DemoLog())
    demo.load(DemoLog())
    statement = AccessibilityStatementPage.objects.get()
    index = EasyLanguageIndexPage.objects.get()
    assert statement.get_parent().pk == index.get_parent().pk == home_page.pk
    assert statement.contact.email == "info@n3tzwerk.org"
    assert EasyLanguagePage.objects.child_of(index).live().count() == len(demo.EASY_PAGES)
    for page in (statement, index, *EasyLanguagePage.objects.all()):
        assert client.get(page.url).status_code == 200, page.url
    assert "Schlichtungsstelle" in client.get(statement.url).content.decode()
