"""Publishing and taking an exhibition through plain folder copies (Syncthing's part played by a copy)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from kiosk.fleet.manifest import MANIFEST_NAME, ManifestError, file_sha256, read_manifest
from kiosk.fleet.publish import PublishRefused, media_pointing_beside, publish
from kiosk.fleet.take import Taker
from kiosk.loader import load_exhibition

from .helpers import break_publish, files_of, make_exhibition, sync

pytestmark = pytest.mark.no_qt_log


class Interrupted(Exception):
    pass


def interrupt() -> None:
    raise Interrupted


@pytest.fixture
def places(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    source = tmp_path / "source"
    return source, tmp_path / "publish", tmp_path / "received", tmp_path / "state"


def shown_title(taker: Taker) -> str:
    path = taker.exhibition_file()
    assert path is not None
    result = load_exhibition(path)
    assert result.ok, result.problems
    return str(result.exhibition.info.title.resolve("en").text)  # type: ignore[union-attr]


def test_publish_writes_every_file_and_a_manifest_that_matches(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, _received, _state = places
    config = make_exhibition(source)
    report = publish(config, folder)
    manifest = read_manifest(folder)
    assert manifest is not None and manifest == report.manifest
    assert manifest.exhibition_id == "fleet-test"
    assert sorted(manifest.files) == ["exhibition/exhibition.yaml", "exhibition/media/images/photo.png"]
    for name, entry in manifest.files.items():
        assert (folder / name).stat().st_size == entry.size
        assert file_sha256(folder / name) == entry.sha256
    published = (folder / "exhibition/exhibition.yaml").read_text(encoding="utf-8")
    assert "media: media   # where the pictures are" in published  # only the folder changed, comments kept
    assert "# A comment the publish keeps" in published
    assert load_exhibition(folder / "exhibition/exhibition.yaml").ok
    assert ".kiosk-tmp-*" in (folder / ".stignore").read_text()
    assert not [name for name in files_of(folder) if ".kiosk-tmp-" in name]


def test_an_invalid_exhibition_is_refused_and_nothing_is_published(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, _received, _state = places
    config = make_exhibition(source)
    config.write_text(config.read_text().replace("id: intro", "id: Intro Panel"), encoding="utf-8")
    with pytest.raises(PublishRefused) as refused:
        publish(config, folder)
    assert refused.value.problems and all("exhibition.yaml:" in line for line in refused.value.problems)
    assert not (folder / MANIFEST_NAME).exists()
    assert not (folder / "exhibition").exists()


def test_media_pointing_beside_changes_only_the_media_scalar() -> None:
    text = 'exhibition:\n  id: x\n  media: "../far/away"  # here\nattract: {}\n'
    assert media_pointing_beside(text) == "exhibition:\n  id: x\n  media: media  # here\nattract: {}\n"
    assert media_pointing_beside("exhibition:\n  id: x\n") == "exhibition:\n  id: x\n"


def test_a_whole_publish_is_taken_and_switched_to(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, received, state = places
    publish(make_exhibition(source), folder)
    sync(folder, received)
    taker = Taker(received, state)
    assert taker.exhibition_file() is None
    outcome = taker.check()
    assert outcome.kind == "taken"
    assert shown_title(taker) == "First title"
    assert (state / "current").is_symlink()
    assert not os.access(state / "current/exhibition/exhibition.yaml", os.W_OK) or os.geteuid() == 0
    assert oct((state / "current/exhibition/exhibition.yaml").stat().st_mode & 0o777) == "0o444"
    assert taker.check().kind == "unchanged"
    assert json.loads((state / "status.json").read_text())["current"] == outcome.publish_id


@pytest.mark.parametrize("stage", ["manifest missing", "files missing", "file half there"])
def test_an_interrupted_publish_is_never_taken(places, stage: str) -> None:  # type: ignore[no-untyped-def]
    source, folder, received, state = places
    config = make_exhibition(source)
    first = publish(config, folder).manifest
    sync(folder, received)
    taker = Taker(received, state)
    assert taker.check().kind == "taken"
    make_exhibition(source, "Second title", colour="blue")
    if stage == "manifest missing":
        with pytest.raises(Interrupted):
            publish(config, folder, before_manifest=interrupt)
        sync(folder, received)  # the new files arrive, under the old manifest
        assert read_manifest(received) == first
        assert taker.check().kind == "unchanged"
    else:
        publish(config, folder)
        sync(folder, received, skip=["exhibition/media/images/photo.png"])
        if stage == "file half there":
            data = (folder / "exhibition/media/images/photo.png").read_bytes()
            (received / "exhibition/media/images/photo.png").write_bytes(data[: len(data) // 2])
        outcome = taker.check()
        assert outcome.kind == "waiting"
        assert any("photo.png" in reason for reason in outcome.reasons)
    assert shown_title(taker) == "First title"
    assert taker.current() == first
    sync(folder, received)  # the rest arrives
    if stage == "manifest missing":
        publish(config, folder)
        sync(folder, received)
    assert taker.check().kind == "taken"
    assert shown_title(taker) == "Second title"


def test_manifest_first_then_files_is_taken_only_when_all_arrived(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, received, state = places
    publish(make_exhibition(source), folder)
    sync(folder, received, only=[])  # the manifest alone
    taker = Taker(received, state)
    outcome = taker.check()
    assert outcome.kind == "waiting" and len(outcome.reasons) == 2
    assert taker.exhibition_file() is None
    sync(folder, received)
    assert taker.check().kind == "taken"


def test_two_quick_publishes_show_the_second_and_never_a_mix(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, received, state = places
    config = make_exhibition(source)
    publish(config, folder)
    sync(folder, received)
    taker = Taker(received, state)
    taker.check()
    make_exhibition(source, "Second title", colour="blue")
    second = publish(config, folder).manifest
    # The kiosk sees the second manifest with only the YAML of it so far: the old picture is still there.
    sync(folder, received, only=["exhibition/exhibition.yaml"])
    make_exhibition(source, "Third title", colour="green")
    third = publish(config, folder).manifest
    assert second.publish_id != third.publish_id
    outcome = taker.check()
    assert outcome.kind == "waiting"  # third manifest, the picture of the first
    assert shown_title(taker) == "First title"
    sync(folder, received)
    assert taker.check().publish_id == third.publish_id
    assert shown_title(taker) == "Third title"
    with Image.open(state / "current/exhibition/media/images/photo.png") as image:
        assert image.getpixel((0, 0)) == (0, 128, 0)


def test_a_hash_mismatch_is_never_taken(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, received, state = places
    publish(make_exhibition(source), folder)
    sync(folder, received)
    picture = received / "exhibition/media/images/photo.png"
    data = bytearray(picture.read_bytes())
    data[-20] ^= 0xFF  # same size, other bytes
    picture.write_bytes(bytes(data))
    taker = Taker(received, state)
    outcome = taker.check()
    assert outcome.kind == "waiting"
    assert outcome.reasons == [
        "exhibition/media/images/photo.png: its bytes do not match the manifest (SHA-256 or size)"
    ]
    assert taker.exhibition_file() is None
    assert not [p for p in (state / "releases").iterdir()]  # the stage was cleaned away


def test_a_media_file_changed_by_hand_on_the_kiosk_does_not_reach_the_screen(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, received, state = places
    config = make_exhibition(source)
    publish(config, folder)
    sync(folder, received)
    taker = Taker(received, state)
    taker.check()
    original = (state / "current/exhibition/media/images/photo.png").read_bytes()
    # Someone replaces the picture in the received folder; a receive-only folder keeps the change.
    Image.new("RGB", (64, 64), "yellow").save(received / "exhibition/media/images/photo.png")
    assert taker.check().kind == "unchanged"
    assert (state / "current/exhibition/media/images/photo.png").read_bytes() == original
    # The next publish changes the text only: the picture comes from the kept release, as published.
    make_exhibition(source, "Second title")
    publish(config, folder)
    sync(folder, received, only=["exhibition/exhibition.yaml"])
    assert taker.check().kind == "taken"
    assert shown_title(taker) == "Second title"
    assert (state / "current/exhibition/media/images/photo.png").read_bytes() == original


def test_a_change_by_hand_inside_the_shown_release_is_found_and_repaired(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, received, state = places
    publish(make_exhibition(source), folder)
    sync(folder, received)
    taker = Taker(received, state)
    taker.check()
    assert taker.verify_current() == []
    picture = state / "current/exhibition/media/images/photo.png"
    os.chmod(picture, 0o644)
    Image.new("RGB", (64, 64), "yellow").save(picture)
    assert taker.verify_current() == ["exhibition/media/images/photo.png: changed since it was published"]
    shown_release = (state / "current").resolve()
    # Repaired: the same publish taken again from the received folder, checked, and switched to.
    outcome = taker.repair()
    assert outcome is not None and outcome.kind == "taken"
    assert outcome.changed_by_hand == ["exhibition/media/images/photo.png: changed since it was published"]
    assert taker.verify_current() == []
    assert (state / "current").resolve() != shown_release
    assert picture.read_bytes() == (folder / "exhibition/media/images/photo.png").read_bytes()
    assert taker.repair() is None  # nothing more to do


def test_a_publish_that_fails_to_load_on_the_kiosk_is_refused_and_the_last_good_stays(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, received, state = places
    config = make_exhibition(source)
    good = publish(config, folder).manifest
    sync(folder, received)
    taker = Taker(received, state)
    taker.check()
    # A publish that loads on the publisher but not here (an older kiosk, a missing font of media...):
    # played by a manifest that matches a broken YAML.
    make_exhibition(source, "Second title")
    publish(config, folder)
    manifest = break_publish(folder)
    sync(folder, received)
    outcome = taker.check()
    assert outcome.kind == "refused"
    assert any("hologram" in line for line in outcome.reasons)
    assert all(line.startswith("exhibition/exhibition.yaml:") for line in outcome.reasons), outcome.reasons
    assert taker.current() == good
    assert shown_title(taker) == "First title"
    refused = json.loads((state / "refused.json").read_text())
    assert refused["publish_id"] == manifest.publish_id and refused["problems"]
    assert taker.check().kind == "refused"  # not staged again at every look
    assert [p.name for p in (state / "releases").iterdir()] == [good.publish_id]


def test_nothing_is_lost_the_last_good_release_is_kept_and_older_ones_go(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, received, state = places
    config = make_exhibition(source)
    taker = Taker(received, state)
    ids = []
    for title in ("One", "Two", "Three"):
        make_exhibition(source, title)
        ids.append(publish(config, folder).manifest.publish_id)
        sync(folder, received)
        assert taker.check().kind == "taken"
    assert shown_title(taker) == "Three"
    previous = taker.previous()
    assert previous is not None and previous.publish_id == ids[1]
    assert sorted(p.name for p in (state / "releases").iterdir()) == sorted(ids[1:])
    assert load_exhibition(state / "previous/exhibition/exhibition.yaml").ok
    assert load_exhibition(config).ok  # the staff's own files are untouched
    assert (source / "media/images/photo.png").exists()


def test_a_file_removed_from_the_exhibition_is_removed_from_the_publish(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, _received, _state = places
    config = make_exhibition(source)
    (source / "media/notes.txt").write_text("old")
    publish(config, folder)
    assert (folder / "exhibition/media/notes.txt").exists()
    (source / "media/notes.txt").unlink()
    report = publish(config, folder)
    assert report.removed == ["exhibition/media/notes.txt"]
    assert "exhibition/media/images/photo.png" in report.unchanged


@pytest.mark.parametrize(
    "text",
    [
        "{",
        '{"format": 1}',
        '{"format": 9, "files": {}}',
        '{"format": 1, "publish_id": "x", "exhibition_id": "e", "published_at": 1,'
        ' "files": {"../etc/passwd": {"size": 1, "sha256": "' + "0" * 64 + '"}}}',
    ],
)
def test_a_bad_manifest_is_reported_not_taken(tmp_path: Path, text: str) -> None:
    received = tmp_path / "received"
    received.mkdir()
    (received / MANIFEST_NAME).write_text(text)
    with pytest.raises(ManifestError):
        read_manifest(received)
    outcome = Taker(received, tmp_path / "state").check()
    assert outcome.kind == "waiting" and outcome.reasons


def test_publish_of_the_bundled_exhibition(tmp_path: Path) -> None:
    from kiosk import paths

    report = publish(paths.default_exhibition(), tmp_path / "publish")
    assert report.manifest.exhibition_id == "amani-ballour"
    received = tmp_path / "received"
    shutil.copytree(tmp_path / "publish", received)
    taker = Taker(received, tmp_path / "state")
    assert taker.check().kind == "taken"


def test_the_publisher_gone_for_days_leaves_the_kiosk_on_what_it_shows(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, received, state = places
    publish(make_exhibition(source), folder)
    sync(folder, received)
    taker = Taker(received, state)
    shown = taker.check().publish_id
    shutil.rmtree(received)  # the folder emptied, unreachable, or its disk gone
    assert taker.check().kind in ("no-publish", "waiting")
    assert taker.current() is not None and taker.current().publish_id == shown  # type: ignore[union-attr]
    assert shown_title(taker) == "First title"


def test_the_release_on_screen_is_kept_while_newer_ones_wait_for_the_visit_to_end(places) -> None:  # type: ignore[no-untyped-def]
    source, folder, received, state = places
    config = make_exhibition(source)
    taker = Taker(received, state)
    ids = []
    for title in ("One", "Two", "Three"):
        make_exhibition(source, title)
        ids.append(publish(config, folder).manifest.publish_id)
        sync(folder, received)
        assert taker.check().kind == "taken"
        if title == "One":  # the kiosk applied it; a visitor then stays through the next two publishes
            shown_file = load_exhibition(state / "current/exhibition/exhibition.yaml").exhibition.source  # type: ignore[union-attr]
            taker.shown = taker.release_of(shown_file)
            assert taker.shown == (state / "releases" / ids[0]).resolve()
    assert sorted(p.name for p in (state / "releases").iterdir()) == sorted(ids)
    assert load_exhibition(state / "releases" / ids[0] / "exhibition/exhibition.yaml").ok  # still whole
    taker.shown = taker.release_of(state / "current/exhibition/exhibition.yaml")  # the visit ended
    make_exhibition(source, "Four")
    ids.append(publish(config, folder).manifest.publish_id)
    sync(folder, received)
    taker.check()
    assert sorted(p.name for p in (state / "releases").iterdir()) == sorted(ids[2:])


def test_while_a_publish_arrives_each_look_hashes_only_what_changed(places, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kiosk.fleet.take as take

    source, folder, received, state = places
    publish(make_exhibition(source), folder)
    sync(folder, received)
    picture = received / "exhibition/media/images/photo.png"
    data = bytearray(picture.read_bytes())
    data[-20] ^= 0xFF
    picture.write_bytes(bytes(data))  # still "arriving": right size, other bytes
    hashed: list[str] = []
    real = take.file_sha256
    monkeypatch.setattr(take, "file_sha256", lambda path: hashed.append(Path(path).name) or real(path))
    taker = Taker(received, state)
    assert taker.check().kind == "waiting"
    assert sorted(hashed) == ["exhibition.yaml", "photo.png"]
    hashed.clear()
    assert taker.check().kind == "waiting"
    assert hashed == []  # nothing changed: nothing hashed again, nothing copied
    assert not list((state / "releases").iterdir())
    sync(folder, received, only=["exhibition/media/images/photo.png"])  # the real picture arrives
    assert taker.check().kind == "taken"
    assert hashed == ["photo.png"]


def test_a_full_disk_while_staging_keeps_what_is_shown_and_tries_again(places, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import errno

    import kiosk.fleet.take as take

    source, folder, received, state = places
    config = make_exhibition(source)
    publish(config, folder)
    sync(folder, received)
    taker = Taker(received, state)
    first = taker.check().publish_id
    make_exhibition(source, "Second title")
    publish(config, folder)
    sync(folder, received)
    real = take.copy_hashing

    def full(source_path: Path, target: Path) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(take, "copy_hashing", full)
    outcome = taker.check()
    assert outcome.kind == "waiting"
    assert outcome.reasons == ["the release could not be made: [Errno 28] No space left on device"]
    assert taker.current() is not None and taker.current().publish_id == first  # type: ignore[union-attr]
    assert [p.name for p in (state / "releases").iterdir()] == [first]  # no half stage left
    monkeypatch.setattr(take, "copy_hashing", real)
    assert taker.check().kind == "taken"
    assert shown_title(taker) == "Second title"
