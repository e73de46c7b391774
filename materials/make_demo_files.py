#!/usr/bin/env python
"""Draw the signet downloads of the materials page as small vector PDFs.

The image and type motifs are real image files (JPEG, PNG), drawn when the demo is loaded
(``materials/demo.py`` with ``cms/core/demo/illustrations.py``), so they are not committed.

The PDFs in ``materials/demo_files/`` are committed, so the site never needs reportlab at run time.
Regenerate them (reportlab is in the dev extra) after changing the drawings or ``DEMO_FILES``:

    .venv/bin/python materials/make_demo_files.py [--out DIR]

Invariant mode and the standard Helvetica font keep the files small and byte-identical between runs.
The motifs are simple stand-ins drawn for the demo, not the real campaign artwork.
"""

import argparse
import sys
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

OUT_DIR = Path(__file__).resolve().parent / "demo_files"
AUTHOR = "N3tzwerk Zukunft der Industrie (Demo)"
NOTE = "Demo-Motiv des N3tzwerks Zukunft der Industrie – Platzhalter, nicht das Originalmotiv."

BLUE = "#00508c"
ORANGE = "#f39200"
DARK = "#1d2a36"

# filename -> (title, drawing function name, page size in mm)
DEMO_FILES = {
    "signet-woche-der-industrie.pdf": ("Signet Woche der Industrie", "signet", (120, 120)),
    "signet-woche-der-industrie-negativ.pdf": (
        "Signet Woche der Industrie, negativ",
        "signet_negative",
        (120, 120),
    ),
}


def _signet(c, width, height, background, foreground, accent):
    c.setFillColor(HexColor(background))
    c.rect(0, 0, width, height, stroke=0, fill=1)
    centre_x, centre_y, radius = width / 2, height * 0.6, width * 0.22
    c.setFillColor(HexColor(accent))
    for step in range(8):  # a simple cog: eight teeth around a disc
        c.saveState()
        c.translate(centre_x, centre_y)
        c.rotate(step * 45)
        c.rect(-radius * 0.18, radius * 0.85, radius * 0.36, radius * 0.35, stroke=0, fill=1)
        c.restoreState()
    c.circle(centre_x, centre_y, radius, stroke=0, fill=1)
    c.setFillColor(HexColor(background))
    c.circle(centre_x, centre_y, radius * 0.45, stroke=0, fill=1)
    c.setFillColor(HexColor(foreground))
    c.setFont("Helvetica-Bold", width * 0.085)
    c.drawCentredString(width / 2, height * 0.2, "Woche der Industrie")
    c.setFont("Helvetica", width * 0.05)
    c.drawCentredString(width / 2, height * 0.11, "N3tzwerk Zukunft der Industrie")


def signet(c, width, height):
    _signet(c, width, height, "#ffffff", BLUE, ORANGE)


def signet_negative(c, width, height):
    _signet(c, width, height, BLUE, "#ffffff", ORANGE)


def render(filename, out_dir):
    rl_config.invariant = 1  # no timestamps or random IDs: reproducible output
    title, drawing, (width_mm, height_mm) = DEMO_FILES[filename]
    width, height = width_mm * mm, height_mm * mm
    path = Path(out_dir) / filename
    pdf = canvas.Canvas(str(path), pagesize=(width, height))
    pdf.setTitle(title)
    pdf.setAuthor(AUTHOR)
    pdf.setSubject(NOTE)
    globals()[drawing](pdf, width, height)
    pdf.showPage()
    pdf.save()
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(OUT_DIR), help="target folder (default: materials/demo_files)")
    args = parser.parse_args(argv)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    for filename in DEMO_FILES:
        path = render(filename, args.out)
        sys.stdout.write(f"{path} ({path.stat().st_size} Byte)\n")


if __name__ == "__main__":
    main()
