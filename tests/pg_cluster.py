"""A throwaway PostgreSQL cluster of a test's own, for what must not happen to a shared
server: stopping it, restarting it. Made with the server binaries of the machine (the
Debian `postgresql` package, as `.ci/run` installs it) in a temporary folder."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def server_binaries() -> Path | None:
    """The newest installed PostgreSQL bin folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    return Path(found[-1]) if found and (Path(found[-1]) / "pg_ctl").exists() else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """initdb, start, stop, restart; `url` names its `postgres` database.

    `tls=True`: the server speaks TLS only (plain connections are refused), with a
    certificate for 127.0.0.1 and localhost signed by a throwaway authority whose
    certificate is `ca_file` (made with openssl). `durable=True`: fsync on, for a
    benchmark of durable saves."""

    def __init__(self, binaries: Path, *, tls: bool = False, durable: bool = False) -> None:
        self.bin = binaries
        self.durable = durable  # fsync on: a benchmark of durable saves needs it
        self.folder = Path(tempfile.mkdtemp(prefix="rd-pg-"))
        self.port = _free_port()
        self.data = self.folder / "data"
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        if os.geteuid() == 0:  # initdb refuses to run as root
            shutil.chown(self.folder, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self.ca_file = self.folder / "ca.crt"
        self.tls = tls
        if tls:
            self._certificates()

    def _certificates(self) -> None:
        ca_key, key, request = (self.folder / n for n in ("ca.key", "server.key", "server.csr"))
        names = self.folder / "names.ext"
        names.write_text("subjectAltName = IP:127.0.0.1, DNS:localhost\n", encoding="ascii")
        for command in (
            [
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Recovery Desk test authority",
                "-keyout",
                str(ca_key),
                "-out",
                str(self.ca_file),
            ],
            [
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=127.0.0.1",
                "-keyout",
                str(key),
                "-out",
                str(request),
            ],
            [
                "x509",
                "-req",
                "-in",
                str(request),
                "-CA",
                str(self.ca_file),
                "-CAkey",
                str(ca_key),
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                str(names),
                "-out",
                str(self.data / "server.crt"),
            ],
        ):
            subprocess.run(["openssl", *command], check=True, capture_output=True)
        shutil.move(key, self.data / "server.key")
        os.chmod(self.data / "server.key", 0o600)
        if os.geteuid() == 0:
            for name in ("server.key", "server.crt"):
                shutil.chown(self.data / name, "postgres", "postgres")
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\n"
            "hostssl all all 127.0.0.1/32 trust\n"
            "hostnossl all all 0.0.0.0/0 reject\n",
            encoding="ascii",
        )

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def _ctl(self, *args: str) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.folder}" + ("" if self.durable else " -F")
        if self.tls:
            options += " -c ssl=on"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "log"),
            "-w",
            "-o",
            options,
            *args,
        )

    def start(self) -> None:
        self._ctl("start")

    def stop(self, mode: str = "fast") -> None:
        self._ctl("-m", mode, "stop")

    def restart(self, mode: str = "fast") -> None:
        self._ctl("-m", mode, "restart")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)
