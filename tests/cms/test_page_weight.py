"""First visit of the home page: HTML, CSS, JavaScript, icons and images under 200 KB transferred,
JavaScript under 30 KB; every asset comes from this site (no fonts or scripts from third parties)."""

import gzip
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.factories.core import ImageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

BUDGET = 200 * 1024
JS_BUDGET = 30 * 1024


def transferred(data):
    """Bytes on the wire: text compressed (WhiteNoise/gzip), images as they are."""
    return len(gzip.compress(data, compresslevel=6))


def asset_bytes(url):
    path = urlparse(url).path
    assert not urlparse(url).netloc, f"{url} kommt von einem fremden Server"
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        assert found, f"{path} fehlt"
        return Path(found).read_bytes()
    assert path.startswith(settings.MEDIA_URL), f"{path}: unbekannte Quelle"
    return (Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)).read_bytes()


def largest_candidate(srcset):
    candidates = [part.strip().split() for part in srcset.split(",") if part.strip()]
    return max(candidates, key=lambda candidate: int(candidate[1].rstrip("w")))[0]


def test_home_page_first_visit_stays_under_the_budget(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    for _ in range(3):
        NewsPageFactory(parent=index, image=ImageFactory(width=1600, height=900))
    response = client.get("/")
    soup = BeautifulSoup(response.content, "html.parser")

    assets = {link["href"] for link in soup.select("link[rel=stylesheet], link[rel=icon]")}
    scripts = {script["src"] for script in soup.select("script[src]")}
    images = {img["src"] for img in soup.select("img[src]") if not img.find_parent("picture")}
    # A browser fetches one candidate per picture: count the largest of the first (preferred) source.
    pictures = soup.select("picture")
    images |= {largest_candidate(picture.find("source")["srcset"]) for picture in pictures}
    assert pictures, "die Startseite zeigt Bilder der Meldungen als <picture>"

    js = sum(len(asset_bytes(url)) for url in scripts)
    total = transferred(response.content)
    total += sum(transferred(asset_bytes(url)) for url in assets | scripts)
    total += sum(len(asset_bytes(url)) for url in images)
    assert js < JS_BUDGET, f"JavaScript: {js} Bytes"
    assert total < BUDGET, f"Startseite beim ersten Besuch: {total} Bytes"
    external = 'link[rel~=stylesheet][href^="http"], link[rel~=preload][href^="http"], script[src^="http"]'
    assert not soup.select(external)
    css = b"".join(asset_bytes(url) for url in assets if url.endswith(".css"))
    assert b"@font-face" not in css or b"url(http" not in css, "Schriften müssen selbst gehostet sein"
