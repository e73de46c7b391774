"""scripts/soak.py: the addresses it sends are valid request lines (issue 15)."""

import importlib.util
from pathlib import Path

SOAK = Path(__file__).resolve().parents[2] / "scripts" / "soak.py"


def load_soak():
    spec = importlib.util.spec_from_file_location("soak", SOAK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_addresses_are_percent_encoded():
    soak = load_soak()
    assert soak.request_target("/suche/?q=Bündnis&seite=2") == "/suche/?q=B%C3%BCndnis&seite=2"
    assert soak.request_target("/api/v2/pages/?limit=5") == "/api/v2/pages/?limit=5"
    assert soak.request_target("/a%20b/") == "/a%20b/"  # already encoded: unchanged
    assert soak.request_target("/suche/?q=B%C3%BCndnis").isascii()
