"""tools/nbclean.py strips outputs but keeps the papermill parameters tag; --check fails on outputs."""
import json, subprocess, sys
from conftest import ROOT

def _nb(tmp_path, outputs):
    cell = {'cell_type': 'code', 'execution_count': 3 if outputs else None, 'metadata': {'tags': ['parameters']},
            'outputs': [{'output_type': 'stream', 'name': 'stdout', 'text': ['hi']}] if outputs else [], 'source': ['x = 1']}
    p = tmp_path/'a.ipynb'; p.write_text(json.dumps({'cells': [cell], 'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5}))
    return p

def _run(*args): return subprocess.run([sys.executable, str(ROOT/'tools'/'nbclean.py'), *map(str, args)], capture_output=True, text=True)

def test_check_flags_outputs(tmp_path):
    p = _nb(tmp_path, outputs=True)
    assert _run('--check', p).returncode == 1
    assert _run(p).returncode == 0
    cell = json.loads(p.read_text())['cells'][0]
    assert cell['outputs'] == [] and cell['execution_count'] is None and cell['metadata']['tags'] == ['parameters']
    assert _run('--check', p).returncode == 0

def test_repository_notebooks_are_clean():
    assert _run('--check', ROOT/'nbs').returncode == 0
