"""Load the settings modules with a given environment, and restore them after each test."""

import importlib

import pytest


def load_settings(monkeypatch, module="cms.settings.base", **env):
    for name in ("DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    base = importlib.import_module("cms.settings.base")
    importlib.reload(base)
    if module == "cms.settings.base":
        return base
    return importlib.reload(importlib.import_module(module))


@pytest.fixture(autouse=True)
def _restore_settings_modules():
    yield
    # Leave the modules as the environment of the test run defines them.
    importlib.reload(importlib.import_module("cms.settings.base"))
