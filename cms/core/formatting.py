"""Small formatting helpers shared by models and templates (German number style)."""

import os

FILE_TYPE_LABELS = {
    "pdf": "PDF",
    "pptx": "PowerPoint",
    "ppt": "PowerPoint",
    "docx": "Word",
    "doc": "Word",
    "xlsx": "Excel",
    "odt": "OpenDocument-Text",
    "odp": "OpenDocument-Präsentation",
    "jpg": "JPEG",
    "jpeg": "JPEG",
}


def file_type_label(filename):
    """'praesentation.pptx' -> 'PowerPoint'; unknown extensions are shown upper-case."""
    extension = os.path.splitext(filename or "")[1].lstrip(".").lower()
    if not extension:
        return ""
    return FILE_TYPE_LABELS.get(extension, extension.upper())


def human_file_size(size):
    """Format a byte count the German way: 1234567 -> '1,2 MB', 2048 -> '2 KB', 500 -> '500 Byte'."""
    if size is None:
        return ""
    size = int(size)
    if size < 1024:
        return f"{size} Byte"
    value = size / 1024
    if round(value) < 1024:
        return f"{round(value)} KB"
    for unit in ("MB", "GB"):
        value /= 1024
        # Round first, so 1023.96 MB is shown as "1,0 GB" rather than "1024,0 MB".
        if round(value, 1) < 1024 or unit == "GB":
            return f"{value:.1f} {unit}".replace(".", ",")
    raise AssertionError("unreachable")
