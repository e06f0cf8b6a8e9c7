"""The embedded graph: ArcadeDB with its Bolt plugin, run as a supervised child process.

Why a child process and not in-process: ArcadeDB lives in a JVM (through JPype). Keeping it
out of the API process means a crash or a long GC pause of the graph never takes the API
down, the API can restart it, and tests can kill it to prove recovery.

Layout under ``DATA_DIR``:

- ``graph/``                ArcadeDB root (databases, config): kept across restarts
- ``graph-credentials.json`` generated root and reader passwords (mode 0600), kept
- ``graph-runtime.json``    URI and pid of the server running now; removed on clean stop
- ``graph.lock``            held by the running server, so one DATA_DIR has one server
- ``logs/graph.log``        ArcadeDB's own (chatty) log
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

import structlog

log = structlog.get_logger(__name__)

BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"
DATABASE = "neo4j"  # the driver's default database name; it must exist for Bolt
USER = "root"
# The read-only account analysts' queries use (`teamcredit cypher`): its group may read
# records of every type and nothing else (no create, update, delete, schema or security).
READER = "reader"
READER_GROUP = {
    "resultSetLimit": -1,
    "readTimeout": -1,
    "access": [],
    "types": {"*": {"access": ["readRecord"]}},
}
ALREADY_RUNNING_EXIT = 3


class EmbeddedGraphError(RuntimeError):
    """The embedded graph could not be started; the message says why and where the log is."""


@dataclass(frozen=True, slots=True)
class GraphEndpoint:
    uri: str
    user: str
    password: str
    database: str
    pid: int | None = None
    reader_user: str | None = None
    reader_password: str | None = None


def _paths(data_dir: Path) -> dict[str, Path]:
    return {
        "root": data_dir / "graph",
        "credentials": data_dir / "graph-credentials.json",
        "runtime": data_dir / "graph-runtime.json",
        "lock": data_dir / "graph.lock",
        "log": data_dir / "logs" / "graph.log",
    }


def _credentials(data_dir: Path) -> dict[str, str]:
    """The root and reader passwords, generated on first use (0600, never printed by serve).

    A file from before the reader account existed gains a reader password in place.
    """
    path = _paths(data_dir)["credentials"]
    creds: dict[str, str] = {}
    if path.exists():
        creds = {str(k): str(v) for k, v in json.loads(path.read_text()).items()}
    if "password" in creds and "reader_password" in creds:
        return creds
    data_dir.mkdir(parents=True, exist_ok=True)
    creds.setdefault("user", USER)
    creds.setdefault("password", secrets.token_urlsafe(24))
    creds["reader_user"] = READER
    creds["reader_password"] = secrets.token_urlsafe(24)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(creds, fh)
    tmp.replace(path)
    return creds


def _ensure_reader(server: Any, password: str) -> None:
    """Create (or re-key) the read-only account and its group on the graph's database.

    ArcadeDB checks each record operation of a Bolt session against the user's group, so
    this account cannot create, update or delete a record, nor change the schema (indexes,
    constraints, types), whatever the statement says and whatever transaction it runs in.
    """
    import jpype

    json_object = jpype.JClass("com.arcadedb.serializer.json.JSONObject")
    security = server._java_server.getSecurity()
    security.saveGroup(DATABASE, READER, json_object(json.dumps(READER_GROUP)))
    user = {
        "name": READER,
        "password": str(security.encodePassword(password)),
        "databases": {DATABASE: [READER]},
    }
    if security.existsUser(READER):
        security.updateUser(json_object(json.dumps(user)))
    else:
        security.createUser(json_object(json.dumps(user)))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 0.3) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_running(data_dir: Path) -> GraphEndpoint | None:
    """The endpoint of a server already running on this DATA_DIR, if any.

    Lets `teamcredit import`, `keys`, `cypher`... join the graph a running `serve` or
    `graph` started, instead of fighting it for the same files.
    """
    path = _paths(data_dir)["runtime"]
    try:
        info = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    endpoint = GraphEndpoint(**info)
    port = int(endpoint.uri.rsplit(":", 1)[1])
    if endpoint.pid is None or not _pid_alive(endpoint.pid) or not port_open(port):
        return None
    return endpoint


@contextlib.contextmanager
def _exclusive(data_dir: Path) -> Iterator[IO[str] | None]:
    """Hold the DATA_DIR lock; yield None when another server holds it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    fh = _paths(data_dir)["lock"].open("w")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.close()
        yield None
        return
    try:
        yield fh
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def serve_foreground(
    data_dir: Path,
    bolt_port: int = 0,
    on_ready: Callable[[GraphEndpoint], None] | None = None,
    stop_when: Callable[[], bool] | None = None,
) -> int:
    """Run ArcadeDB with Bolt until SIGTERM/SIGINT (or ``stop_when``); return an exit code."""
    data_dir = data_dir.resolve()
    paths = _paths(data_dir)
    with _exclusive(data_dir) as lock:
        if lock is None:
            return ALREADY_RUNNING_EXIT
        # Imported here: it boots a JVM, which only the server process should pay for.
        from arcadedb_embedded.server import ArcadeDBServer

        creds = _credentials(data_dir)
        password = creds["password"]
        port = bolt_port or free_port()
        # ArcadeDB writes ./log relative to the working directory: keep it inside DATA_DIR.
        os.chdir(data_dir)
        paths["root"].mkdir(parents=True, exist_ok=True)
        server = ArcadeDBServer(
            root_path=str(paths["root"]),
            root_password=password,
            config={
                "server_plugins": BOLT_PLUGIN,
                "bolt_port": port,
                "http_port": free_port(),
            },
        )
        server.start()
        server.create_database(DATABASE)
        _ensure_reader(server, creds["reader_password"])
        endpoint = GraphEndpoint(
            uri=f"bolt://127.0.0.1:{port}",
            user=USER,
            password=password,
            database=DATABASE,
            pid=os.getpid(),
            reader_user=READER,
            reader_password=creds["reader_password"],
        )
        tmp = paths["runtime"].with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(asdict(endpoint), fh)
        tmp.replace(paths["runtime"])

        stopping = threading.Event()

        def _stop(*_: Any) -> None:
            stopping.set()

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        if on_ready is not None:
            on_ready(endpoint)
        try:
            while not stopping.wait(0.5):
                if stop_when is not None and stop_when():
                    break
        finally:
            with contextlib.suppress(OSError):
                paths["runtime"].unlink()
            server.stop()
    return 0


