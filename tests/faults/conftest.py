from .small_disk import small_disk  # noqa: F401
from .xserver import dummy_x, xvfb  # noqa: F401 - fixtures for the display tests
