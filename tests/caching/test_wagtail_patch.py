"""The Wagtail patch (cms/caching/wagtail_patch.py): installed, and guarded against a changed Wagtail."""

import hashlib
import inspect

import wagtail
from wagtail.models import Page
from wagtail.query import PageQuerySet

from cms.caching import restrictions, wagtail_patch


def test_the_replacements_are_installed():
    assert PageQuerySet.private_q is restrictions.private_q
    assert Page.get_view_restrictions is wagtail_patch.get_view_restrictions
    assert set(wagtail_patch.ORIGINALS) == set(wagtail_patch.ORIGINAL_SOURCE_SHA256)


def test_the_patched_wagtail_code_is_the_one_the_patch_was_written_for():
    """Fails when a Wagtail upgrade changed a replaced method: re-check the replacement, then record."""
    changed = []
    for name, recorded in wagtail_patch.ORIGINAL_SOURCE_SHA256.items():
        source = inspect.getsource(wagtail_patch.ORIGINALS[name])
        digest = hashlib.sha256(source.encode()).hexdigest()
        if digest != recorded:
            changed.append(f"{name}: {digest}")
    assert not changed, (
        f"Wagtail {wagtail.__version__} changed methods that cms/caching/wagtail_patch.py replaces "
        f"(recorded for Wagtail {wagtail_patch.RECORDED_FOR_WAGTAIL}). Read the new source of each; check "
        "that cms.caching.restrictions.private_q still selects the same pages as Wagtail's private_q "
        "(a page and its descendants for every PageViewRestriction) and that the shortcut of "
        "wagtail_patch.get_view_restrictions (none while no restriction exists) still holds; or drop the "
        "patch if Wagtail now offers a hook. Then record the new hashes and version in "
        "ORIGINAL_SOURCE_SHA256 and RECORDED_FOR_WAGTAIL:\n" + "\n".join(changed)
    )
