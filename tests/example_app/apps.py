from cohesion_portal import plugins


class ExampleConfig(plugins.PortalAppConfig):
    """An app that exists only in the tests (tests/settings.py installs it): the smallest app
    plugged in the one way, so that the contract tests and the view walk are seen to reach
    whatever an app declares, with no line changed outside its folder."""

    name = "tests.example_app"
    label = "example"
    verbose_name = "Example"
