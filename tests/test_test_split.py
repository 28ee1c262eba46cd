"""The test-split rules in the library are exactly ../shared/TEST_SPLIT.md, and no corpus built here
puts a test piece in train or validation, music21 or ASAP (and the alignment sets hold test pieces only)."""
import csv, re
from pathlib import Path
import pytest
from musicnotes.scores import TEST_RULES, is_test_piece
from musicnotes.corpus import is_held_out
from conftest import ROOT

def test_rules_match_shared_test_split():
    doc = ROOT.parent/'shared'/'TEST_SPLIT.md'
    if not doc.exists(): pytest.skip('../shared/TEST_SPLIT.md is not beside this clone')
    text = doc.read_text().split('Timbre:')[0]
    listed = set(re.findall(r'`([^`]+)`', text))
    listed = {p for p in listed if '/' in p}   # folders end in '/', works and chorales do not
    assert listed == set(TEST_RULES), listed ^ set(TEST_RULES)

def test_built_corpora_keep_test_pieces_out():
    manifests = list((ROOT/'data'/'embedded').glob('*/manifest.csv'))
    if not manifests: pytest.skip('no corpus built yet')
    for m in manifests:
        for row in csv.DictReader(open(m)):
            if 'split' in row: assert is_held_out(row) == row['split'].startswith('test'), (m.parent.name, row['piece'], row['split'])
            else: assert is_test_piece(row['piece']), (m.parent.name, row['piece'])   # alignment sets: test pieces only
