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
    assert set(sizes) == {'frame.pt', 'ctc.pt', 'seq2seq.pt', 'aligner.pt', 'retrieval.pt'}, sizes   # aligner: nbs/11_alignment; retrieval: 16b
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

def test_transcribe_folder(tmp_path):
    "A folder: its audio files only; with -r its sub-folders too, outputs under the same sub-folders (two `take` stems do not collide)."
    d = tmp_path/'in'; (d/'sub').mkdir(parents=True)
    sf.write(d/'take.wav', render(MELODY, find_soundfonts()['TimGM6mb'], 16000), 16000)
    short = Notes(MELODY.onset[:4], MELODY.offset[:4], MELODY.pitch[:4], MELODY.velocity[:4])   # another piece, the same stem
    sf.write(d/'sub'/'take.wav', render(short, find_soundfonts()['TimGM6mb'], 16000), 16000)
    (d/'readme.txt').write_text('not audio')
    r = run_cli('transcribe', d, '-o', tmp_path/'flat')
    assert r.returncode == 0, r.stderr
    assert sorted(str(p.relative_to(tmp_path/'flat')) for p in (tmp_path/'flat').rglob('*')) == ['take.csv', 'take.mid', 'take.png']
    r = run_cli('transcribe', d, '-r', '-o', tmp_path/'tree')
    assert r.returncode == 0, r.stderr
    out = sorted(str(p.relative_to(tmp_path/'tree')) for p in (tmp_path/'tree').rglob('*') if p.is_file())
    assert out == ['sub/take.csv', 'sub/take.mid', 'sub/take.png', 'take.csv', 'take.mid', 'take.png'], out
    top, sub = notes_from_midi(tmp_path/'tree'/'take.mid'), notes_from_midi(tmp_path/'tree'/'sub'/'take.mid')
    assert note_metrics(MELODY, top)['note_f1'] >= 0.8 and note_metrics(short, sub)['note_f1'] >= 0.8, (top.pitch, sub.pitch)   # each from its own file

def test_transcribe_folder_without_audio(tmp_path):
    (tmp_path/'empty'/'sub').mkdir(parents=True); (tmp_path/'empty'/'notes.txt').write_text('x')
    r = run_cli('transcribe', tmp_path/'empty', '-o', tmp_path/'out')
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 2 and len(lines) == 1 and lines[0].startswith('musicnotes: error: '), r.stderr
    assert 'no audio files' in lines[0] and '-r/--recursive' in lines[0], lines[0]
    assert not (tmp_path/'out').exists()
