"""Uploads: a document's content must be what its extension says.

Wagtail checks the extension (``WAGTAILDOCS_EXTENSIONS``) and the size
(``WAGTAILDOCS_MAX_UPLOAD_SIZE``); :class:`DocumentForm` (``WAGTAILDOCS_DOCUMENT_FORM_BASE``)
adds the real type: magic bytes via ``filetype`` for PDF, PNG, JPEG and ZIP, and the package's own marker for
the Office formats (OOXML's main part, ODF's ``mimetype`` entry), so an executable, a script or an
image renamed to ``.pdf`` or ``.docx`` is refused with a German message before it is stored.
Images are checked by Wagtail itself (it opens them with Willow).
"""

import re
import zipfile

import filetype
from django import forms
from wagtail.documents.forms import BaseDocumentForm

FORMAT_NAMES = {
    "pdf": "PDF-Dokument",
    "docx": "Word-Dokument",
    "pptx": "PowerPoint-Präsentation",
    "xlsx": "Excel-Tabelle",
    "odt": "OpenDocument-Text",
    "odp": "OpenDocument-Präsentation",
    "png": "PNG-Bild",
    "jpg": "JPEG-Bild",
}
OOXML_MAIN_PART = {"docx": "word/document.xml", "pptx": "ppt/presentation.xml", "xlsx": "xl/workbook.xml"}
ODF_MIMETYPE = {
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
HEAD_SIZE = 8192


def _read_head(file):
    file.seek(0)
    head = file.read(HEAD_SIZE)
    file.seek(0)
    return head


def _zip_marker_ok(file, extension):
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if extension in OOXML_MAIN_PART:
                return OOXML_MAIN_PART[extension] in names
            info = archive.getinfo("mimetype") if "mimetype" in names else None
            if info is None or info.file_size > 200:
                return False
            return archive.read(info).decode("ascii", "replace").strip() == ODF_MIMETYPE[extension]
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return False
    finally:
        file.seek(0)


def content_mismatch(file, extension):
    """A German message if ``file`` is not really a file of type ``extension``, else ``None``."""
    extension = extension.lower()
    expected = FORMAT_NAMES.get(extension)
    if expected is None:
        return None  # not a document format this check knows (the extension check refuses it)
    kind = filetype.guess(_read_head(file))
    found = kind.extension if kind else None
    if extension in {"pdf", "png", "jpg"}:
        ok = found == extension
    else:
        ok = found in {"zip", extension} and _zip_marker_ok(file, extension)
    if ok:
        return None
    what = f"erkannt: {found.upper()}" if found and found != extension else "Inhalt nicht erkannt"
    return (
        f"Der Inhalt der Datei passt nicht zur Endung .{extension}: erwartet wird der Typ "
        f"„{expected}“ ({what}). Bitte laden Sie die Originaldatei hoch."
    )


# Word beginnings whose spelled-out umlaut is certain ("ue" in "Quelle" or "neue" is no "ü", so only
# these are restored in a title made from a file name).
UMLAUT_STEMS = {
    "praesent": "präsent",
    "buendnis": "bündnis",
    "ueber": "über",
    "fuer": "für",
    "foerder": "förder",
    "massnahm": "maßnahm",
    "laender": "länder",
    "staedt": "städt",
    "gespraech": "gespräch",
    "moeglich": "möglich",
    "zukunftsfaehig": "zukunftsfähig",
    "schluessel": "schlüssel",
    "koeln": "köln",
    "muenchen": "münchen",
    "duesseldorf": "düsseldorf",
    "nuernberg": "nürnberg",
    "thueringen": "thüringen",
    "saarbruecken": "saarbrücken",
}


def readable_title(name):
    """A title for a document from its file name: „zinnoberkran-praesentation.pdf“ → „Zinnoberkran
    Präsentation“ (separators to spaces, certain umlauts restored, each word capitalised)."""
    stem = re.sub(r"\.[A-Za-z0-9]{2,5}$", "", name.strip())
    words = [word for word in re.split(r"[-_.\s]+", stem) if word]
    readable = []
    for word in words:
        lower = word.lower()
        for stem_ascii, stem_umlaut in UMLAUT_STEMS.items():
            if lower.startswith(stem_ascii) and (stem_ascii != "fuer" or lower == "fuer"):
                word = stem_umlaut + word[len(stem_ascii) :]
                break
        readable.append(word[:1].upper() + word[1:])
    return " ".join(readable) or name


def looks_like_file_name(title, file_name):
    """Whether ``title`` is just the file's name (with or without its extension)."""
    base = file_name.rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0]
    return title.strip().casefold() in {base.casefold(), stem.casefold()}


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form plus the check of the file's real type, and a readable title when
    the title is just the file name (Wagtail's upload fills it in so)."""

    def clean(self):
        data = super().clean()
        title, file = data.get("title"), data.get("file")
        if title and file and "file" in self.changed_data and looks_like_file_name(title, file.name):
            data["title"] = readable_title(title)
        return data

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            extension = file.name.rsplit(".", 1)[-1] if "." in file.name else ""
            message = content_mismatch(file, extension)
            if message:
                raise forms.ValidationError(message, code="content_mismatch")
        return file
