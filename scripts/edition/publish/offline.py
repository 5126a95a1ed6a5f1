"""The offline edition: the site for reading from a folder, published as one zip.

``mkdocs build -f mkdocs.offline.yml`` builds the pages with file URLs
(``evolution.html``) and a search that works on ``file://`` (Material's ``offline``
plugin, with the worker shim shipped in ``vendor/``). Then ``finish`` (the edition
plugin's offline step, or ``edition offline SITE FOLDER``):

1. copies the PDFs built for the public site into the offline folder and writes their
   sizes into every page's download line, as the PDF step does for the public site;
2. writes ``site/iraq-nato-offline.zip``: every file (but source maps) under one top
   folder, sorted, with one fixed timestamp (``SOURCE_DATE_EPOCH``) and fixed
   permissions, so the same sources give the same bytes; written to a temporary name
   and renamed into place.

Pure apart from the files it writes; no MkDocs import.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

from edition.model.addresses import PDF_NAMES, ZIP_NAME
from edition.publish.pdf import write_pdf_size

ZIP_FOLDER = "iraq-nato-offline"
# Source maps (the theme's, 1.3 MB) serve developers' tools, not readers.
LEFT_OUT = {".map"}
# The earliest time a zip entry can carry (1980-01-01 00:00 UTC).
ZIP_EPOCH_MIN = 315532800


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    """A zip timestamp (UTC) for a Unix time, no earlier than zip's 1980."""
    return time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]


def write_zip(folder: Path, target: Path, epoch: int) -> int:
    """Zip every file under ``folder`` into ``target`` reproducibly; return the entry count."""
    files = sorted(
        path for path in folder.rglob("*") if path.is_file() and path.suffix not in LEFT_OUT
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".offline-", suffix=".zip")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            for path in files:
                name = f"{ZIP_FOLDER}/{path.relative_to(folder).as_posix()}"
                info = zipfile.ZipInfo(name, date_time=zip_time(epoch))
                info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
                info.create_system = 3  # Unix, whatever machine builds it
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=9)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the web server must read it
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return len(files)


def source_epoch() -> int:
    """``SOURCE_DATE_EPOCH`` (the plugin sets it from the last commit), else zip's 1980."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else ZIP_EPOCH_MIN


def finish(site: Path, offline: Path) -> tuple[Path, int]:
    """Add the PDFs to the offline folder, then zip it into the public site."""
    if not (offline / "index.html").is_file():
        raise FileNotFoundError(f"{offline}: no index.html; build it first (mkdocs build)")
    sizes = {}
    for name in PDF_NAMES:
        if (site / name).is_file():
            shutil.copy2(site / name, offline / name)
            sizes[name] = (site / name).stat().st_size
    write_pdf_size(offline, sizes)
    target = site / ZIP_NAME
    return target, write_zip(offline, target, source_epoch())
