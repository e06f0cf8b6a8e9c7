"""`teamcredit demo` in a real process, read the way a newcomer reads it: its printed lines."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from teamcredit.graph.embedded import free_port

READY_LINE = "Ctrl-C stops the demo."


class Demo:
    def __init__(self, workdir: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.env = {
            **os.environ,
            "TEAMCREDIT_DATA_DIR": str(workdir / ".teamcredit"),
            **(env or {}),
            "TEAMCREDIT_PORT": str(self.port),
        }
        self.lines: list[str] = []
        self.proc: subprocess.Popen[str] | None = None

    def start(self, timeout: float = 120.0) -> None:
        """Returns once the demo printed its last line (it is then serving), or raises."""
        bin_dir = Path(sys.executable).parent
        self.proc = subprocess.Popen(
            [str(bin_dir / "teamcredit"), "demo"],
            cwd=self.workdir,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(READY_LINE in line for line in self.lines):
                return
            if self.proc.poll() is not None:
                time.sleep(0.2)  # the reader's last lines
                raise RuntimeError(f"demo exited {self.proc.returncode}:\n{self.output}")
            time.sleep(0.1)
        raise RuntimeError(f"demo did not serve in {timeout:g} s:\n{self.output}")

    def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def exported(self, name: str) -> str:
        """The value of an `export NAME=...` line the demo printed."""
        for line in self.lines:
            if found := re.fullmatch(rf"\s*export {name}=(\S+)\s*", line):
                return found.group(1)
        raise AssertionError(f"the demo printed no 'export {name}=' line:\n{self.output}")

    def wait(self, timeout: float = 60.0) -> int:
        assert self.proc is not None
        return self.proc.wait(timeout=timeout)

    def stop(self) -> int | None:
        """Ctrl-C, as a person stops it."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return None
