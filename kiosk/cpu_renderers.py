"""Graphics drivers that draw on the processor, by name (no Qt): a "graphics card" that is the CPU.

Two parts ask: the film path (kiosk/ui/video/i420_rhi_node.py keeps RGB textures there, where its
shader would run on the CPU) and ``kiosk doctor``'s judge (a warning), which must work without Qt.
"""

from __future__ import annotations

#: Qt's OpenGL backend says "unknown device" for them (measured: Mesa's llvmpipe under Xvfb), where
#: Vulkan and Direct3D say "CPU": the name is what tells.
CPU_RENDERERS = ("llvmpipe", "softpipe", "swrast", "lavapipe", "swiftshader", "basic render driver")


def named_as_cpu_renderer(name: str) -> bool:
    """Whether a driver's device or renderer name ("llvmpipe (LLVM 15.0.6, 256 bits)") is one that
    draws on the processor."""
    lowered = name.lower()
    return any(cpu in lowered for cpu in CPU_RENDERERS)
