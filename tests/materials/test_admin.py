"""The modeladmin views of orders (list, filters, search, CSV export, status) and of the catalogue."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from materials.models import Order, OrderCatalogueItem
from tests.factories.materials import OrderCatalogueItemFactory, OrderFactory, OrderLineFactory

ORDERS = "/admin/materials/order/"
CATALOGUE = "/admin/materials/ordercatalogueitem/"


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "geheim")
    client.force_login(user)
    return client


@pytest.fixture
def orders(db):
    poster = OrderCatalogueItemFactory(name="Plakat A1")
    flyer = OrderCatalogueItemFactory(name="Flyer")
    new = OrderFactory(name="Erika Muster", organisation="IHK Köln", city="Köln")
    OrderLineFactory(order=new, item=poster, quantity=3)
    OrderLineFactory(order=new, item=flyer, quantity=100)
    shipped = OrderFactory(
        name="Max Beispiel",
        organisation="IG Metall Kiel",
        city="Kiel",
        status=Order.Status.SHIPPED,
        created_at=timezone.now() - datetime.timedelta(days=60),
    )
    OrderLineFactory(order=shipped, item=poster, quantity=1)
    return {"new": new, "shipped": shipped}


def raw(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def content(response):
    return raw(response).decode("utf-8-sig")


def csv_rows(response):
    """The exported CSV as a German spreadsheet reads it: split on semicolons."""
    return list(csv.DictReader(io.StringIO(content(response)), delimiter=";"))


def test_order_list_shows_status_date_name_organisation_and_item_count(admin_client, orders):
    response = admin_client.get(ORDERS)
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Bestellungen",
        "Erika Muster",
        "IHK Köln",
        "Max Beispiel",
        "Neu",
        "Versendet",
        "Stück gesamt",
    ):
        assert text in html, text
    assert orders["new"].reference in html
    assert ">103<" in html  # 3 posters + 100 flyers


def test_order_list_has_one_column_per_item(admin_client, orders):
    """Before, one column "Stückzahl" summed posters and flyers (103)."""
    soup = BeautifulSoup(admin_client.get(ORDERS).content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in soup.select("table.listing thead th")]
    assert "Plakat A1" in headings and "Flyer" in headings
    poster, flyer, total = (headings.index(name) for name in ("Plakat A1", "Flyer", "Stück gesamt"))
    cells = {
        row.get_text(" ", strip=True).split(" ")[0]: [
            td.get_text(strip=True) for td in row.find_all(["td", "th"])
        ]
        for row in soup.select("table.listing tbody tr")
    }
    erika = next(row for row in cells.values() if "Erika Muster" in row)
    max_ = next(row for row in cells.values() if "Max Beispiel" in row)
    assert (erika[poster], erika[flyer], erika[total]) == ("3", "100", "103")
    assert (max_[poster], max_[flyer], max_[total]) == ("1", "–", "1")


def test_order_detail_view_lists_what_was_ordered(admin_client, orders):
    """Before, "Ansehen" showed the address and status but not the items."""
    response = admin_client.get(f"{ORDERS}inspect/{orders['new'].pk}/")
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.find("table", attrs={"aria-labelledby": "order-lines-heading"})
    rows = [[cell.get_text(strip=True) for cell in row.find_all(["td", "th"])] for row in table.select("tr")]
    assert rows == [["Material", "Menge"], ["Plakat A1", "3"], ["Flyer", "100"], ["Zusammen", "103"]]
    html = response.content.decode()
    assert "Zurück zur Übersicht „Bestellungen“" in html
    assert "Bestellung Liste" not in html


def test_order_list_filters_and_search(admin_client, orders):
    html = admin_client.get(ORDERS, {"status": "shipped"}).content.decode()
    assert "Max Beispiel" in html and "Erika Muster" not in html
    since = timezone.localtime() - datetime.timedelta(days=7)
    response = admin_client.get(ORDERS, {"created_at__gte": since.isoformat()})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Erika Muster" in html and "Max Beispiel" not in html
    html = admin_client.get(ORDERS, {"q": "Metall"}).content.decode()
    assert "Max Beispiel" in html and "Erika Muster" not in html


def test_order_export_csv_contains_the_orders_and_their_lines(admin_client, orders):
    response = admin_client.get(ORDERS, {"export": "csv"})
    assert response.status_code == 200
    rows = csv_rows(response)
    by_name = {row["Name"]: row for row in rows}
    assert set(by_name) == {"Erika Muster", "Max Beispiel"}
    erika = by_name["Erika Muster"]
    assert erika["Nummer"] == orders["new"].reference
    assert erika["Status"] == "Neu"
    assert erika["Organisation"] == "IHK Köln"
    assert erika["Postleitzahl"] == "50667"
    assert erika["Materialien"] == "3 × Plakat A1; 100 × Flyer"
    assert erika["Stückzahl gesamt"] == "103"
    assert by_name["Max Beispiel"]["Status"] == "Versendet"


def test_editor_changes_the_status_but_not_the_order(admin_client, orders):
    order = orders["new"]
    url = f"{ORDERS}edit/{order.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 × Plakat A1" in html and "Erika Muster" in html
    response = admin_client.post(
        url, {"status": "shipped", "internal_note": "Per DHL", "name": "Gefälscht", "email": "x@example.org"}
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == Order.Status.SHIPPED
    assert order.internal_note == "Per DHL"
    assert (order.name, order.email) == ("Erika Muster", "erika@example.org")
    assert order.lines.count() == 2


def test_orders_cannot_be_created_in_the_admin(admin_client, orders):
    response = admin_client.get(f"{ORDERS}create/")
    assert response.status_code == 302 and response.url == "/admin/"
    assert f"{ORDERS}create/" not in admin_client.get(ORDERS).content.decode()
    assert not Order.objects.exclude(pk__in=[o.pk for o in orders.values()]).exists()
    assert admin_client.get(f"{ORDERS}inspect/{orders['new'].pk}/").status_code == 200


def test_catalogue_admin_lists_and_creates_items(admin_client, orders):
    response = admin_client.get(CATALOGUE)
    assert response.status_code == 200
    assert "Plakat A1" in response.content.decode()
    response = admin_client.post(
        f"{CATALOGUE}create/",
        {"name": "Roll-up", "description": "", "max_quantity": "1", "sort_order": "5", "is_active": "on"},
    )
    assert response.status_code == 302
    item = OrderCatalogueItem.objects.get(name="Roll-up")
    assert item.max_quantity == 1 and item.is_active
    response = admin_client.post(
        f"{CATALOGUE}create/", {"name": "Banner", "max_quantity": "0", "sort_order": "1"}
    )
    assert response.status_code == 200
    assert not OrderCatalogueItem.objects.filter(name="Banner").exists()


def test_orders_need_a_login(client, orders):
    response = client.get(ORDERS)
    assert response.status_code == 302 and "/login/" in response.url


def test_export_defuses_spreadsheet_formulas(admin_client, db):
    order = OrderFactory(name='=HYPERLINK("http://evil.example")', comment="+49 30 123")
    OrderLineFactory(order=order, quantity=1)
    for export_format in ("csv", "xlsx"):
        response = admin_client.get(ORDERS, {"export": export_format})
        assert response.status_code == 200, export_format
    rows = csv_rows(admin_client.get(ORDERS, {"export": "csv"}))
    assert rows[0]["Name"] == '\'=HYPERLINK("http://evil.example")'
    assert rows[0]["Anmerkung"] == "'+49 30 123"
    assert rows[0]["Organisation"] == order.organisation


HOSTILE = {
    "organisation": "Acme;=1+2",
    "name": "\t=cmd|' /C calc'!A0",
    "comment": '=HYPERLINK("http://evil.example","Klick")',
    "city": "@SUM(1)",
    "street": "-2+3",
    "internal_note": "\r=1",
}


@pytest.fixture
def hostile_order(db):
    order = OrderFactory(**{key: value for key, value in HOSTILE.items() if key != "internal_note"})
    Order.objects.filter(pk=order.pk).update(internal_note=HOSTILE["internal_note"])
    OrderLineFactory(order=order, item=OrderCatalogueItemFactory(name="+Flyer"), quantity=2)
    return order


def test_csv_export_is_semicolon_separated_utf8_with_bom_and_every_field_quoted(admin_client, hostile_order):
    response = admin_client.get(ORDERS, {"export": "csv"})
    data = raw(response)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the umlauts
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = data.decode("utf-8-sig")
    header = text.splitlines()[0]
    assert header.startswith('"Nummer";"Eingegangen am";"Status";"Name"')
    # Every field of every record is quoted, so a separator inside a value cannot open a new cell.
    for record in csv.reader(io.StringIO(text), delimiter=";"):
        assert len(record) == 14
    for line in text.replace("\r\n", "\n").split('"\n'):
        if line:
            assert line.startswith('"')
    assert '"Acme;=1+2"' in text
    assert "Straße und Hausnummer" in header


def test_csv_export_neutralises_every_formula_cell(admin_client, hostile_order):
    [row] = csv_rows(admin_client.get(ORDERS, {"export": "csv"}))
    assert row["Organisation"] == "Acme;=1+2"  # one cell in a German spreadsheet, no formula
    assert row["Name"] == "'\t=cmd|' /C calc'!A0"
    assert row["Anmerkung"] == '\'=HYPERLINK("http://evil.example","Klick")'
    assert row["Ort"] == "'@SUM(1)"
    assert row["Straße und Hausnummer"] == "'-2+3"
    assert row["Interne Notiz"] == "'\r=1"
    assert row["Materialien"] == "2 × +Flyer"
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_xlsx_export_has_no_formula_cell(admin_client, hostile_order):
    from openpyxl import load_workbook

    response = admin_client.get(ORDERS, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(raw(response)))
    header, row = list(workbook.active.iter_rows())
    cells = {heading.value: cell for heading, cell in zip(header, row, strict=True)}
    for cell in row:
        assert cell.data_type != "f", cell.value
    assert cells["Organisation"].value == "Acme;=1+2"
    assert cells["Anmerkung"].value == '\'=HYPERLINK("http://evil.example","Klick")'
    assert cells["Ort"].value == "'@SUM(1)"
    assert cells["Straße und Hausnummer"].value == "'-2+3"


def test_export_buttons_say_what_the_files_are(admin_client, hostile_order):
    html = admin_client.get(ORDERS).content.decode()
    assert "Excel-Datei (XLSX) herunterladen" in html
    assert "CSV herunterladen (Semikolon, UTF-8)" in html


@pytest.fixture
def editor_client(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("lektorin", "lektorin@example.org", "geheim")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_editors_handle_orders_but_cannot_delete_them(editor_client, orders):
    order = orders["new"]
    assert editor_client.get(ORDERS).status_code == 200
    assert editor_client.get(ORDERS, {"export": "csv"}).status_code == 200
    response = editor_client.post(f"{ORDERS}edit/{order.pk}/", {"status": "cancelled", "internal_note": ""})
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == Order.Status.CANCELLED
    response = editor_client.post(f"{ORDERS}delete/{order.pk}/")
    assert response.status_code == 302 and response.url == "/admin/"
    assert Order.objects.filter(pk=order.pk).exists()
    assert editor_client.get(CATALOGUE).status_code == 200
    assert editor_client.get(f"{CATALOGUE}create/").status_code == 200


def test_list_buttons_do_not_break_inside_a_word(admin_client, orders):
    """The list's buttons wrapped mid-word at 1280 px; the admin stylesheet keeps each label whole."""
    from django.contrib.staticfiles import finders

    html = admin_client.get(ORDERS).content.decode()
    assert "materials/css/admin.css" in html
    css = Path(finders.find("materials/css/admin.css")).read_text(encoding="utf-8")
    assert ".modeladmin .listing .button" in css and "white-space: nowrap" in css
