"""The materials demo loader and its committed demo files."""

import importlib.util
import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from cms.core.demo import load_all, loader_paths
from cms.core.models import CustomDocument
from home.demo import get_home_page
from materials import demo
from materials.models import MaterialDownload, MaterialsPage, Order, OrderCatalogueItem, OrderPage

MODELS = [MaterialsPage, MaterialDownload, OrderPage, OrderCatalogueItem, CustomDocument]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_files_are_small_valid_pdfs():
    for _category, filename, title, _description in demo.DOWNLOADS:
        if filename in demo.DRAWN:
            continue
        path = demo.FILES_DIR / filename
        assert 1_000 < path.stat().st_size < 20_000, filename
        reader = PdfReader(path)
        assert reader.metadata.title == title
        assert "Demo-Motiv" in reader.pages[0].extract_text() or filename.startswith("signet"), filename


def test_committed_demo_files_match_the_drawing_script(tmp_path):
    pytest.importorskip("reportlab")
    path = Path(__file__).resolve().parents[2] / "materials" / "make_demo_files.py"
    spec = importlib.util.spec_from_file_location("make_demo_files", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.main(["--out", str(tmp_path)])
    assert sorted(script.DEMO_FILES) == sorted(
        entry[1] for entry in demo.DOWNLOADS if entry[1] not in demo.DRAWN
    )
    for filename in script.DEMO_FILES:
        assert (tmp_path / filename).read_bytes() == (demo.FILES_DIR / filename).read_bytes(), filename


def test_image_and_type_motifs_are_real_image_files():
    """Drawn at load time, never committed: JPEG for the image motifs, PNG for the type motifs."""
    from PIL import Image

    drawn = {
        filename: category
        for category, filename, _title, _description in demo.DOWNLOADS
        if filename in demo.DRAWN
    }
    assert set(drawn.values()) == {"image", "type"}
    for filename in drawn:
        assert not (demo.FILES_DIR / filename).exists()
        image = Image.open(io.BytesIO(demo.DRAWN[filename]()))
        assert image.format == ("JPEG" if filename.endswith(".jpg") else "PNG")
        assert image.size == demo.MOTIF_SIZE


def test_loader_is_registered_after_the_events():
    paths = loader_paths()
    assert paths.index("materials.demo.load") > paths.index("events.demo.load")


@pytest.mark.django_db
def test_demo_builds_materials_catalogue_and_order_page_idempotently(client):
    first = load_all()
    assert any("Signet, Motive und Werbemittel" in line for line in first.created)
    before = counts()
    second = load_all()
    assert second.created == []
    assert counts() == before

    index = get_home_page().get_children().get(slug="woche-der-industrie")
    materials = MaterialsPage.objects.child_of(index).get()
    assert materials.get_parent().pk == index.pk and materials.live
    # The current week (events.demo.load_current_week) has its own copy, made by the yearly action.
    assert MaterialsPage.objects.count() == 2 and OrderPage.objects.live().count() == 2
    assert materials.contact.phone == "030 516 95 6864"
    groups = {category: len(items) for _heading, category, items in materials.download_groups()}
    assert groups == {"signet": 2, "image": 2, "type": 2}
    order_page = OrderPage.objects.child_of(materials).get()
    assert order_page.get_parent().pk == materials.pk and order_page.live
    names = list(OrderCatalogueItem.objects.values_list("name", flat=True))
    assert names[:3] == ["Plakat A1", "Plakat A3", "Flyer"]
    assert {"Aufkleber", "Roll-up", "Banner", "Postkarten"} <= set(names)

    response = client.get(materials.url)
    assert response.status_code == 200
    assert "Signet Woche der Industrie" in response.content.decode()
    soup = BeautifulSoup(response.content, "html.parser")
    infos = [info.get_text() for info in soup.select(".document-list__info")]
    assert "(PDF, 2 KB)" in infos
    download = materials.downloads.first().document
    served = client.get(download.url)
    assert served.status_code == 200 and b"".join(served.streaming_content).startswith(b"%PDF")

    response = client.get(order_page.url)
    assert response.status_code == 200
    assert "Roll-up" in response.content.decode()
    assert not Order.objects.exists()
