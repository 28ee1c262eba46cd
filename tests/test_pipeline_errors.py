"""A failing or timed-out stage, as `make pipeline` shows it: one line naming the notebook and the cell, no traceback, no kernel warnings."""
import json
import nbformat
from conftest import run_cli

def _project(root, failing_cell: str):
    "Two stages in `root/nbs`: 01_ok writes a metric, 02_bad runs `failing_cell` as its third cell."
    (root/'nbs').mkdir()
    for name, body in [('01_ok', "import json, pathlib\np = pathlib.Path(out_dir)/'metrics'; p.mkdir(parents=True, exist_ok=True)\n"
                                 "(p/'ok.json').write_text(json.dumps([dict(model='m', condition='test', metric='note_f1', value=0.5)]))"),
                       ('02_bad', failing_cell)]:
        nb = nbformat.v4.new_notebook()
        p = nbformat.v4.new_code_cell("profile = 'smoke'\nout_dir = '../results/smoke'"); p.metadata['tags'] = ['parameters']
        nb.cells = [p, nbformat.v4.new_code_cell('x = 1'), nbformat.v4.new_code_cell(body)]
        nbformat.write(nb, root/'nbs'/f'{name}.ipynb')

def _check(r, root, why):
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert 'Traceback' not in out and 'without encryption' not in out, out
    err = r.stderr.strip().splitlines()
    assert len(err) == 1, r.stderr
    assert err[0].startswith('musicnotes: error: stage 02_bad failed in cell 3 (`def deep(): return'), err[0]
    assert why in err[0] and err[0].endswith('(executed notebook: results/smoke/notebooks/02_bad.ipynb)'), err[0]
    assert (root/'results'/'smoke'/'notebooks'/'02_bad.ipynb').is_file()
    stages = json.loads((root/'results'/'smoke'/'stages.json').read_text())
    assert stages['01_ok']['ok'] and not stages['02_bad']['ok']

def test_failing_stage_is_one_line(settings_with, tmp_path):
    settings_with('results_root = results', 'results_root = results')       # the real settings at the root of a throw-away project
    _project(tmp_path, 'def deep(): return {}["missing"]\ndef deeper(): return deep()\ndeeper()')
    _check(run_cli('pipeline', '--profile', 'smoke', cwd=tmp_path), tmp_path, "KeyError: 'missing'")

def test_timed_out_stage_is_one_line(settings_with, tmp_path):
    settings_with('stage_timeout_minutes = 10', 'stage_timeout_minutes = 0.05')   # the smoke profile's comes first: 3 s
    _project(tmp_path, 'def deep(): return __import__("time").sleep(60)\ndeep()')
    _check(run_cli('pipeline', '--profile', 'smoke', cwd=tmp_path), tmp_path, 'no result within stage_timeout_minutes = 0.05')
