"""Odd files and folders in the scanned tree: each is scanned, or skipped with one notice line.

A skipped file never stops the run: the other files' findings still come out, and the exit
code is the findings' (0 or 1). Paths that cannot be linted at all are one error line, exit 2.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lintrun import one_line_error, run_cli, run_main

URL = "https://api.fortnox.se/3/invoices"
CALL = f'# client\nURL = "{URL}"\n'
MISSING = ("FNX001 [missing-scope] /3/invoices needs scope 'invoice', which fortnox.yaml does not "
           "request; Fortnox will answer \"Missing rights\" at run time")


def tree(root: Path, files: dict[str, str | bytes]) -> Path:
    (root / "fortnox.yaml").write_text("scopes: [customer]\n")
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def check(root: Path, *args: str):
    return run_cli(root, "check", "--select", "missing-scope", *args)


def test_binary_file_is_skipped_with_a_notice(tmp_path):
    tree(tmp_path, {"app.py": CALL, "blob.dat": b"\x00\x01\x02" + URL.encode()})
    ran = check(tmp_path)
    assert ran.err == "fortnox-lint: blob.dat: skipped (binary file)\n"
    assert (ran.code, ran.out.splitlines()[0]) == (1, f"app.py:2:7: {MISSING}")


def test_invalid_utf8_is_still_scanned_at_the_right_column(tmp_path):
    tree(tmp_path, {"app.py": b"# caf\xe9 \xff\xfe\nx = 1; u = '" + URL.encode() + b"'\n"})
    ran = check(tmp_path)
    assert (ran.code, ran.err) == (1, "")
    assert ran.out.splitlines()[0] == f"app.py:2:12: {MISSING}"


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                       ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-8", b"\xef\xbb\xbf")])
def test_unicode_boms_are_decoded(tmp_path, codec, bom):
    tree(tmp_path, {"Client.cs": bom + f'var u = "{URL}";\n'.encode(codec)})
    ran = check(tmp_path)
    assert (ran.code, ran.err) == (1, "")
    assert ran.out.splitlines()[0] == f"Client.cs:1:9: {MISSING}"


def test_utf16_without_a_bom_is_treated_as_binary(tmp_path):
    tree(tmp_path, {"Client.cs": f'var u = "{URL}";\n'.encode("utf-16-le")})
    ran = check(tmp_path)
    assert (ran.code, ran.out, ran.err) == (0, "All checks passed (2 files scanned).\n",
                                            "fortnox-lint: Client.cs: skipped (binary file)\n")


def test_fifty_megabyte_minified_file_is_skipped_without_reading_it(tmp_path):
    line = (b'!function(){fetch("https://api.fortnox.se/3/invoices")}();' * 900_000)[:50_000_000]
    tree(tmp_path, {"app.py": CALL, "bundle.js": line})
    ran = check(tmp_path)
    assert ran.err == ("fortnox-lint: bundle.js: skipped (50.0 MB, over the 5 MB limit for source "
                       "files; minified, generated and data files are not scanned)\n")
    assert (ran.code, ran.out.splitlines()) == (1, [f"app.py:2:7: {MISSING}",
                                                    "Found 1 problem (1 error) in 1 file."])


def test_very_deep_nesting_in_source(tmp_path):
    deep = "x = " + "(" * 200_000 + ")" * 200_000 + "\n" + "y = {" * 50_000 + "}" * 50_000 + "\n"
    tree(tmp_path, {"deep.py": deep + f"u = '{URL}'\n",
                    "deep.js": "`${" * 20_000 + f"'{URL}'" + "}`" * 20_000 + "\n"})
    ran = check(tmp_path)
    assert (ran.code, ran.err) == (1, "")
    assert ran.out.splitlines()[0] == f"deep.py:3:5: {MISSING}"


def test_symlink_loops_are_reported_once_and_not_followed(tmp_path):
    tree(tmp_path, {"src/app.py": CALL})
    (tmp_path / "src" / "again").symlink_to(tmp_path / "src", target_is_directory=True)
    (tmp_path / "self.py").symlink_to(tmp_path / "self.py")
    ran = check(tmp_path)
    assert ran.err == ("fortnox-lint: src/again: skipped (symlink loop)\n"
                       "fortnox-lint: self.py: skipped (symlink loop)\n")
    assert (ran.code, ran.out.splitlines()[0]) == (1, f"src/app.py:2:7: {MISSING}")


def test_a_second_link_to_a_folder_is_scanned_once(tmp_path):
    tree(tmp_path, {"src/app.py": CALL})
    (tmp_path / "zz-link").symlink_to(tmp_path / "src", target_is_directory=True)
    ran = check(tmp_path)
    assert (ran.code, ran.err, ran.out.splitlines()) == (1, "", [f"src/app.py:2:7: {MISSING}",
                                                                "Found 1 problem (1 error) in 1 file."])


def test_broken_symlink_and_fifo_are_skipped_without_blocking(tmp_path):
    tree(tmp_path, {"app.py": CALL})
    (tmp_path / "gone.py").symlink_to(tmp_path / "nowhere.py")
    os.mkfifo(tmp_path / "pipe.py")  # opening it for reading would wait for a writer forever
    ran = run_cli(tmp_path, "check", "--select", "missing-scope", timeout=60)
    assert ran.err == ("fortnox-lint: gone.py: skipped (broken symlink)\n"
                       "fortnox-lint: pipe.py: skipped (not a regular file)\n")
    assert ran.code == 1


def test_unreadable_file_is_skipped_with_the_reason(tmp_path, monkeypatch, capsys):
    # The suite runs as root, which chmod cannot stop; make the operating system say no instead.
    tree(tmp_path, {"app.py": CALL, "secret.py": CALL})
    real_open = os.open

    def deny(path, flags, *args, **kwargs):
        if os.fspath(path).endswith("secret.py"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    ran = run_main(monkeypatch, capsys, tmp_path, "check", "--no-cache", "--select", "missing-scope")
    assert ran.err == "fortnox-lint: secret.py: skipped (cannot read: Permission denied)\n"
    assert (ran.code, ran.out.splitlines()[0]) == (1, f"app.py:2:7: {MISSING}")


def test_unreadable_folder_is_skipped_with_the_reason(tmp_path, monkeypatch, capsys):
    tree(tmp_path, {"app.py": CALL, "private/x.py": CALL})
    real_scandir = os.scandir

    def deny(path="."):
        if os.fspath(path).endswith("private"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    ran = run_main(monkeypatch, capsys, tmp_path, "check", "--no-cache", "--select", "missing-scope")
    assert ran.err == "fortnox-lint: private: skipped (cannot read folder: Permission denied)\n"
    assert (ran.code, ran.out.splitlines()) == (1, [f"app.py:2:7: {MISSING}",
                                                    "Found 1 problem (1 error) in 1 file."])


def test_file_deleted_during_the_scan(tmp_path, monkeypatch, capsys):
    import linter.scanner as scanner

    tree(tmp_path, {"app.py": CALL, "tmp.py": CALL})
    real_walk = scanner.walk

    def walk_then_delete(*args, **kwargs):
        listed = list(real_walk(*args, **kwargs))
        (tmp_path / "tmp.py").unlink()  # gone between listing the folder and reading the file
        return iter(listed)

    monkeypatch.setattr(scanner, "walk", walk_then_delete)
    ran = run_main(monkeypatch, capsys, tmp_path, "check", "--no-cache", "--select", "missing-scope")
    assert ran.err == "fortnox-lint: tmp.py: skipped (file disappeared during the scan)\n"
    assert (ran.code, ran.out.splitlines()[0]) == (1, f"app.py:2:7: {MISSING}")


def test_nonexistent_path(tmp_path):
    tree(tmp_path, {"app.py": CALL})
    assert one_line_error(run_cli(tmp_path, "check", "src/missing.py")) == (
        "fortnox-lint: error: src/missing.py: no such file or folder\n")


def test_empty_repository(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "fortnox.yaml").write_text("scopes: []\n")
    ran = run_cli(tmp_path, "check")
    assert (ran.code, ran.out, ran.err) == (0, "All checks passed (1 file scanned).\n", "")


def test_empty_folder_without_manifest(tmp_path):
    assert one_line_error(run_cli(tmp_path, "check")).startswith(
        "fortnox-lint: error: no fortnox.yaml found in . or any folder above it")


def test_scopes_command_on_an_empty_folder(tmp_path):
    ran = run_cli(tmp_path, "scopes")
    assert (ran.code, ran.out, ran.err) == (0, "No Fortnox endpoint calls found (0 files scanned).\n", "")


def test_undecodable_file_name_is_shown_escaped(tmp_path):
    tree(tmp_path, {})
    (tmp_path / os.fsdecode(b"caf\xe9.py")).write_text(CALL)
    ran = check(tmp_path)
    assert (ran.code, ran.err) == (1, "")
    assert ran.out.splitlines()[0] == f"caf\\xe9.py:2:7: {MISSING}"
