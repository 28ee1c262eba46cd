"""Reproducible polyphonic music transcription (CTC, seq2seq, frame-wise) and audio-to-score alignment, from nbdev notebooks"""

__version__ = "0.1.0"
