"""Loaded by every Python process started with this folder on PYTHONPATH (the recovery test only).

When ``KIOSK_PROBE_FIRST_FRAME=1`` and the process is a kiosk showing its window (``kiosk run``
without ``--supervise``), it prints the first-attract-frame marker of ``kiosk_probe.py``. This
lets the test run the real ``kiosk run --supervise`` command line: the supervisor starts its
children with ``python -m kiosk run ...``, where a wrapper script could not reach.
"""

from __future__ import annotations

import os
import sys

if os.environ.get("KIOSK_PROBE_FIRST_FRAME") == "1" and "--supervise" not in sys.argv:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import importlib
    import importlib.abc
    import importlib.machinery

    class _AfterApp(importlib.abc.MetaPathFinder):
        """Installs the probe right after kiosk.ui.app is imported, so nothing loads early."""

        def find_spec(self, name, path=None, target=None):
            if name != "kiosk.ui.app":
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            if spec is None or spec.loader is None:
                return spec
            loader = spec.loader
            original = loader.exec_module

            def exec_module(module):
                original(module)
                import kiosk_probe

                kiosk_probe.install()
                # A test's own fault to inject once the kiosk shows (tests/faults): MODULE on PYTHONPATH.
                extra = os.environ.get("KIOSK_PROBE_EXTRA")
                if extra:
                    importlib.import_module(extra).install()

            loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, _AfterApp())
