"""The errata table on About shows every repair's words exactly as written.

A reason may hold a "|" and source words a backtick (extraction damage is not polite);
neither may break the table or lose a character.
"""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from edition.extensions.errata import errata_table
from edition.model.errata import Erratum


def rendered_cells(erratum: Erratum) -> list[str]:
    html = markdown.markdown("\n".join(errata_table([erratum])), extensions=["tables"])
    row = BeautifulSoup(html, "html.parser").select("tbody tr")
    assert len(row) == 1
    return [cell.get_text() for cell in row[0].find_all("td")]


def test_pipes_and_backticks_stay_in_their_cells():
    erratum = Erratum(source="a`b | c", edition="`ab`", page="future", reason="one | two", line=1)
    assert rendered_cells(erratum) == ["future", "a`b | c", "`ab`", "one | two"]


def test_plain_repairs_read_as_before():
    erratum = Erratum(
        source="NATO- AWAC", edition="NATO-AWAC", page="evolution", reason="A break.", line=1
    )
    assert rendered_cells(erratum) == ["evolution", "NATO- AWAC", "NATO-AWAC", "A break."]
