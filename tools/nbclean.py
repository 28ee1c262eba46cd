"""Strip outputs and execution counts from notebooks, keeping cell tags.

nbdev-clean keeps outputs unless `clear_all` is set, and `clear_all` also wipes
the papermill `parameters` tag; this keeps the tag and drops the outputs.
Usage: python tools/nbclean.py [--check] DIR_OR_NOTEBOOK...
With --check nothing is written; the exit code is 1 when a notebook has outputs.
"""
import json, sys
from pathlib import Path

def dirty_cells(nb: dict) -> int:
    "Number of code cells with outputs or an execution count."
    return sum(1 for c in nb.get('cells', []) if c.get('cell_type') == 'code'
               and (c.get('outputs') or c.get('execution_count') is not None))

def strip(nb: dict) -> dict:
    "The notebook without outputs and execution counts; metadata (tags) kept."
    for c in nb.get('cells', []):
        if c.get('cell_type') == 'code':
            c['outputs'], c['execution_count'] = [], None
    return nb

def main(args: list) -> int:
    check = '--check' in args
    paths = [Path(a) for a in args if a != '--check'] or [Path('nbs')]
    files = sorted(f for p in paths for f in ([p] if p.is_file() else p.glob('*.ipynb')))
    bad = []
    for f in files:
        nb = json.loads(f.read_text())
        if dirty_cells(nb):
            bad.append(f)
            if not check:
                f.write_text(json.dumps(strip(nb), indent=1, ensure_ascii=False) + '\n')
    if check and bad:
        print('notebooks with outputs (run `make clean-nbs`): ' + ' '.join(map(str, bad)), file=sys.stderr)
        return 1
    print(f'{len(files)} notebooks checked, {len(bad)} {"with outputs" if check else "cleaned"}')
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
