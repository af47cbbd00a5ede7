"""An I420 frame drawn by a graphics card's scene graph: its three planes uploaded as they came, the
colour converted by the card.

On a scene graph that draws through Qt's RHI (OpenGL, Vulkan, Metal, Direct3D) on a graphics card,
every film comes from libVLC as I420 (kiosk/ui/video/coordinator.py asks at each opening) and each
picture goes to the card as three one-byte-a-pixel textures, 12 bits a pixel in all; a fragment
shader turns it into RGB where it is drawn. The other way, converting each picture into RGB on the
processor and uploading that, costs a conversion and 32 bits a pixel of upload and texture, every
frame (docs/decisions/0072 has the numbers).

PySide6 does not let a material of our own sample textures (``QSGMaterialShader.updateSampledImage``
is not bound), so this is a render node that records its own RHI commands: the way Qt documents for
custom drawing inside a Qt Quick scene. Its shaders are in ``shaders/`` with the packs Qt loads
(``tools/build_shaders.py`` makes them). Where a scene graph cannot take one-byte textures, the frame
item converts to RGB as before (:func:`takes_i420`).
"""

from __future__ import annotations

import ctypes
import logging
import os
import struct
from functools import cache
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import (
    QMatrix4x4,
    QRhi,
    QRhiBuffer,
    QRhiDriverInfo,
    QRhiGraphicsPipeline,
    QRhiResource,
    QRhiSampler,
    QRhiScissor,
    QRhiShaderResourceBinding,
    QRhiShaderResourceBindings,
    QRhiShaderStage,
    QRhiTexture,
    QRhiTextureSubresourceUploadDescription,
    QRhiTextureUploadDescription,
    QRhiTextureUploadEntry,
    QRhiVertexInputAttribute,
    QRhiVertexInputBinding,
    QRhiVertexInputLayout,
    QRhiViewport,
    QShader,
)
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface, QSGRenderNode

from kiosk.cpu_renderers import named_as_cpu_renderer
from kiosk.ui.video.yuv_node import DrawCounts
from kiosk.video.engine import Frame
from kiosk.video.swscale import address_of, writable

log = logging.getLogger(__name__)

SHADERS = Path(__file__).with_name("shaders")
#: The uniform block both shaders share: a 4x4 matrix and the opacity, padded to 16 bytes (std140).
_UNIFORM_BYTES = 64 + 16
#: Four corners, each x, y (item coordinates) and u, v (picture coordinates), as a triangle strip.
_VERTEX_BYTES = 4 * 4 * 4


@cache
def _shader(name: str) -> QShader:
    shader = QShader.fromSerialized((SHADERS / f"{name}.qsb").read_bytes())
    if not shader.isValid():
        raise RuntimeError(f"the shader pack {name}.qsb could not be read")
    return shader


def card_i420_setting() -> str:
    """``KIOSK_CARD_I420``: "auto" (the default), "on" or "off" (see :func:`takes_i420`)."""
    setting = os.environ.get("KIOSK_CARD_I420", "auto").strip().lower()
    return setting if setting in ("on", "off") else "auto"


def takes_i420(window: QQuickWindow) -> bool:
    """Whether ``window`` draws through the RHI on a graphics card that can sample one-byte
    textures: then an I420 frame goes to it as it is. False before its scene graph is up (no RHI
    yet), and on a device that is the processor itself (Mesa's llvmpipe, WARP, SwiftShader), where
    the shader runs on the CPU: there three textures sampled a pixel cost more than libswscale's
    conversion and one (docs/decisions/0072). ``KIOSK_CARD_I420=on`` takes that path there too
    (the tests and the benchmark, on a machine without a card); ``off`` never takes it (a
    technician's way out, should a card's driver draw the planes wrongly)."""
    setting = card_i420_setting()
    if setting == "off" or not QSGRendererInterface.isApiRhiBased(window.rendererInterface().graphicsApi()):
        return False
    rhi = window.rhi()
    if rhi is None or not rhi.isTextureFormatSupported(QRhiTexture.Format.R8):
        return False
    return setting == "on" or not on_the_cpu(rhi.driverInfo())


