"""``kiosk edit``: the exhibition editor for exhibit staff.

The document side (round-trip YAML, edits, saving, autosave, field descriptions) imports no Qt,
so it is tested on its own; the window (Qt Widgets, with the kiosk's own QML scene as the preview)
lives in the modules whose names say so. See docs/editing.md and docs/decisions/0047-editor-toolkit.md.
"""
