"""Audio in another layout is converted with a log line, not rejected; broken audio is a DataError naming the file."""
import logging
import numpy as np, soundfile as sf, pytest
from musicnotes.data import load_audio
from musicnotes.core import DataError

def test_stereo_and_other_rate_are_converted_with_a_log_line(tmp_path, caplog):
    t = np.arange(8000) / 8000
    sf.write(tmp_path/'st.wav', np.stack([np.sin(2 * np.pi * 220 * t), np.sin(2 * np.pi * 220 * t)], 1) * 0.5, 8000)
    with caplog.at_level(logging.INFO, logger='musicnotes'):
        y = load_audio(tmp_path/'st.wav', 16000)
    assert y.dtype == np.float32 and len(y) == 16000 and y.ndim == 1
    assert 'st.wav: 2 channels mixed down to mono' in caplog.text
    assert 'st.wav: resampled from 8000 Hz to 16000 Hz' in caplog.text

@pytest.mark.parametrize('make, why', [
    (lambda p: p.write_bytes(b''), 'unreadable or truncated'),
    (lambda p: sf.write(p, np.zeros(0), 16000), 'audio is empty'),
    (lambda p: sf.write(p, np.array([0.0, np.inf], np.float32), 16000, subtype='FLOAT'), 'NaN or infinite'),
])
def test_bad_audio_names_the_file(tmp_path, make, why):
    p = tmp_path/'bad.wav'; make(p)
    with pytest.raises(DataError, match=why) as e: load_audio(p, 16000)
    assert 'bad.wav' in str(e.value)
