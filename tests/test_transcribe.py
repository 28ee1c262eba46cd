"""`musicnotes transcribe` with the weights shipped in the package, as a new user runs it."""
import numpy as np, soundfile as sf
import pytest
from conftest import run_cli
from musicnotes.data import Notes, notes_from_midi, notes_from_musicnet_csv
from musicnotes.metrics import note_metrics
from musicnotes.synth import render, find_soundfonts
from musicnotes.transcribe import WEIGHTS

MELODY = Notes(np.arange(8) * 0.5 + 0.25, np.arange(8) * 0.5 + 0.65, [60, 62, 64, 65, 67, 69, 71, 72], np.full(8, 90))

@pytest.fixture(scope='module')
def audio(tmp_path_factory):
    "A C-major scale rendered with FluidSynth, written as 44.1 kHz stereo (the CLI must convert), and a broken file."
    d = tmp_path_factory.mktemp('audio')
    y = render(MELODY, find_soundfonts()['TimGM6mb'], 44100)
    sf.write(d/'scale.wav', np.stack([y, y], 1), 44100)
    (d/'broken.wav').write_bytes(b'RIFF\x00\x00\x00\x00WAVEjunk')
    return d

def test_weights_ship_within_budget():
    sizes = {p.name: p.stat().st_size for p in WEIGHTS.glob('*.pt')}
    assert set(sizes) == {'frame.pt', 'ctc.pt', 'seq2seq.pt', 'aligner.pt'}, sizes   # aligner.pt: nbs/11_alignment
    assert sum(sizes.values()) <= 10e6, sizes

def test_transcribe_batch_with_a_bad_file(audio, tmp_path):
    r = run_cli('transcribe', audio/'scale.wav', audio/'broken.wav', '-o', tmp_path/'out')
    assert r.returncode == 2, r.stderr
    assert 'broken.wav' in r.stderr and '1 of 2 files failed' in r.stderr
    assert sorted(p.name for p in (tmp_path/'out').iterdir()) == ['scale.csv', 'scale.mid', 'scale.png']
    est = notes_from_midi(tmp_path/'out'/'scale.mid')
    assert note_metrics(MELODY, est)['note_f1'] >= 0.8, (est.onset, est.pitch)          # the frame model gets a plain scale right
    assert len(notes_from_musicnet_csv(tmp_path/'out'/'scale.csv', 44100)) == len(est)

@pytest.mark.parametrize('model', ['ctc', 'seq2seq'])
def test_transcribe_other_models(audio, tmp_path, model):
    r = run_cli('transcribe', audio/'scale.wav', '-o', tmp_path, '--model', model)
    assert r.returncode == 0, r.stderr
    assert (tmp_path/'scale.mid').is_file() and (tmp_path/'scale.png').is_file()

def test_missing_checkpoint_is_one_line(tmp_path):
    r = run_cli('transcribe', 'x.wav', '-o', tmp_path, '--checkpoint', tmp_path/'none.pt')
    assert r.returncode == 2 and r.stderr.strip().startswith('musicnotes: error:') and 'no such checkpoint' in r.stderr
