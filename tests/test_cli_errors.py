"""Bad configuration gives one clear line on stderr and exit code 2."""
import shutil
from conftest import run_cli

def _one_line_error(r, *needles):
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith('musicnotes: error: '), r.stderr
    for n in needles: assert n in lines[0], (n, lines[0])

def test_unknown_profile():
    _one_line_error(run_cli('pipeline', '--profile', 'huge'), "unknown profile 'huge'")

def test_missing_settings_key(settings_with):
    s = settings_with('n_test_pieces = 16\n', '')
    _one_line_error(run_cli('pipeline', '--profile', 'default', '--settings', s), '[profile.default] is missing the key n_test_pieces')

def test_missing_paths_key(settings_with):
    s = settings_with('results_root = results\n', '')
    _one_line_error(run_cli('pipeline', '--profile', 'smoke', '--settings', s), '[paths] is missing the key results_root')

def test_configured_path_missing(settings_with, tmp_path):
    s = settings_with('maestro_root =', f'maestro_root = {tmp_path}/no-maestro-here')
    _one_line_error(run_cli('pipeline', '--profile', 'smoke', '--settings', s), 'maestro_root', 'does not exist')

def test_unknown_stage(settings_with, tmp_path):
    s = settings_with('results_root = results', f'results_root = {tmp_path}/results')
    _one_line_error(run_cli('pipeline', '--profile', 'smoke', '--only', '99_nothing', '--settings', s), "no stage named '99_nothing'")

def test_bad_usage_exits_2():
    r = run_cli('no-such-command')
    assert r.returncode == 2 and 'invalid choice' in r.stderr

def test_console_script_installed():
    import sys
    from pathlib import Path
    exe = Path(sys.executable).parent/'musicnotes'
    assert exe.exists() or shutil.which('musicnotes'), 'the musicnotes console script is not installed'

def test_corpus_root_unset(monkeypatch):
    monkeypatch.delenv('MUSICNOTES_MUSICNET_ROOT', raising=False)
    _one_line_error(run_cli('synth', '--profile', 'smoke_musicnet'), 'corpus musicnet needs [paths] musicnet_root')

def test_dataset_wrong_layout(monkeypatch, settings_with, tmp_path):
    (tmp_path/'musicnet').mkdir()                                     # a folder, but not MusicNet's
    monkeypatch.setenv('MUSICNOTES_MUSICNET_ROOT', str(tmp_path/'musicnet'))
    s = settings_with('data_root = data', f'data_root = {tmp_path}/data')
    _one_line_error(run_cli('synth', '--profile', 'smoke_musicnet', '--settings', s), 'musicnet', 'no musicnet_metadata.csv (is this a MusicNet folder?)')
