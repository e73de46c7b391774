"""The shared core imports no domain app: only the project level (settings, urls) wires the apps together."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "cms" / "core"
DOMAIN_APPS = {"home", "regions", "meetings", "news", "search", "events", "materials", "accessibility"}


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_core_module_imports_a_domain_app():
    offenders = [
        f"{path.relative_to(CORE.parent.parent)}: {module}"
        for path in sorted(CORE.rglob("*.py"))
        for module in imported_modules(path)
        if module.split(".")[0] in DOMAIN_APPS
    ]
    assert offenders == []
