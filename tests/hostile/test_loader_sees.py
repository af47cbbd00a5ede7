"""What the loader reports about each hostile file: every damage it can see without decoding."""

from __future__ import annotations

from kiosk.loader import load_exhibition
from kiosk.model import ImagePanel, PlaceholderPanel, VideoPanel


def test_every_visible_damage_is_reported_once_at_its_place(hostile_corpus) -> None:
    result = load_exhibition(hostile_corpus.exhibition)
    assert result.exhibition is not None, "hostile media must never stop the exhibition from loading"
    problems = [str(problem) for problem in result.problems]
    for case in hostile_corpus.cases:
        if case.loader_says is None:
            continue
        # Every use of the file is reported with its name and the loader's reason.
        matching = [p for p in result.problems if f"'{case.relative}'" in p.message and case.loader_says in p.message]
        assert matching, f"{case.name}: no problem mentions '{case.relative}' with '{case.loader_says}':\n" + "\n".join(
            problems
        )
        assert all(p.severity == case.severity for p in matching), f"{case.name}: {matching}"
        assert all(p.line > 0 and p.column > 0 and p.path for p in matching), matching


def test_no_file_is_reported_twice_at_the_same_place(hostile_corpus) -> None:
    result = load_exhibition(hostile_corpus.exhibition)
    places = [(p.file, p.line, p.column, p.path, p.message) for p in result.problems]
    assert len(places) == len(set(places))


def test_damaged_files_stay_in_their_panels_marked_unusable(hostile_corpus) -> None:
    """A bad file never turns its panel into a placeholder panel: the panel shows, with a
    placeholder where the file would be, and the MediaFile carries the reason."""
    exhibition = load_exhibition(hostile_corpus.exhibition).exhibition
    assert exhibition is not None
    for case in hostile_corpus.cases:
        if case.key != "src":
            continue
        panel = exhibition.panel(case.panel)
        assert panel is not None and not isinstance(panel, PlaceholderPanel), case.panel
        assert isinstance(panel, ImagePanel | VideoPanel)
        usable = case.loader_says is None or case.severity == "warning"
        assert panel.src.usable is usable, f"{case.name}: {panel.src}"


def test_unseen_damage_is_what_the_running_kiosk_must_catch(hostile_corpus) -> None:
    """The files the loader passes although they are hostile: the kiosk must cope at run time.

    If the loader learns to see one of these, move its expectation into the corpus.
    """
    result = load_exhibition(hostile_corpus.exhibition)
    unseen = {case.relative for case in hostile_corpus.cases if case.loader_says is None}
    reported = {rel for rel in unseen for p in result.problems if f"'{rel}'" in p.message}
    assert reported == set(), f"the loader now reports {reported}: update tools/make_hostile_media.py"
    assert unseen == {"images/large.jpg", "images/huge.svg", "video/noise.mp4"}


def test_the_bombs_are_never_decoded_by_the_loader(hostile_corpus) -> None:
    """Loading reads headers only: a 30000 x 30000 picture would cost 900 MB to 3.6 GB decoded."""
    import psutil

    process = psutil.Process()
    before = process.memory_info().rss
    for _ in range(3):
        load_exhibition(hostile_corpus.exhibition)
    grown = process.memory_info().rss - before
    assert grown < 50 * 1024 * 1024, f"loading grew RSS by {grown / 1e6:.0f} MB"
