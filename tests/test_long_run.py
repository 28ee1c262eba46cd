"""tools/long_run.sh: what it says and refuses without starting a training."""
import os, subprocess
from pathlib import Path

def run(root: Path, run_dir: Path, *args, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, 'MUSICNOTES_RUN_DIR': str(run_dir)}
    return subprocess.run(['bash', str((cwd or root)/'tools'/'long_run.sh'), *args], env=env, capture_output=True, text=True, timeout=60)

def test_status_and_signals_when_nothing_runs(root, tmp_path):
    r = run(root, tmp_path/'run', 'status')
    assert r.returncode == 0 and 'not running' in r.stdout and 'commit none' in r.stdout, r.stdout + r.stderr
    for cmd in ('pause', 'cont', 'stop'):
        r = run(root, tmp_path/'run', cmd)
        assert r.returncode == 0 and 'not running' in r.stdout
    r = run(root, tmp_path/'run', 'frobnicate')
    assert r.returncode == 2 and 'usage' in r.stderr

def test_start_refuses_a_dirty_tree(root, tmp_path):
    clone = tmp_path/'clone'
    subprocess.run(['git', 'clone', '-q', '--local', str(root), str(clone)], check=True)
    (clone/'settings.ini').write_text((clone/'settings.ini').read_text() + '\n# edited\n')
    r = run(root, tmp_path/'run', 'start', cwd=clone)
    assert r.returncode == 1 and 'uncommitted changes' in r.stderr, r.stdout + r.stderr
    assert not (tmp_path/'run'/'src').exists()      # nothing cloned, nothing started
