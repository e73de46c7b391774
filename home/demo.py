"""Demo content of the home page: the page itself (site root), "Über uns" and the focus-area links.

``load`` runs right after the shared snippets (``cms.core.demo.snippets``), so every later loader
finds the home page with ``get_home_page()``; ``link_focus_areas`` runs last, when the sections the
focus areas point to exist.
"""

from wagtail.models import Page, Site

from cms.core.demo import snippets, utils
from home.models import FocusArea, HomePage, HomePartner, StandardPage

SITE_NAME = "N3tzwerk Zukunft der Industrie"
HOME_SLUG = "start"

HOME_INTRO = (
    "<p>Das N3tzwerk Zukunft der Industrie bringt Unternehmen, Verbände, Kammern, Gewerkschaften, "
    "Beschäftigte und Politik zusammen. Gemeinsam zeigen wir, warum die Industrie für Wachstum, Wohlstand "
    "und Beschäftigung unverzichtbar ist. 2017 rücken wir die Arbeit vor Ort in den Mittelpunkt: in den "
    "Bundesländern, Regionen, Betrieben und Belegschaften.</p>"
)

# title, text, slugs of the home page's child that the focus area links to (first match wins;
# "Woche der Industrie" is built by the events app and linked once it exists), (illustration, image
# title) of its drawn picture.
FOCUS_AREAS = [
    (
        "Regionaler Dialog",
        # (\u2011: a non-breaking hyphen, so the line never breaks between "-" and "initiativen")
        "Regionale Industriebündnisse und \u2011initiativen tauschen sich aus und lernen voneinander. "
        "In sechs Modellregionen begleiten wir Industriedialoge in einem vom BMWi geförderten Projekt.",
        ("regionen",),
        ("netzwerk-regionen", "Netz der Regionen"),
    ),
    (
        "Woche der Industrie",
        "Partner vor Ort laden in ihrer Region zu Veranstaltungswochen ein. Wir helfen bei der Planung, "
        "stellen Signet, Motive und Werbemittel kostenlos bereit und zeigen alle Termine auf einer Karte.",
        ("woche-der-industrie", "wochen-der-industrie", "veranstaltungen"),
        ("werkhalle-woche", "Werkhalle mit Kran"),
    ),
    (
        "Forum Industriepolitik",
        "Von März bis September 2017 stellen wir unsere gemeinsamen Handlungsempfehlungen in fünf Themen "
        "zur Diskussion – auch mit Blick auf die Bundestagswahl.",
        ("forum-industriepolitik",),
        ("zahnraeder-forum", "Zahnräder im Forum"),
    ),
]

# The partner strip ("Partner im Bündnis"), in this order: keys of cms.core.demo.snippets.ORGANISATIONS.
# Industry, unions, chambers, a region's city and the funding ministry; not the association itself
# (it is the site) nor its service providers (Prognos, the web agency).
PARTNERS = [
    "dihk",
    "dgb-bw",
    "ihk-koeln",
    "ihk-nord-westfalen",
    "bw-industrie",
    "rasselstein",
    "stadt-frankfurt",
    "bmwi",
]


# The drawn picture beside the home page's introduction: (illustration, image title).
HERO_IMAGE = ("industrie", "Industrielandschaft mit Werkhallen und Windrädern")


def get_home_page():
    """The site's HomePage, or None before the demo content is loaded."""
    return HomePage.objects.order_by("path").first()


def ensure_home_page(log):
    """A published HomePage as the default site's root, replacing Wagtail's welcome page."""
    home = get_home_page()
    if home is None:
        root = Page.get_first_root_node()
        inlines = {
            "focus_areas": [
                FocusArea(title=title, text=text, image=utils.ensure_image(log, *image))
                for title, text, _slugs, image in FOCUS_AREAS
            ],
            "partner_organisations": _partners(log),
        }
        utils.number_orderables(inlines)
        home = HomePage(
            title=SITE_NAME,
            slug=HOME_SLUG,
            intro=HOME_INTRO,
            contact=snippets.contact(log, "general"),
            hero_image=utils.ensure_image(log, *HERO_IMAGE),
            **inlines,
        )
        root.add_child(instance=home)
        utils.publish(home)
        log.created_object(home, kind="Startseite")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
        log.write("  angelegt – Website mit der Startseite als Wurzel")
    elif site.root_page_id != home.pk:
        previous = site.root_page.specific
        site.root_page = home
        site.site_name = site.site_name or SITE_NAME
        site.save()
        log.write("  Startseite als Wurzel der Website gesetzt")
        _delete_welcome_page(log, previous)
    return home


