"""Start and stop a local Milvus Lite server (``milvus-lite server``) for tests and benchmarks.

Milvus Lite stands in for a Milvus cluster on one machine: same client, same gRPC protocol, same
collections. It is not a deployment target (docs/deploy-milvus.md). The server always binds
127.0.0.1 (its own default is 0.0.0.0)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from pathlib import Path


class MilvusLiteMissing(RuntimeError):
    """The milvus-lite executable is not installed next to this Python."""


def lite_binary(bin_dir: Path | None = None) -> Path:
    """The ``milvus-lite`` executable of this venv (or ``bin_dir``); MilvusLiteMissing says what to run."""
    folder = Path(bin_dir) if bin_dir else Path(sys.executable).parent  # the venv's bin, not resolved
    path = folder / "milvus-lite"
    if not path.exists():
        raise MilvusLiteMissing(f"milvus-lite is not installed ({path} not found): run `make install` "
                                "(pyproject lists pymilvus and milvus-lite)")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiteServer:
    """``with LiteServer(data_dir) as uri:`` — a running server at ``uri`` until the block ends."""

    def __init__(self, data_dir: Path, port: int | None = None, timeout: float = 90.0, log: Path | None = None):
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.timeout = timeout
        self.log = Path(log) if log else self.data_dir.parent / f"milvus-lite-{self.port}.log"
        self.uri = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> str:
        binary = lite_binary()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        out = open(self.log, "wb")
        self.proc = subprocess.Popen([str(binary), "server", "--data-dir", str(self.data_dir), "--host",
                                      "127.0.0.1", "--port", str(self.port)], stdout=out, stderr=subprocess.STDOUT)
        out.close()
        from pymilvus import MilvusClient

        deadline = time.monotonic() + self.timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"milvus-lite server exited with {self.proc.returncode}: "
                                   f"{self.log.read_text(errors='replace')[-2000:]}")
            try:
                client = MilvusClient(uri=self.uri, timeout=5)
                client.list_collections()
                client.close()
                return self.uri
            except Exception:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"milvus-lite server did not answer at {self.uri} within "
                                       f"{self.timeout:.0f} s") from None
                time.sleep(0.3)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.proc = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc) -> None:
        with contextlib.suppress(Exception):
            self.stop()
