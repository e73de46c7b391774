"""Helpers of the browser tests: which Chromium, how it starts, and checks run inside the page."""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

# Debian's Chromium (apt-get install chromium); Playwright never downloads a browser here.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# WCAG 2.2 AA (wcag22aa includes target-size, 2.5.8) on top of 2.0 and 2.1.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
TABLET = {"width": 768, "height": 1024}
PHONE = {"width": 375, "height": 812}
NARROW = {"width": 320, "height": 640}  # WCAG 1.4.10 reflow: no horizontal scrolling at 320 CSS px
# axe runs at each of these widths; screenshots are taken at DESKTOP and PHONE.
AXE_VIEWPORTS = [DESKTOP, TABLET, PHONE]

# The demo's Woche der Industrie has 400 events; 40 show every view and load much faster.
DEMO_EVENT_COUNT = 40


def browser_missing():
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError as exc:
        return f"needs Playwright and axe-playwright-python ({exc.name} is not installed)"
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return f"needs Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def screenshot_dir():
    """The folder for screenshots (``SCREENSHOTS=folder``, set by ``make screenshots``), or None."""
    folder = os.environ.get("SCREENSHOTS", "").strip()
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def foreign_requests(urls, site_origin):
    """The recorded request URLs that leave the site (data: and blob: URLs never leave the browser)."""
    return [url for url in urls if not url.startswith(("data:", "blob:")) and origin(url) != site_origin]


# Run inside the page: heading levels of the whole document, in order.
HEADING_LEVELS_JS = "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"

# Run inside the page: how far the page is wider than the window (0 = no horizontal scrolling).
OVERFLOW_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"

# Run inside the page: images without an alt attribute (alt="" marks a decorative image).
IMAGES_WITHOUT_ALT_JS = "() => [...document.querySelectorAll('img:not([alt])')].map(i => i.outerHTML)"

# Run inside the page: whether the focused element shows a focus indicator (outline or shadow).
FOCUS_VISIBLE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {tag: el.tagName, text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 60),
          visible: outline || style.boxShadow !== 'none'};
}"""


def heading_jumps(levels):
    """Places where a heading skips a level on the way down (h2 followed by h4), as (from, to)."""
    return [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
