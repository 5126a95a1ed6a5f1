"""Deploy recipes: every host that can send headers sends the ones ``deploy/nginx.conf`` sends.

``deploy/_headers`` (Netlify, Cloudflare Pages) is kept by hand; these tests read both
files, work out the headers each would send for every address of the site, and fail
when a security header (name or value, the whole Content-Security-Policy included)
differs, or when a file is cached otherwise. ``deploy/github-pages.yml`` cannot send
headers at all; its test checks that it publishes what ``make publish`` builds.
Fast: no site build, no server, no browser.
"""

from __future__ import annotations

import re
import shutil
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, edit
from devtools.nginx import DEPLOY_CONF
from test_quality_deploy import policy_hashes

HEADERS_FILE = ROOT / "deploy" / "_headers"
WORKFLOW = ROOT / "deploy" / "github-pages.yml"
CACHE = "Cache-Control"
HTML = "text/html; charset=utf-8"
# What Netlify and Cloudflare Pages send where _headers sets no Cache-Control.
HOST_DEFAULT_CACHE = "public, max-age=0, must-revalidate"
# Cloudflare Pages' limits for a _headers file.
MAX_RULES, MAX_LINE = 100, 2000


# --- deploy/nginx.conf: the headers the server block adds ------------------------------

TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'|(#[^\n]*)|([;{}])|([^\s;{}"\']+)')


def nginx_directives(conf: str) -> list:
    """The configuration as nested ``(name, args, block)``; ``block`` is None after ``;``."""
    stack: list[list] = [[]]
    words: list[str] = []
    for quoted, single, comment, punct, bare in TOKEN.findall(conf):
        if comment:
            continue
        if punct == ";":
            stack[-1].append((words[0], words[1:], None))
            words = []
        elif punct == "{":
            block: list = []
            stack[-1].append((words[0], words[1:], block))
            stack.append(block)
            words = []
        elif punct == "}":
            stack.pop()
        else:
            words.append(bare or quoted or single)
    return stack[0]


class Nginx:
    """The ``map``, ``set`` and ``add_header`` directives of a server block, evaluated."""

    def __init__(self, conf: str) -> None:
        top = nginx_directives(conf)
        self.maps = {
            args[1].lstrip("$"): (args[0].lstrip("$"), [(key, value[0]) for key, value, _ in block])
            for name, args, block in top
            if name == "map"
        }
        server = next(block for name, _args, block in top if name == "server")
        self.sets = [(args[0].lstrip("$"), args[1]) for name, args, _ in server if name == "set"]
        self.add_header = [(args[0], args[1]) for name, args, _ in server if name == "add_header"]

    def _expand(self, text: str, variables: dict[str, str]) -> str:
        def value(match: re.Match) -> str:
            name = match.group(1) or match.group(2)
            if name in self.maps:
                return self._map(name, variables)
            return variables[name]

        return re.sub(r"\$\{(\w+)\}|\$(\w+)", value, text)

    def _map(self, name: str, variables: dict[str, str]) -> str:
        # nginx: exact keys first, then regular expressions in their order, then default.
        source, entries = self.maps[name]
        subject = variables[source]
        exact = {key: value for key, value in entries if not key.startswith("~")}
        if subject in exact and subject != "default":
            return self._expand(exact[subject], variables)
        for key, value in entries:
            if key.startswith("~"):
                caseless = key.startswith("~*")
                if re.search(key[2 if caseless else 1 :], subject, re.I if caseless else 0):
                    return self._expand(value, variables)
        return self._expand(exact.get("default", ""), variables)

    def headers(self, uri: str, content_type: str) -> dict[str, str]:
        """What nginx adds to the response for ``uri`` (an empty value sends no header)."""
        variables = {"uri": uri, "sent_http_content_type": content_type}
        for name, value in self.sets:
            variables[name] = self._expand(value, variables)
        sent = {name: self._expand(value, variables) for name, value in self.add_header}
        return {name: value for name, value in sent.items() if value}


# --- deploy/_headers: the rules Netlify and Cloudflare Pages apply ---------------------


def header_rules(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(path pattern, [(name, value), …])`` in file order; a stray line is an error."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("/"):
            rules.append((line.strip(), []))
        elif line[0].isspace() and rules and re.match(r"\s+[A-Za-z0-9-]+:\s*\S", line):
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name, value.strip()))
        else:
            raise AssertionError(f"_headers line {number} is neither a path nor a header: {line}")
    return rules


def pattern_matches(pattern: str, path: str) -> bool:
    """Path matching as both hosts do it: ``*`` any characters, ``:name`` one segment."""
    regex = "".join(
        ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
        for part in re.split(r"(\*|:\w+)", pattern)
    )
    return re.fullmatch(regex, path) is not None


