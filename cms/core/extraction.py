"""Text extraction from uploaded documents (PDF, PPTX, DOCX, ODT/ODP) for the full-text search.

The parsers run in a child process (``python -m cms.core.extraction --cpu N --memory N FILE``) with
limits on CPU time, address space and output size, so a hostile or broken file can neither hang nor
exhaust the worker. The child sets its limits itself (``resource.setrlimit`` first thing in
``main()``, before any parser is imported): ``subprocess``'s ``preexec_fn`` would run Python code
between fork and exec, which Python documents as unsafe in a process with threads (gunicorn's
gthread workers, the search log's timer).

``extract_file()`` is the entry point for the rest of the site; it never raises for a bad file but
returns an :class:`ExtractionResult` with a status and a German message for editors.

This module does not import Django so that the child process starts quickly.
"""

import json
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from xml.etree import ElementTree

# Limits (the defaults are generous for presentations and reports of a few hundred pages).
MAX_FILE_SIZE = 50 * 1024 * 1024  # bytes; larger files are not opened at all
MAX_PAGES = 500  # PDF pages or PPTX slides read
MAX_CHARS = 200_000  # characters of text kept
MAX_ZIP_MEMBER_SIZE = 30 * 1024 * 1024  # uncompressed XML per member (zip bombs)
MAX_ZIP_TOTAL_SIZE = 300 * 1024 * 1024  # uncompressed size of all members together
TIME_LIMIT = 60  # seconds of wall-clock time for the child process
CPU_LIMIT = 45  # seconds of CPU time for the child process
MEMORY_LIMIT = 768 * 1024 * 1024  # bytes of address space for the child process

SUPPORTED = {"pdf", "pptx", "docx", "odt", "odp"}

# Status values, identical to CustomDocument.ExtractionStatus.
DONE = "done"
EMPTY = "empty"
FAILED = "failed"
UNSUPPORTED = "unsupported"


@dataclass
class ExtractionResult:
    status: str
    text: str = ""
    message: str = ""


class ExtractionError(Exception):
    """A file that cannot be read; the message is shown to editors."""


def clean_text(text, limit=MAX_CHARS):
    """Drop control characters, join hyphenated line breaks, collapse whitespace, cap the length."""
    text = text.replace("\x00", " ")
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    text = re.sub(r"[^\S\n]+", " ", "".join(ch if ch.isprintable() or ch == "\n" else " " for ch in text))
    text = re.sub(r"\n\s*\n+", "\n\n", text)
    return text.strip()[:limit]


def _pdf_text(path):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty user password only (copy protection).
            try:
                if not reader.decrypt(""):
                    raise ExtractionError("Die PDF-Datei ist mit einem Passwort geschützt.")
            except (DependencyError, NotImplementedError) as exc:
                raise ExtractionError(
                    "Die PDF-Datei ist verschlüsselt und kann nicht gelesen werden."
                ) from exc
        parts, size = [], 0
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES or size >= MAX_CHARS:
                break
            chunk = page.extract_text() or ""
            parts.append(chunk)
            size += len(chunk)
    except FileNotDecryptedError as exc:
        raise ExtractionError("Die PDF-Datei ist mit einem Passwort geschützt.") from exc
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise ExtractionError(f"Die PDF-Datei ist beschädigt oder ungültig ({type(exc).__name__}).") from exc
    return "\n\n".join(parts)


