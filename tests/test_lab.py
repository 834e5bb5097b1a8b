"""`make lab`: JupyterLab opens the notebook scripts as notebooks and writes nothing outside the repo."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from analysis.common.paths import PROJECT_ROOT

JUPYTER = PROJECT_ROOT / ".venv" / "bin" / "jupyter"
RUNTIME = PROJECT_ROOT / ".jupyter" / "runtime"
STAMP = ".venv/.installed"

pytestmark = pytest.mark.skipif(
    shutil.which("make") is None or not JUPYTER.exists(),
    reason="needs make and the project's .venv with JupyterLab",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, token: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, b""


def _wait_ready(base: str, token: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"make lab exited with status {process.returncode}")
        if _get(f"{base}/api/status", token)[0] == 200:
            return
        time.sleep(0.25)
    pytest.fail(f"JupyterLab did not answer within {timeout:.0f} s")


def _server_pid(port: int) -> int:
    for info in RUNTIME.glob("jpserver-*.json"):
        data = json.loads(info.read_text(encoding="utf-8"))
        if data.get("port") == port:
            return int(data["pid"])
    raise AssertionError(f"no server file for port {port} in {RUNTIME}")


def _stop(process: subprocess.Popen, pid: int | None) -> None:
    if pid is not None:
        os.kill(pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the group of the make started here
        process.wait(timeout=10)


def test_root_flag_only_for_root(tmp_path: Path) -> None:
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "id").write_text("#!/bin/sh\necho 1000\n", encoding="utf-8")
    (fake / "id").chmod(0o755)
    cmd = ["make", "-n", "-o", STAMP, "lab"]
    as_user = subprocess.run(
        cmd,
        cwd=PROJECT_ROOT,
        env={**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "jupyter lab" in as_user and "--allow-root" not in as_user
    assert "JUPYTER_CONFIG_DIR=" in as_user and "jupytext-config" not in as_user
    current = subprocess.run(cmd, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert ("--allow-root" in current.stdout) == (os.geteuid() == 0)


def test_lab_serves_scripts_as_notebooks(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    port, token = _free_port(), secrets.token_hex(16)
    args = f"--no-browser --port={port} --ServerApp.port_retries=0 --IdentityProvider.token={token}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON"))}
    env["HOME"] = str(home)
    log = (tmp_path / "lab.log").open("wb")
    process = subprocess.Popen(
        ["make", "-s", "-o", STAMP, "lab", f"LAB_ARGS={args}"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    pid = None
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_ready(base, token, process)
        pid = _server_pid(port)
        status, body = _get(f"{base}/api/contents/01_corpus_overview.py?content=0", token)
        assert status == 200
        assert json.loads(body)["type"] == "notebook"
        status, body = _get(
            f"{base}/lab/api/settings/@jupyterlab/docmanager-extension:plugin", token
        )
        viewers = json.loads(body)["schema"]["properties"]["defaultViewers"]["default"]
        assert viewers["python"] == "Jupytext Notebook"
    finally:
        _stop(process, pid)
        log.close()
    assert list(home.iterdir()) == []  # nothing written to the home folder
