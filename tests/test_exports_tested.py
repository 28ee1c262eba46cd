"""Every exported function and class is tested: named in a test cell below its definition in its notebook, in
`tests/`, in a pipeline stage's cells (the smoke pipeline runs them, with their checks), or used by an exported function that is itself tested (e.g. `synth.run_job`, run by `corpus.build_corpus`,
whose test builds a corpus). A new export that nothing tests fails here with its notebook and name."""
import ast, json, re
from conftest import ROOT

EXPORT = re.compile(r'^#\|\s*export', re.M)

def _code(src: str) -> str:
    return '\n'.join(l for l in src.split('\n') if not l.lstrip().startswith(('#|', '%', '!')))

def exports() -> dict[str, dict]:
    """name -> {notebook, source (its definition), later (the notebook's non-export code after it), required}; private helpers and
    module-level values are listed too (not required), since what they use counts as used."""
    out = {}
    for f in sorted((ROOT/'nbs').glob('*.ipynb')):
        cells = [c for c in json.loads(f.read_text())['cells'] if c['cell_type'] == 'code']
        for i, c in enumerate(cells):
            src = ''.join(c['source'])
            if not EXPORT.search(src): continue
            code = _code(src)
            try: tree = ast.parse(code)
            except SyntaxError: continue
            later = '\n'.join(_code(''.join(d['source'])) for d in cells[i + 1:] if not EXPORT.search(''.join(d['source'])))
            for n in tree.body:
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): names = [n.name]
                elif isinstance(n, ast.Assign): names = [t.id for t in n.targets if isinstance(t, ast.Name)]   # e.g. REGISTRY, naming trainers
                else: continue
                for name in names:
                    out[name] = dict(notebook=f.name, source=ast.get_source_segment(code, n) or '', later=later,
                                     required=not name.startswith('_') and not isinstance(n, ast.Assign))
    return out

def stage_cells() -> list[str]:
    "The code of every notebook's `#| slow` cells: the pipeline stages, which the smoke-pipeline tests run with their checks."
    return [_code(''.join(c['source'])) for f in sorted((ROOT/'nbs').glob('*.ipynb')) for c in json.loads(f.read_text())['cells']
            if c['cell_type'] == 'code' and re.search(r'^#\|\s*slow', ''.join(c['source']), re.M)]

def untested(ex: dict[str, dict]) -> list[str]:
    "Names that no test names and no tested export uses (a fixpoint over the uses)."
    tests = '\n'.join(p.read_text() for p in (ROOT/'tests').glob('*.py') if p.name != 'test_exports_tested.py')
    tests += '\n'.join(stage_cells())
    named = lambda n, text: re.search(r'\b' + re.escape(n) + r'\b', text) is not None
    covered = {n for n, e in ex.items() if named(n, e['later']) or named(n, tests)}
    while True:
        more = {n for n in ex if n not in covered and any(named(n, ex[m]['source']) for m in covered if m != n)}
        if not more: break
        covered |= more
    return sorted(f'{ex[n]["notebook"]}: {n}' for n in ex if n not in covered and ex[n]['required'])

def test_checker_sees_an_untested_export():
    ex = exports()
    assert {'window_spans', 'fit_best', 'load_weights'} <= set(ex)
    fake = dict(ex, orphan=dict(notebook='99_x.ipynb', source='def orphan(): pass', later='', required=True))
    assert untested(fake) == ['99_x.ipynb: orphan']

def test_every_export_is_tested():
    missing = untested(exports())
    assert not missing, 'exported but tested nowhere (add a test cell below it):\n' + '\n'.join(missing)