def device_name(info: QRhiDriverInfo) -> str:
    """The RHI device's name as its driver gives it ("llvmpipe (LLVM 15.0.6, 256 bits)")."""
    return bytes(info.deviceName.data()).decode("utf-8", "replace")


def on_the_cpu(info: QRhiDriverInfo) -> bool:
    """Whether the RHI's device is the processor itself (a software OpenGL, Vulkan or Direct3D)."""
    return info.deviceType == QRhiDriverInfo.DeviceType.CpuDevice or named_as_cpu_renderer(device_name(info))


def _plane_upload(
    data: bytearray, offset: int, stride: int, width: int, rows: int, staging: QByteArray
) -> QRhiTextureUploadEntry:
    """One plane of ``data`` as a texture upload, through ``staging``: memory of Qt's own, kept from
    one frame to the next, that the upload shares instead of copying. (Asked to upload from our
    buffer, the RHI copies it into a new array each time: 9 ms of a core a 2160p frame here, most of
    it the kernel mapping fresh pages. This way the node's whole work on such a frame is 4.6 ms.)
    The RHI reads it when the frame's commands run, before the next frame is prepared."""
    size = stride * (rows - 1) + width
    if offset + size > len(data):
        raise ValueError(f"a plane of {width}x{rows} at {offset} does not fit a frame of {len(data)} bytes")
    if staging.size() != size:
        staging.resize(size)
    buffer: Any = staging  # PySide6's QByteArray is a writable buffer; its stubs do not say so
    with memoryview(buffer) as into:
        ctypes.memmove(ctypes.addressof(ctypes.c_char.from_buffer(into)), address_of(data) + offset, size)
    description = QRhiTextureSubresourceUploadDescription(staging)
    description.setDataStride(stride)
    description.setSourceSize(QSize(width, rows))
    return QRhiTextureUploadEntry(0, 0, description)


