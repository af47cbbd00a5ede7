"""The path of a kiosk with a graphics card: Qt Quick's OpenGL scene graph (the default when
QT_QUICK_BACKEND is unset), here on a real X server (Xvfb) and Mesa's llvmpipe, a real GL stack
on the CPU; a film's I420 planes and the presentation also on Vulkan, on Mesa's lavapipe. Every
other test runs the software scene graph."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from clips import Clip, make_clip
from xvfb_server import xvfb

CHILD = Path(__file__).with_name("opengl_child.py")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.vlc, pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")]


@pytest.fixture
def gl_env() -> Iterator[dict[str, str]]:
    with xvfb("1280x720") as display:
        if display is None:
            pytest.fail("Xvfb did not start")
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", LIBGL_ALWAYS_SOFTWARE="1")
        env.pop("QT_QUICK_BACKEND", None)  # Qt Quick's default: OpenGL
        env.pop("WAYLAND_DISPLAY", None)
        yield env


def run_child(env: dict[str, str], *args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, str(CHILD), *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=90
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-2000:]
    result: dict[str, object] = json.loads(lines[-1])
    assert "error" not in result, (result, done.stderr[-2000:])
    return result


@pytest.fixture
def colour_clip(media_dir: Path) -> Clip:
    return make_clip(media_dir, seconds=8.0, gop=30, background="0xC03060")


#: Mesa's Vulkan driver on the CPU (lavapipe), which scripts/setup.sh installs for the tests.
LAVAPIPE = sorted(Path("/usr/share/vulkan/icd.d").glob("lvp_icd*.json"))


def on_api(env: dict[str, str], api: str) -> dict[str, str]:
    """``env`` for Qt Quick's scene graph on ``api``: OpenGL (its default here) or Vulkan."""
    return dict(env, QSG_RHI_BACKEND="vulkan", VK_ICD_FILENAMES=str(LAVAPIPE[0])) if api == "Vulkan" else env


@pytest.mark.parametrize(
    ("api", "size", "scale"),
    [
        ("OpenGL", (320, 180), 1),
        ("OpenGL", (330, 186), 1),
        ("OpenGL", (330, 186), 2),
        pytest.param(
            "Vulkan",
            (330, 186),
            1,
            marks=pytest.mark.skipif(not LAVAPIPE, reason="needs Mesa's lavapipe (setup.sh test)"),
        ),
    ],
    ids=["opengl", "opengl-odd-chroma", "opengl-scaled-screen", "vulkan-odd-chroma"],
)
def test_a_film_goes_to_a_cards_scene_graph_as_i420_planes(
    gl_env: dict[str, str], media_dir: Path, tmp_path: Path, api: str, size: tuple[int, int], scale: int
) -> None:
    """On a graphics card's scene graph every film comes as I420 and its planes are uploaded as
    they are: the card converts them (i420_rhi_node.py). At 330x186 the chroma planes are 165x93:
    rows of an odd length, shorter than the rows they are stored in (a film fitted to a window
    comes in any even size). A scaled screen (a 4K screen at 200 %) draws the scene at twice its
    size in pixels. On Vulkan the shaders are the packs' SPIR-V and the clip space is upside down
    from OpenGL's: a picture drawn with the wrong matrix is tens of levels off."""
    clip = make_clip(media_dir, width=size[0], height=size[1], seconds=8.0, gop=30, background="0xC03060")
    png = tmp_path / "film-card.png"
    env = on_api(dict(gl_env, KIOSK_CARD_I420="on", QT_SCALE_FACTOR=str(scale)), api)
    # llvmpipe and lavapipe are devices on the CPU, where the kiosk keeps RGB textures unless told otherwise.
    result = run_child(env, "film", str(clip.path), str(media_dir), str(png))
    assert result["api"] == api and result["pixel_ratio"] == scale
    assert result["pixel_format"] == "I420"
    assert int(result["uploads"]) > 10 and int(result["gpu_draws"]) >= int(result["uploads"])
    # The frame on the screen (read back from the window's pixels) is the player's frame, in the
    # colours libswscale gives it on the other paths (scaled by the card: a few levels apart at
    # the edges of the numbers; planes swapped or a picture upside down are tens of levels off).
    assert result["screen"] == result["player"]
    assert 60 <= int(result["player"]) <= 150  # inside the excerpt: 2 s to 5 s at 30 fps
    assert float(result["difference"]) < 6, result
    assert png.is_file()


