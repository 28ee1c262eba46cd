"""The real pipeline on the smoke profile, as `make pipeline PROFILE=smoke` runs it, into a temporary results root."""
import json
from conftest import run_cli

def test_smoke_pipeline_runs_then_skips(settings_with, tmp_path, root):
    s = settings_with('results_root = results', f'results_root = {tmp_path}/results')
    readme_before = (root/'README.md').read_text()
    r = run_cli('pipeline', '--profile', 'smoke', '--settings', s)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    out = tmp_path/'results'/'smoke'
    summary = (out/'SUMMARY.md').read_text()
    assert '## Stages' in summary and '## Environment' in summary
    # the report: headline tables traceable to their stages, sweeps, gallery, benchmarks
    assert '### Transcription' in summary and '### Alignment' in summary and '### Speed' in summary
    assert '[08_frame](notebooks/08_frame.ipynb) `metrics/frame.json`' in summary
    assert all((out/'figures'/f'sweep_{m}.png').stat().st_size > 10_000 for m in ('frame', 'ctc', 'seq2seq'))
    assert len(list((out/'figures').glob('gallery_*.png'))) == 5
    assert {r['model'] for r in json.loads((out/'metrics'/'sweeps.json').read_text())} == {'frame_swept', 'ctc_swept', 'seq2seq_swept'}
    assert {p.stem for p in (out/'bench').glob('*.json')} == {'train', 'infer', 'align', 'stream'}
    assert (out/'figures'/'stream_latency.png').stat().st_size > 10_000
    # retrieval: its table, figures, and the variant the stage ships
    assert '### Audio–sheet retrieval' in summary and '[16b_retrieval](notebooks/16b_retrieval.ipynb) `metrics/retrieval.json`' in summary
    assert all((out/'figures'/f'retrieval_{f}.png').stat().st_size > 10_000 for f in ('pairs', 'ranks', 'attention', 'space'))
    assert (out/'checkpoints'/'retrieval'/'main.pt').is_file()
    assert '[16d_passages](notebooks/16d_passages.ipynb) `metrics/retrieval_passages.json`' in summary   # the passage model's row
    assert {r['model'] for r in json.loads((out/'metrics'/'retrieval_passages.json').read_text())} == {'passage_gru', 'snippet_votes'}
    assert (root/'README.md').read_text() == readme_before         # only the default profile rewrites the README
    stages = json.loads((out/'stages.json').read_text())
    assert stages and all(rec['ok'] for rec in stages.values())
    assert all((out/'notebooks'/f'{name}.ipynb').exists() for name in stages)
    # unchanged: every stage skipped
    r2 = run_cli('pipeline', '--profile', 'smoke', '--settings', s)
    assert r2.returncode == 0, r2.stderr
    assert r2.stdout.count('skipped') == len(stages), r2.stdout
    # no absolute machine paths in what the pipeline wrote
    assert str(root) not in summary and str(tmp_path) not in summary
