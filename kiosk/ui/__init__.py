"""The Qt side: the window and its scene (app.py), the view models QML sees (viewmodels/, video/,
staff_tools/, lockdown/), all in the QML module ``KioskBackend`` 1.0 (registry.py registers them).

Importing this package imports nothing; the modules below it import Qt.
"""
