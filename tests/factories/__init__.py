"""factory_boy / wagtail-factories factories, one module per app."""

import importlib
import inspect

APP_MODULES = ("accessibility", "events", "home", "legal", "materials", "meetings", "news", "regions")


def page_factories():
    """{page model: its factory} of every PageFactory in this package (for tests over all page types)."""
    import wagtail_factories

    factories = {}
    for name in APP_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        for _attribute, factory in inspect.getmembers(module, inspect.isclass):
            if issubclass(factory, wagtail_factories.PageFactory) and factory._meta.model is not None:
                factories[factory._meta.model] = factory
    return factories
