from wagtail.contrib.settings.models import BaseGenericSetting


class ReadSetting(BaseGenericSetting):
    """``current()``: the saved settings, or unsaved defaults. Wagtail's ``load()`` creates the row on
    first read, and saving a setting empties the page cache: the page being rendered would never be
    cached, and simultaneous first requests raced and stalled each other on SQLite. Pages, mails and
    commands read with ``current()``; the admin keeps ``load()`` (it creates the row when opened)."""

    class Meta:
        abstract = True

    @classmethod
    def current(cls):
        return cls.base_queryset().first() or cls()
