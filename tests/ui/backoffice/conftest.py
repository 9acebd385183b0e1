"""Back office screens on the offscreen Qt platform, over a copy of the seeded demo outlet."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads: no screen here or on CI
