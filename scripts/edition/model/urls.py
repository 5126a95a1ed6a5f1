"""A record's address: a scheme the web serves (http, https) and a host that is a name.

Shared by the records of the notes register and the timeline and by the research file,
so an address the check lets through is one a reader's browser can open: no trailing
dot or space in the host, a top-level domain, nothing but letters, digits and hyphens
in each label.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LABEL_RE = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
TLD_RE = re.compile(r"^[A-Za-z]{2,63}$|^xn--[A-Za-z0-9-]{1,59}$")


def address_problem(url: object) -> str | None:
    """Say what is wrong with a record's address, or None when it is a valid one."""
    if not isinstance(url, str) or not url.strip():
        return "must be non-empty text"
    if any(character.isspace() for character in url):
        return f"{url!r} contains a space; write the address without spaces (%20 inside a path)"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return f"{url!r} is not an address; copy it again from the record's page"
    del port  # only its validity matters
    if parts.scheme not in ("http", "https") or not url.startswith(f"{parts.scheme}://"):
        return f"url {url!r} must start with http(s)://"
    host = parts.hostname or ""
    if not host:
        return f"{url!r} has no host; copy the address again from the record's page"
    if host.endswith("."):
        return f"host {host!r} of {url!r} ends with a dot; remove the trailing dot"
    labels = host.split(".")
    if len(labels) < 2 or not TLD_RE.match(labels[-1]):
        return f"host {host!r} of {url!r} has no top-level domain (such as .org); fix the host"
    if not all(LABEL_RE.match(label) for label in labels):
        return (
            f"host {host!r} of {url!r} is not a valid name (letters, digits and hyphens "
            "between dots); fix the host"
        )
    return None
