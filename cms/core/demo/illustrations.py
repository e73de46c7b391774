"""Illustrations of the demo content, drawn with Pillow when the demo is loaded.

No photograph of the association may be used, and stock images would need a licence and a request
to another server: the demo draws its own abstract, industrial pictures instead (factory halls,
wind turbines, a network of regions, gears, type motifs) in the site's colours. Each drawing is
deterministic (a fixed seed), so a second load creates the same files, and nothing binary is kept
in git. ``scripts/make_demo_images.py`` writes them to a folder to look at. Source and licence:
docs/images.md.
"""

import functools
import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

NAVY = (0, 48, 79)
BLUE = (0, 74, 124)
SKY = (120, 170, 205)
STEEL = (197, 206, 214)
PALE = (226, 236, 244)
ORANGE = (179, 71, 0)
AMBER = (255, 191, 71)
GREEN = (46, 125, 50)
WHITE = (255, 255, 255)


def _rng(seed):
    """A seeded generator for shapes (not for anything secret): the same picture on every load."""
    return random.Random(seed)  # noqa: S311


def _gradient(size, top, bottom):
    width, height = size
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(height - 1, 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def _factory(draw, rng, width, height, base, colour, scale=1.0):
    """A row of sawtooth-roofed halls with chimneys, standing on ``base``."""
    x = -rng.randint(0, 60)
    while x < width:
        hall = rng.randint(int(160 * scale), int(320 * scale))
        wall = rng.randint(int(90 * scale), int(170 * scale))
        teeth = max(2, hall // int(60 * scale))
        tooth = hall / teeth
        draw.rectangle([x, base - wall, x + hall, base], fill=colour)
        for n in range(teeth):
            left = x + n * tooth
            draw.polygon(
                [(left, base - wall), (left + tooth, base - wall - 45 * scale), (left + tooth, base - wall)],
                fill=colour,
            )
        if rng.random() < 0.6:
            cx = x + rng.randint(10, max(11, hall - 30))
            stack = rng.randint(int(120 * scale), int(230 * scale))
            draw.rectangle([cx, base - wall - stack, cx + 22 * scale, base - wall], fill=colour)
        x += hall + rng.randint(0, int(40 * scale))


def _turbine(draw, x, base, tall, angle, colour):
    hub = (x, base - tall)
    draw.polygon([(x - 6, base), (x + 6, base), (x + 2, hub[1]), (x - 2, hub[1])], fill=colour)
    for n in range(3):
        a = math.radians(angle + n * 120)
        tip = (hub[0] + math.cos(a) * tall * 0.55, hub[1] + math.sin(a) * tall * 0.55)
        side = (hub[0] + math.cos(a + 0.12) * tall * 0.12, hub[1] + math.sin(a + 0.12) * tall * 0.12)
        draw.polygon([hub, side, tip], fill=colour)
    draw.ellipse([hub[0] - 7, hub[1] - 7, hub[0] + 7, hub[1] + 7], fill=colour)


def industry(size=(1600, 1000), seed=1):
    """Halls and chimneys against a dawn sky with wind turbines: the site's hero picture."""
    rng = _rng(seed)
    width, height = size
    image = _gradient(size, (255, 214, 150), (120, 170, 205))
    draw = ImageDraw.Draw(image)
    sun = (int(width * 0.72), int(height * 0.42))
    draw.ellipse([sun[0] - 110, sun[1] - 110, sun[0] + 110, sun[1] + 110], fill=AMBER)
    for n in range(5):
        _turbine(
            draw,
            int(width * (0.08 + n * 0.11)),
            int(height * 0.7),
            rng.randint(220, 320),
            rng.randint(0, 119),
            STEEL,
        )
    _factory(draw, rng, width, height, int(height * 0.86), (64, 110, 150), 1.1)
    _factory(draw, rng, width, height, height, NAVY, 1.4)
    return image


def network(size=(1600, 900), seed=2):
    """Nodes and links on blue: regions, partners and the alliance between them."""
    rng = _rng(seed)
    width, height = size
    image = _gradient(size, BLUE, NAVY)
    draw = ImageDraw.Draw(image)
    nodes = [(rng.randint(60, width - 60), rng.randint(60, height - 60)) for _ in range(26)]
    for i, a in enumerate(nodes):
        near = sorted(nodes, key=lambda b: (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2)[1:4]
        for b in near:
            draw.line([a, b], fill=(90, 140, 180), width=4)
        r = 10 + (i % 4) * 6
        draw.ellipse([a[0] - r, a[1] - r, a[0] + r, a[1] + r], fill=AMBER if i % 5 == 0 else WHITE)
    return image


def gears(size=(1600, 900), seed=3):
    """Interlocking gears on pale steel: training, craft, engineering."""
    rng = _rng(seed)
    width, height = size
    image = _gradient(size, PALE, STEEL)
    draw = ImageDraw.Draw(image)
    colours = [BLUE, ORANGE, NAVY, GREEN]
    for n in range(7):
        cx, cy = rng.randint(0, width), rng.randint(0, height)
        radius = rng.randint(90, 260)
        teeth = max(8, radius // 18)
        colour = colours[n % len(colours)]
        points = []
        for t in range(teeth * 4):
            angle = 2 * math.pi * t / (teeth * 4)
            r = radius if (t // 2) % 2 == 0 else radius * 0.82
            points.append((cx + math.cos(angle) * r, cy + math.sin(angle) * r))
        draw.polygon(points, fill=colour)
        hole = radius * 0.35
        draw.ellipse([cx - hole, cy - hole, cx + hole, cy + hole], fill=PALE)
    return image.filter(ImageFilter.SMOOTH)


def hall(size=(1600, 900), seed=4):
    """Inside a production hall: roof trusses, a crane and rows of machines in perspective."""
    rng = _rng(seed)
    width, height = size
    image = _gradient(size, (236, 240, 244), (160, 176, 190))
    draw = ImageDraw.Draw(image)
    vanish = (width // 2, int(height * 0.45))
    for n in range(-8, 9):
        draw.line([vanish, (width // 2 + n * 260, height)], fill=(140, 156, 170), width=3)
    for n in range(1, 9):
        y = int(height * 0.45 * (1 - n / 9))
        draw.line([(0, y), (width, y)], fill=(120, 140, 160), width=6)
        for x in range(0, width, 80):
            draw.line([(x, y), (x + 40, y + 30)], fill=(150, 165, 180), width=2)
    draw.rectangle([0, int(height * 0.18), width, int(height * 0.22)], fill=ORANGE)
    draw.rectangle([int(width * 0.4), int(height * 0.22), int(width * 0.44), int(height * 0.4)], fill=ORANGE)
    for row in range(3):
        depth = 1 - row * 0.28
        for side in (-1, 1):
            x = width // 2 + side * int(width * 0.32 * depth)
            w, h = int(240 * depth), int(180 * depth)
            base = int(vanish[1] + (height - vanish[1]) * depth)
            draw.rectangle([x - w // 2, base - h, x + w // 2, base], fill=BLUE if (row + side) % 2 else NAVY)
            draw.rectangle([x - w // 4, base - h - 30 * depth, x + w // 4, base - h], fill=STEEL)
            if rng.random() < 0.7:
                draw.ellipse([x - 12, base - h + 20, x + 12, base - h + 44], fill=AMBER)
    return image


def type_motif(text, size=(1600, 900), background=NAVY, colour=WHITE, accent=AMBER):
    """A type motif: the line of text large on a plain colour, with the accent bar of the signet."""
    width, height = size
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    lines = text.split("\n")
    font_size = 150
    font = ImageFont.load_default(size=font_size)
    while font_size > 40 and max(draw.textlength(line, font=font) for line in lines) > width * 0.84:
        font_size -= 8
        font = ImageFont.load_default(size=font_size)
    line_height = int(font_size * 1.15)
    top = (height - line_height * len(lines)) // 2
    left = int(width * 0.08)
    draw.rectangle([left, top - 60, left + 160, top - 40], fill=accent)
    for n, line in enumerate(lines):
        draw.text((left, top + n * line_height), line, font=font, fill=colour)
    return image


def jpeg_bytes(image, quality=82):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()


def size_of(data):
    """(width, height) of an encoded picture."""
    with Image.open(io.BytesIO(data)) as image:
        return image.size


def png_bytes(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


# name -> (drawing, alt text): every illustration of the demo, for the loaders and the script.
ILLUSTRATIONS = {
    "industrie": (
        industry,
        "Gezeichnete Industrielandschaft: Werkhallen mit Schornsteinen und Windräder vor einem Morgenhimmel",
    ),
    "netzwerk": (
        network,
        "Gezeichnetes Netz aus hellen Punkten und Linien auf Blau – Partner, die verbunden sind",
    ),
    "zahnraeder": (gears, "Gezeichnete ineinandergreifende Zahnräder in Blau, Orange und Grün"),
    "werkhalle": (hall, "Gezeichnete Produktionshalle mit Dachträgern, orangem Kran und Maschinenreihen"),
    # The home page's focus areas: the same drawings with other seeds, so they differ from the news.
    "netzwerk-regionen": (
        functools.partial(network, seed=5),
        "Gezeichnetes Netz aus hellen Punkten und Linien auf Blau – Regionen, die verbunden sind",
    ),
    "werkhalle-woche": (
        functools.partial(hall, seed=6),
        "Gezeichnete Produktionshalle mit Dachträgern, orangem Kran und Maschinenreihen",
    ),
    "zahnraeder-forum": (
        functools.partial(gears, seed=7),
        "Gezeichnete ineinandergreifende Zahnräder in Blau, Orange und Grün",
    ),
}


def illustration(name):
    """(JPEG bytes, alt text) of the illustration ``name``."""
    draw, alt = ILLUSTRATIONS[name]
    return jpeg_bytes(draw()), alt
