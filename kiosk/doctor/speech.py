"""``kiosk doctor``'s speech check: is the synthesiser there, and is every panel's speech rendered?"""

from __future__ import annotations

from kiosk.doctor.findings import Finding, Status
from kiosk.model.exhibition import Exhibition
from kiosk.speech.library import SpeechLibrary
from kiosk.speech.synth import find_synthesiser, synthesiser_version


def check_speech(exhibition: Exhibition | None, library: SpeechLibrary | None = None) -> Finding:
    title = "Speech (listen control)"
    command = find_synthesiser()
    details: dict[str, object] = {"synthesiser": command or "", "version": synthesiser_version(command) or ""}
    if exhibition is None:
        return Finding("speech", title, Status.WARN, "not checked: the exhibition could not be read", details=details)
    library = library or SpeechLibrary(exhibition)
    missing = library.missing()
    details |= {"folder": str(library.folder), "missing": missing[:20], "missing_count": len(missing)}
    if not missing:
        where = f"espeak-ng {details['version']} installed" if command else "espeak-ng not installed"
        return Finding(
            "speech", title, Status.OK, f"every panel can be heard in every language ({where})", details=details
        )
    if command is None:
        return Finding(
            "speech",
            title,
            Status.WARN,
            f"espeak-ng is not installed and {len(missing)} texts have no rendered speech: "
            "those panels stay silent when a visitor presses listen",
            advice="apt-get install espeak-ng, then: kiosk speak CONFIG (or record narration for those panels)",
            details=details,
        )
    return Finding(
        "speech",
        title,
        Status.WARN,
        f"{len(missing)} texts have no speech rendered for the current text (first: {missing[0]})",
        advice="Run: kiosk speak CONFIG   (it renders only what changed)",
        details=details,
    )
