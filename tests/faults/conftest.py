from .xserver import xvfb  # noqa: F401 - a fixture for the display tests
