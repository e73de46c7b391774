"""The association's own data (name, address, e-mail …) for every place that shows it.

The data are edited in the ``legal`` app's settings ("Organisation"). The shared core must not import
a domain app, so it asks through a Wagtail hook: ``legal/wagtail_hooks.py`` registers
``organisation_data``, a callable ``(request) -> Organisation``. Footer, JSON-LD, the e-mails of the
forms and the lockout pages call :func:`current` (templates: ``{% organisation as org %}`` from
``organisation_tags``). Without a provider (or when it fails, e.g. without a database) the
fallback is the site name and ``DEFAULT_FROM_EMAIL``.
"""

import logging
from dataclasses import dataclass, field
from email.utils import formataddr

from django.conf import settings
from wagtail import hooks

logger = logging.getLogger("cms.core")

HOOK = "organisation_data"


@dataclass(frozen=True)
class Organisation:
    name: str
    email: str = ""
    legal_form: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "DE"
    phone: str = ""
    description: str = ""
    social_links: tuple[str, ...] = field(default_factory=tuple)
    # Site-relative addresses of the legal pages ("" while there is none).
    impressum_url: str = ""
    privacy_url: str = ""

    @property
    def full_name(self):
        """The name with its legal form, e.g. "N3tzwerk Zukunft der Industrie e. V."."""
        if self.legal_form and not self.name.endswith(self.legal_form):
            return f"{self.name} {self.legal_form}"
        return self.name

    @property
    def sender(self):
        """The From header of the site's e-mails: "N3tzwerk … e. V. <info@…>"."""
        return formataddr((self.full_name, self.email or settings.DEFAULT_FROM_EMAIL))

    @property
    def reply_address(self):
        return self.email or settings.DEFAULT_FROM_EMAIL

    @property
    def signature(self):
        """The signature under the site's e-mails (plain text)."""
        lines = [self.full_name]
        if self.street or self.city:
            lines.append(
                ", ".join(part for part in (self.street, f"{self.postcode} {self.city}".strip()) if part)
            )
        contact = [
            part for part in (self.reply_address, f"Telefon {self.phone}" if self.phone else "") if part
        ]
        lines.append(", ".join(contact))
        return "\n".join(line for line in lines if line)


def fallback():
    return Organisation(name=settings.WAGTAIL_SITE_NAME, email=settings.DEFAULT_FROM_EMAIL)


def current(request=None):
    """The organisation as the provider (``organisation_data`` hook) gives it, else the fallback."""
    for provider in hooks.get_hooks(HOOK):
        try:
            organisation = provider(request)
        except Exception:  # no database (500 page), a broken provider: the fallback keeps pages up
            logger.exception("organisation_data provider failed")
            continue
        if organisation is not None:
            return organisation
    return fallback()
