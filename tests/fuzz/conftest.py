"""Hypothesis profiles (HYPOTHESIS_PROFILE=ci in .ci/run: 200 examples per test) and a small site
(its fixtures in tests/support/site.py)."""

import os

from hypothesis import HealthCheck, settings

from tests.support.site import more_site, site  # noqa: F401 - fixtures: a small site

common = {
    "deadline": None,
    # The site is built once per test (a function-scoped fixture) and only read by the GET examples;
    # the form examples check what each one stores.
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
settings.register_profile("ci", max_examples=200, **common)
settings.register_profile("dev", max_examples=25, **common)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
