"""Byte-stable .pptx packages: zip entries with fixed times and attributes (no python-pptx here)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

#: Document dates written into every deck, so the same input gives the same bytes.
FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def stable_zip(parts: dict[str, bytes]) -> bytes:
    """A zip of ``parts`` (in the given order) with fixed entry times and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, data)
    return out.getvalue()


def deterministic(data: bytes) -> bytes:
    """Rewrite a zip archive with fixed entry times."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return stable_zip({info.filename: archive.read(info) for info in archive.infolist()})
