"""What the build cannot read from the components themselves, each entry checked by hand.

The gatherer (gather.py) reads licences from Python distributions' metadata, from Debian's
machine-readable copyright records and from FFmpeg's own ``*_license()``. What is left is here:
Debian packages whose copyright record is free text, which licence each VLC plugin's source has,
and notices that upstream ships elsewhere (Qt's). A component that is in none of these fails the
build: add it here after reading its copyright record.
"""

from __future__ import annotations

#: Debian *source* package -> licence, for packages whose copyright record is free text (not
#: machine-readable). Read from /usr/share/doc/<package>/copyright.
DEBIAN_SOURCE_LICENCES: dict[str, str] = {
    "cairo": "LGPL-2.1 or MPL-1.1",
    "fontconfig": "MIT-like (fontconfig)",
    "gcc-12": "GPL-3+ with GCC-Runtime-Library exception",
    "krb5": "MIT (krb5)",
    "libgcrypt20": "LGPL-2.1+",
    "libwebp": "BSD-3-Clause",
    "libx11": "MIT and X11",
    "libxcb": "X11",
    "libxext": "MIT and X11",
    "libxfixes": "MIT",
    "libxkbcommon": "MIT",
    "libxrender": "HPND",
    "pixman": "MIT",
    "openjpeg2": "BSD-2-clause",  # machine-readable, but its "Files: *" paragraph has no licence line
}

#: Machine-readable records whose "Files: *" licence is the tools', not the library's: the source
#: file the bundled library is built from, whose paragraph gives the library's licence.
DEBIAN_LIBRARY_SOURCES: dict[str, str] = {
    "keyutils": "keyutils.c",  # the tools are GPL-2+, libkeyutils LGPL-2+
    "libidn": "lib/idna.c",  # the tools are GPL-3+, the library LGPL-3+ or GPL-2+
}

#: Where Debian's record does not say the library's licence, the licence and why.
DEBIAN_CORRECTIONS: dict[str, tuple[str, str]] = {
    "alsa-lib": ("LGPL-2.1+", "Debian's record spells it LPGL-2.1+"),
    "e2fsprogs": (
        "MIT-like (com_err)",
        "only libcom_err is bundled; its sources (lib/et) carry MIT's SIPB permission notice, while the "
        "record lists them under the tools' GPL-2",
    ),
    "zvbi": (
        "LGPL-2+ and GPL-2",
        "the library (src/*) is LGPL-2+ but contains src/packet-830.c and src/pdc.c, GPL-2 in Debian's record",
    ),
}

#: Debian source packages whose libraries report their own licence as built: FFmpeg's
#: ``<library>_license()`` says "GPL version 2 or later" when built with --enable-gpl (Debian does).
FFMPEG_SOURCES = {"ffmpeg"}

#: FFmpeg's words -> the short name.
FFMPEG_LICENCE_NAMES = {
    "GPL version 2 or later": "GPL-2+",
    "GPL version 3 or later": "GPL-3+",
    "LGPL version 2.1 or later": "LGPL-2.1+",
    "LGPL version 3 or later": "LGPL-3+",
    "nonfree and unredistributable": "nonfree",
}

#: The VLC source file(s) each bundled VLC library is built from: its licence is the one Debian's
#: copyright record of ``vlc`` gives that source path (last matching paragraph, as DEP-5 says).
VLC_SOURCES: dict[str, str] = {
    "libvlc.so.5": "lib/core.c",
    "libvlccore.so.9": "src/libvlc.c",
    "libvlc_pulse.so.0": "modules/audio_output/vlcpulse.c",
    "access/libfilesystem_plugin.so": "modules/access/fs.c",
    "audio_filter/libaudio_format_plugin.so": "modules/audio_filter/converter/format.c",
    "audio_filter/libequalizer_plugin.so": "modules/audio_filter/equalizer.c",
    "audio_filter/libscaletempo_plugin.so": "modules/audio_filter/scaletempo.c",
    "audio_filter/libsimple_channel_mixer_plugin.so": "modules/audio_filter/channel_mixer/simple.c",
    "audio_filter/libtrivial_channel_mixer_plugin.so": "modules/audio_filter/channel_mixer/trivial.c",
    "audio_filter/libugly_resampler_plugin.so": "modules/audio_filter/resampler/ugly.c",
    "audio_mixer/libfloat_mixer_plugin.so": "modules/audio_mixer/float.c",
    "audio_output/libadummy_plugin.so": "modules/audio_output/adummy.c",
    "audio_output/libalsa_plugin.so": "modules/audio_output/alsa.c",
    "audio_output/libamem_plugin.so": "modules/audio_output/amem.c",
    "audio_output/libpulse_plugin.so": "modules/audio_output/pulse.c",
    "codec/libavcodec_plugin.so": "modules/codec/avcodec/avcodec.c",
    "codec/libdav1d_plugin.so": "modules/codec/dav1d.c",
    "demux/libavi_plugin.so": "modules/demux/avi/avi.c",
    "demux/libmkv_plugin.so": "modules/demux/mkv/mkv.cpp",
    "demux/libmp4_plugin.so": "modules/demux/mp4/mp4.c",
    "demux/libogg_plugin.so": "modules/demux/ogg.c",
    "demux/libps_plugin.so": "modules/demux/mpeg/ps.c",
    "demux/libts_plugin.so": "modules/demux/mpeg/ts.c",
    "demux/libsubtitle_plugin.so": "modules/demux/subtitle.c",
    "logger/libconsole_logger_plugin.so": "modules/logger/console.c",
    "packetizer/libpacketizer_copy_plugin.so": "modules/packetizer/copy.c",
    "packetizer/libpacketizer_h264_plugin.so": "modules/packetizer/h264.c",
    "packetizer/libpacketizer_hevc_plugin.so": "modules/packetizer/hevc.c",
    "packetizer/libpacketizer_mpeg4audio_plugin.so": "modules/packetizer/mpeg4audio.c",
    "packetizer/libpacketizer_mpegaudio_plugin.so": "modules/packetizer/mpegaudio.c",
    "packetizer/libpacketizer_mpegvideo_plugin.so": "modules/packetizer/mpegvideo.c",
    "spu/liblogo_plugin.so": "modules/spu/logo.c",
    "spu/libmarq_plugin.so": "modules/spu/marq.c",
    "video_chroma/libswscale_plugin.so": "modules/video_chroma/swscale.c",
    "video_filter/libadjust_plugin.so": "modules/video_filter/adjust.c",
    "video_filter/libdeinterlace_plugin.so": "modules/video_filter/deinterlace/deinterlace.c",
    "video_output/libvmem_plugin.so": "modules/video_output/vmem.c",
}

