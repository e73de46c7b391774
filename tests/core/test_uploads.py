"""Document uploads: only the allowed formats, the real content must match the extension, a size limit."""

import io
import struct
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from cms.core.models import CustomDocument
from cms.core.uploads import content_mismatch
from tests.support.documents import make_docx, make_pdf, make_pptx


def make_zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_odf(mimetype):
    return make_zip({"mimetype": mimetype, "content.xml": "<office:document-content/>"})


PNG = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + b"\x00" * 17
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64
VALID = {
    "pdf": lambda: make_pdf("Bericht"),
    "pptx": lambda: make_pptx("Folien", "Text"),
    "docx": lambda: make_docx("Brief"),
    "xlsx": lambda: make_zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
    "odt": lambda: make_odf("application/vnd.oasis.opendocument.text"),
    "odp": lambda: make_odf("application/vnd.oasis.opendocument.presentation"),
}


def upload(client, name, data):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, data), "collection": 1},
    )


def errors(response):
    form = response.context["form"]
    return " ".join(form.errors.get("file", []))


@pytest.mark.parametrize("extension", sorted(VALID))
def test_allowed_formats_are_stored(admin_client, extension):
    response = upload(admin_client, f"datei.{extension}", VALID[extension]())
    assert response.status_code == 302, errors(response)
    assert CustomDocument.objects.get().file.name.endswith(f".{extension}")


@pytest.mark.parametrize(
    ("name", "data", "found"),
    [
        ("bericht.pdf", PNG, "PNG"),
        ("bericht.pdf", ELF, "ELF"),
        ("bericht.pdf", b"<html><script>alert(1)</script></html>", "Inhalt nicht erkannt"),
        ("brief.docx", make_pdf("PDF statt Word"), "PDF"),
        ("folien.pptx", make_docx("Word statt PowerPoint"), "DOCX"),
        ("tabelle.xlsx", make_zip({"payload.exe": ELF}), "ZIP"),
        ("text.odt", make_odf("application/vnd.oasis.opendocument.presentation"), "ODP"),
        ("folien.odp", b"PK\x03\x04 kaputt", "ZIP"),
    ],
)
def test_content_that_does_not_match_the_extension_is_refused(admin_client, name, data, found):
    response = upload(admin_client, name, data)

    assert response.status_code == 200
    message = errors(response)
    assert f"Der Inhalt der Datei passt nicht zur Endung .{name.rsplit('.', 1)[1]}" in message
    assert found in message
    assert not CustomDocument.objects.exists()


@pytest.mark.parametrize("name", ["programm.exe", "seite.html", "skript.js", "bild.svg", "ohne_endung"])
def test_other_extensions_are_refused(admin_client, name):
    response = upload(admin_client, name, make_pdf("x"))
    assert response.status_code == 200
    assert errors(response)
    assert not CustomDocument.objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1000)
def test_size_limit(admin_client):
    response = upload(admin_client, "gross.pdf", make_pdf("x" * 50) + b"\n%" + b"0" * 2000)
    assert response.status_code == 200
    assert errors(response)
    assert not CustomDocument.objects.exists()


def test_replacing_the_file_is_checked_too(admin_client):
    upload(admin_client, "bericht.pdf", make_pdf("Bericht"))
    document = CustomDocument.objects.get()
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Bericht", "file": SimpleUploadedFile("bericht.pdf", PNG), "collection": 1},
    )
    assert response.status_code == 200
    assert "passt nicht zur Endung .pdf" in errors(response)
    document.refresh_from_db()
    assert document.file.open("rb").read().startswith(b"%PDF")


def test_check_leaves_the_file_position_at_the_start():
    file = io.BytesIO(VALID["docx"]())
    assert content_mismatch(file, "docx") is None
    assert file.tell() == 0


SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def test_svg_image_with_a_script_is_refused_with_a_german_message(admin_client):
    """An SVG is a document with scripts; Wagtail would store and serve it unchanged (Issue 15)."""
    from cms.core.models import CustomImage

    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", SVG_WITH_SCRIPT), "collection": 1},
    )

    assert response.status_code == 200
    message = errors(response)
    assert message.startswith("Nicht unterstütztes Bildformat."), message
    assert "PNG" in message and "SVG" not in message
    assert not CustomImage.objects.exists()