def _plane_sizes(frame: Frame) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    chroma = ((frame.width + 1) // 2, (frame.height + 1) // 2)
    return (frame.width, frame.height), chroma, chroma


class I420RhiNode(QSGRenderNode):
    """Draws one I420 frame into ``target`` (item coordinates) on an RHI scene graph. Runs on the
    render thread (``prepare``, ``render``, ``releaseResources``); the frame item sets ``frame``
    and ``target`` in the scene graph's sync."""

    def __init__(self, window: QQuickWindow, counts: DrawCounts) -> None:
        super().__init__()
        self._window = window
        self._counts = counts
        self.frame: Frame | None = None
        self.target = QRectF()
        self._uploaded: Frame | None = None  # the frame the textures hold
        self._vertices: tuple[float, ...] = ()  # the quad in the vertex buffer
        self._textures: list[QRhiTexture] = []
        self._staging = (QByteArray(), QByteArray(), QByteArray())  # each plane's bytes, for its upload
        self._sampler: QRhiSampler | None = None
        self._uniforms: QRhiBuffer | None = None
        self._quad: QRhiBuffer | None = None
        self._bindings: QRhiShaderResourceBindings | None = None
        self._pipeline: QRhiGraphicsPipeline | None = None
        self._pass_format: list[int] = []  # the render pass the pipeline was made for

    # --- QSGRenderNode ------------------------------------------------------------------
    def flags(self) -> QSGRenderNode.RenderingFlag:  # type: ignore[override]
        flag = QSGRenderNode.RenderingFlag
        # Only RHI commands (no raw OpenGL): the renderer need not save and restore its state.
        return flag.BoundedRectRendering | flag.NoExternalRendering

    def rect(self) -> QRectF:
        return QRectF(self.target)

    def changedStates(self) -> QSGRenderNode.StateFlag:
        return QSGRenderNode.StateFlag(0)

    def prepare(self) -> None:
        frame = self.frame
        if frame is None or self.target.isEmpty() or not shiboken6.isValid(self._window):
            return
        rhi = self._window.rhi()
        if rhi is None:
            return
        try:
            self._prepare(rhi, frame)
        except Exception:
            log.exception("preparing a video frame for the graphics card")
            self._pipeline = None  # nothing drawn rather than something half set up

    def render(self, state: QSGRenderNode.RenderState) -> None:
        pipeline, bindings, quad = self._pipeline, self._bindings, self._quad
        if pipeline is None or bindings is None or quad is None or self.frame is None:
            return
        commands = self.commandBuffer()
        size = self.renderTarget().pixelSize()
        commands.setGraphicsPipeline(pipeline)
        commands.setViewport(QRhiViewport(0, 0, size.width(), size.height()))
        # A clip the scene graph keeps as a scissor (a list that scrolls, a panel's frame): the
        # RHI's scissor and the render state's are both counted from the bottom left.
        if state is not None and state.scissorEnabled():
            clip = state.scissorRect()
            commands.setScissor(QRhiScissor(clip.x(), clip.y(), clip.width(), clip.height()))
        else:
            commands.setScissor(QRhiScissor(0, 0, size.width(), size.height()))
        commands.setShaderResources(bindings)
        commands.setVertexInput(0, [(quad, 0)])
        commands.draw(4)
        self._counts.gpu += 1

    def releaseResources(self) -> None:
        """Frees what this node made on the graphics card (called by the scene graph when it lets
        go of its resources, and by the frame item before it deletes the node)."""
        for resource in (self._pipeline, self._bindings, self._quad, self._uniforms, self._sampler, *self._textures):
            _free(resource)
        self._pipeline = self._bindings = self._quad = self._uniforms = self._sampler = None
        self._textures = []
        self._staging = (QByteArray(), QByteArray(), QByteArray())
        self._uploaded, self._vertices, self._pass_format = None, (), []

    # --- the work -----------------------------------------------------------------------
    def _prepare(self, rhi: QRhi, frame: Frame) -> None:
        updates = rhi.nextResourceUpdateBatch()
        if self._uniforms is None:
            self._make_buffers(rhi)
        sizes = _plane_sizes(frame)
        if [(t.pixelSize().width(), t.pixelSize().height()) for t in self._textures] != list(sizes):
            self._make_textures(rhi, sizes)
        if frame is not self._uploaded:
            data = writable(frame.data)  # a pooled buffer as it is
            for texture, staging, offset, stride, (width, rows) in zip(
                self._textures, self._staging, frame.plane_offsets, frame.plane_strides, sizes, strict=True
            ):
                upload = _plane_upload(data, offset, stride, width, rows, staging)
                updates.uploadTexture(texture, QRhiTextureUploadDescription(upload))
            self._uploaded = frame
            self._counts.uploads += 1
        vertices = self._corners()
        if vertices != self._vertices:
            assert self._quad is not None
            updates.updateDynamicBuffer(self._quad, 0, struct.pack(f"{len(vertices)}f", *vertices))
            self._vertices = vertices
        matrix = QMatrix4x4(self.projectionMatrix()) * QMatrix4x4(self.matrix())
        uniforms = struct.pack("16f", *matrix.data()) + struct.pack("4f", self.inheritedOpacity(), 0.0, 0.0, 0.0)
        assert self._uniforms is not None
        updates.updateDynamicBuffer(self._uniforms, 0, uniforms)
        target = self.renderTarget()
        pass_format = list(target.renderPassDescriptor().serializedFormat())
        if self._pipeline is None or pass_format != self._pass_format:
            self._make_pipeline(rhi, target.renderPassDescriptor(), target.sampleCount())
            self._pass_format = pass_format
        self.commandBuffer().resourceUpdate(updates)

    def _corners(self) -> tuple[float, ...]:
        t = self.target
        left, top, right, bottom = t.left(), t.top(), t.right(), t.bottom()
        return (left, top, 0.0, 0.0, left, bottom, 0.0, 1.0, right, top, 1.0, 0.0, right, bottom, 1.0, 1.0)

    def _make_buffers(self, rhi: QRhi) -> None:
        self._uniforms = rhi.newBuffer(QRhiBuffer.Type.Dynamic, QRhiBuffer.UsageFlag.UniformBuffer, _UNIFORM_BYTES)
        self._quad = rhi.newBuffer(QRhiBuffer.Type.Dynamic, QRhiBuffer.UsageFlag.VertexBuffer, _VERTEX_BYTES)
        linear, clamp = QRhiSampler.Filter.Linear, QRhiSampler.AddressMode.ClampToEdge
        self._sampler = rhi.newSampler(linear, linear, QRhiSampler.Filter.None_, clamp, clamp)
        for resource in (self._uniforms, self._quad, self._sampler):
            if not resource.create():
                raise RuntimeError(f"the graphics card refused a {type(resource).__name__}")

    def _make_textures(self, rhi: QRhi, sizes: tuple[tuple[int, int], ...]) -> None:
        for texture in self._textures:
            _free(texture)
        _free(self._bindings)
        self._textures, self._uploaded = [], None
        for width, height in sizes:
            texture = rhi.newTexture(QRhiTexture.Format.R8, QSize(width, height))
            self._textures.append(texture)  # freed with the rest, even if it is refused
            if not texture.create():
                raise RuntimeError(f"the graphics card refused a {width}x{height} texture")
        stages = QRhiShaderResourceBinding.StageFlag
        both = stages.VertexStage | stages.FragmentStage
        assert self._uniforms is not None and self._sampler is not None
        self._bindings = rhi.newShaderResourceBindings()
        self._bindings.setBindings(
            [
                QRhiShaderResourceBinding.uniformBuffer(0, both, self._uniforms),
                *(
                    QRhiShaderResourceBinding.sampledTexture(binding, stages.FragmentStage, texture, self._sampler)
                    for binding, texture in enumerate(self._textures, start=1)
                ),
            ]
        )
        if not self._bindings.create():
            raise RuntimeError("the graphics card refused the shader's resources")
        _free(self._pipeline)
        self._pipeline = None  # made again for the new bindings

    def _make_pipeline(self, rhi: QRhi, render_pass: object, samples: int) -> None:
        _free(self._pipeline)
        pipeline = rhi.newGraphicsPipeline()
        self._pipeline = pipeline
        blend: Any = QRhiGraphicsPipeline.TargetBlend()  # PySide6's stubs type its fields as int
        # Premultiplied, as the scene graph draws: the shader multiplies by the item's opacity.
        blend.enable = True
        blend.srcColor = blend.srcAlpha = QRhiGraphicsPipeline.BlendFactor.One
        blend.dstColor = blend.dstAlpha = QRhiGraphicsPipeline.BlendFactor.OneMinusSrcAlpha
        pipeline.setTargetBlends([blend])
        pipeline.setTopology(QRhiGraphicsPipeline.Topology.TriangleStrip)
        pipeline.setFlags(QRhiGraphicsPipeline.Flag.UsesScissor)
        pipeline.setSampleCount(samples)
        pipeline.setShaderStages(
            [
                QRhiShaderStage(QRhiShaderStage.Type.Vertex, _shader("i420.vert")),
                QRhiShaderStage(QRhiShaderStage.Type.Fragment, _shader("i420.frag")),
            ]
        )
        layout = QRhiVertexInputLayout()
        layout.setBindings([QRhiVertexInputBinding(4 * 4)])
        layout.setAttributes([QRhiVertexInputAttribute(0, 0, QRhiVertexInputAttribute.Format.Float4, 0)])
        pipeline.setVertexInputLayout(layout)
        assert self._bindings is not None  # made with the textures, before the pipeline
        pipeline.setShaderResourceBindings(self._bindings)
        pipeline.setRenderPassDescriptor(render_pass)  # type: ignore[arg-type]
        if not pipeline.create():
            raise RuntimeError("the graphics card refused the I420 pipeline")


def _free(resource: QRhiResource | None) -> None:
    """Releases a resource on the graphics card and deletes it (PySide6 leaves the objects the
    RHI's ``new...`` calls return to C++)."""
    if resource is not None and shiboken6.isValid(resource):
        resource.destroy()
        shiboken6.delete(resource)
