"""`make lab`: JupyterLab opens the notebook scripts as notebooks and writes nothing outside the repo."""

from __future__ import annotations

import base64
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
from typing import Any

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


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: What the page reports for the file browser, a Markdown heading and a DataFrame cell.
_PROBE = """(async () => {
  const want = ['.jp-DirListing-itemText', '.jp-MarkdownOutput h1', '.jp-RenderedHTMLCommon td'];
  const found = want.map(s => [...document.querySelectorAll(s)].find(e => /[\\u4e00-\\u9fff]/.test(e.textContent)));
  if (found.some(e => !e)) return {missing: want.filter((s, i) => !found[i]), url: location.href};
  await document.fonts.ready;
  const face = [...document.fonts].find(f => f.family.replace(/"/g, '') === '%(family)s');
  const ctx = document.createElement('canvas').getContext('2d');
  const width = font => { ctx.font = font; return ctx.measureText('中文字体').width; };
  return {
    families: found.map(e => getComputedStyle(e).fontFamily.split(',')[0].replace(/"/g, '')),
    texts: found.map(e => e.textContent.trim().slice(0, 12)),
    status: face ? face.status : 'absent',
    check: document.fonts.check('16px "%(family)s"', '中文字体'),
    lab: width('16px "%(family)s"'),
    control: width('16px "No Such Family"'),
  };
})()"""


class _DevTools:
    """A page of a headless Chromium, driven through the DevTools protocol."""

    def __init__(self, env: dict[str, str]) -> None:
        # profile and temporary folder: the browser_env fixture's, on a short path (removed
        # by the fixture)
        profile = Path(env["TMPDIR"])
        self.process = subprocess.Popen(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--window-size=1400,900",
                "--remote-debugging-port=0",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            self.socket = self._connect(profile / "DevToolsActivePort")
        except BaseException:  # no browser is left running when it does not come up
            self.process.kill()
            self.process.wait(timeout=30)
            raise
        self.next_id = 0

    def _connect(self, port_file: Path) -> Any:
        import websocket

        deadline = time.monotonic() + 120  # a loaded machine starts Chromium slowly
        while not port_file.exists() or not port_file.read_text().strip():
            assert time.monotonic() < deadline, "Chromium opened no DevTools port"
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            page = next(t for t in json.loads(r.read()) if t["type"] == "page")
        return websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
        )

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                return message["result"]

    def evaluate(self, script: str) -> Any:
        done = self.call(
            "Runtime.evaluate", expression=script, awaitPromise=True, returnByValue=True
        )
        return done["result"].get("value")

    def close(self) -> None:
        self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=30)


def _lab_folder(root: Path) -> Path:
    """A notebook folder: 01's script, and a notebook of its Markdown and a DataFrame output."""
    import jupytext
    import nbformat
    import pandas as pd

    root.mkdir()
    script = PROJECT_ROOT / "notebooks" / "01_corpus_overview.py"
    shutil.copy(script, root / script.name)
    nb = jupytext.read(script)
    del nb.metadata["jupytext"]  # a plain notebook, not paired with a script
    table = pd.read_csv(PROJECT_ROOT / "seeds" / "catalog.csv")[["doc_id", "region", "kind"]]
    html = {"text/html": table.to_html(), "text/plain": table.to_string()}
    nb.cells = [
        nb.cells[0],
        nbformat.v4.new_code_cell(
            "catalog",
            outputs=[nbformat.v4.new_output("execute_result", data=html, execution_count=1)],
            execution_count=1,
        ),
    ]
    nbformat.write(nb, root / "语料概览.ipynb")
    return root


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")
def test_lab_draws_chinese_with_the_bundled_font(
    tmp_path: Path, browser_env: dict[str, str]
) -> None:
    from analysis.pages.kernels import project_env
    from analysis.pages.lab import LAB_FONT_FAMILY, write_lab_font

    write_lab_font()  # what `make lab` does first
    root = _lab_folder(tmp_path / "lab")
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, **project_env(), "HOME": str(tmp_path)}
    log = (tmp_path / "lab.log").open("wb")
    lab = subprocess.Popen(
        [
            str(JUPYTER),
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            "--allow-root",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    browser = None
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_ready(base, token, lab)
        status, css = _get(f"{base}/custom/custom.css", token)
        assert status == 200 and f'font-family: "{LAB_FONT_FAMILY}"' in css.decode()
        browser = _DevTools(browser_env)
        browser.call("Page.navigate", url=f"{base}/lab/tree/语料概览.ipynb?token={token}")
        deadline, seen = time.monotonic() + 90, {"missing": ["the page"]}
        while "missing" in seen and time.monotonic() < deadline:
            time.sleep(0.5)
            seen = browser.evaluate(_PROBE % {"family": LAB_FONT_FAMILY}) or seen
        time.sleep(1)  # the file list draws twice; the picture shows the second
        seen = browser.evaluate(_PROBE % {"family": LAB_FONT_FAMILY}) or seen
        shot = browser.call("Page.captureScreenshot", format="png")["data"]
        (tmp_path / "lab.png").write_bytes(base64.b64decode(shot))
    finally:
        if browser is not None:
            browser.close()
        lab.terminate()
        lab.wait(timeout=30)
        log.close()
    assert "missing" not in seen, f"Lab did not show {seen}"
    assert seen["texts"] == ["语料概览.ipynb", "01 语料概览:读到了哪", "青岛市2024政府工作报"]
    assert seen["families"] == [LAB_FONT_FAMILY] * 3
    assert seen["status"] == "loaded" and seen["check"] is True
    assert seen["lab"] == 64  # four glyphs one em wide each, from Noto Sans CJK
    assert seen["control"] != 64  # without the font: DejaVu's missing-glyph boxes
