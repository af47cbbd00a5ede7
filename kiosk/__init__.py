"""kiosk: a touchscreen exhibition kiosk for museums and forums."""

__version__ = "0.1.0"
