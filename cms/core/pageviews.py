"""A page model's views, kept in its app's ``views.py``.

Wagtail answers a page's URLs by calling methods of the page model (``get_context``, ``serve`` and the
``@path`` routes of ``RoutablePageMixin``). What those methods do with a request (read a filter, handle
a form's POST, build a calendar) belongs in the app's views, and the views import the models to query
them; so the models must not import the views. Each page class that has views gets a
``PageViews`` table; its app's views module fills it with a decorator::

    # models.py
    class OrderPage(RoutablePageMixin, Page):
        page_views = PageViews()

        @path("danke/", name="thanks")
        def thanks_view(self, request):
            return self.page_views("thanks", request, self)

    # views.py
    @OrderPage.page_views.register("thanks")
    def thanks(request, page): ...

and the app's ``AppConfig.ready`` imports its views module, so the table is full before the first
request. Django's URL resolver is this table for plain views; Wagtail has none for page methods, and a
dict with a clear error for a missing entry is all it takes, so no library is used.
"""

from django.core.exceptions import ImproperlyConfigured


class PageViews:
    """Views of one page class by name, registered by the app's views module."""

    def __init__(self):
        self._views = {}
        self._owner = "?"

    def __set_name__(self, owner, name):
        self._owner = f"{owner.__module__}.{owner.__qualname__}"

    def register(self, name):
        """Decorator: register ``func`` as this page class's view ``name``."""

        def decorator(func):
            if name in self._views and self._views[name] is not func:
                raise ImproperlyConfigured(f"{self._owner}: Seitenansicht {name!r} ist doppelt registriert.")
            self._views[name] = func
            return func

        return decorator

    def __call__(self, name, *args, **kwargs):
        try:
            view = self._views[name]
        except KeyError:
            raise ImproperlyConfigured(
                f"{self._owner}: keine Seitenansicht {name!r} (lädt AppConfig.ready() die views der App?)"
            ) from None
        return view(*args, **kwargs)

    def names(self):
        return set(self._views)
