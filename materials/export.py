"""Spreadsheet-safe export of the orders (CSV for German spreadsheets, XLSX).

Orders are typed in by anyone on the website, so every exported cell is treated as hostile text:

* **CSV**: semicolon-separated (German Excel and LibreOffice split on ``;``: the file opens in
  columns with a double click), UTF-8 with BOM (so Excel reads the umlauts), every field in quotes
  (``csv.QUOTE_ALL``: a ``;``, tab or line break inside a value cannot start a new cell), and every
  cell whose text begins with ``= + - @``, a tab or a carriage return (or their full-width forms)
  gets a leading apostrophe, so that no spreadsheet runs it as a formula (CSV injection).
* **XLSX**: Wagtail's export writes every value as a cell value and turns whatever openpyxl takes
  for a formula back into a text cell; the same guard is applied here as well, so the two files
  show the same text.

Why hand-written: defusedcsv, the library for this, leaves a leading tab or carriage return alone,
exempts number-like text, and rewrites ``|`` inside the data; the guard needed here is one line.
"""

import csv

# The characters with which a spreadsheet starts a formula (or a command, DDE), also full-width.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Wagtail-modeladmin's placeholder for an empty value: harmless on its own.
EMPTY_VALUE = "-"
BOM = "\ufeff"
DELIMITER = ";"


def spreadsheet_safe(value):
    """``value`` as a spreadsheet shows it as text: a leading apostrophe before a formula start."""
    if not isinstance(value, str) or value == EMPTY_VALUE:
        return value
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Echo:
    """A file-like object whose ``write`` returns the encoded line (for a streaming response)."""

    def write(self, value):
        return value.encode("utf-8")


def csv_lines(fieldnames, headings, rows):
    """The encoded lines of the CSV file: BOM, heading row, one row per dict in ``rows``."""
    writer = csv.DictWriter(Echo(), fieldnames=fieldnames, delimiter=DELIMITER, quoting=csv.QUOTE_ALL)
    yield BOM.encode("utf-8") + writer.writerow(
        {field: spreadsheet_safe(headings[field]) for field in fieldnames}
    )
    for row in rows:
        yield writer.writerow({field: spreadsheet_safe(value) for field, value in row.items()})
