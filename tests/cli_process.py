"""Running `recovery-desk` as a separate process: for what an in-process call cannot show
(a FIFO that would block, file permissions that the superuser ignores)."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE = 1


def _without_override() -> None:
    """In the child before exec: give up the superuser's right to write any file, so that
    a read-only file or folder is read-only to it as to anybody else."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def run_cli(
    *argv: str, unprivileged: bool = False, timeout: float = 60, stdin: str = ""
) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `recovery-desk ARGV` in its own process, `stdin`
    typed on its standard input. `unprivileged`: file permissions hold even when the
    tests run as root."""
    extra: dict[str, Any] = {}
    if unprivileged and os.geteuid() == 0:
        extra["preexec_fn"] = _without_override
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
        **extra,
    )
    return done.returncode, done.stdout, done.stderr
