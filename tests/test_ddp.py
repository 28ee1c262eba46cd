"""The Trainer runs unchanged under torchrun: 2 CPU processes (gloo) train a few steps and end with identical parameters."""
import os, subprocess, sys
from pathlib import Path
import torch
from conftest import ROOT

def test_two_process_ddp_keeps_parameters_identical(tmp_path):
    torchrun = Path(sys.executable).parent/'torchrun'
    env = {k: v for k, v in os.environ.items() if k != 'IN_TEST'}
    r = subprocess.run([str(torchrun), '--standalone', '--nproc_per_node', '2', str(ROOT/'tests'/'ddp_worker.py'), str(tmp_path)],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    a, b = torch.load(tmp_path/'rank0.pt'), torch.load(tmp_path/'rank1.pt')
    assert all(torch.equal(a[k], b[k]) for k in a)
    assert (tmp_path/'ck'/'dev.pt').exists()        # rank 0 wrote the checkpoint
