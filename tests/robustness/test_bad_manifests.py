"""Bad manifests and catalogs: each ends in a finding (exit 1) or one error line (exit 2).

Run through a real subprocess, so what is asserted is exactly what a user sees.
"""

from __future__ import annotations

from pathlib import Path

from lintrun import one_line_error, run_cli

CALL = 'import requests\nrequests.get("https://api.fortnox.se/3/invoices")\n'


def project(root: Path, manifest: str | bytes, files: dict[str, str] | None = None) -> Path:
    data = manifest.encode("utf-8") if isinstance(manifest, str) else manifest
    (root / "fortnox.yaml").write_bytes(data)
    for name, text in (files or {"app.py": CALL}).items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_malformed_yaml_is_an_error_at_its_line(tmp_path):
    project(tmp_path, "scopes: [invoice\n  bad: x\n")
    assert one_line_error(run_cli(tmp_path, "check")) == (
        "fortnox-lint: error: fortnox.yaml:2:6: invalid YAML: expected ',' or ']', but got ':'\n")


def test_manifest_of_the_wrong_type_is_a_finding(tmp_path):
    project(tmp_path, "- invoice\n- customer\n")
    ran = run_cli(tmp_path, "check", "--select", "invalid-manifest")
    assert (ran.code, ran.err) == (1, "")
    assert ran.out == ("fortnox.yaml:1:1: FNX007 [invalid-manifest] the manifest: expected a mapping, got a list\n"
                       "Found 1 problem (1 error) in 1 file.\n")


def test_scalar_manifest_is_a_finding(tmp_path):
    project(tmp_path, "just some words\n")
    ran = run_cli(tmp_path, "check", "--select", "invalid-manifest")
    assert ran.code == 1
    assert ran.out.splitlines()[0] == (
        "fortnox.yaml:1:1: FNX007 [invalid-manifest] the manifest: expected a mapping, got a string")


def test_unknown_key_is_a_finding_with_a_suggestion(tmp_path):
    project(tmp_path, "scopes: [invoice]\nscopez: [customer]\n")
    ran = run_cli(tmp_path, "check", "--select", "invalid-manifest")
    assert ran.code == 1
    assert ran.out.splitlines()[0] == (
        "fortnox.yaml:2:1: FNX007 [invalid-manifest] unknown key 'scopez'; did you mean 'scopes'? "
        "(known keys: scopes, licenses, redirect_uris, service_account, oauth2, distribution, "
        "published, exclude, include_tests, lint)")


def test_duplicate_key_is_an_error_at_the_second_key(tmp_path):
    project(tmp_path, "scopes: [invoice]\nlicenses: [Order]\nscopes: [customer]\n")
    assert one_line_error(run_cli(tmp_path, "check")) == (
        "fortnox-lint: error: fortnox.yaml:3:1: duplicate key 'scopes'\n")


def test_alias_bomb_is_refused_not_expanded(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    project(tmp_path, "\n".join(lines + ["scopes: *a9"]) + "\n")  # 10**10 nodes if expanded
    assert one_line_error(run_cli(tmp_path, "check")) == (
        "fortnox-lint: error: fortnox.yaml:1:22: document too large or too deeply aliased "
        "(over 100000 nodes)\n")


def test_ten_megabyte_manifest_is_refused_before_parsing(tmp_path):
    project(tmp_path, "scopes: [invoice]\n" + "# padding\n" * 1_000_000)
    assert (tmp_path / "fortnox.yaml").stat().st_size > 10_000_000
    assert one_line_error(run_cli(tmp_path, "check")) == (
        "fortnox-lint: error: fortnox.yaml: manifest is larger than 1 MB; is this the right file?\n")


def test_deeply_nested_manifest_is_an_error_not_a_crash(tmp_path):
    project(tmp_path, "scopes: " + "[" * 5000 + "]" * 5000 + "\n")
    assert one_line_error(run_cli(tmp_path, "check")) == (
        "fortnox-lint: error: fortnox.yaml: invalid YAML: nested too deeply\n")


def test_missing_manifest(tmp_path):
    (tmp_path / "app.py").write_text(CALL)
    assert one_line_error(run_cli(tmp_path, "check")) == (
        "fortnox-lint: error: no fortnox.yaml found in . or any folder above it; create one "
        "(see the README's manifest reference) or pass --manifest\n")


def test_named_manifest_that_does_not_exist(tmp_path):
    (tmp_path / "app.py").write_text(CALL)
    assert one_line_error(run_cli(tmp_path, "check", "--manifest", "conf/fortnox.yaml")) == (
        "fortnox-lint: error: conf/fortnox.yaml: manifest not found\n")


def test_manifest_that_is_not_utf8(tmp_path):
    project(tmp_path, b"scopes: [invoice]\n# caf\xe9\n")
    assert one_line_error(run_cli(tmp_path, "check")) == (
        "fortnox-lint: error: fortnox.yaml: manifest is not valid UTF-8 (byte 23)\n")


def test_manifest_with_a_utf8_bom_is_read(tmp_path):
    project(tmp_path, b"\xef\xbb\xbfscopes: [invoice]\n")
    ran = run_cli(tmp_path, "check")
    assert (ran.code, ran.out, ran.err) == (0, "All checks passed (2 files scanned).\n", "")


def test_empty_manifest_is_a_finding(tmp_path):
    project(tmp_path, "# nothing yet\n")
    ran = run_cli(tmp_path, "check", "--select", "invalid-manifest")
    assert ran.code == 1
    assert ran.out.splitlines()[0] == (
        "fortnox.yaml:1:1: FNX007 [invalid-manifest] the manifest is empty; it needs at least a "
        "'scopes' list")


def test_python_tags_are_refused_and_never_run(tmp_path):
    project(tmp_path, 'scopes: !!python/object/apply:os.system ["touch pwned"]\n')
    assert one_line_error(run_cli(tmp_path, "check")) == (
        "fortnox-lint: error: fortnox.yaml:1:9: invalid YAML value: unsupported tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'\n")
    assert not (tmp_path / "pwned").exists()


def test_catalog_that_fails_its_schema(tmp_path):
    project(tmp_path, "scopes: [invoice]\n")
    (tmp_path / "catalog.yaml").write_text("catalog_version: 1\n")
    assert one_line_error(run_cli(tmp_path, "check", "--catalog", "catalog.yaml")) == (
        "fortnox-lint: error: catalog.yaml:1:1: catalog does not match its schema at (top level): "
        "'sources' is a required property (and 5 more problems)\n")


def test_catalog_that_is_not_yaml(tmp_path):
    project(tmp_path, "scopes: [invoice]\n")
    (tmp_path / "catalog.yaml").write_text("scopes: {a: [}\n")
    ran = run_cli(tmp_path, "check", "--catalog", "catalog.yaml")
    assert one_line_error(ran).startswith("fortnox-lint: error: catalog.yaml:1:14: invalid YAML: ")


def test_catalog_that_does_not_exist(tmp_path):
    project(tmp_path, "scopes: [invoice]\n")
    assert one_line_error(run_cli(tmp_path, "check", "--catalog", "nope.yaml")) == (
        "fortnox-lint: error: nope.yaml: cannot read catalog: [Errno 2] No such file or directory: "
        "'nope.yaml'\n")