class EmbeddedGraph:
    """Starts the graph server as a child process and restarts it if it dies."""

    def __init__(self, data_dir: Path, start_timeout: float = 90.0) -> None:
        self.data_dir = data_dir.resolve()
        self.start_timeout = start_timeout
        self._proc: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._watchdog: threading.Thread | None = None
        self._on_state: list[Callable[[bool], None]] = []
        self.endpoint: GraphEndpoint | None = None

    def on_state_change(self, callback: Callable[[bool], None]) -> None:
        self._on_state.append(callback)

    def _emit(self, up: bool) -> None:
        for callback in self._on_state:
            callback(up)

    def start(self) -> GraphEndpoint:
        running = read_running(self.data_dir)
        if running is not None:
            log.info("graph.joined", uri=running.uri)
            self.endpoint = running
            return running
        self.endpoint = self._spawn()
        self._watchdog = threading.Thread(target=self._watch, name="graph-watchdog", daemon=True)
        self._watchdog.start()
        self._emit(True)
        return self.endpoint

    def owns(self, endpoint: GraphEndpoint) -> bool:
        """True when ``endpoint`` is the child this object started (not a joined server)."""
        return self._proc is not None and endpoint.pid == self._proc.pid

    def _spawn(self) -> GraphEndpoint:
        paths = _paths(self.data_dir)
        paths["log"].parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            paths["runtime"].unlink()
        logfile = paths["log"].open("ab")
        # A fixed port across restarts keeps the API's driver pointing at the right place.
        port = int(self.endpoint.uri.rsplit(":", 1)[1]) if self.endpoint else free_port()
        self._proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "teamcredit.graph.embedded",
                str(self.data_dir),
                str(port),
                str(os.getpid()),
            ],
            stdout=logfile,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C in the terminal goes to us; we stop it cleanly
        )
        logfile.close()
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            code = self._proc.poll()
            if code == ALREADY_RUNNING_EXIT:
                running = read_running(self.data_dir)
                if running is not None:
                    self._proc = None
                    return running
            elif code is not None:
                raise EmbeddedGraphError(
                    f"the embedded graph exited with code {code} while starting; "
                    f"see {paths['log']}:\n{_tail(paths['log'])}"
                )
            running = read_running(self.data_dir)
            if running is not None and running.pid == self._proc.pid:
                log.info("graph.started", uri=running.uri, pid=running.pid, log=str(paths["log"]))
                return running
            time.sleep(0.2)
        self._kill()
        raise EmbeddedGraphError(
            f"the embedded graph did not start within {self.start_timeout:.0f}s; "
            f"see {paths['log']}:\n{_tail(paths['log'])}"
        )

    def _watch(self) -> None:
        backoff = 1.0
        while not self._stopping.wait(1.0):
            proc = self._proc
            if proc is None or proc.poll() is None:
                backoff = 1.0
                continue
            log.warning("graph.died", code=proc.returncode)
            self._emit(False)
            if self._stopping.wait(backoff):
                return
            try:
                self.endpoint = self._spawn()
                self._emit(True)
            except EmbeddedGraphError as exc:
                log.error("graph.restart_failed", error=str(exc))
                backoff = min(backoff * 2, 30.0)

    def _kill(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    def stop(self) -> None:
        self._stopping.set()
        self._kill()
        if self._watchdog is not None:
            self._watchdog.join(timeout=5)
        self._emit(False)


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _child_main(argv: list[str]) -> int:
    data_dir, port, parent = Path(argv[0]), int(argv[1]), int(argv[2])

    def parent_gone() -> bool:
        # Reparenting means our API died without stopping us: do not outlive it.
        return os.getppid() != parent

    return serve_foreground(data_dir, bolt_port=port, stop_when=parent_gone)


if __name__ == "__main__":
    raise SystemExit(_child_main(sys.argv[1:]))