def host_headers(rules, path: str) -> dict[str, str]:
    """Every matching rule applies; a header set by two rules is joined with a comma."""
    sent: dict[str, str] = {}
    for pattern, headers in rules:
        if pattern_matches(pattern, path):
            for name, value in headers:
                sent[name] = f"{sent[name]}, {value}" if name in sent else value
    return sent


# --- the addresses of the site, known without building it -----------------------------


def site_paths() -> list[str]:
    """Pages from docs/, the theme's and the edition's assets, and what make build adds."""
    pages = ["/" if md.stem == "index" else f"/{md.stem}/" for md in (ROOT / "docs").glob("*.md")]
    ours = [
        "/" + path.relative_to(ROOT / "docs").as_posix()
        for path in (ROOT / "docs" / "assets").rglob("*")
        if path.is_file()
    ]
    theme = Path(str(files("material") / "templates"))
    themes = [
        "/" + path.relative_to(theme).as_posix()
        for path in (theme / "assets").rglob("*")
        if path.is_file()
    ]
    made = [
        "/404.html",
        "/search/search_index.json",
        "/sitemap.xml",
        "/sitemap.xml.gz",
        "/sources/claims.json",
        "/sources/claims.csv",
        "/sources/verdict-log.json",
        "/sources/verdict-log.csv",
        "/iraq-nato-partnership.pdf",
        "/iraq-nato-offline.zip",
    ]
    return sorted(set(pages + ours + themes + made))


def security(headers: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in headers.items() if name != CACHE}


def security_header_differences(conf: str, headers_text: str) -> list[str]:
    """Where _headers sends other security headers than nginx sends with a page."""
    nginx, rules = Nginx(conf), header_rules(headers_text)
    wanted = security(nginx.headers("/", HTML))
    return [
        f"{path} {name}: nginx {wanted.get(name)!r}, _headers {sent.get(name)!r}"
        for path in site_paths()
        for sent in [security(host_headers(rules, path))]
        for name in sorted(wanted.keys() | sent.keys())
        if wanted.get(name) != sent.get(name)
    ]


def always_revalidated(value: str) -> bool:
    directives = {part.strip() for part in value.split(",")}
    return "no-cache" in directives or {"max-age=0", "must-revalidate"} <= directives


def cache_differences(conf: str, headers_text: str) -> list[str]:
    """Where the host would cache a file otherwise than nginx (no-cache ~ revalidate)."""
    nginx, rules = Nginx(conf), header_rules(headers_text)
    problems = []
    for path in site_paths():
        wanted = nginx.headers(path, "application/octet-stream")[CACHE]
        # Two rules that both match would be joined into one contradictory value.
        sent = host_headers(rules, path).get(CACHE, HOST_DEFAULT_CACHE)
        if sent != wanted and not (always_revalidated(sent) and always_revalidated(wanted)):
            problems.append(f"{path}: nginx {wanted!r}, _headers {sent!r}")
    return problems


# --- tests -------------------------------------------------------------------------------


def test_headers_file_sends_exactly_the_security_headers_of_nginx_everywhere():
    conf = DEPLOY_CONF.read_text(encoding="utf-8")
    assert security_header_differences(conf, HEADERS_FILE.read_text(encoding="utf-8")) == []
    # And that is the full set nginx sends with a page, the policy included.
    names = set(security(Nginx(conf).headers("/evolution/", HTML)))
    assert {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} <= names


def test_the_compared_policy_is_nginxs_whole_policy_sent_with_pages():
    # test_quality_deploy proves nginx's hashes are exactly the site's inline scripts;
    # the policy both files send is read here, evaluated as nginx would.
    conf = DEPLOY_CONF.read_text(encoding="utf-8")
    policy = Nginx(conf).headers("/", HTML)["Content-Security-Policy"]
    assert policy.startswith("default-src 'none'; script-src 'self' ")
    assert set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", policy)) == policy_hashes(conf)
    assert "Content-Security-Policy" not in Nginx(conf).headers("/a.css", "text/css")


def test_every_file_is_cached_as_nginx_caches_it():
    conf = DEPLOY_CONF.read_text(encoding="utf-8")
    assert cache_differences(conf, HEADERS_FILE.read_text(encoding="utf-8")) == []
    # The comparison covered all three policies: fingerprinted, own assets, revalidated.
    nginx = Nginx(conf)
    assert {nginx.headers(path, "")[CACHE] for path in site_paths()} == {
        "public, max-age=31536000, immutable",
        "public, max-age=3600",
        "no-cache",
    }


