"""The streaming engine from the command line, without a microphone: `transcribe --stream` on a file, `listen` on a
file standing in for the input device (as fast as possible, and in real time stopped by Ctrl-C), and bad input."""
import signal, subprocess, sys, time, os
import numpy as np, soundfile as sf, pretty_midi, pytest
from musicnotes.data import Notes, notes_from_midi
from musicnotes.metrics import note_metrics
from musicnotes.synth import render, find_soundfonts
from conftest import run_cli, ROOT

@pytest.fixture(scope='module')
def clip(tmp_path_factory):
    d = tmp_path_factory.mktemp('clip')
    notes = Notes(np.arange(16) * 0.4 + 0.3, np.arange(16) * 0.4 + 0.6, [60, 62, 64, 65, 67, 69, 71, 72] * 2, [90] * 16)
    sfs = find_soundfonts(); y = render(notes, sfs[next(iter(sfs))], 22050)
    sf.write(d/'clip.wav', y, 22050)                  # not the model's rate: the stream resamples
    return d/'clip.wav', notes

def test_transcribe_stream_matches_offline(clip, tmp_path):
    wav, ref = clip
    assert run_cli('transcribe', wav, '-o', tmp_path/'off').returncode == 0
    r = run_cli('transcribe', wav, '-o', tmp_path/'on', '--stream', '--latency', '0.3')
    assert r.returncode == 0, r.stderr
    off, on = notes_from_midi(tmp_path/'off'/'clip.mid'), notes_from_midi(tmp_path/'on'/'clip.mid')
    assert note_metrics(ref, on)['note_f1'] > 0.9 and note_metrics(off, on)['note_f1'] > 0.9, (len(off), len(on))

def test_listen_file_device(clip, tmp_path):
    wav, ref = clip
    r = run_cli('listen', '--device', f'file:{wav}', '--fast', '-o', tmp_path/'take.mid')
    assert r.returncode == 0, r.stderr
    assert 'stopped (end)' in r.stderr and ' on ' in r.stdout and 'C4 (60)' in r.stdout, (r.stdout[:500], r.stderr)
    assert note_metrics(ref, notes_from_midi(tmp_path/'take.mid'))['note_f1'] > 0.9

def test_listen_ctrl_c_leaves_a_valid_midi_file(clip, tmp_path):
    wav, _ = clip
    env = {k: v for k, v in os.environ.items() if k != 'IN_TEST'}
    p = subprocess.Popen([sys.executable, '-m', 'musicnotes', 'listen', '--device', f'file:{wav}', '-o', str(tmp_path/'take.mid'), '--quiet'],
                         cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))   # Ctrl-C works: a background job's children ignore it
    deadline = time.time() + 120
    while time.time() < deadline and 'listening' not in (line := p.stderr.readline()): pass
    time.sleep(3.5)                                   # real time: about half the clip
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 0 and 'stopped (interrupted)' in err, (p.returncode, err)
    n = notes_from_midi(tmp_path/'take.mid')
    assert 1 <= len(n) < 16 and n.offset.max() < 6.0, n           # the notes so far (how many: as fast as this machine streams), every one closed
    pretty_midi.PrettyMIDI(str(tmp_path/'take.mid'))

def _one_line(r, *needles):
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 2 and len(lines) == 1 and lines[0].startswith('musicnotes: error: '), (r.returncode, r.stderr)
    for n in needles: assert n in lines[0], (n, lines[0])

def test_bad_live_input(clip, tmp_path):
    wav, _ = clip
    _one_line(run_cli('listen', '--device', '99'), 'input device' if _has('sounddevice') else 'needs sounddevice')
    _one_line(run_cli('listen', '--device', f'file:{tmp_path}/none.wav'), 'none.wav: audio file does not exist')
    if not _has('rtmidi'): _one_line(run_cli('listen', '--device', f'file:{wav}', '--midi-port', 'no such port'), "MIDI port 'no such port'")
    _one_line(run_cli('listen', '--device', f'file:{wav}', '-o', tmp_path/'no'/'dir'/'x.mid'), 'folder does not exist')
    _one_line(run_cli('transcribe', wav, '-o', tmp_path/'x', '--stream', '--model', 'ctc'), '--stream runs the frame model')

def _has(module: str) -> bool:
    try: __import__(module); return True
    except (ImportError, OSError): return False

def test_score_ready_outputs(clip, tmp_path):
    "--musicxml: a beat-grid MIDI, a MusicXML that parses back with the transcription's pitches, and its picture; --score takes the grid from the score."
    import music21
    from musicnotes.data import notes_to_midi
    wav, ref = clip
    r = run_cli('transcribe', wav, '-o', tmp_path/'t', '--musicxml')
    assert r.returncode == 0, r.stderr
    notes = notes_from_midi(tmp_path/'t'/'clip.mid')
    x = music21.converter.parse(str(tmp_path/'t'/'clip.musicxml'))
    assert sorted(p.midi for p in x.stripTies().flatten().pitches) == sorted(notes.pitch.tolist())   # a note tied over a barline counts once
    assert len(x.parts) == 2 and (tmp_path/'t'/'clip.score.png').stat().st_size > 10_000
    assert sorted(n.pitch for n in pretty_midi.PrettyMIDI(str(tmp_path/'t'/'clip.beats.mid')).instruments[0].notes) == sorted(notes.pitch.tolist())
    score = Notes(ref.onset / 0.4 * 0.5, ref.offset / 0.4 * 0.5, ref.pitch)     # the clip's score at 120 BPM: a beat per note
    notes_to_midi(score, tmp_path/'score.mid')
    r = run_cli('transcribe', wav, '-o', tmp_path/'s', '--score', tmp_path/'score.mid')
    assert r.returncode == 0, r.stderr
    got = pretty_midi.PrettyMIDI(str(tmp_path/'s'/'clip.beats.mid'))
    beats = got.get_beats()
    assert abs(np.median(np.diff(beats)) - 0.4) < 0.05, beats[:8]              # the score's beats land on the performance's notes, 0.4 s apart
    _one_line(run_cli('transcribe', wav, '-o', tmp_path/'x', '--score', tmp_path/'none.mid'), 'none.mid: score file does not exist')
