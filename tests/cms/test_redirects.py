"""wagtail.contrib.redirects: old addresses lead to the moved page."""

from wagtail.contrib.redirects.models import Redirect

from tests.factories.news import NewsIndexPageFactory, NewsPageFactory


def test_redirect_to_a_page_follows_it(client, home_page):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Neue Adresse")
    Redirect.objects.create(old_path="/meldungen/alte-adresse", redirect_page=news)
    response = client.get("/meldungen/alte-adresse/")
    assert response.status_code == 301
    assert response["Location"] == news.url
    temporary = Redirect.objects.create(old_path="/aktion", redirect_link="/aktuelles/", is_permanent=False)
    assert client.get("/aktion/").status_code == 302
    temporary.delete()
    assert client.get("/aktion/").status_code == 404
