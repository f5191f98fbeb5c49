"""Production serves static files under hashed names from collectstatic's manifest, which
follows every reference a file makes (url(...), sourceMappingURL): one missing file and
collectstatic stops, and every page after it is an error (issue 14)."""

from django.core.management import call_command


def test_collectstatic_with_the_production_manifest_finds_every_file_a_file_refers_to(
    settings, tmp_path
):
    settings.STATIC_ROOT = tmp_path / "static"
    # The manifest of production's storage (whitenoise's adds compression, not references).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }

    call_command("collectstatic", interactive=False, verbosity=0)

    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    assert '"vendor/bootstrap/bootstrap.bundle.min.js"' in manifest
    assert '"vendor/bootstrap-icons/fonts/bootstrap-icons.woff2"' in manifest
