"""A throwaway PostgreSQL server for the tests and benchmarks (issue 18 §2).

Debian's ``postgresql`` package gives ``initdb`` and ``pg_ctl`` (under
``/usr/lib/postgresql/N/bin``, not on PATH). The cluster lives in a temporary folder, listens
on 127.0.0.1 at a free port, trusts local connections, and is stopped and deleted at the end.
``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres`` user the
package creates. Durability is switched off (``fsync=off``): the cluster dies with the test
run, and the tests check behaviour, not power cuts.

Anything that prevents the server from starting raises :class:`ServerUnavailable`; the test
fixture turns that into a failure, never a skip.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BIN_ENV = "IPDESK_PG_BIN"
SUPERUSER = "postgres"


class ServerUnavailable(RuntimeError):
    pass


def find_bin_dir() -> Path:
    """The folder with initdb and pg_ctl: $IPDESK_PG_BIN, PATH, then Debian's newest."""
    override = os.environ.get(BIN_ENV)
    candidates = [Path(override)] if override else []
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    debian = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates.extend(Path(p) for p in debian)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise ServerUnavailable(
        "找不到 PostgreSQL 的 initdb 与 pg_ctl：请安装 Debian 的 postgresql 软件包"
        f"（./dev test 会自动安装），或用环境变量 {BIN_ENV} 指向其 bin 文件夹"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class TestServer:
    __test__ = False  # a server for tests, not a test class

    bin_dir: Path
    folder: Path
    port: int
    run_as: list[str] = field(default_factory=list)

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.run_as, *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.folder,
            check=False,
        )

    def start(self) -> None:
        init = self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        if init.returncode != 0:
            raise ServerUnavailable(f"initdb 失败：{init.stderr.strip() or init.stdout.strip()}")
        options = " ".join(
            [
                f"-p {self.port}",
                "-c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories={self.folder}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=60",
            ]
        )
        start = self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data_dir),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        if start.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ServerUnavailable(f"PostgreSQL 启动失败：{start.stderr.strip()}\n{tail}")

    def stop_server(self) -> None:
        """Stop the server and keep its folder (a test of a server that went away)."""
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop")

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self._run(
                str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop"
            )
        shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> TestServer:
    bin_dir = find_bin_dir()
    # Not pytest's tmp_path: that is private to the test user, and the server user must enter.
    folder = Path(tempfile.mkdtemp(prefix="ipdesk-pg-"))
    run_as: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        import pwd

        try:
            owner = pwd.getpwnam(SUPERUSER)
        except KeyError:
            raise ServerUnavailable(
                "以 root 运行时需要 postgres 系统用户来启动测试用的 PostgreSQL（initdb 拒绝以 root 运行）："
                "请安装 Debian 的 postgresql 软件包"
            ) from None
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        # /usr/sbin may be missing from a CI job's PATH.
        runuser = shutil.which("runuser") or next(
            (p for p in ("/usr/sbin/runuser", "/sbin/runuser") if os.path.exists(p)), None
        )
        if runuser is None:
            raise ServerUnavailable(
                "以 root 运行时需要 runuser（util-linux）来以 postgres 用户启动服务器"
            )
        run_as = [runuser, "-u", SUPERUSER, "--"]
    server = TestServer(bin_dir, folder, free_port(), run_as)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server


def wait_until_ready(server: TestServer, seconds: float = 30) -> None:
    import psycopg

    deadline = time.monotonic() + seconds
    while True:
        try:
            psycopg.connect(
                host="127.0.0.1", port=server.port, user=SUPERUSER, dbname="postgres"
            ).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@contextmanager
def admin_connection(server: TestServer) -> Iterator[Any]:
    import psycopg

    conn = psycopg.connect(
        host="127.0.0.1", port=server.port, user=SUPERUSER, dbname="postgres", autocommit=True
    )
    try:
        yield conn
    finally:
        conn.close()


def create_database(server: TestServer, name: str, template: str | None = None) -> str:
    """An empty database (or a copy of ``template``, which must have no connections)."""
    with admin_connection(server) as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return server.url(name)


def drop_database(server: TestServer, name: str) -> None:
    with admin_connection(server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_clone_numbers = itertools.count(1)


def fresh_name(prefix: str = "t") -> str:
    return f"{prefix}{os.getpid()}_{next(_clone_numbers)}"


@contextmanager
def clone_database(server: TestServer, template: str) -> Iterator[str]:
    """A throwaway copy of ``template``: its URL, dropped afterwards."""
    name = fresh_name()
    url = create_database(server, name, template)
    try:
        yield url
    finally:
        drop_database(server, name)
