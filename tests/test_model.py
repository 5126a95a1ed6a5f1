"""The edition model: read once, shared, and read again exactly when a source changes."""

from __future__ import annotations

import os

from conftest import edit
from edition.model.edition import load_edition


def touch_later(path) -> None:
    """Move a file's mtime forward: some filesystems keep coarse timestamps."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))


def test_an_unchanged_project_gives_the_same_model(project):
    assert load_edition(project) is load_edition(project)


def test_an_edited_data_file_is_read_again(project):
    before = load_edition(project)
    edit(project / "data/notes.yml", "id: 7\n", "id: 7\n  # a comment that changes the size\n")
    after = load_edition(project)
    assert after is not before
    assert after.register.notes["7"] == before.register.notes["7"]


def test_an_edited_page_is_read_again(project):
    before = load_edition(project)
    edit(project / "docs/future.md", "drones.[^10]", "drones, said the editor.[^10]")
    touch_later(project / "docs/future.md")
    assert "said the editor" in load_edition(project).page("future").source
    assert "said the editor" not in before.page("future").source


def test_a_new_page_and_a_new_folder_are_found(project):
    load_edition(project)
    (project / "docs/extra.md").write_text("---\ndescription: A new page.\n---\n\n# New\n")
    assert load_edition(project).page("extra") is not None
    (project / "docs/more").mkdir()
    (project / "docs/more/deep.md").write_text("---\ndescription: Deeper.\n---\n\n# Deep\n")
    assert any(p.path == "docs/more/deep.md" for p in load_edition(project).pages)


def test_the_root_is_the_projects_whatever_the_current_folder(project, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_edition(project).root == project.resolve()
    assert load_edition(project).page("evolution") is not None
