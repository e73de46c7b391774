"""What the editors' dashboard panel counts, as a dict."""

from bs4 import BeautifulSoup
from django.urls import reverse


def panel_counts(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").find(id="awaiting-editor-section")
    assert panel is not None and "Was auf Sie wartet" in panel.get_text()
    return {
        item["data-dashboard-count"]: int(item.strong.get_text())
        for item in panel.find_all(attrs={"data-dashboard-count": True})
    }
