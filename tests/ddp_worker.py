"""Launched by tests/test_ddp.py under torchrun: the shared Trainer on a tiny problem, each rank saving its parameters."""
import sys
from pathlib import Path
import torch
from torch import nn
from musicnotes.core import seed_everything
from musicnotes.train import Trainer, TrainConfig, make_loader

out = Path(sys.argv[1])
seed_everything(0)
X = torch.randn(64, 4); y = X @ torch.arange(1.0, 5.0)
ds = torch.utils.data.TensorDataset(X, y)
torch.manual_seed(int(__import__('os').environ.get('RANK', 0)) + 1)   # ranks start from *different* weights: DDP must sync them
model = nn.Linear(4, 1)
dl = make_loader(ds, batch_size=8)             # a DistributedSampler under torchrun
step = lambda m, b: (nn.functional.mse_loss(m(b[0]).squeeze(1), b[1]), dict(frames=len(b[0])))
val = lambda m: dict(loss=float(nn.functional.mse_loss(m(X).squeeze(1), y)))
t = Trainer(model, dict(arch='linear'), step, dl, val, TrainConfig(epochs=2, lr=0.1, save_to_path=str(out/'ck')), device=torch.device('cpu'), log=lambda s: None)
t.fit()
torch.save({k: v.detach() for k, v in t.model.state_dict().items()}, out/f'rank{t.rank}.pt')
torch.distributed.destroy_process_group()