def _pptx_text(path):
    from pptx import Presentation
    from pptx.exc import PackageNotFoundError

    try:
        presentation = Presentation(path)
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        raise ExtractionError("Die PowerPoint-Datei ist beschädigt oder ungültig.") from exc
    parts, size = [], 0
    for number, slide in enumerate(presentation.slides):
        if number >= MAX_PAGES or size >= MAX_CHARS:
            break
        for shape in slide.shapes:
            texts = []
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
            for text in texts:
                parts.append(text)
                size += len(text)
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def _zip_xml_text(path, member, paragraph_tags):
    """Text of an XML member of an Office zip file (DOCX: word/document.xml, ODF: content.xml)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(member)
            if info.file_size > MAX_ZIP_MEMBER_SIZE:
                raise ExtractionError("Die Datei ist zu groß, um ihren Text zu erkennen.")
            data = archive.read(member)
        root = ElementTree.fromstring(data)  # noqa: S314 - stdlib parser does not resolve external entities
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise ExtractionError("Die Datei ist beschädigt oder ungültig.") from exc
    paragraphs = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] in paragraph_tags:
            paragraphs.append("".join(element.itertext()))
    return "\n".join(paragraphs)


def _check_zip(path):
    """Refuse an Office file whose members would unpack beyond the limits (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ExtractionError("Die Datei ist beschädigt oder ungültig.") from exc
    total = sum(member.file_size for member in members)
    largest = max((member.file_size for member in members if member.filename.endswith(".xml")), default=0)
    if total > MAX_ZIP_TOTAL_SIZE or largest > MAX_ZIP_MEMBER_SIZE:
        raise ExtractionError(
            "Die Datei ist zu groß, um ihren Text zu erkennen: entpackt wäre sie über "
            f"{max(total, largest) // 2**20} MB groß."
        )


def _extract(path, extension):
    if extension != "pdf":
        _check_zip(path)
    if extension == "pdf":
        return _pdf_text(path)
    if extension == "pptx":
        return _pptx_text(path)
    if extension == "docx":
        return _zip_xml_text(path, "word/document.xml", {"p"})
    if extension in {"odt", "odp"}:
        return _zip_xml_text(path, "content.xml", {"p", "h"})
    raise ExtractionError("Dateityp nicht unterstützt.")


def extract_in_process(path):
    """Extract text in this process (no limits); used by the child process and by tests."""
    extension = Path(path).suffix.lstrip(".").lower()
    if extension not in SUPPORTED:
        return ExtractionResult(UNSUPPORTED, message=f"Für .{extension}-Dateien wird kein Text erkannt.")
    try:
        text = clean_text(_extract(path, extension))
    except ExtractionError as exc:
        return ExtractionResult(FAILED, message=str(exc))
    except MemoryError:
        return ExtractionResult(FAILED, message="Die Datei braucht zu viel Speicher für die Texterkennung.")
    except Exception as exc:  # noqa: BLE001 - any parser failure means "unreadable file"
        return ExtractionResult(
            FAILED, message=f"Die Datei konnte nicht gelesen werden ({type(exc).__name__})."
        )
    if not text:
        return ExtractionResult(
            EMPTY, message="Die Datei enthält keinen erkennbaren Text (z. B. nur Bilder)."
        )
    return ExtractionResult(DONE, text=text)


def limit_resources(cpu_seconds, memory_bytes):  # pragma: no cover - runs in the child process
    """Limit this process: CPU time, address space, and no files written."""
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # the child writes no files


def child_command(path):
    """The command line of the child process for ``path`` with the current limits."""
    return [
        sys.executable,
        "-m",
        "cms.core.extraction",
        "--cpu",
        str(CPU_LIMIT),
        "--memory",
        str(MEMORY_LIMIT),
        str(path),
    ]


def extract_file(path, timeout=TIME_LIMIT):
    """Extract the text of the file at ``path`` in a child process with time and memory limits."""
    path = Path(path)
    extension = path.suffix.lstrip(".").lower()
    if extension not in SUPPORTED:
        return ExtractionResult(UNSUPPORTED, message=f"Für .{extension}-Dateien wird kein Text erkannt.")
    try:
        size = path.stat().st_size
    except OSError:
        return ExtractionResult(FAILED, message="Die Datei wurde nicht gefunden.")
    if size > MAX_FILE_SIZE:
        return ExtractionResult(
            FAILED, message=f"Die Datei ist zu groß für die Texterkennung (über {MAX_FILE_SIZE // 2**20} MB)."
        )
    project_root = Path(__file__).resolve().parents[2]
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(project_root), "LANG": "C.UTF-8"}
    try:
        completed = subprocess.run(  # noqa: S603 - fixed interpreter and module, the path is an argument
            child_command(path),
            capture_output=True,
            timeout=timeout,
            env=env,
            cwd=project_root,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return ExtractionResult(
            FAILED, message=f"Die Texterkennung hat länger als {timeout} Sekunden gedauert."
        )
    if completed.returncode != 0:
        reason = "Speicher- oder Zeitgrenze überschritten" if completed.returncode < 0 else "Programmfehler"
        return ExtractionResult(FAILED, message=f"Die Texterkennung ist abgebrochen ({reason}).")
    try:
        data = json.loads(completed.stdout.decode("utf-8"))
        return ExtractionResult(data["status"], data.get("text", ""), data.get("message", ""))
    except (ValueError, KeyError, UnicodeDecodeError):
        return ExtractionResult(FAILED, message="Die Texterkennung hat kein lesbares Ergebnis geliefert.")


def main(argv):  # pragma: no cover - exercised through extract_file()
    import argparse

    parser = argparse.ArgumentParser(prog="python -m cms.core.extraction")
    parser.add_argument("--cpu", type=int, default=CPU_LIMIT, help="CPU seconds")
    parser.add_argument("--memory", type=int, default=MEMORY_LIMIT, help="bytes of address space")
    parser.add_argument("path")
    options = parser.parse_args(argv[1:])
    if os.name == "posix":
        limit_resources(options.cpu, options.memory)
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    result = extract_in_process(options.path)
    sys.stdout.write(json.dumps(asdict(result)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv))
