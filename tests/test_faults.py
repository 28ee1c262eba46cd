"""Training faults on the smoke profile: kill -9 then resume gives the uninterrupted result;
a checkpoint of another configuration, or a truncated one, is a clear error."""
import csv, os, signal, subprocess, sys, time
import torch
from conftest import ROOT, run_cli

EPOCHS = 8

def _train(out, *extra):
    return [sys.executable, '-m', 'musicnotes', 'train', 'frame', '--profile', 'smoke', '--epochs', str(EPOCHS), '--out', str(out), *extra]

def _log(out):
    return list(csv.DictReader(open(out/'log.csv'))) if (out/'log.csv').exists() else []

def test_kill_then_resume_matches_uninterrupted(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != 'IN_TEST'}
    a, b = tmp_path/'a', tmp_path/'b'
    r = subprocess.run(_train(a), cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    p = subprocess.Popen(_train(b), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.time()
    while not (b/'dev.pt').exists() and p.poll() is None and time.time() - t0 < 600: time.sleep(0.02)
    os.kill(p.pid, signal.SIGKILL); p.wait()
    done = len(_log(b))
    assert 1 <= done < EPOCHS, f'the kill came too late to test anything ({done} epochs done)'
    r = subprocess.run(_train(b), cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    assert 'resumed from dev.pt' in r.stdout + r.stderr
    la, lb = _log(a), _log(b)
    assert len(lb) == EPOCHS and [x['val_loss'] for x in lb] == [x['val_loss'] for x in la]
    wa, wb = torch.load(a/'dev.pt', weights_only=False)['model'], torch.load(b/'dev.pt', weights_only=False)['model']
    assert all(torch.equal(wa[k], wb[k]) for k in wa)

def test_truncated_checkpoint_is_a_clear_error(tmp_path):
    from musicnotes.train import save_checkpoint, load_checkpoint
    from musicnotes.core import CheckpointError
    import pytest
    save_checkpoint(tmp_path/'dev.pt', dict(model={}, model_config=dict(arch='frame', dim=128)))
    data = (tmp_path/'dev.pt').read_bytes()
    (tmp_path/'main.pt').write_bytes(data)
    (tmp_path/'dev.pt').write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError, match='unreadable or truncated'): load_checkpoint(tmp_path/'dev.pt')
    with pytest.raises(CheckpointError, match=r'differs in dim \(128 in the checkpoint, 64 here\)'):
        load_checkpoint(tmp_path/'main.pt', dict(arch='frame', dim=64))
    assert load_checkpoint(tmp_path/'main.pt', dict(arch='frame', dim=128))['model_config']['dim'] == 128
