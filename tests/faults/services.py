"""Throwaway service processes for the fault suite: each test starts its own on its own
port, so killing one cannot touch the machine's services or another test's."""

import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    """A redis-server in `folder` on its own port; `kill()` is SIGKILL (a crash, no save),
    `start()` again reads back whatever it had persisted there."""

    def __init__(self, folder: Path, *, persistent: bool) -> None:
        self.folder, self.persistent, self.port = folder, persistent, free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        persistence = (["--appendonly", "yes", "--appendfsync", "always"] if self.persistent
                       else ["--appendonly", "no"])
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--dir",
             str(self.folder), "--save", "", *persistence],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the private redis-server did not start")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@contextmanager
def private_redis(folder: Path, *, persistent: bool):
    if shutil.which("redis-server") is None:
        pytest.skip("needs redis-server (Debian's redis-server; .ci/run installs it)")
    redis = PrivateRedis(folder, persistent=persistent)
    redis.start()
    try:
        yield redis
    finally:
        redis.kill()
