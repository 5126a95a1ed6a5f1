"""Run ``deploy/nginx.conf`` on a loopback port, serving a built site (tests, benchmark).

The deployed server block is used as it is, with two lines replaced: ``listen`` (a
free port on 127.0.0.1) and ``root`` (the directory to serve). Around it goes a
minimal main configuration that keeps every file nginx writes (pid, logs, temporary
files) in a temporary directory, and runs a single process in the foreground
(``master_process off``), so no root rights and no system service are needed, and
stopping the process stops the server.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEPLOY_CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")
# deploy/nginx.conf's brotli_static. Named by its absolute path: Debian's own
# modules-enabled line is relative to nginx's prefix, which -p moves here.
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
INSTALL = "apt-get install nginx libnginx-mod-http-brotli-static"

MAIN_CONF = """\
load_module {brotli_module};
daemon off;
master_process off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/server.conf;
}}
"""


class NginxError(Exception):
    """nginx is missing or would not start; the message says what to do."""


def nginx_binary() -> str:
    """Path of Debian's nginx, or NginxError naming the package to install."""
    found = shutil.which("nginx") or next(
        (str(path) for path in (Path("/usr/sbin/nginx"),) if path.is_file()), None
    )
    if not found or not MIME_TYPES.is_file() or not BROTLI_MODULE.is_file():
        raise NginxError(
            f"nginx or its Brotli module is not installed; install them with `{INSTALL}`"
        )
    return found


def loopback_server_block(conf: str, port: int, root: Path) -> str:
    """The server block with its ``listen`` lines on 127.0.0.1:port and ``root`` replaced."""
    listen = re.compile(r"^(\s*)listen\s+[^;]+;\n", re.M)
    if not listen.search(conf) or len(re.findall(r"^\s*root\s", conf, re.M)) != 1:
        raise NginxError("deploy/nginx.conf needs `listen` lines and exactly one `root` line")
    conf = listen.sub("", conf)
    opening = re.compile(r"^(\s*)server\s*\{\n", re.M)
    conf = opening.sub(rf"\g<0>\1    listen 127.0.0.1:{port};\n", conf, count=1)
    return re.sub(r"^(\s*)root\s+[^;]+;", rf'\1root "{root}";', conf, count=1, flags=re.M)


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, log: Path, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            text = log.read_text(errors="replace") if log.exists() else ""
            raise NginxError(f"nginx exited at start:\n{text}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise NginxError(f"nginx did not answer on 127.0.0.1:{port} within {seconds:.0f} s")


@contextmanager
def serve_with_nginx(root: Path, conf: Path = DEPLOY_CONF) -> Iterator[str]:
    """Serve ``root`` with the deploy configuration; yield ``http://127.0.0.1:PORT``."""
    binary = nginx_binary()
    with tempfile.TemporaryDirectory(prefix="edition-nginx-") as tmp:
        port = free_port()
        server = loopback_server_block(conf.read_text(encoding="utf-8"), port, root.resolve())
        (Path(tmp) / "server.conf").write_text(server, encoding="utf-8")
        main = Path(tmp) / "nginx.conf"
        main.write_text(
            MAIN_CONF.format(tmp=tmp, mime_types=MIME_TYPES, brotli_module=BROTLI_MODULE),
            encoding="utf-8",
        )
        log = Path(tmp) / "error.log"
        # -e: the error log before the configuration is read (Debian's default path
        # under /var/log needs root).
        process = subprocess.Popen(
            [binary, "-p", tmp, "-c", str(main), "-e", str(log)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for(port, process, log)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover - nginx ignores TERM
                process.kill()
                process.wait()
