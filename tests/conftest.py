"""Settings every test shares: an offscreen Qt, and no writes outside temporary folders."""

from __future__ import annotations

import os
import tempfile

# Before anything imports Qt: tests render offscreen with the software scene graph,
# unless a test starts its own Xvfb and says otherwise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# Logs, analytics and staff settings of test runs never land in the real user folders.
_scratch = tempfile.mkdtemp(prefix="kiosk-tests-")
for variable, folder in (("KIOSK_LOG_DIR", "logs"), ("KIOSK_DATA_DIR", "data"), ("KIOSK_CONFIG_DIR", "config")):
    os.environ.setdefault(variable, os.path.join(_scratch, folder))
