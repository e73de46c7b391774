"""Checks of rendered HTML for the accessibility rules every page keeps."""

from collections import Counter

from bs4 import BeautifulSoup


def accessibility_problems(html):
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    if soup.html.get("lang") != "de":
        problems.append("<html> has no lang=de")
    if not soup.title or not soup.title.get_text(strip=True):
        problems.append("empty <title>")
    h1s = soup.find_all("h1")
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} <h1> elements")
    previous = 0
    for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        level = int(heading.name[1])
        if level > previous + 1:
            problems.append(
                f"heading skips from h{previous} to {heading.name}: {heading.get_text(strip=True)!r}"
            )
        previous = level
        if not heading.get_text(strip=True):
            problems.append(f"empty {heading.name}")
    for img in soup.find_all("img"):
        if not img.has_attr("alt"):
            problems.append(f"<img src={img.get('src')!r}> without alt")
    labelled = {label.get("for") for label in soup.find_all("label")}
    for control in soup.find_all(["input", "select", "textarea"]):
        if control.get("type") in {"hidden", "submit", "button", "reset"}:
            continue
        if not (
            control.get("id") in labelled
            or control.get("aria-label")
            or control.get("aria-labelledby")
            or control.find_parent("label")
        ):
            problems.append(f"unlabelled control {control.get('name')!r}")
        for ref in control.get("aria-describedby", "").split():
            if not soup.find(id=ref):
                problems.append(f"aria-describedby points to missing #{ref}")
    for link in soup.find_all("a"):
        if not link.get_text(strip=True) and not link.find("img", alt=True) and not link.get("aria-label"):
            problems.append(f"link without text: {link.get('href')!r}")
        if not link.get("href"):
            problems.append(f"link without href: {link.get_text(strip=True)!r}")
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    problems += [f"duplicate id {name!r}" for name, count in ids.items() if count > 1]
    for element in soup.find_all(attrs={"aria-labelledby": True}):
        for ref in element["aria-labelledby"].split():
            if not soup.find(id=ref):
                problems.append(f"aria-labelledby points to missing #{ref}")
    if not soup.find("main"):
        problems.append("no <main>")
    return problems
