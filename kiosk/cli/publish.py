"""``kiosk publish``: send an exhibition, or an announcement, to every kiosk of a fleet.

The folder is the publisher's Syncthing send-only folder (docs/fleet.md); kiosks take what
arrives there only once it has arrived whole.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "publish",
        help="publish an exhibition or an announcement to a fleet's shared folder",
        description="Validate an exhibition and copy it with its media into the publish folder, the manifest "
        "last; or put up (--announce) or take down (--withdraw) an announcement on every kiosk.",
        epilog="Examples:\n"
        "  kiosk publish config/exhibition.yaml --to /srv/kiosk-publish\n"
        "  kiosk publish --to /srv/kiosk-publish --until 18:00 --announce 'fr=La salle ferme à 18 h' "
        "--announce 'en=The booth closes at 6 pm'\n"
        "  kiosk publish --to /srv/kiosk-publish --withdraw",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("config", nargs="?", type=Path, help="the exhibition file to publish")
    parser.add_argument("--to", required=True, type=Path, metavar="FOLDER", help="the publish (send-only) folder")
    parser.add_argument(
        "--announce",
        action="append",
        default=[],
        metavar="LANG=TEXT",
        help="an announcement text in one language (repeat for each language)",
    )
    parser.add_argument("--until", metavar="WHEN", help="when the announcement ends: 18:00, 2026-12-07T18:00, 2h")
    parser.add_argument("--urgent", action="store_true", help="show the announcement as urgent (red)")
    parser.add_argument("--withdraw", action="store_true", help="take the announcement down on every kiosk")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    chosen = sum((args.config is not None, bool(args.announce), args.withdraw))
    if chosen != 1:
        print("kiosk publish: give an exhibition file, or --announce, or --withdraw (one of them)", file=sys.stderr)
        return 2
    if args.announce:
        return _announce(args)
    if args.withdraw:
        from kiosk.fleet.announcements import withdraw

        print("announcement withdrawn" if withdraw(args.to) else "there was no announcement to withdraw")
        return 0
    return _publish(args.config, args.to)


def _publish(config: Path, folder: Path) -> int:
    from kiosk.fleet.publish import PublishRefused, publish

    if not config.is_file():
        print(f"{config}: not found", file=sys.stderr)
        return 2
    try:
        report = publish(config, folder, progress=lambda line: print(line, flush=True))
    except PublishRefused as refused:
        for line in refused.problems:
            print(line)
        print(f"kiosk publish: {refused}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"kiosk publish: {error}; the kiosks keep what they have", file=sys.stderr)
        return 2
    for line in report.warnings:
        print(line)
    manifest = report.manifest
    size = manifest.total_bytes / 1e6
    print(
        f"published {manifest.exhibition_id} as {manifest.publish_id}: {len(manifest.files)} files, {size:.1f} MB "
        f"({len(report.copied)} changed, {len(report.removed)} removed)"
    )
    return 0


def _announce(args: argparse.Namespace) -> int:
    from kiosk.fleet.announcements import AnnouncementError, parse_until, write_announcement

    texts: dict[str, str] = {}
    for item in args.announce:
        language, sep, text = item.partition("=")
        if not sep:
            print(
                f"kiosk publish: --announce {item!r}: write it as LANG=TEXT, e.g. en='Closing at 6 pm'", file=sys.stderr
            )
            return 2
        texts[language.strip()] = text.strip()
    if not args.until:
        print("kiosk publish: an announcement needs --until (18:00, 2026-12-07T18:00 or 2h)", file=sys.stderr)
        return 2
    try:
        until = parse_until(args.until)
        announcement = write_announcement(args.to, texts, until, level="urgent" if args.urgent else "info")
    except AnnouncementError as error:
        print(f"kiosk publish: {error}", file=sys.stderr)
        return 2
    print(f"announcement {announcement.id} in {', '.join(texts)} until {until:%Y-%m-%d %H:%M %Z}")
    missing = [language for language in _published_languages(args.to) if language not in texts]
    if missing:
        print(
            f"kiosk publish: no text in {', '.join(missing)}, a language of the published exhibition: "
            "those visitors read it in the other languages",
            file=sys.stderr,
        )
    return 0


def _published_languages(folder: Path) -> list[str]:
    """The languages of the exhibition published in ``folder`` (none when there is none, or it cannot be read)."""
    import yaml

    from kiosk.fleet.manifest import CONTENT_DIR, EXHIBITION_NAME

    try:
        data = yaml.safe_load((folder / CONTENT_DIR / EXHIBITION_NAME).read_text(encoding="utf-8"))
        return [str(language) for language in data["exhibition"]["languages"]]
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return []
