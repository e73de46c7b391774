"""Hostile files end inside the extraction's limits with a failed status and a German message."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile

from search import extraction
from tests.factories.core import DocumentFactory
from tests.support.documents import make_docx, make_pptx

MB = 1024 * 1024


def zip_bomb(member, size, *, base=None):
    """A small zip whose ``member`` unpacks to ``size`` bytes of spaces inside a valid XML element."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if base is not None:
            with zipfile.ZipFile(io.BytesIO(base)) as original:
                for info in original.infolist():
                    if info.filename != member:
                        archive.writestr(info, original.read(info))
        with archive.open(member, "w", force_zip64=True) as stream:
            stream.write(b"<a>")
            chunk = b" " * MB
            for _ in range(size // MB):
                stream.write(chunk)
            stream.write(b"</a>")
    return buffer.getvalue()


def raw_pdf(objects):
    """A PDF from object bodies (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_docx_zip_bomb_is_refused_before_unpacking(write):
    data = zip_bomb("word/document.xml", 64 * MB)
    assert len(data) < MB  # 64 MB of text in well under 1 MB

    result = extraction.extract_file(write("bombe.docx", data))

    assert result.status == "failed"
    assert "zu groß" in result.message
    assert "64 MB" in result.message


def test_pptx_slide_bomb_is_refused(write):
    data = zip_bomb("ppt/slides/slide1.xml", 48 * MB, base=make_pptx("Titel", "Text"))
    result = extraction.extract_file(write("bombe.pptx", data))
    assert result.status == "failed"
    assert "zu groß" in result.message


def test_many_members_together_too_large(write, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_ZIP_TOTAL_SIZE", 2 * MB)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<a>Text</a>")
        for number in range(3):
            archive.writestr(f"word/media/bild{number}.bin", b"\x00" * MB)
    # The limit is patched in this process, so extract here rather than in the child process.
    result = extraction.extract_in_process(write("viele.docx", buffer.getvalue()))
    assert result.status == "failed"
    assert "zu groß" in result.message


def test_entity_expansion_bomb_in_docx_fails(write):
    laughs = '<!DOCTYPE w [<!ENTITY a0 "hahahahahahahahaha">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    )
    xml = laughs + ']><w:document xmlns:w="urn:w"><w:p><w:t>&a9;</w:t></w:p></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)

    result = extraction.extract_file(write("lachen.docx", buffer.getvalue()))

    assert result.status == "failed"
    assert result.text == ""
    assert result.message


def test_pdf_with_a_cyclic_page_tree_fails(write):
    data = raw_pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1000000000 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
        ]
    )
    result = extraction.extract_file(write("schleife.pdf", data))
    assert result.status == "failed"
    assert "PDF" in result.message or "gelesen" in result.message


def test_pdf_with_an_endlessly_deep_page_tree_fails(write):
    depth = 20_000
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        parent = f"/Parent {level + 1} 0 R " if level else ""
        objects.append(f"<< /Type /Pages {parent}/Kids [{level + 3} 0 R] /Count 1 >>")
    objects.append(f"<< /Type /Page /Parent {depth + 1} 0 R /MediaBox [0 0 10 10] >>")

    result = extraction.extract_file(write("tief.pdf", raw_pdf(objects)))

    assert result.status == "failed"
    assert result.message


def test_pdf_with_many_pages_reads_only_the_page_limit(write, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_PAGES", 3)
    pages = 50
    content = "BT /F1 12 Tf 10 10 Td (Seite) Tj ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{n} 0 R' for n in range(5, 5 + pages))}] /Count {pages} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    objects += [
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R "
        "/Resources << /Font << /F1 3 0 R >> >> >>"
    ] * pages

    result = extraction.extract_in_process(write("lang.pdf", raw_pdf(objects)))

    assert result.status == "done"
    assert result.text.count("Seite") == 3


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("leer.pdf", b""),
        ("abgeschnitten.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\nxref\n0 1"),
        ("kaputt.docx", make_docx("Text")[:-40]),
        ("ungueltig.odt", b"PK\x03\x04" + b"\x00" * 200),
        ("kein-xml.docx", None),
    ],
)
def test_malformed_files_fail_with_a_message(write, name, data):
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("word/document.xml", "<w:document><w:p>kein Ende")
        data = buffer.getvalue()
    result = extraction.extract_file(write(name, data))
    assert result.status in {"failed", "empty"}
    assert result.text == ""
    assert result.message


@pytest.mark.django_db
def test_a_stored_bomb_gets_a_failed_status_and_the_file_is_kept(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(
            file=ContentFile(zip_bomb("word/document.xml", 40 * MB), name="bombe.docx")
        )
    document.refresh_from_db()
    assert document.extraction_status == "failed"
    assert "zu groß" in document.extraction_message
    assert document.extracted_text == ""
    assert document.file.storage.exists(document.file.name)


def element_flood(megabytes):
    """A docx whose document.xml holds ``megabytes`` MB of tiny paragraphs: small on disk, but the
    parsed tree needs several times that in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<a>" + "<p>x</p>" * (megabytes * MB // 8) + "</a>")
    return buffer.getvalue()


def test_the_child_sets_its_own_limits_without_preexec_fn(write, monkeypatch):
    """preexec_fn runs Python between fork and exec, unsafe with threads (gthread workers)."""
    calls = []
    real_run = extraction.subprocess.run

    def run(command, **kwargs):
        calls.append((command, kwargs))
        return real_run(command, **kwargs)

    monkeypatch.setattr(extraction.subprocess, "run", run)

    result = extraction.extract_file(write("a.docx", make_docx("Werkstatt")))

    assert result.status == "done" and "Werkstatt" in result.text
    [(command, kwargs)] = calls
    assert kwargs.get("preexec_fn") is None
    assert command[1:3] == ["-m", "search.extraction"]
    assert command[command.index("--memory") + 1] == str(extraction.MEMORY_LIMIT)
    assert command[command.index("--cpu") + 1] == str(extraction.CPU_LIMIT)


def test_a_memory_hungry_file_is_stopped_by_the_childs_limit(write, monkeypatch):
    path = write("flut.docx", element_flood(24))
    monkeypatch.setattr(extraction, "MEMORY_LIMIT", 150 * MB)

    result = extraction.extract_file(path)

    assert result.status == "failed"
    assert "zu viel Speicher" in result.message
    # The same file is read within the normal limit: the child, not the file, hit the limit.
    assert extraction.extract_in_process(path).status == "done"


def test_the_child_limits_its_cpu_time(tmp_path):
    """The child's first act is setrlimit: a CPU limit of one second ends a busy loop."""
    import subprocess
    import sys
    import time

    code = "from search.extraction import limit_resources; limit_resources(1, 512 * 2**20)\nwhile True: pass"
    started = time.monotonic()
    completed = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code], cwd=extraction.Path(extraction.__file__).parents[1], timeout=30
    )
    assert completed.returncode < 0  # killed by SIGXCPU
    assert time.monotonic() - started < 20
