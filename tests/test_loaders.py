"""MusicNet- and MAESTRO-layout fixtures, made here, loaded through `musicnotes check-data` as a user would;
every kind of bad file is reported by name and skipped, and a folder with nothing usable exits with 2."""
import csv
import numpy as np, soundfile as sf
from musicnotes.data import Notes, notes_to_midi, notes_to_musicnet_csv
from conftest import run_cli

SR = 44100

def _wav(p, seconds=1.0, channels=1, sr=SR):
    p.parent.mkdir(parents=True, exist_ok=True)
    y = 0.1 * np.sin(2 * np.pi * 440 * np.arange(int(seconds * sr)) / sr)
    sf.write(p, np.stack([y] * channels, 1) if channels > 1 else y, sr)

def _labels(p, notes=None):
    p.parent.mkdir(parents=True, exist_ok=True)
    notes_to_musicnet_csv(notes or Notes([0.1, 0.5], [0.4, 0.9], [60, 64], None, [0, 40]), p, SR)

def musicnet_fixture(root):
    for i in ('1727', '1728'):                       # two good tracks (one stereo)
        _wav(root/'train_data'/f'{i}.wav', channels=2 if i == '1728' else 1); _labels(root/'train_labels'/f'{i}.csv')
    _labels(root/'train_labels'/'2001.csv')         # labels without audio
    _wav(root/'train_data'/'2002.wav')              # audio without labels
    _wav(root/'train_data'/'2003.wav'); _labels(root/'train_labels'/'2003.csv')
    (root/'train_data'/'2003.wav').write_bytes((root/'train_data'/'2003.wav').read_bytes()[:40])   # truncated
    _wav(root/'train_data'/'2004.wav')
    (root/'train_labels'/'2004.csv').write_text('start_time,end_time,note\n0,100,60\n')                  # missing column
    _wav(root/'train_data'/'2005.wav')
    (root/'train_labels'/'2005.csv').write_text('start_time,end_time,instrument,note\n500,100,1,60\n')   # end < start
    _wav(root/'train_data'/'2006.wav'); _labels(root/'train_labels'/'2006.csv', Notes([0.1, 0.2], [0.3, 0.4], [12, 60]))  # a note below A0
    sf.write(root/'train_data'/'2007.wav', np.zeros(0), SR); _labels(root/'train_labels'/'2007.csv')  # empty audio

def test_musicnet_layout(tmp_path):
    musicnet_fixture(tmp_path)
    r = run_cli('check-data', tmp_path, '--layout', 'musicnet', '--split', 'train')
    assert r.returncode == 0, r.stderr
    row = r.stdout.strip().splitlines()[-1].split('|')
    assert row[3].strip() == '3', r.stdout                       # 1727, 1728, 2006
    for name, why in [('2001.csv', 'labels without audio'), ('2002.wav', 'audio without labels'), ('2003.wav', 'unreadable or truncated'),
                      ('2004.csv', 'missing the column(s) instrument'), ('2005.csv', 'end before they start'), ('2007.wav', 'audio is empty'),
                      ('2006.csv', 'dropped 1 note(s) outside MIDI 21-108')]:
        assert any(name in l and why in l for l in r.stderr.splitlines()), (name, why, r.stderr)
    assert r.stderr.strip().splitlines()[-1] == '6 files skipped'

def test_musicnet_nothing_usable(tmp_path):
    _labels(tmp_path/'train_labels'/'1.csv')
    r = run_cli('check-data', tmp_path, '--layout', 'musicnet')
    assert r.returncode == 2 and 'no usable files (of 1)' in r.stderr

def test_maestro_layout(tmp_path):
    rows = []
    for i, split in enumerate(['train', 'train', 'validation', 'test']):
        audio, midi = f'2004/piece{i}.wav', f'2004/piece{i}.midi'
        _wav(tmp_path/audio, seconds=0.5)
        if i != 1: notes_to_midi(Notes([0.0, 0.1], [0.2, 0.3], [60, 67], [70, 80]), tmp_path/midi)   # piece1 has no MIDI
        rows.append(dict(canonical_composer='X', canonical_title=f'P{i}', split=split, year=2004, midi_filename=midi, audio_filename=audio, duration=0.5))
    notes_to_midi(Notes([], [], []), tmp_path/'2004/piece2.midi')                                       # MIDI with no notes
    with open(tmp_path/'maestro-v3.0.0.csv', 'w', newline='') as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0])); w.writeheader(); w.writerows(rows)
    r = run_cli('check-data', tmp_path, '--layout', 'maestro', '--split', 'train')
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1].split('|')[3].strip() == '1'
    assert 'piece1.midi does not exist' in r.stderr and '1 MAESTRO recordings skipped' in r.stderr   # named, counted
    r = run_cli('check-data', tmp_path, '--layout', 'maestro', '--split', 'validation')
    assert r.returncode == 2 and 'piece2.midi: MIDI file has no notes' in r.stderr
    r = run_cli('check-data', tmp_path, '--layout', 'maestro', '--split', 'test')
    assert r.returncode == 0

def test_check_data_asap(tmp_path):
    "check-data --layout asap on ASAP's layout: a missing file and an unreadable MIDI named and counted, exit 2; clean: exit 0."
    from musicnotes.asap import make_asap_fixture
    root = make_asap_fixture(tmp_path/'asap')
    r = run_cli('check-data', root, '--layout', 'asap')
    assert r.returncode == 0, r.stderr
    assert "Gone.mid' does not exist" in r.stderr and '1 ASAP performances skipped' in r.stderr
    assert '| asap | test | 1 | 1 |' in r.stdout                   # Chopin: a test-split composer
    (root/'Chopin/Etude/1/C03.mid').write_bytes(b'MThd broken')
    r = run_cli('check-data', root, '--layout', 'asap')
    assert r.returncode == 2 and 'C03.mid: not a readable MIDI file' in r.stderr and '1 of 3 performances unreadable' in r.stderr
