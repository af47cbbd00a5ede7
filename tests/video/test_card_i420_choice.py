"""Which graphics devices get a film's I420 planes (kiosk/ui/video/i420_rhi_node.py): a card does,
a renderer that runs on the processor does not, and a technician can say otherwise."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QRhiDriverInfo

from kiosk.ui.video.i420_rhi_node import card_i420_setting, on_the_cpu

Device = QRhiDriverInfo.DeviceType


def driver(name: bytes, kind: QRhiDriverInfo.DeviceType) -> QRhiDriverInfo:
    info = QRhiDriverInfo()
    info.deviceName = QByteArray(name)
    info.deviceType = kind
    return info


@pytest.mark.parametrize(
    ("name", "kind", "cpu"),
    [
        (b"NVIDIA GeForce GTX 1650/PCIe/SSE2", Device.UnknownDevice, False),  # OpenGL names no type
        (b"Mesa Intel(R) UHD Graphics 620 (KBL GT2)", Device.UnknownDevice, False),
        (b"AMD Radeon Vega 8", Device.IntegratedDevice, False),
        (b"llvmpipe (LLVM 15.0.6, 256 bits)", Device.UnknownDevice, True),  # as Qt's OpenGL reports it here
        (
            b"Mesa/X.org llvmpipe (LLVM 15.0.6, 256 bits) 4.5 (Compatibility Profile) Mesa 22.3.6",
            Device.UnknownDevice,
            True,
        ),
        (b"Microsoft Basic Render Driver", Device.CpuDevice, True),  # Direct3D's WARP says so itself
        (b"SwiftShader Device", Device.CpuDevice, True),
    ],
)
def test_a_renderer_on_the_processor_is_told_from_a_card(
    name: bytes, kind: QRhiDriverInfo.DeviceType, cpu: bool
) -> None:
    assert on_the_cpu(driver(name, kind)) is cpu


@pytest.mark.parametrize(
    ("value", "setting"), [(None, "auto"), ("on", "on"), (" OFF ", "off"), ("auto", "auto"), ("yes", "auto")]
)
def test_the_technicians_setting(monkeypatch: pytest.MonkeyPatch, value: str | None, setting: str) -> None:
    if value is None:
        monkeypatch.delenv("KIOSK_CARD_I420", raising=False)
    else:
        monkeypatch.setenv("KIOSK_CARD_I420", value)
    assert card_i420_setting() == setting