#: Where Debian's record and the source disagree, the source's own header wins (with the reason).
VLC_SOURCE_CORRECTIONS: dict[str, tuple[str, str]] = {
    "modules/codec/dav1d.c": (
        "LGPL-2.1+",
        "the file's header grants LGPL-2.1+; Debian's record does not list it, so it falls under GPL-2+ 'Files: *'",
    ),
}

#: Python distributions whose metadata has no usable licence field or text.
PYTHON_LICENCES: dict[str, str] = {
    "pyinstaller": "GPL-2.0-or-later WITH Bootloader-exception AND Apache-2.0",
    "pyside6-essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
}

#: Files inside a Python distribution that are another project's, by pattern of their bundle path.
PYTHON_EMBEDDED: list[tuple[str, str, str, str]] = [
    # (distribution, glob, component name, licence)
    ("pyside6-essentials", "*/PySide6/Qt/lib/libicu*", "ICU 73 (in PySide6's wheel)", "Unicode-3.0"),
]

QT_NOTICE = """\
Qt 6 (the libraries, plugins and QML modules in _internal/PySide6/Qt) and Qt for Python (PySide6,
shiboken6) are used under the GNU Lesser General Public License version 3 (LGPL-3.0-only); Qt is also
available under GPL-2.0/GPL-3.0 and commercial terms. The Qt Company Ltd. and other contributors.

LGPL-3.0 rights kept in this installer: Qt is linked dynamically (separate .so/.dll files in
_internal/PySide6/Qt/lib). You may replace them with a compatible Qt build of your own, modified or
not: put your libraries in the same place with the same names. The corresponding Qt source code is
at https://download.qt.io/official_releases/qt/ (same version as PySide6: see the SBOM) and Qt for
Python's at https://download.qt.io/official_releases/QtForPython/.

Qt contains third-party code under its own terms, listed in Qt's documentation ("Licenses Used in
Qt") and in each Qt source module's qt_attribution.json; in the modules bundled here these include
HarfBuzz (MIT), FreeType (FTL), libpng (libpng), libjpeg-turbo (IJG and BSD-3-Clause), PCRE2
(BSD-3-Clause), zlib (Zlib), md4c (MIT), double-conversion (BSD-3-Clause), TinyCBOR (MIT), forkfd
(MIT), Easing Equations by Robert Penner (BSD-3-Clause), the Wayland protocols (MIT) and ICU
(Unicode-3.0, separate libraries: see their own entry).

The full LGPL-3.0 and GPL-3.0 texts are in licenses/texts/.
"""

PYINSTALLER_NOTICE = """\
The kiosk program file (and kiosk.exe / kiosk-console.exe on Windows) is PyInstaller's bootloader with
the kiosk's Python modules appended. The bootloader is GPL-2.0-or-later with PyInstaller's exception,
which lets it be combined with and distributed as part of any program; PyInstaller's runtime hooks
are Apache-2.0. See COPYING.txt in this folder.
"""

MIT_TEXT = """\
MIT License

Copyright (c) the kiosk authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

#: Full texts copied from /usr/share/common-licenses into licenses/texts/ (Debian build machines).
COMMON_TEXTS = ("GPL-2", "GPL-3", "LGPL-2", "LGPL-2.1", "LGPL-3", "Apache-2.0")
