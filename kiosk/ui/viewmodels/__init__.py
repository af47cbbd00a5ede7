"""List models QML shows: one row per chapter, panel, language or attract item."""
