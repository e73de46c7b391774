"""The news templates (and the home page with news) pass the site's accessibility checks."""

from tests.factories.core import ImageFactory
from tests.factories.meetings import MeetingIndexPageFactory, MeetingPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.support.accessibility import accessibility_problems


def test_news_templates_are_accessible(client, home_page):
    index = NewsIndexPageFactory(parent=home_page, intro="<p>Neues.</p>")
    meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home_page))
    news = NewsPageFactory(
        parent=index,
        image=ImageFactory(alt_text="Ein Werkstor", credit="N3tzwerk"),
        body=[("heading", {"text": "Abschnitt", "level": "h2"}), ("paragraph", "<p>Text</p>")],
    )
    news.related_meetings.add(meeting)
    news.save()
    for _ in range(11):
        NewsPageFactory(parent=index, image=ImageFactory())
    found = {}
    for url in (index.url, index.url + "?seite=2", index.url + "?seite=x", news.url, home_page.url):
        response = client.get(url)
        assert response.status_code == 200, url
        problems = accessibility_problems(response.content.decode())
        if problems:
            found[url] = problems
    assert found == {}
