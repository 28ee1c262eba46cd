"""The README stays short and its links work in a fresh clone: at most 1,200 words outside the generated results
block, and every relative link points at a file the repository holds (none outside it, none into git-ignored results)."""
import re, subprocess
from conftest import ROOT
from musicnotes.report import README_BEGIN, README_END

def _parts() -> tuple[str, str]:
    s = (ROOT/'README.md').read_text()
    a, b = s.index(README_BEGIN), s.index(README_END)
    return s[:a] + s[b:], s[a:b]

def test_readme_prose_is_short():
    prose, block = _parts()
    assert len(prose.split()) <= 1200, f'README prose is {len(prose.split())} words outside the results block (at most 1,200)'
    assert block.count('\n### ') <= 4, 'one compact table per task in the results block'

def test_readme_links_resolve_in_the_repository():
    tracked = set(subprocess.run(['git', 'ls-files'], cwd=ROOT, capture_output=True, text=True).stdout.split())
    links = [t.split('#')[0] for t in re.findall(r'\]\(([^)\s]+)\)', (ROOT/'README.md').read_text()) if not re.match(r'[a-z]+://', t)]
    assert links, 'no links found: the pattern is wrong'
    bad = [t for t in links if t and t not in tracked and not any(f.startswith(t.rstrip('/') + '/') for f in tracked)]
    assert not bad, f'README links to files the repository does not hold: {bad}'
