"""``kiosk proof``: every panel in every language rendered to PNG, and a contact-sheet PDF.

What a person would otherwise find on the opening day is marked on the sheet: a missing
translation, text longer than the screen, a picture smaller than the screen, an excerpt
without captions in a language, a panel the loader could not read. The panels are drawn
by the kiosk's own QML (offscreen), so the proof shows exactly what visitors will see.
"""
