"""Evaluator.unknowns() reads a lone name's lookup without making its variants, expression() reads
one operand without chain(), and a name's member bindings are folded once into a run that later
lookups take their first values from. Each must give what the plain evaluation gives: the
unknowns of the first MAX_VARIANTS variants of expression(), chain()'s values, and _fold_all over
the members but the one looked up at. The evaluator remembers
folds as it goes (and what it remembers shapes later answers), so the two are run side by side,
one step at a time, and what they remember is compared after each step too."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from fnx_strategies import FAST, source_text
from linter.scanner import evaluate as ev
from linter.scanner.lexer import LANGUAGES, tokenize
from linter.scanner.symbols import collect
from linter.scanner.syntax import Code
from linter.scanner.work import language_of

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted(p for folder in ("corpus", "fixtures") for p in (ROOT / folder).rglob("*")
                if p.is_file() and language_of(p) in LANGUAGES)
LANGUAGE = st.sampled_from(sorted(LANGUAGES))
# Names bound many times (keyword arguments, hash keys, fields) and passed to calls, so that
# lookups fold runs of members with one of them left out, across the MAX_VARIANTS cut.
PIECES = [
    "json", "body", "payload", "self.", "this.", "@", "$this->", "url", "BASE", "A", "f(", "g.post(", "requests.get(",
    "HTTParty.post(", ")", "(", "=", " = ", ":", ": ", "=>", ",", ", ", ".", "+", " + ", "%", "[", "]", "{", "}",
    "\n", "\n  ", "def ", "class ", "end", "do", "return ", "new ", "await ", '"/3/invoices"', '"x"', '"%s/y"',
    '"{}"', '"${a}"', "'z'", "or", "||", "?:", ".format(", ".join(", "urljoin(", "to_json", "NewReader(", "1",
]
snippet = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
REPEATED = [
    ("python", "def f{k}(payload):\n    r = s.post(u, json=payload{m})\n    return json\n"),
    ("ruby", "def f{k}(payload)\n  r = HTTParty.post(u, body: payload.to_json)\n  body\nend\n"),
    ("elixir", "def f{k}(payload) do\n  Req.post(u, json: payload{m}) |> json\nend\n"),
    ("typescript", "class C{k} {{ json = a{m} + b; f(payload) {{ return this.http.post(u, this.json); }} }}\n"),
    ("python", "class C{k}:\n    body = 'p{k}' if x else q{k}\n    def f(self):\n        s.post(self.body, body)\n"),
]


class Reference(ev.Evaluator):
    """The plain evaluator: every expression read by chain(), members folded afresh on every lookup."""

    def expression(self, start: int, depth: int = 0) -> list[ev.Value]:
        span = self._extent(start)
        return self.chain(span[0], span[2], depth) if span is not None else [ev.unknown()]

    def _fold_members(self, key: str, removed: int | None, depth: int) -> list[ev.Value]:
        return self._fold_all([b for b in self._named[key].members if b.target != removed], depth)


def plain_unknowns(evaluator: ev.Evaluator, start: int) -> set:
    return {(p.names, p.member) for v in evaluator.expression(start) for p in v.pieces if p.token < 0 and p.names}


def side_by_side(text: str, language: str) -> int:
    """Evaluate every name and string of ``text`` both ways, in order; how many steps agreed."""
    tokens = tokenize(text, LANGUAGES[language])
    code = Code(tokens, text, language)
    symbols = collect(code)
    fast, plain = ev.Evaluator(code, symbols), Reference(code, symbols)
    steps = 0
    for i, kind in enumerate(code.kinds):
        if kind not in ("name", "str"):
            continue
        if i % 3:  # the argument pass asks for unknowns; the anchors and base passes for values
            assert fast.unknowns(i) == plain_unknowns(plain, i), (language, i, code.values[i])
        else:
            assert fast.expression(i) == plain.expression(i), (language, i, code.values[i])
        assert fast._folded == plain._folded
        steps += 1
    return steps


@pytest.fixture(params=[ev.MAX_VARIANTS, 3, 1], ids=lambda n: f"variants{n}")
def variants(request, monkeypatch):
    """Small limits make every cut (of products, folds and member runs) happen in small sources."""
    monkeypatch.setattr(ev, "MAX_VARIANTS", request.param)
    return request.param


def test_the_corpus_gives_the_same_unknowns_and_values(variants):
    steps = sum(side_by_side(path.read_text(encoding="utf-8", errors="replace"), language_of(path))
                for path in CORPUS)
    assert steps > 1000  # the corpus was found and read


@pytest.mark.parametrize("language,template", REPEATED)
@pytest.mark.parametrize("count", [2, 30, 60, 130])
def test_names_bound_many_times_give_the_same_unknowns_and_values(language, template, count, variants):
    text = "".join(template.format(k=k, m=k % 3) for k in range(count))
    assert side_by_side(text, language) > count


@settings(FAST, max_examples=200)
@given(st.one_of(snippet, source_text), LANGUAGE, st.sampled_from([ev.MAX_VARIANTS, 3, 1]))
@example("f(json=a)\nf(json=b)\nf(json=json)\ng(json)", "python", 1)
@example("post(u, body: x)\npost(u, body: body)\nbody", "ruby", 1)
@example('requests.get(os.getenv("A", "${b.c}"))', "python", 1)  # a call with more values than the limit
def test_generated_sources_give_the_same_unknowns_and_values(text, language, limit):
    saved = ev.MAX_VARIANTS
    ev.MAX_VARIANTS = limit
    try:
        side_by_side(text, language)
    finally:
        ev.MAX_VARIANTS = saved


def test_the_fast_path_and_the_runs_are_taken():
    # Guards that the tests above compare two different evaluations.
    text = "".join(REPEATED[1][1].format(k=k, m=0) for k in range(60))
    code = Code(tokenize(text, LANGUAGES["ruby"]), text, "ruby")
    evaluator = ev.Evaluator(code, collect(code))
    starts: list[int] = []
    chain = evaluator.chain
    evaluator.chain = lambda start, end, depth=0: starts.append(start) or chain(start, end, depth)  # type: ignore
    bodies = [k for k, value in enumerate(code.values) if value == "body"]
    for at in bodies[:2]:  # the first leaves its own binding out: the second folds that one
        assert evaluator.unknowns(at) == {(("payload", "to_json"), False)}
    assert bodies[0] not in starts  # looked up, not evaluated
    evaluator._fold_all = None  # type: ignore[assignment]  # the next lookups must take the run
    for at in (bodies[2], bodies[3], bodies[-2], bodies[-1]):
        assert evaluator.unknowns(at) == {(("payload", "to_json"), False)}
    assert len(evaluator._member_runs["body"].head) == ev.MAX_VARIANTS
