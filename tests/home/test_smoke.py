from tests.factories.home import StandardPageFactory


def test_standard_page_renders(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "<h1>Über uns</h1>" in response.content.decode()
