#!/usr/bin/env python3
"""Download MusicNet, MAESTRO v3 or ASAP with resume and checksum verification, then unpack.

    python data/download.py maestro  [--dest data/maestro]      # ~101 GB zip (WAV + MIDI)
    python data/download.py musicnet [--dest data/musicnet]     # ~11 GB tar.gz
    python data/download.py asap     [--dest data/asap]         # ~100 MB zip (MIDI, MusicXML, annotations; no audio)

Resuming: an interrupted download continues from the bytes already on disk (HTTP Range).
Checksums: data/checksums.sha256 lists the expected SHA-256 of each archive. An archive
whose checksum is not listed there is reported with its computed SHA-256, so you can
compare it with the publisher's and add it. Afterwards point settings.ini at the folder
(`maestro_root`, `musicnet_root`, `asap_root`: for ASAP the folder
holding metadata.csv, data/asap/asap-dataset-1.1). This machine cannot reach these hosts: the loaders in
musicnotes.data are tested on fixtures in the same layout instead.
"""
import argparse, hashlib, shutil, sys, tarfile, urllib.error, urllib.request, zipfile
from pathlib import Path

SOURCES = {
    'maestro': ('https://storage.googleapis.com/magentadata/datasets/maestro/v3.0.0/maestro-v3.0.0.zip', 'maestro-v3.0.0.zip'),
    'musicnet': ('https://zenodo.org/records/5120004/files/musicnet.tar.gz', 'musicnet.tar.gz'),
    'asap': ('https://github.com/fosfrancesco/asap-dataset/archive/refs/tags/v1.1.zip', 'asap-dataset-1.1.zip'),   # CC BY-NC-SA 4.0
}
HERE = Path(__file__).resolve().parent

def expected_sha256(name: str) -> str | None:
    f = HERE/'checksums.sha256'
    for line in f.read_text().splitlines() if f.exists() else []:
        if line.strip() and not line.startswith('#') and line.split()[1] == name: return line.split()[0]
    return None

def download(url: str, dest: Path, chunk: int = 1 << 22) -> None:
    "Download `url` to `dest`, continuing a partial file."
    have = dest.stat().st_size if dest.exists() else 0
    req = urllib.request.Request(url, headers={'Range': f'bytes={have}-'} if have else {})
    try: r = urllib.request.urlopen(req)
    except urllib.error.HTTPError as e:
        if e.code == 416 and have: return                        # nothing left to fetch: the file is complete
        raise
    with r:
        if have and r.status != 206: have = 0                    # server ignored the range: start again
        total = have + int(r.headers.get('Content-Length', 0))
        with open(dest, 'ab' if have else 'wb') as f:
            done = have
            while block := r.read(chunk):
                f.write(block); done += len(block)
                print(f'\r{dest.name}: {done / 2**30:.2f} / {total / 2**30:.2f} GiB', end='', file=sys.stderr)
    print(file=sys.stderr)

def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        while block := f.read(1 << 24): h.update(block)
    return h.hexdigest()

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('dataset', choices=sorted(SOURCES))
    ap.add_argument('--dest', type=Path, help='folder to unpack into (default: data/<dataset>)')
    a = ap.parse_args()
    url, name = SOURCES[a.dataset]
    dest = a.dest or HERE/a.dataset
    dest.mkdir(parents=True, exist_ok=True)
    archive = dest/name
    download(url, archive)
    got, want = sha256(archive), expected_sha256(name)
    if want and got != want:
        print(f'error: {name}: SHA-256 {got} does not match the expected {want}; delete it and download again', file=sys.stderr)
        return 2
    print(f'{name}: SHA-256 {got}' + (' (verified)' if want else ' (no expected checksum listed in data/checksums.sha256)'))
    if name.endswith('.zip'):
        with zipfile.ZipFile(archive) as z: z.extractall(dest)
    else:
        with tarfile.open(archive) as t: t.extractall(dest, filter='data')
    print(f'unpacked into {dest}; set the matching *_root in settings.ini')
    return 0

if __name__ == '__main__':
    sys.exit(main())
