"""`musicnotes align` as a user runs it (shipped Transformer aligner), mismatched input, and MAESTRO-layout input
through the same code."""
import csv
import numpy as np, soundfile as sf
import pytest
from conftest import run_cli
from musicnotes.data import Notes, notes_to_midi
from musicnotes.synth import render, find_soundfonts
from musicnotes.align_data import maestro_pairs
from musicnotes.registry import DEFAULT_ALIGN_METHOD
from musicnotes.align import align, ALIGNER_WEIGHTS

SR = 16000

def _piece(seed: int, n: int=40) -> Notes:
    "A random two-voice piece: a melody in eighths over a bass in quarters, at 120 bpm."
    rng = np.random.default_rng(seed)
    mel = 60 + np.cumsum(rng.integers(-3, 4, n)) % 19
    on = np.concatenate([np.arange(n) * 0.25, np.arange(n // 2) * 0.5])
    pitch = np.concatenate([mel, 36 + rng.integers(0, 12, n // 2)])
    return Notes(on, on + np.where(np.arange(len(on)) < n, 0.22, 0.45), pitch, np.full(len(on), 90))

def _perform(score: Notes) -> tuple[Notes, np.ndarray]:
    "The score played with a tempo that slows from 1.0x to 0.7x and starts 0.4 s in; returns the notes and the warp."
    warp = lambda t: 0.4 + t + 0.15 * t ** 2 / score.duration
    return Notes(warp(score.onset), warp(score.offset), score.pitch, score.velocity), warp

@pytest.fixture(scope='module')
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp('align')
    for k in (1, 2):
        sc = _piece(k); perf, _ = _perform(sc)
        notes_to_midi(sc, d/f'score{k}.mid')
        sf.write(d/f'perf{k}.wav', render(perf, find_soundfonts()['TimGM6mb'], SR), SR)
    return d

def _errors(csv_path, warp) -> np.ndarray:
    rows = list(csv.DictReader(open(csv_path)))
    return np.array([abs(float(r['performance_onset_s']) - warp(float(r['score_onset_s']))) for r in rows])

@pytest.mark.skipif(not ALIGNER_WEIGHTS.is_file(), reason='no shipped aligner weights')
def test_align_cli_with_shipped_aligner(files, tmp_path):
    r = run_cli('align', files/'perf1.wav', files/'score1.mid', '-o', tmp_path/'a.csv')
    assert r.returncode == 0, r.stderr
    assert f'aligned by {DEFAULT_ALIGN_METHOD} ' in r.stdout and 'warning' not in r.stderr
    e = _errors(tmp_path/'a.csv', _perform(_piece(1))[1])
    assert len(e) == len(_piece(1)) and np.median(e) < 0.05 and (e < 0.1).mean() > 0.9, np.percentile(e, [50, 90, 100])

@pytest.mark.parametrize('method', ['transformer', 'dtw'])
def test_mismatched_pair_warns(files, tmp_path, method):
    if method == 'transformer' and not ALIGNER_WEIGHTS.is_file(): pytest.skip('no shipped aligner weights')
    r = run_cli('align', files/'perf1.wav', files/'score2.mid', '-o', tmp_path/'a.csv', '--method', method)
    assert r.returncode == 0, r.stderr
    assert 'warning: low confidence' in r.stderr and 'may not be a performance of' in r.stderr

def test_empty_score_is_an_error(files, tmp_path):
    notes_to_midi(Notes([], [], []), tmp_path/'empty.mid')
    r = run_cli('align', files/'perf1.wav', tmp_path/'empty.mid', '-o', tmp_path/'a.csv')
    assert r.returncode == 2 and 'MIDI file has no notes' in r.stderr

def test_maestro_layout_pairs(tmp_path):
    "A MAESTRO-layout folder (metadata CSV, WAV, MIDI) becomes alignment pairs whose score is re-timed; DTW aligns it."
    perf = _perform(_piece(3))[0]
    (tmp_path/'2018').mkdir()
    sf.write(tmp_path/'2018/p.wav', render(perf, find_soundfonts()['TimGM6mb'], SR), SR)
    notes_to_midi(perf, tmp_path/'2018/p.midi')
    with open(tmp_path/'maestro-v3.0.0.csv', 'w', newline='') as f:
        w = csv.DictWriter(f, fieldnames=['canonical_composer', 'canonical_title', 'split', 'year', 'midi_filename', 'audio_filename', 'duration'])
        w.writeheader(); w.writerow(dict(canonical_composer='X', canonical_title='P', split='test', year=2018, midi_filename='2018/p.midi', audio_filename='2018/p.wav', duration=perf.duration))
    (pair,) = maestro_pairs(tmp_path, 'test', depth=0.2, seed=0)
    assert len(pair.score) == len(perf) and np.abs(pair.score.onset - pair.truth).max() > 0.3     # the score is not the performance
    y, _ = sf.read(pair.audio, dtype='float32')
    e = np.abs(align(y, SR, pair.score, 'dtw').onset - pair.truth)
    assert np.median(e) < 0.1, np.percentile(e, [50, 90])

@pytest.mark.skipif(not ALIGNER_WEIGHTS.is_file(), reason='no shipped aligner weights')
def test_refined_aligner_stays_near_mrmsdtw(files):
    "`transformer_mrmsdtw` moves no onset farther than REFINE_BAND_S from MrMsDTW's estimate and is at least as close to the truth."
    from musicnotes.align import REFINE_BAND_S
    from musicnotes.align_data import onset_groups
    sc = _piece(1); perf, warp = _perform(sc)
    y, _ = sf.read(files/'perf1.wav', dtype='float32')
    ref, fine = align(y, SR, sc, 'mrmsdtw_notes'), align(y, SR, sc, 'transformer_mrmsdtw')
    _, gid = onset_groups(sc.onset)
    band_ref = np.array([np.median(ref.onset[gid == g]) for g in gid])         # the band is centred on each onset group's median
    assert fine.method == 'transformer_mrmsdtw' and np.all(np.abs(fine.onset - band_ref) <= REFINE_BAND_S + 0.02)
    truth = warp(sc.onset)
    assert np.median(np.abs(fine.onset - truth)) <= np.median(np.abs(ref.onset - truth)) + 0.005

def test_cli_offers_every_align_method():
    from musicnotes.cli import build_parser
    from musicnotes.align import ALIGN_METHODS
    align_parser = build_parser()._subparsers._group_actions[0].choices['align']
    assert tuple(next(a for a in align_parser._actions if a.dest == 'method').choices) == ALIGN_METHODS
