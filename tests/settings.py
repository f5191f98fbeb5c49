"""The tests' settings: the portal's, with the example app that exists only in the tests
(tests/example_app): plugged in the one way, walked and checked like every other app."""

from cohesion_portal.settings import *  # noqa: F403
from cohesion_portal.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.example_app"]
