from .xserver import dummy_x, xvfb  # noqa: F401 - fixtures for the display tests
