"""`python -m lib guide` and `python -m lib kickoff`: the PDFs they write, their default names, and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys

from pypdf import PdfReader

from tests.conftest import ROOT
from tests.unit.documents.pdf.reading import read


def run(*args: str, cwd=ROOT):
    """The command in `cwd` (default outputs land there), importing lib from the repository."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "lib", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def test_guide_writes_the_tailored_guide_under_its_default_name(tmp_path):
    result = run("guide", "one-on-one", "--org", "Łukasz & Zoë Ltd", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "tandem-guide-one-on-one.pdf"
    assert f"wrote 'One-on-one mentorship' to {out.name}" in result.stdout
    text = " ".join(read(out.read_bytes()))
    assert "One-on-one mentorship" in text and "Łukasz & Zoë Ltd" in text and "The first three meetings" in text


def test_guide_all_writes_the_program_pack_and_program_is_an_alias(tmp_path):
    pack = run("guide", "all", "--out", str(tmp_path / "pack.pdf"))
    assert pack.returncode == 0, pack.stderr
    pages = read((tmp_path / "pack.pdf").read_bytes())
    assert "PROGRAM PACK" in pages[0] and "Contents" in pages[1]
    program = run("guide", "program", "--out", str(tmp_path / "program.pdf"))
    assert program.returncode == 0, program.stderr
    assert "Running a formal program" in read((tmp_path / "program.pdf").read_bytes())[0]


def test_guide_with_an_unknown_name_or_a_wrong_file_type_exits_2(tmp_path):
    unknown = run("guide", "mystery", cwd=tmp_path)
    assert unknown.returncode == 2 and "no guide called 'mystery'; known:" in unknown.stderr
    assert "one-on-one" in unknown.stderr and "Traceback" not in unknown.stderr
    wrong = run("guide", "peer", "--out", str(tmp_path / "peer.docx"))
    assert wrong.returncode == 2 and "must end in .pdf" in wrong.stderr
    assert not list(tmp_path.iterdir())


def test_kickoff_writes_the_new_pairs_sheets_by_default_and_every_pairs_with_all(sample_copy, tmp_path):
    result = run("kickoff", str(sample_copy), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "tandem-kickoff-sheets-2026-07-24.pdf"
    assert f"wrote 2 kickoff sheets to {out.name}" in result.stdout  # proposed, or started in the last 14 days
    assert len(PdfReader(out).pages) == 2
    every = run("kickoff", str(sample_copy), "--all", cwd=tmp_path)
    assert every.returncode == 0 and f"wrote 16 kickoff sheets to {out.name}" in every.stdout
    assert len(PdfReader(out).pages) == 16


def test_kickoff_for_one_mentee(sample_copy, tmp_path):
    result = run("kickoff", str(sample_copy), "--pair", " Nadia.Haddad@northwind.example ", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pages = read((tmp_path / "tandem-kickoff-nadia.haddad-2026-07-24.pdf").read_bytes())
    assert len(pages) == 1 and "Jakub Dvořák and Nadia Haddad" in pages[0] and "Peer mentorship" in pages[0]


def test_kickoff_finds_no_pair_exits_1_and_an_unusable_source_exits_2(sample_copy, tmp_path):
    unknown = run("kickoff", str(sample_copy), "--pair", "nobody@example.org", cwd=tmp_path)
    assert unknown.returncode == 1 and "No proposed or active pairing for the mentee nobody@example.org" in \
        unknown.stderr
    (sample_copy / "pairings.csv").write_text("id,mentor_email,mentee_email,type,status\n", encoding="utf-8")
    empty = run("kickoff", str(sample_copy), cwd=tmp_path)
    assert empty.returncode == 1 and "No proposed or active pairings" in empty.stderr
    missing = run("kickoff", str(tmp_path / "missing"), cwd=tmp_path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    wrong = run("kickoff", "sample", "--out", str(tmp_path / "sheets.txt"))
    assert wrong.returncode == 2 and "must end in .pdf" in wrong.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_kickoff_counts_a_pair_set_to_start_later_as_new(sample_copy, tmp_path):
    path = sample_copy / "pairings.csv"
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if ",proposed," not in line]  # only started pairs, from June
    row = next(line for line in lines if line.startswith("P-001,"))
    lines.append(row.replace("P-001,", "P-099,", 1).replace("mei.chen@", "tomas.silva@").replace(
        ",active,2026-06-01,", ",active,2026-08-03,"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("kickoff", str(sample_copy), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "wrote 1 kickoff sheet to" in result.stdout  # starts on 3 Aug: its first meeting is ahead of it
