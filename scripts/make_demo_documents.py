#!/usr/bin/env python
"""Render the demo documents (PDF and PPTX) into meetings/demo_files/.

The texts live in ``meetings/demo_documents.py``; this script only lays them out. The outputs are
committed, so running the site never needs reportlab. Regenerate after changing the texts:

    .venv/bin/python scripts/make_demo_documents.py            # write the files
    .venv/bin/python scripts/make_demo_documents.py --check    # also print the extracted text

reportlab is a dev-only tool (``pip install -e ".[dev]"``); python-pptx and pypdf are runtime
dependencies of the site anyway. PDFs use the standard Helvetica font (not embedded, so each
file stays a few KB) and invariant mode, so unchanged texts give byte-identical files.
"""

import argparse
import datetime
import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meetings.demo_documents import (  # noqa: E402
    ALL_DOCUMENTS,
    DEMO_NOTE,
    FILES_DIR,
    FORUM_DOCUMENTS,
    MEETING_LINE,
)

AUTHOR = "N3tzwerk Zukunft der Industrie (Demo)"
MEETING_DATE = datetime.datetime(2017, 4, 5, 10, 0)


def render_pdf(entry, meeting_line):
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    rl_config.invariant = 1  # no timestamps or random IDs: reproducible output

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2.5 * cm,
        bottomMargin=2.5 * cm,
        title=entry["title"],
        author=AUTHOR,
        subject=entry["description"],
        lang="de-DE",
    )
    story = [
        Paragraph(escape(entry["title"]), styles["Title"]),
        Paragraph(escape(entry["subtitle"]), styles["Heading3"]),
    ]
    if meeting_line:
        story.append(Paragraph(escape(meeting_line), styles["Normal"]))
    story.append(Spacer(1, 0.6 * cm))
    for heading, paragraphs in entry["sections"]:
        story.append(Paragraph(escape(heading), styles["Heading2"]))
        for paragraph in paragraphs:
            if isinstance(paragraph, list):
                items = [ListItem(Paragraph(escape(item), styles["BodyText"])) for item in paragraph]
                story.append(
                    ListFlowable(
                        items, bulletType="bullet", start="•", bulletFontName="Helvetica", leftIndent=12
                    )
                )
            else:
                story.append(Paragraph(escape(paragraph), styles["BodyText"]))
    story.append(Spacer(1, 1 * cm))
    note_style = styles["Italic"].clone("Note", textColor=colors.HexColor("#555555"), fontSize=8)
    story.append(Paragraph(escape(DEMO_NOTE), note_style))
    doc.build(story)
    return buffer.getvalue()


def render_pptx(entry):
    from pptx import Presentation
    from pptx.util import Pt

    presentation = Presentation()
    core = presentation.core_properties
    core.title = entry["title"]
    core.author = AUTHOR
    core.subject = entry["description"]
    core.language = "de-DE"
    core.created = core.modified = MEETING_DATE
    core.last_modified_by = AUTHOR

    slides = entry["slides"]
    title_slide = presentation.slides.add_slide(presentation.slide_layouts[0])
    title_slide.shapes.title.text = slides[0][0]
    title_slide.placeholders[1].text = "\n".join([*slides[0][1], MEETING_LINE])

    for slide_title, bullets in slides[1:]:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = slide_title
        frame = slide.placeholders[1].text_frame
        frame.text = bullets[0]
        for bullet in bullets[1:]:
            frame.add_paragraph().text = bullet

    closing = presentation.slides.add_slide(presentation.slide_layouts[5])  # title only
    closing.shapes.title.text = "Vielen Dank!"
    box = closing.shapes.add_textbox(Pt(60), Pt(300), Pt(600), Pt(60)).text_frame
    box.text = DEMO_NOTE
    box.word_wrap = True

    buffer = io.BytesIO()
    presentation.save(buffer)
    return _with_fixed_timestamps(buffer.getvalue())


def _with_fixed_timestamps(data):
    """Repack a zip (PPTX) with a fixed date on every member, so unchanged texts give identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=MEETING_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return output.getvalue()


def extract_text(path):
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(path).pages)
    from pptx import Presentation

    return "\n".join(
        shape.text_frame.text
        for slide in Presentation(path).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print the text extracted from each file")
    parser.add_argument("--out", type=Path, default=FILES_DIR, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    forum_keys = {entry["key"] for entry in FORUM_DOCUMENTS}
    for entry in ALL_DOCUMENTS:
        path = args.out / entry["filename"]
        if path.suffix == ".pptx":
            data = render_pptx(entry)
        else:
            data = render_pdf(entry, None if entry["key"] in forum_keys else MEETING_LINE)
        path.write_bytes(data)
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        sys.stdout.write(f"{shown}: {len(data):,} Bytes\n")
        if args.check:
            sys.stdout.write("    " + extract_text(path).replace("\n", "\n    ") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
