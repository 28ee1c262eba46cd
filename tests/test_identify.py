"""`musicnotes index` and `musicnotes identify` with the retrieval weights shipped in the package, as a new user runs them."""
import numpy as np, soundfile as sf
from conftest import run_cli

def test_identify_with_shipped_weights(tmp_path):
    from music21 import corpus
    from musicnotes.scores import parse_score, perform, PerformanceParams
    from musicnotes.synth import render, find_soundfonts
    scores = tmp_path/'scores'; scores.mkdir()
    for name in ('bwv269', 'bwv347'): corpus.parse(f'bach/{name}').write('musicxml', fp=str(scores/f'{name}.musicxml'))
    perf = perform(parse_score('bach/bwv269.mxl'), PerformanceParams(bpm=90.0), np.random.default_rng(0))
    y = render(perf.notes, find_soundfonts()['FluidR3_GM'], 16000)
    sf.write(tmp_path/'query.wav', y[16000 * 4:16000 * 16], 16000)                    # 12 s from the fifth second
    r = run_cli('index', scores)
    assert r.returncode == 0, r.stderr[-2000:]
    assert '2 scores indexed' in r.stdout + r.stderr
    r = run_cli('identify', tmp_path/'query.wav', '--scores', scores, '--png', tmp_path/'match.png')
    assert r.returncode == 0, r.stderr[-2000:]
    ranked = [l for l in r.stdout.splitlines() if l[:2] in ('1.', '2.')]
    assert len(ranked) == 2 and all('% of the votes, measures' in l for l in ranked), r.stdout
    assert (tmp_path/'match.png').stat().st_size > 10_000
    sf.write(tmp_path/'short.wav', y[:16000], 16000)                                   # 1 s: shorter than one snippet
    r = run_cli('identify', tmp_path/'short.wav', '--scores', scores)
    assert r.returncode == 2 and 'short.wav' in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