def _partners(log):
    return [HomePartner(organisation=snippets.organisation(log, key)) for key in PARTNERS]


def ensure_partners(log, home):
    """The demo's partner strip on a home page that has none yet (a database loaded before the
    strip was chosen by editors); a page with partners is left as it is, and so is a page with an
    editor's unpublished draft (publishing here would put the draft live unreviewed)."""
    if home.has_unpublished_changes:
        log.write("  übersprungen – Partner im Bündnis: die Startseite hat einen unveröffentlichten Entwurf")
        return
    page = home.specific
    if page.partner_organisations.exists():
        return
    partners = _partners(log)
    utils.number_orderables({"partner_organisations": partners})
    page.partner_organisations = partners
    utils.publish(page)
    log.write(f"  angelegt – {len(PARTNERS)} Partner im Bündnis auf der Startseite")


def _delete_welcome_page(log, page):
    """Delete Wagtail's initial welcome page, but only that: a plain Page without children or site."""
    if (
        type(page) is Page
        and page.depth == 2
        and not page.get_children().exists()
        and not page.sites_rooted_here.exists()
    ):
        title = page.title
        page.delete()
        log.write(f"  gelöscht – Wagtails Willkommensseite „{title}“")


def ensure_about_page(log, home):
    return utils.ensure_child_page(
        log,
        home,
        StandardPage,
        "ueber-uns",
        title="Über uns",
        show_in_menus=True,
        intro=(
            "Das N3tzwerk Zukunft der Industrie ist ein Verein, der das Gespräch über Rolle, Bedeutung und "
            "Zukunft der Industrie in Deutschland fördert."
        ),
        body=utils.stream(
            utils.heading("Unser Auftrag"),
            utils.paragraph(
                "<p>Laut Satzung fördert der Verein den Dialog mit den Bürgerinnen und Bürgern und die "
                "Debatte in der ganzen Gesellschaft. Überall auf der Welt wird wieder darüber gestritten, "
                "welche Rolle die Industrie spielen soll – wir wollen diese Diskussion hierzulande "
                "mitgestalten.</p>"
            ),
            utils.heading("Wie wir arbeiten"),
            utils.paragraph(
                "<p>Wir führen den Dialog offen, transparent und vor allem vor Ort – ohne Vorgaben von oben "
                "und ohne Abgrenzung. Wir unterstützen alle, die sich in ihrer Region für die Industrie "
                "einsetzen: Unternehmen, Verbände, Kammern, Gewerkschaften, Kommunen und Politik. Und wir "
                "sorgen dafür, dass die Initiativen voneinander erfahren und lernen.</p>"
            ),
            utils.heading("Unsere Mitglieder"),
            utils.paragraph(
                "<p>Unsere Mitgliedsorganisationen sind in den Bundesländern, in den Regionen, in Betrieben "
                "und Belegschaften aktiv. Eine von ihnen ist der Deutsche Industrie- und Handelskammertag "
                "(DIHK), der im April 2017 das dritte Treffen der regionalen Industriebündnisse ausgerichtet "
                "hat.</p>"
            ),
            utils.contact(snippets.contact(log, "general")),
        ),
    )


def load(log):
    """The home page (as the site's root) and "Über uns"."""
    home = ensure_home_page(log)
    ensure_partners(log, home)
    ensure_about_page(log, home)


def link_focus_areas(log):
    """Link each home-page focus area without a link to its section page, once that page exists.

    Runs after all other loaders, so sections built by other apps (Woche der Industrie) are found.
    Publishes a new home-page revision only when a link was added.
    """
    home = get_home_page()
    if home is None:
        return
    targets = {title: slugs for title, _text, slugs, _image in FOCUS_AREAS}
    children = {child.slug: child for child in home.get_children().live()}
    page = home.get_latest_revision_as_object()
    areas = list(page.focus_areas.all())
    changed = False
    for area in areas:
        if area.link_page_id is not None:
            continue
        target = next((children[slug] for slug in targets.get(area.title, ()) if slug in children), None)
        if target is not None:
            area.link_page = target
            changed = True
            log.write(f"  verlinkt – Schwerpunkt „{area.title}“ → {target.url_path}")
    if changed:
        page.focus_areas = areas
        utils.publish(page)
