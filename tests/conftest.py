"""Shared fixtures: the repository root, and settings files that differ from the real one in one line."""
import os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]

@pytest.fixture
def root() -> Path: return ROOT

@pytest.fixture
def settings_with(tmp_path):
    "Write a copy of settings.ini with `old` replaced by `new`; returns its path."
    def make(old: str, new: str) -> Path:
        text = (ROOT/'settings.ini').read_text()
        assert old in text, f'{old!r} not in settings.ini'
        p = tmp_path/'settings.ini'; p.write_text(text.replace(old, new, 1))
        return p
    return make

def run_cli(*args, cwd=ROOT, timeout=900) -> subprocess.CompletedProcess:
    "Run `python -m musicnotes ARGS` as a user would; returns the completed process."
    env = {k: v for k, v in os.environ.items() if k != 'IN_TEST'}
    return subprocess.run([sys.executable, '-m', 'musicnotes', *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)
