"""The real pipeline on the smoke profile, as `make pipeline PROFILE=smoke` runs it, into a temporary results root."""
import json
from conftest import run_cli

def test_smoke_pipeline_runs_then_skips(settings_with, tmp_path, root):
    s = settings_with('results_root = results', f'results_root = {tmp_path}/results')
    r = run_cli('pipeline', '--profile', 'smoke', '--settings', s)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    out = tmp_path/'results'/'smoke'
    summary = (out/'SUMMARY.md').read_text()
    assert '## Stages' in summary and '## Environment' in summary
    stages = json.loads((out/'stages.json').read_text())
    assert stages and all(rec['ok'] for rec in stages.values())
    assert all((out/'notebooks'/f'{name}.ipynb').exists() for name in stages)
    # unchanged: every stage skipped
    r2 = run_cli('pipeline', '--profile', 'smoke', '--settings', s)
    assert r2.returncode == 0, r2.stderr
    assert r2.stdout.count('skipped') == len(stages), r2.stdout
    # no absolute machine paths in what the pipeline wrote
    assert str(root) not in summary and str(tmp_path) not in summary
