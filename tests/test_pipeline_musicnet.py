"""The smoke pipeline on MusicNet's layout: the smoke corpus written as MusicNet ships (44.1 kHz audio, labels in
44.1 kHz sample indices, musicnet_metadata.csv), pointed at by MUSICNOTES_MUSICNET_ROOT as a user's download would be,
run through every stage by the `smoke_musicnet` profile without editing a notebook."""
import csv, json
import soundfile as sf
from musicnotes.core import load_config
from musicnotes.corpus import build_corpus, corpus_dir, read_manifest
from musicnotes.datasets import write_musicnet_layout
from conftest import run_cli

def test_musicnet_profile_pipeline(settings_with, tmp_path, monkeypatch):
    mn = write_musicnet_layout(build_corpus(load_config('smoke')), tmp_path/'musicnet')
    assert sf.info(str(next((mn/'train_data').glob('*.wav')))).samplerate == 44100
    s = settings_with('results_root = results', f'results_root = {tmp_path}/results')
    monkeypatch.setenv('MUSICNOTES_MUSICNET_ROOT', str(mn))       # as a user points musicnet_root at a download
    r = run_cli('pipeline', '--profile', 'smoke_musicnet', '--settings', s)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    out = tmp_path/'results'/'smoke_musicnet'
    stages = json.loads((out/'stages.json').read_text())
    assert stages and all(rec['ok'] for rec in stages.values())
    summary = (out/'SUMMARY.md').read_text()
    assert '### Transcription' in summary and '[08_frame](notebooks/08_frame.ipynb) `metrics/frame.json`' in summary
    # the corpus holds MusicNet's recordings, with MusicNet's own test split, relabelled at the corpus's rate
    man = read_manifest(corpus_dir(load_config('smoke_musicnet')))
    assert {m['corpus'] for m in man} == {'musicnet'} and {m['split'] for m in man} == {'train', 'val', 'test'}, man
    meta = {r['id']: r for r in csv.DictReader(open(mn/'musicnet_metadata.csv'))}
    assert {m['recording'] for m in man if m['split'] == 'test'} == {i for i in meta if (mn/'test_data'/f'{i}.wav').exists()}
    frame = json.loads((out/'metrics'/'frame.json').read_text())
    assert any(row['condition'] == 'test' and row['metric'] == 'note_f1' for row in frame), frame[:3]
