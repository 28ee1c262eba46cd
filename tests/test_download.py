"""data/download.py against a local HTTP server: a fresh download, a resumed one (HTTP Range), a checksum
mismatch, and the ASAP archive unpacked into a folder the ASAP loader reads."""
import hashlib, http.server, importlib.util, io, sys, threading, zipfile
from pathlib import Path
import pytest
from conftest import ROOT

class _RangeHandler(http.server.BaseHTTPRequestHandler):
    body = b''
    def do_GET(self):
        start = 0
        if r := self.headers.get('Range'): start = int(r.split('=')[1].split('-')[0])
        part = self.body[start:]
        self.send_response(206 if start else 200)
        self.send_header('Content-Length', str(len(part))); self.end_headers(); self.wfile.write(part)
    def log_message(self, *a): pass

@pytest.fixture
def server():
    srv = http.server.HTTPServer(('127.0.0.1', 0), _RangeHandler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()

def _script(monkeypatch, url: str, name: str, sha: str|None):
    spec = importlib.util.spec_from_file_location('download', ROOT/'data'/'download.py')
    mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    monkeypatch.setitem(mod.SOURCES, 'asap', (url, name))
    monkeypatch.setattr(mod, 'expected_sha256', lambda n: sha)
    return mod

def _asap_zip() -> bytes:
    "A zip holding an ASAP-layout folder with one performance (as GitHub's archive nests it)."
    import pretty_midi
    buf = io.BytesIO()
    pm = pretty_midi.PrettyMIDI(); ins = pretty_midi.Instrument(0)
    ins.notes = [pretty_midi.Note(80, 60, 0, 0.5), pretty_midi.Note(80, 64, 0.5, 1.0)]; pm.instruments.append(ins)
    mid = io.BytesIO(); pm.write(mid)
    d = 'asap-dataset-1.1/Bach/Fugue/bwv_1/'
    with zipfile.ZipFile(buf, 'w') as z:
        z.writestr('asap-dataset-1.1/metadata.csv', 'composer,title,folder,xml_score,midi_score,midi_performance,performance_annotations,midi_score_annotations\n'
                   f'Bach,Fugue_bwv_1,{d[17:-1]},x.musicxml,{d[17:]}midi_score.mid,{d[17:]}P01.mid,{d[17:]}P01_annotations.txt,{d[17:]}midi_score_annotations.txt\n')
        for f in ('midi_score.mid', 'P01.mid'): z.writestr(d + f, mid.getvalue())
        for f in ('midi_score_annotations.txt', 'P01_annotations.txt'): z.writestr(d + f, '0.0\t0.0\tdb\n0.5\t0.5\tb\n')
    return buf.getvalue()

def test_download_resumes_verifies_and_unpacks(server, tmp_path, monkeypatch, capsys):
    body = _asap_zip(); _RangeHandler.body = body
    url = f'http://127.0.0.1:{server.server_port}/v1.1.zip'
    mod = _script(monkeypatch, url, 'asap.zip', hashlib.sha256(body).hexdigest())
    (tmp_path/'asap.zip').write_bytes(body[:len(body) // 2])          # an interrupted earlier download
    monkeypatch.setattr(sys, 'argv', ['download.py', 'asap', '--dest', str(tmp_path)])
    assert mod.main() == 0
    assert (tmp_path/'asap.zip').read_bytes() == body                  # continued, not restarted or doubled
    assert '(verified)' in capsys.readouterr().out
    from musicnotes.asap import asap_performances
    ps = asap_performances(tmp_path/'asap-dataset-1.1')
    assert [p.piece for p in ps] == ['bach/fugue_bwv_1'] and len(ps[0].notes()) == 2

def test_download_checksum_mismatch(server, tmp_path, monkeypatch, capsys):
    _RangeHandler.body = b'not the archive'
    mod = _script(monkeypatch, f'http://127.0.0.1:{server.server_port}/x.zip', 'asap.zip', '0' * 64)
    monkeypatch.setattr(sys, 'argv', ['download.py', 'asap', '--dest', str(tmp_path)])
    assert mod.main() == 2
    assert 'does not match the expected' in capsys.readouterr().err
