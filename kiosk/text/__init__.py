"""Visitor text without Qt: each field in the visitor's language (localize.py) and the light
markup of text panels turned into Qt's StyledText (markup.py)."""