@pytest.mark.parametrize(
    "setting",
    [
        {},  # llvmpipe runs on the CPU: there one RGB texture costs less than three planes
        {"KIOSK_CARD_I420": "off"},  # a technician's way out
        {"KIOSK_CARD_I420": "on", "KIOSK_NO_SWSCALE": "1"},  # without libswscale, nothing could convert
    ],
    ids=["software-opengl", "turned-off", "no-libswscale"],
)
def test_where_the_card_does_not_convert_a_film_goes_to_it_in_rgb(
    gl_env: dict[str, str], colour_clip: Clip, media_dir: Path, tmp_path: Path, setting: dict[str, str]
) -> None:
    png = tmp_path / "film-opengl-rgb.png"
    result = run_child(dict(gl_env, **setting), "film", str(colour_clip.path), str(media_dir), str(png))
    assert result["pixel_format"] == "RGB32" and int(result["uploads"]) == 0
    assert result["screen"] == result["player"]
    assert float(result["difference"]) < 6, result


@pytest.mark.parametrize("card", ["on", "auto"])
def test_the_kiosks_attract_film_on_the_opengl_scene_graph(
    gl_env: dict[str, str], colour_clip: Clip, media_dir: Path, tmp_path: Path, card: str
) -> None:
    """The whole kiosk, its attract loop a film: drawn from its planes where the card converts them
    (forced here: llvmpipe is on the CPU), from RGB textures where it does not; on screen either way."""
    png = tmp_path / f"attract-opengl-{card}.png"
    result = run_child(dict(gl_env, KIOSK_CARD_I420=card), "attract", str(colour_clip.path), str(media_dir), str(png))
    assert result["api"] == "OpenGL"
    if card == "on":
        assert int(result["uploads"]) > 10 and int(result["gpu_draws"]) >= int(result["uploads"])
    else:
        assert int(result["uploads"]) == 0
    assert float(result["film_share"]) > 0.3, result  # the film's colour fills its place on the screen


@pytest.mark.parametrize(
    "api",
    ["OpenGL", pytest.param("Vulkan", marks=pytest.mark.skipif(not LAVAPIPE, reason="needs Mesa's lavapipe"))],
)
def test_the_presentation_draws_on_a_cards_scene_graph(gl_env: dict[str, str], tmp_path: Path, api: str) -> None:
    png = tmp_path / f"kiosk-{api}.png"
    result = run_child(on_api(gl_env, api), "kiosk", str(ROOT / "config" / "exhibition.yaml"), str(png))
    assert result["api"] == api
    assert result["size"] == [1280, 720]
    assert int(result["colours"]) > 5  # a drawn attract screen, not a blank window


@pytest.mark.parametrize("card", ["auto", "on"])
def test_doctor_says_the_device_is_the_cpu_and_how_films_would_go_to_it(gl_env: dict[str, str], card: str) -> None:
    """`kiosk doctor` on the scene graph a kiosk with a card takes: llvmpipe is found out as a device
    on the processor (a warning), and the report says whether films would go to it as planes."""
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", "--json", str(ROOT / "config" / "exhibition.yaml")],
        env=dict(gl_env, KIOSK_CARD_I420=card),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    findings = {finding["check"]: finding for finding in json.loads(done.stdout)["findings"]}
    graph = findings["scene_graph"]
    assert graph["status"] == "warn", graph
    assert graph["details"]["graphics_api"] == "OpenGL" and graph["details"]["device_on_cpu"] is True
    assert graph["details"]["films_as_planes"] is (card == "on")
    assert graph["summary"].endswith("films sent as I420 planes" if card == "on" else "films sent as RGB textures")
