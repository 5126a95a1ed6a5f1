"""The edition plugin: `mkdocs build` alone makes the whole site; each option does its part.

Two real builds: the session's (every option on, conftest.built_site) and one with the
slow steps switched off through the environment (``!ENV`` in mkdocs.yml). The rest
loads the real config in this process and calls the plugin with its steps replaced by
recorders, so each option is shown on and off without typesetting a PDF.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

import edition.plugin.plugin as plugin_module
from conftest import PAGES_ONLY, ROOT, edit, run_mkdocs_build
from edition.model.addresses import PDF_NAMES, ZIP_NAME
from edition.publish.compress import Compressed

OPTIONS = ["enabled", "check", "pdf", "offline", "compress"]
SLOW_STEPS = ["pdf", "offline", "compress"]
EPOCH = "1533081600"


# ---- the real builds --------------------------------------------------------------------


@pytest.mark.build
def test_mkdocs_build_alone_writes_the_pdfs_the_zip_and_the_brotli_copies(built_site):
    site = built_site.site
    for name in [*PDF_NAMES, ZIP_NAME]:
        assert (site / name).stat().st_size > 10_000, name
    for name in ["index.html", "evolution/index.html", "search/search_index.json"]:
        assert (site / f"{name}.br").is_file(), name
    assert (site / "sources" / "claims.json").is_file()  # the exports
    entries = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert any(entry["location"] == "evolution/#p1-1" for entry in entries)  # by paragraph
    assert "Traceback" not in built_site.output


@pytest.fixture(scope="module")
def pages_only(tmp_path_factory):
    """The real project built with EDITION_PDF, EDITION_OFFLINE, EDITION_COMPRESS=false."""
    build = run_mkdocs_build(
        ROOT, tmp_path_factory.mktemp("pages-only") / "site", SOURCE_DATE_EPOCH=EPOCH, **PAGES_ONLY
    )
    assert build.returncode == 0, build.output
    return build


@pytest.mark.build
def test_the_environment_switches_the_slow_steps_off(pages_only):
    site = pages_only.site
    assert (site / "evolution" / "index.html").is_file()
    assert (site / "sources" / "claims.json").is_file()  # the fast steps still run
    assert [name for name in [*PDF_NAMES, ZIP_NAME] if (site / name).exists()] == []
    assert list(site.rglob("*.br")) == []


@pytest.mark.parametrize(
    ("where", "value"), [("env", "maybe"), ("file", "1")], ids=["env", "mkdocs.yml"]
)
def test_an_option_of_the_wrong_type_stops_the_build_in_one_line(project, tmp_path, where, value):
    env = {"SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    if where == "env":
        env["EDITION_PDF"] = value
    else:
        edit(project / "mkdocs.yml", "pdf: !ENV [EDITION_PDF, true]", f"pdf: {value}")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s")],
        cwd=project,
        env={**{k: v for k, v in os.environ.items() if k != "EDITION_PDF"}, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    named = [line for line in output.splitlines() if "'pdf'" in line]
    assert len(named) == 1, output
    assert "Plugin 'edition'" in named[0] and "bool" in named[0]
    assert "Traceback" not in output
    assert not (tmp_path / "s" / "index.html").exists()


# ---- each option, in this process ---------------------------------------------------------


@pytest.fixture
def configured(monkeypatch, tmp_path):
    """Load a project's mkdocs.yml with some options set through the environment."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)  # restored afterwards, whatever is set

    def load(root: Path = ROOT, **options: bool):
        for option in OPTIONS:
            monkeypatch.delenv(f"EDITION_{option.upper()}", raising=False)
        for option, value in options.items():
            monkeypatch.setenv(f"EDITION_{option.upper()}", str(value).lower())
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        (tmp_path / "site").mkdir(exist_ok=True)
        return config, config.plugins["edition"]

    return load


@pytest.fixture
def steps(monkeypatch, tmp_path):
    """The slow steps replaced by recorders: the names of those that ran, in order."""
    ran: list[str] = []
    zip_file = tmp_path / ZIP_NAME
    zip_file.write_bytes(b"zip")

    def record(name, result):
        return lambda *args: ran.append(name) or result

    monkeypatch.setattr(plugin_module, "build_pdfs", record("pdf", []))
    monkeypatch.setattr(plugin_module, "build_offline_edition", record("offline", (zip_file, 1)))
    monkeypatch.setattr(plugin_module, "compress_site", record("compress", Compressed()))
    return ran


@pytest.mark.parametrize("option", OPTIONS)
def test_every_option_is_on_by_default_and_env_switches_it_off(configured, option):
    _, plugin = configured()
    assert plugin.config[option] is True
    _, plugin = configured(**{option: False})
    assert plugin.config[option] is False


def test_the_offline_edition_runs_no_slow_step_of_its_own():
    config = load_config(str(ROOT / "mkdocs.offline.yml"))
    options = config.plugins["edition"].config
    assert [step for step in SLOW_STEPS if options[step]] == []


def test_a_build_runs_every_slow_step_in_order(configured, steps):
    config, plugin = configured()
    plugin.on_startup(command="build", dirty=False)
    plugin._publish(config=config)
    assert steps == ["pdf", "offline", "compress"]


@pytest.mark.parametrize("option", SLOW_STEPS)
def test_each_slow_step_has_its_own_switch(configured, steps, option):
    config, plugin = configured(**{option: False})
    plugin.on_startup(command="build", dirty=False)
    plugin._publish(config=config)
    assert steps == [step for step in SLOW_STEPS if step != option]


def test_mkdocs_serve_leaves_the_slow_steps_out(configured, steps):
    config, plugin = configured()
    plugin.on_startup(command="serve", dirty=False)
    plugin._publish(config=config)
    assert steps == []


def test_disabled_the_plugin_does_nothing(configured, steps, tmp_path):
    config, plugin = configured(enabled=False)
    plugin.on_startup(command="build", dirty=False)
    config = plugin.on_config(config)
    assert all("root" not in options for options in config.mdx_configs.values())
    plugin._write_site_files(config=config)
    plugin._publish(config=config)
    assert steps == []
    assert list((tmp_path / "site").iterdir()) == []  # no exports either


@pytest.mark.parametrize("check", [True, False])
def test_the_check_option_decides_whether_bad_sources_stop_the_build(configured, project, check):
    edit(project / "docs" / "future.md", "drones.[^10]", "drones.[^11]")
    config, plugin = configured(project, check=check)
    plugin.on_startup(command="build", dirty=False)
    config = plugin.on_config(config)
    if check:
        with pytest.raises(PluginError, match=r"edition check: \d+ problem"):
            plugin.on_pre_build(config=config)
    else:
        plugin.on_pre_build(config=config)


def test_the_plugin_keeps_no_state_in_its_module():
    mutable = (dict, list, set)
    assert [
        name
        for name, value in vars(plugin_module).items()
        if not name.startswith("__") and isinstance(value, mutable)
    ] == []