FIRST_HASH = object()  # stands for the policy's first script hash, whatever it is now
# A maintainer's change to one file alone: (file, old text, new text).
SECURITY_CHANGES = {
    "nginx: another referrer policy": (
        "nginx.conf",
        '"strict-origin-when-cross-origin"',
        '"no-referrer"',
    ),
    "nginx: nosniff dropped": (
        "nginx.conf",
        '    add_header X-Content-Type-Options "nosniff" always;\n',
        "",
    ),
    "nginx: a header added": (
        "nginx.conf",
        "    add_header Referrer-Policy",
        '    add_header X-Frame-Options "DENY" always;\n    add_header Referrer-Policy',
    ),
    "nginx: frames allowed": ("nginx.conf", "frame-ancestors 'none'", "frame-ancestors 'self'"),
    "nginx: a script hash dropped": ("nginx.conf", FIRST_HASH, ""),
    "_headers: another referrer policy": (
        "_headers",
        "Referrer-Policy: strict-origin-when-cross-origin",
        "Referrer-Policy: no-referrer",
    ),
    "_headers: nosniff dropped": ("_headers", "  X-Content-Type-Options: nosniff\n", ""),
    "_headers: a header added": (
        "_headers",
        "  Referrer-Policy:",
        "  X-Frame-Options: DENY\n  Referrer-Policy:",
    ),
    "_headers: frames allowed": ("_headers", "frame-ancestors 'none'", "frame-ancestors 'self'"),
    "_headers: a script hash dropped": ("_headers", FIRST_HASH, ""),
}
CACHE_CHANGES = {
    "nginx: own assets for a day": (
        "nginx.conf",
        '"public, max-age=3600"',
        '"public, max-age=86400"',
    ),
    "_headers: no rule for the bundle": (
        "_headers",
        "/assets/javascripts/bundle.*.min.js\n",
        "/assets/javascripts/bundle.*.min.js.gone\n",
    ),
    "_headers: a site-wide rule joined to the asset rules": (
        "_headers",
        "  Referrer-Policy: strict-origin-when-cross-origin\n",
        "  Referrer-Policy: strict-origin-when-cross-origin\n  Cache-Control: no-cache\n",
    ),
}


def changed_copies(tmp_path: Path, target: str, old, new: str) -> tuple[str, str]:
    """nginx.conf and _headers, copied to tmp_path, one of them edited: their texts."""
    conf, headers = tmp_path / "nginx.conf", tmp_path / "_headers"
    shutil.copy(DEPLOY_CONF, conf)
    shutil.copy(HEADERS_FILE, headers)
    path = tmp_path / target
    if old is FIRST_HASH:
        old = " " + sorted(policy_hashes(path.read_text(encoding="utf-8")))[0]
    edit(path, old, new)
    return conf.read_text(encoding="utf-8"), headers.read_text(encoding="utf-8")


@pytest.mark.parametrize("change", SECURITY_CHANGES)
def test_a_security_header_changed_in_one_file_alone_is_caught(tmp_path, change):
    assert security_header_differences(*changed_copies(tmp_path, *SECURITY_CHANGES[change]))


@pytest.mark.parametrize("change", CACHE_CHANGES)
def test_a_cache_rule_changed_in_one_file_alone_is_caught(tmp_path, change):
    assert cache_differences(*changed_copies(tmp_path, *CACHE_CHANGES[change]))


def test_the_headers_file_fits_cloudflare_pages_limits():
    text = HEADERS_FILE.read_text(encoding="utf-8")
    assert len(header_rules(text)) <= MAX_RULES
    assert max(len(line) for line in text.splitlines()) <= MAX_LINE


def step_index(steps: list[dict], found) -> int:
    return next(i for i, step in enumerate(steps) if found(step))


def test_the_github_pages_recipe_publishes_what_make_publish_builds():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    name, job = next((n, j) for n, j in jobs.items() if "make publish" in str(j.get("steps")))
    steps = job["steps"]
    build = step_index(steps, lambda step: "make publish" in step.get("run", ""))
    env = steps[build].get("env", {})
    assert "SITE_URL=${{ vars.SITE_URL }}" in steps[build]["run"] or (
        env.get("SITE_URL") == "${{ vars.SITE_URL }}"
    ), "make publish needs the public address"
    deps = step_index(steps, lambda step: "scripts/system_deps.sh" in step.get("run", ""))
    assert deps < build, "the PDF needs Pango and the Noto fonts before make publish"
    upload = step_index(
        steps, lambda step: step.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    assert upload > build and steps[upload]["with"]["path"] == "site"
    deploy = [j for j in jobs.values() if "actions/deploy-pages@" in str(j.get("steps"))]
    needs = deploy[0].get("needs") if deploy else None
    assert name in ([needs] if isinstance(needs, str) else needs or []), "deploy after the build"


def test_the_github_pages_recipe_and_readme_say_the_policy_is_not_enforced_there():
    # A deployer choosing GitHub Pages must learn it sends none of these headers.
    for path in (WORKFLOW, ROOT / "deploy" / "README.md"):
        text = " ".join(path.read_text(encoding="utf-8").split())
        assert "cannot set custom response headers" in text, path
        assert re.search(r"not\W+enforced", text, re.I), path
