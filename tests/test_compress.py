"""Brotli copies of the built site (the edition plugin's last step, or `edition compress`)."""

from __future__ import annotations

import subprocess
import sys

import brotli
import pytest

from conftest import ROOT
from edition.publish.compress import MIN_SIZE, compress_site, wants_copy

PAGE = "<p>" + "The author's words, and the edition's notes. " * 40 + "</p>"


def small_site(tmp_path):
    site = tmp_path / "site"
    (site / "sources").mkdir(parents=True)
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "sources" / "index.html").write_text(PAGE * 2, encoding="utf-8")
    (site / "tiny.css").write_text("a{}", encoding="utf-8")  # below MIN_SIZE
    (site / "paper.pdf").write_bytes(b"%PDF-1.7" + bytes(4000))  # compressed already
    return site


def test_every_text_file_gets_a_copy_that_decodes_to_it(tmp_path):
    site = small_site(tmp_path)
    done = compress_site(site)
    copies = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.br"))
    assert copies == ["index.html.br", "sources/index.html.br"]
    for copy in site.rglob("*.br"):
        assert brotli.decompress(copy.read_bytes()) == copy.with_suffix("").read_bytes()
    assert done.packed < done.raw / 5  # the repeated text compresses well
    assert not list(site.rglob("*.part"))


def test_a_second_run_changes_nothing_and_a_changed_file_gets_a_new_copy(tmp_path):
    site = small_site(tmp_path)
    compress_site(site)
    before = {p: p.read_bytes() for p in site.rglob("*.br")}
    assert compress_site(site).written == 0
    assert {p: p.read_bytes() for p in site.rglob("*.br")} == before
    (site / "index.html").write_text(PAGE + "<p>A corrected verdict.</p>", encoding="utf-8")
    assert compress_site(site).written == 1
    assert b"A corrected verdict." in brotli.decompress((site / "index.html.br").read_bytes())


def test_copies_whose_file_is_gone_or_too_small_are_removed(tmp_path):
    site = small_site(tmp_path)
    compress_site(site)
    (site / "sources" / "index.html").unlink()
    (site / "index.html").write_text("<p>short</p>", encoding="utf-8")
    assert compress_site(site).removed == 2
    assert list(site.rglob("*.br")) == []


def test_a_page_rewritten_after_compression_loses_its_stale_copy(tmp_path):
    # edition pdf writes the PDFs' sizes into the pages: their old copies must go.
    from edition.publish.pdf import write_pdf_size

    site = small_site(tmp_path)
    (site / "index.html").write_text(PAGE + "<span data-pdf-size>PDF</span>", encoding="utf-8")
    compress_site(site)
    assert write_pdf_size(site, {"iraq-nato-partnership.pdf": 80_000})
    assert not (site / "index.html.br").exists()
    assert (site / "sources" / "index.html.br").exists()  # unchanged page, copy kept


def test_only_text_files_of_some_size_get_copies(tmp_path):
    site = small_site(tmp_path)
    assert wants_copy(site / "index.html")
    assert not wants_copy(site / "tiny.css") and (site / "tiny.css").stat().st_size < MIN_SIZE
    assert not wants_copy(site / "paper.pdf")


def test_the_command_needs_a_built_site(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "edition.cli", "compress", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert (
        result.stderr.strip() == f"edition compress: {tmp_path} holds no built site; run make build"
    )


@pytest.mark.build
def test_the_build_leaves_every_copy_current(built_site):
    # The last step of the build: no later step may change a file under its copy.
    site = built_site.site
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix != ".br"):
        copy = path.with_name(path.name + ".br")
        if wants_copy(path):
            assert brotli.decompress(copy.read_bytes()) == path.read_bytes(), path
        else:
            assert not copy.exists(), path
