"""The README's tour shows what the commands really print.

Every ```console block of the README holds ``$ command`` lines followed by their output. The
test runs each command from the project root and compares; ``make readme`` (this file run as a
script with ``--update``) rewrites the outputs from the real commands.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


def _commands(block: str) -> list[tuple[str, str]]:
    """(command, expected output) pairs of one console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        elif pairs:
            pairs[-1][1].append(line)
    return [(cmd, "\n".join(out).rstrip("\n")) for cmd, out in pairs]


def _run(command: str, cache: Path) -> str:
    python = str(Path(sys.executable))
    shell_cmd = re.sub(r"^python\b", python, command).replace("| python ", f"| {python} ")
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(cache), "COLUMNS": "100"}
    done = subprocess.run(
        shell_cmd, shell=True, cwd=ROOT, capture_output=True, text=True, env=env, check=False
    )
    return done.stdout.rstrip("\n")


def _tour() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    return [pair for block in BLOCK.findall(text) for pair in _commands(block)]


TOUR = _tour()


_DECIMAL = re.compile(r"-?\d+\.\d+")


def _rounded(text: str) -> str:
    """The text with decimals to two places and runs of spaces as one (floating-point
    noise between machines, e.g. in LDA weights, changes neither)."""
    text = _DECIMAL.sub(lambda m: f"{float(m.group()):.2f}", text)
    return re.sub(r" +", " ", text)


@pytest.mark.parametrize(("command", "expected"), TOUR, ids=[c for c, _ in TOUR])
def test_readme_output_is_the_commands_output(
    command: str, expected: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    cache = tmp_path_factory.getbasetemp() / "readme-cache"
    assert _rounded(_run(command, cache)) == _rounded(expected)


def update(cache: Path) -> None:
    """Rewrite every console block of the README with the commands' real output."""

    def render(match: re.Match[str]) -> str:
        lines = []
        for command, _ in _commands(match.group(1)):
            lines.append(f"$ {command}")
            output = _run(command, cache)
            if output:
                lines.append(output)
        return "```console\n" + "\n".join(lines) + "\n```"

    text = README.read_text(encoding="utf-8")
    README.write_text(BLOCK.sub(render, text), encoding="utf-8")


if __name__ == "__main__":
    import tempfile

    if "--update" not in sys.argv:
        raise SystemExit("usage: python tests/test_readme.py --update")
    with tempfile.TemporaryDirectory() as tmp:
        update(Path(tmp))
