"""Reproducible polyphonic music transcription (CTC, seq2seq, frame-wise) and audio-to-score alignment, from nbdev notebooks

Modules:

- `musicnotes.seq2seq`: Features → encoder → additive-attention (Bahdanau) LSTM decoder over event tokens `TIME_SHIFT(k)`, `NOTE_ON(p)`, `NOTE_OFF(p)`, `SOS/EOS/PAD`; teacher forcing with scheduled sampling, class-weighted cross-entropy. Decoding (greedy, beam and constrained greedy; windows stitched into one `Notes` per track) is in `10a_seq2seq_decode`."""

__version__ = "0.1.0"
