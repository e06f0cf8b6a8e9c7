"""A real embedded graph server in its own process, which tests can stop, kill and pause."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from teamcredit.graph.embedded import free_port, port_open, read_running


class GraphServer:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def password(self) -> str:
        creds = json.loads((self.data_dir / "graph-credentials.json").read_text())
        return str(creds["password"])

    @property
    def reader_password(self) -> str:
        creds = json.loads((self.data_dir / "graph-credentials.json").read_text())
        return str(creds["reader_password"])

    def start(self, timeout: float = 90.0) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = (self.data_dir / "graph-test.log").open("ab")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "teamcredit.graph.embedded",
                str(self.data_dir),
                str(self.port),
                str(os.getpid()),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"graph server exited with {self.proc.returncode}")
            running = read_running(self.data_dir)
            if running is not None and running.pid == self.proc.pid and port_open(self.port):
                return
            time.sleep(0.2)
        raise RuntimeError("graph server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.resume()
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, as in a crash."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None
        (self.data_dir / "graph-runtime.json").unlink(missing_ok=True)

    def pause(self) -> None:
        if self.proc is not None:
            os.kill(self.proc.pid, signal.SIGSTOP)

    def resume(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGCONT)
