#!/usr/bin/env python3
"""Generate a synthetic monorepo for benchmarking fortnox-lint.

    python bench/generate.py OUT_DIR [--files 10000] [--mb 100] [--seed 1]

The tree is deterministic for a given (files, mb, seed). About 3% of the files call Fortnox in
the styles the scanner supports (full URLs, bare /3/ paths, interpolated strings, method calls);
about 8% mention other /api/ paths (so they pass the cheap prefilter and get lexed, as real
code does); the rest is ordinary code about HTTP, JSON and URLs. A fortnox.yaml sits at the root.
Standard library only, so CI can run it without installing anything.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

# extension -> (line comment, function template, call template)
LANGS: dict[str, tuple[str, str, str]] = {
    ".py": ("#", "def {name}(session, payload):\n{body}\n    return payload\n\n", '    resp = session.{verb}("{url}", json=payload)\n'),
    ".js": ("//", "export async function {name}(payload) {{\n{body}  return payload;\n}}\n\n", '  const r = await fetch("{url}", {{ method: "{VERB}", body: JSON.stringify(payload) }});\n'),
    ".ts": ("//", "export async function {name}(payload: unknown): Promise<unknown> {{\n{body}  return payload;\n}}\n\n", '  const r = await axios.{verb}(`{url}`, payload);\n'),
    ".php": ("//", "function {name}($client, $payload) {{\n{body}    return $payload;\n}}\n\n", '    $r = $client->request("{VERB}", "{url}", ["json" => $payload]);\n'),
    ".cs": ("//", "public async Task<string> {Name}(object payload)\n{{\n{body}    return \"ok\";\n}}\n\n", '    var r = await http.{Verb}Async($"{url}", Json(payload));\n'),
    ".java": ("//", "public String {name}(Object payload) {{\n{body}    return \"ok\";\n}}\n\n", '    HttpRequest r = HttpRequest.newBuilder(URI.create("{url}")).method("{VERB}", body(payload)).build();\n'),
    ".kt": ("//", "fun {name}(payload: Any): String {{\n{body}    return \"ok\"\n}}\n\n", '    val r = client.{verb}("{url}") {{ setBody(payload) }}\n'),
    ".go": ("//", "func {Name}(payload []byte) error {{\n{body}\treturn nil\n}}\n\n", '\treq, _ := http.NewRequest("{VERB}", "{url}", bytes.NewReader(payload))\n'),
    ".rb": ("#", "def {name}(payload)\n{body}  payload\nend\n\n", '  r = HTTParty.{verb}("{url}", body: payload.to_json)\n'),
    ".ex": ("#", "def {name}(payload) do\n{body}  payload\nend\n\n", '  {{:ok, r}} = Req.{verb}("{url}", json: payload)\n'),
}
# Fortnox endpoints written the ways integrations write them; {x} becomes run-time interpolation.
FORTNOX_URLS = [
    "https://api.fortnox.se/3/invoices", "https://api.fortnox.se/3/customers",
    "https://api.fortnox.se/3/orders", "https://api.fortnox.se/3/articles",
    "https://api.fortnox.se/3/invoicepayments", "https://api.fortnox.se/3/suppliers",
    "/3/vouchers", "/3/accounts", "/3/projects", "/3/offers", "/3/pricelists",
    "https://api.fortnox.se/api/warehouse/stockpoints-v1", "/3/companyinformation",
]
OTHER_URLS = [
    "https://api.example.com/v2/users", "https://cdn.example.org/static/app.json",
    "http://localhost:8080/health", "https://hooks.slack.com/services/T000/B000",
    "https://api.github.com/repos/acme/app/pulls", "https://www.googleapis.com/oauth2/v4/token",
]
API_PATHS = ["/api/v1/users", "/api/orders/export", "/api/health", "/api/v2/search?q=json"]
VERBS = ["get", "post", "put", "delete"]
WORDS = ("payload response request header status json body token client cache retry timeout "
         "encode decode parse serialize user order cart price stock report invoice ledger queue").split()


@dataclass(frozen=True)
class Tree:
    root: Path
    files: int
    bytes: int
    fortnox_files: int


def _ident(rng: random.Random) -> str:
    return "_".join(rng.choice(WORDS) for _ in range(rng.randint(2, 3)))


def _function(rng: random.Random, ext: str, urls: list[str]) -> str:
    comment, func, call = LANGS[ext]
    name = _ident(rng)
    lines = []
    for _ in range(rng.randint(3, 8)):
        roll = rng.random()
        if roll < 0.25 and urls:
            verb = rng.choice(VERBS)
            url = rng.choice(urls)
            if "{x}" in url and ext not in (".ts", ".py", ".cs", ".rb", ".ex"):
                url = url.replace("/{x}", "")
            if ext == ".py" and "{x}" in url:
                lines.append(f'    resp = session.{verb}(f"{url}", json=payload)\n')
                continue
            lines.append(call.format(verb=verb, VERB=verb.upper(), Verb=verb.capitalize(), url=url))
        elif roll < 0.45:
            lines.append(f"    {comment} {' '.join(rng.choice(WORDS) for _ in range(rng.randint(5, 12)))}\n")
        else:
            lines.append(f"    {comment} see {rng.choice(OTHER_URLS)} for the JSON format of the {rng.choice(WORDS)}\n"
                         if roll < 0.5 else f"    {comment} {_ident(rng)} = {rng.randint(0, 99999)}\n")
    body = "".join(lines)
    return func.format(name=name, Name="".join(p.capitalize() for p in name.split("_")), body=body)


def _file_text(rng: random.Random, ext: str, size: int, kind: str) -> str:
    if kind == "fortnox":
        urls = OTHER_URLS + [u + ("/{x}" if rng.random() < 0.3 and u.startswith("https") else "")
                             for u in FORTNOX_URLS]
    elif kind == "api":
        urls = OTHER_URLS + API_PATHS
    else:
        urls = OTHER_URLS
    header = f"{LANGS[ext][0]} Generated benchmark file ({kind}).\n\n"
    parts = [header]
    total = len(header)
    while total < size:
        chunk = _function(rng, ext, urls)
        parts.append(chunk)
        total += len(chunk)
    return "".join(parts)


def _minified(rng: random.Random, size: int) -> str:
    """One long line, as bundlers emit: the case that defeats line-based tools."""
    piece = 'function(e,t){return fetch("https://api.example.com/v1/"+e,{method:"POST",body:JSON.stringify(t)})},'
    return "!function(){var a={" + piece * (size // len(piece)) + "}}();\n"


MANIFEST = """\
# Synthetic monorepo for benchmarking fortnox-lint.
scopes: [invoice, customer, order, article, payment, supplier, bookkeeping, project, offer, price, warehouse, companyinformation]
licenses: [Kundfaktura, Order, Bokföring, Lager]
"""


def generate(root: Path, files: int = 10_000, megabytes: float = 100, seed: int = 1) -> Tree:
    """Write the tree into ``root`` (replacing it) and describe what was written."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    budget = int(megabytes * 1_000_000)
    minified = max(1, files // 5000)  # a few bundles carry a share of the bytes, as in real repos
    minified_size = min(2_000_000, budget // 20)
    mean = max(200, (budget - minified * minified_size) // max(1, files - minified))
    exts = sorted(LANGS)
    written = fortnox = 0
    # Files as a checkout leaves them: last changed a while ago, not within the cache's 2-second
    # "may still be changing" window (which would make every warm run re-read them, and keep an
    # editor's check from being recorded for replay).
    settled = time.time_ns() - 3600 * 10**9
    (root / "fortnox.yaml").write_text(MANIFEST, encoding="utf-8")
    os.utime(root / "fortnox.yaml", ns=(settled, settled))
    for i in range(files):
        folder = root / f"services/svc-{i // 500:02d}/src/pkg{(i // 50) % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        if i < minified:
            text, name = _minified(rng, minified_size), f"bundle{i}.js"
        else:
            ext = exts[i % len(exts)]
            roll = rng.random()
            kind = "fortnox" if roll < 0.03 else "api" if roll < 0.11 else "plain"
            fortnox += kind == "fortnox"
            size = int(min(mean * 8, rng.expovariate(1 / mean)) + 200)
            text, name = _file_text(rng, ext, size, kind), f"module_{i:05d}{ext}"
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        os.utime(folder / name, ns=(settled, settled))
        written += len(data)
    return Tree(root, files, written, fortnox)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    tree = generate(args.out, args.files, args.mb, args.seed)
    print(f"{tree.root}: {tree.files} files, {tree.bytes / 1e6:.1f} MB, {tree.fortnox_files} call Fortnox")


if __name__ == "__main__":
    main()
