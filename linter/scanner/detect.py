"""Find the Fortnox calls in one lexed file, each with how it was found and how sure we are.

A call is reported at the string literal that holds its resource path (``"/invoices"`` in
``BASE + "/invoices"``, the ``"invoices"`` in a route table or a ``resource = "invoices"`` field).
Evidence that the path reaches Fortnox comes from:

* the folded text itself: a full API URL, or an ``/3/...`` path (high confidence);
* a base it is joined with: a name bound to a Fortnox base URL in this file (high);
* the call it is passed to: a client built with a Fortnox base (high), a function whose name
  says Fortnox (medium);
* what other files know (a base URL in a config module, a helper that adds the base): such
  candidates leave the file as ``relative-call`` facts for linter.scanner.project to resolve.

Routes the integration serves itself (``app.get('/customers', ...)``) never count.
"""

from __future__ import annotations

import bisect
import posixpath
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

from linter.catalog import CONFIDENCE_RANK, Catalog, Endpoint
from linter.scanner.evaluate import PASS_THROUGH, Evaluator, Value, is_env_call, is_trim_call, resolve_reference
from linter.scanner.lexer import LineIndex, Token
from linter.scanner.methods import is_http_call, method_for, verb_of
from linter.scanner.paths import Shape, base_prefix, classify
from linter.scanner.symbols import Binding, Declaration, collect, logical_assignment_target, norm
from linter.scanner.syntax import SELF_NAMES, Call, Code
from linter.scanner.uses import EndpointUse, Fact

# Keys whose value is the base URL of an HTTP client: axios baseURL, httpx base_url, Guzzle
# base_uri, HttpClient.BaseAddress, Faraday url:, ky prefixUrl, Req base_url
BASE_KEYS = frozenset({"baseurl", "baseuri", "baseaddress", "prefixurl", "url", "host", "base", "endpoint",
                       "apiurl", "apibase", "apibaseurl", "rooturl", "serverurl"})
# Calls that configure a client's base: Retrofit/WebClient .baseUrl(), resty SetBaseURL,
# HTTParty base_uri, RestSharp new RestClient(base), Ktor defaultRequest { url(base) }
BASE_CALLS = frozenset({"baseurl", "setbaseurl", "sethosturl", "baseuri", "restclient", "url", "withbaseurl",
                        "basepath", "setbaseuri", "plug", "create", "new", "client", "instance", "uri"})
# Receivers that register the integration's own web routes
ROUTE_RECEIVERS = frozenset({"app", "router", "route", "routes", "server", "r", "e", "g", "mux", "engine",
                             "blueprint", "bp", "fastify", "express", "srv", "web", "group", "api_router",
                             "apirouter", "v1", "v2", "urls", "urlpatterns", "application"})
ROUTE_CALLS = frozenset({"get", "post", "put", "patch", "delete", "all", "use", "route", "handle", "handlefunc",
                         "any", "options", "head", "match", "resource", "resources", "mount", "scope",
                         "register", "addroute", "map", "mapget", "mappost", "mapput", "mapdelete"})
CLIENT_ANNOTATIONS = frozenset({"get", "post", "put", "patch", "delete", "http", "requestline", "getexchange",
                                "postexchange", "putexchange", "patchexchange", "deleteexchange", "httpexchange"})
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FIELD_SUFFIX = re.compile(r"(?:/(?:\{\}|[A-Za-z0-9_-]+))*")  # path segments after a field: "", "/{}/print"
_DOC_ATTRIBUTES = frozenset({"@doc", "@moduledoc", "@typedoc", "@shortdoc"})
_COMPARISONS = frozenset({"==", "===", "!=", "!==", "in", "case", "when", "startsWith", "endsWith"})


# What classify() and Catalog.match() said of a text, kept across the files a process scans: a
# project writes the same URLs and paths in file after file, and both answers depend on the text
# and the catalog alone. One memo per catalog; started afresh once large, so memory stays bounded.
_SHAPES: weakref.WeakKeyDictionary[Catalog, dict[str, Shape]] = weakref.WeakKeyDictionary()
_MATCHES: weakref.WeakKeyDictionary[Catalog, dict[str, Endpoint | None]] = weakref.WeakKeyDictionary()
_MEMO_LIMIT = 1 << 14


def _memo(memos: weakref.WeakKeyDictionary, catalog: Catalog) -> dict:
    memo = memos.get(catalog)
    if memo is None or len(memo) > _MEMO_LIMIT:
        memo = memos[catalog] = {}
    return memo


@dataclass(frozen=True)
class Evidence:
    confidence: str
    how: str
    why: str

    @property
    def rank(self) -> int:
        return CONFIDENCE_RANK[self.confidence]


@dataclass
class Candidate:
    """Everything found about one endpoint path written at one string literal."""

    token: int
    endpoint: str
    evidence: Evidence | None = None
    method: str | None = None
    route: bool = False
    via: set[str] = field(default_factory=set)
    callees: set[str] = field(default_factory=set)
    http: bool = False
    binding: str = ""
    container: str = ""
    outer: str = ""  # the table that holds the container, for an element of a nested literal
    member: bool = False
    declarative: bool = False

    def consider(self, evidence: Evidence | None, method: str | None) -> None:
        if evidence is not None and (self.evidence is None or evidence.rank > self.evidence.rank):
            self.evidence = evidence
        if method and not self.method:
            self.method = method


@dataclass
class _Anchor:
    start: int
    end: int
    values: list[Value]


class FileDetector:
    def __init__(self, text: str, display: str, language: str, tokens: list[Token], catalog: Catalog,
                 index: LineIndex) -> None:
        self.display = display
        self.catalog = catalog
        self.index = index
        self.code = Code(tokens, text, language)
        self.symbols = collect(self.code)
        self.evaluator = Evaluator(self.code, self.symbols)
        self.candidates: dict[tuple[int, str], Candidate] = {}
        self.client_names: dict[str, str] = {}  # normalised client name -> base URL
        # clients that resolve a request's path against their base as a URL reference (RFC 3986)
        # rather than appending it (see _resolving_base) -> the base they resolve against: whether
        # it ends in "/" decides what a path resolves to
        self.resolving_clients: dict[str, str] = {}
        self.chain_bases: dict[int, str] = {}  # "(" of a base call that a chain goes on from -> base URL
        self._chain_openers: list[int] | None = None  # chain_bases' keys in order, once they are all known
        self.implicit_base = ""  # a class-level base (HTTParty base_uri, Tesla BaseUrl plug)
        self.constant_bases: dict[str, tuple[str, int]] = {}  # name -> (url, token)
        self.other_bases: dict[str, int] = {}
        self.refs: set[str] = set()  # fields and tables used in a Fortnox URL
        self.refs_via: dict[str, set[str]] = {}  # fields joined to a base named elsewhere -> its names
        self.linked: set[str] = set()  # names in the statements that configure a Fortnox client
        self._by_value = {b.value: b for bs in self.symbols.bindings.values() for b in bs}
        self._containers = {b.container for bs in self.symbols.bindings.values() for b in bs if b.container}
        self._imported = {norm(local) for local, _stem in self.symbols.imports if local}
        self._bodies = {d.body[0] for d in self.symbols.declarations}  # braces that open a class or function
        self._loops: dict[tuple[str, int], set[str]] = {}
        self._names: dict[str, list[int]] | None = None  # normalised name -> its token indexes
        self._tables: tuple[list[int], dict[int, list[tuple[str, int]]]] | None = None
        self.server_file = _is_server_file(self.code)
        self.fortnox_functions: dict[str, str] = {}  # function name -> the class it is declared in
        self.pending_clients: dict[str, set[str]] = {}  # client whose base is read from elsewhere -> names
        self.client_links: dict[str, set[str]] = {}  # such a client -> types it is registered for
        self.http_refs: dict[str, set[str]] = {}  # tables passed to HTTP calls of unknown clients -> callees
        # field -> what a shared helper writes after it: "/{}" in get("/{$this->resource}/{$id}")
        self.field_suffixes: dict[str, set[str]] = {}
        self.pending_helpers: dict[str, set[str]] = {}  # functions joining a base named elsewhere -> names
        self.other_clients = False  # the file also builds a client for another service
        self._shapes = _memo(_SHAPES, catalog)  # folded text -> its shape: the same texts recur
        self._refs_memo: dict[tuple[tuple[str, ...], bool, int], set[str]] = {}  # (names, member, function)
        self._params: dict[tuple[int, str], set[str]] = {}
        self._passing: set[int] = set()  # functions whose callers' arguments are being read (cycle guard)
        # Computed on first use. Not functools.cached_property: mypyc compiles that to a plain
        # property, which would compute them again at every access.
        self._mentions_fortnox: bool | None = None
        self._name_token_list: list[int] | None = None
        self._string_token_list: list[int] | None = None
        self._called_names: tuple[list[int], list[str]] | None = None
        self._call_sites: dict[str, list[int]] | None = None
        self._call_list: list[tuple[int, Call]] | None = None
        self._extension_types: dict[int, str] | None = None
        self._function_names: frozenset[str] | None = None

    @property
    def mentions_fortnox(self) -> bool:
        """A name or string says Fortnox. Asked only of declarative clients, so found on demand."""
        if self._mentions_fortnox is None:
            # "\n" cannot be part of a match, so no match spans two values
            self._mentions_fortnox = "fortnox" in "\n".join(
                [value for value, kind in zip(self.code.values, self.code.kinds) if kind in ("name", "str")]).lower()
        return self._mentions_fortnox

    @property
    def _name_tokens(self) -> list[int]:
        """The indexes of the name tokens: several passes visit them."""
        if self._name_token_list is None:
            self._name_token_list = [k for k, kind in enumerate(self.code.kinds) if kind == "name"]
        return self._name_token_list

    @property
    def _string_tokens(self) -> list[int]:
        """The indexes of the string tokens."""
        if self._string_token_list is None:
            self._string_token_list = [k for k, kind in enumerate(self.code.kinds) if kind == "str"]
        return self._string_token_list

    @property
    def _called(self) -> tuple[list[int], list[str]]:
        """Each name written just before "(", by token, and normalised: _callers() looks at them
        in every round, for helpers and for pending helpers alike."""
        if self._called_names is None:
            values, n = self.code.values, self.code.n
            positions = [k for k in self._name_tokens if k + 1 < n and values[k + 1] == "("]
            self._called_names = positions, [norm(values[k]) for k in positions]
        return self._called_names

    @property
    def _calls_by_name(self) -> dict[str, list[int]]:
        """The tokens of ``_called`` by their normalised name: where each function is called."""
        if self._call_sites is None:
            found: dict[str, list[int]] = {}
            for k, name in zip(*self._called):
                found.setdefault(name, []).append(k)
            self._call_sites = found
        return self._call_sites

    @property
    def _calls(self) -> list[tuple[int, Call]]:
        """Each call's "(" and the call, in order: two passes look at every call."""
        if self._call_list is None:
            code = self.code
            self._call_list = [(opener, call) for opener in code.call_openers()
                               if (call := code.call_at(opener)) is not None]
        return self._call_list

    @property
    def _extensions(self) -> dict[int, str]:
        """Kotlin extension functions, by the token of their name, each with the type it extends
        as written: ``suspend fun HttpClient.lookup(which: Lookup) = get(which.path)``. In the
        body a bare call is a call on the receiver (``this``), an instance of that type."""
        if self._extension_types is None:
            code = self.code
            self._extension_types = {} if code.language != "kotlin" else {
                d.token: code.value(d.token - 2) for d in self.symbols.declarations
                if d.kind == "function" and d.token >= 2 and code.value(d.token - 1) == "."
                and code.kind(d.token - 2) == "name"}
        return self._extension_types

    def _implicit_receiver(self, call: Call) -> str:
        """The client type that a bare HTTP call (or one on ``this``) is made on inside a Kotlin
        extension function of a client type - a client of this file, or a type whose name says
        client: HttpClient, OkHttpClient, WebClient - written as in the declaration; "" for any
        other call. Only such receivers count: ``fun Application.module() { routing { get("/x")
        { ... } } }`` is an extension too, and its bare get() declares a route of the integration's
        own."""
        if not self._extensions or call.start < 0 or _receivers(call.names) or not is_http_call(call.name) \
                or norm(call.name) in self._declared_functions:
            return ""  # on something, not HTTP, or a function of this file: no receiver's method
        decl = self.symbols.enclosing(call.start, "function")
        written = self._extensions.get(decl.token, "") if decl is not None else ""
        key = norm(written)
        return written if key and (key in self.client_names or key.endswith("client")) else ""

    @property
    def _declared_functions(self) -> frozenset[str]:
        """The normalised names of the functions this file declares."""
        if self._function_names is None:
            self._function_names = frozenset(norm(d.name) for d in self.symbols.declarations if d.kind == "function")
        return self._function_names

    def _classify(self, text: str) -> Shape:
        shape = self._shapes.get(text)
        if shape is None:
            shape = self._shapes[text] = classify(text, self.catalog)
        return shape

    # -- the pass ----------------------------------------------------------------------------------
    def run(self) -> tuple[list[EndpointUse], list[Fact]]:
        skip = self._skipped_strings()
        anchors = self._anchors([i for i in self._string_tokens if i not in skip])
        for anchor in anchors:
            self._bases(anchor)
        interesting = self._interesting_bindings(anchors)
        targets = {b.target for bs in self.symbols.bindings.values() for b in bs}
        references = self._references(targets, interesting)
        seen = {(a.start, a.end) for a in anchors}
        reference_anchors = self._anchors(references, seen=seen)
        # path = PATHS[name]; client.get(path): a name bound to a read of a table is followed too
        read = self._interesting_bindings(reference_anchors) - interesting
        if read:
            reference_anchors += self._anchors(self._references(targets, read, bases=False), seen=seen)
        for anchor in reference_anchors:
            self._bases(anchor)
        self._clients_with_unknown_base()
        self._base_calls_with_unknown_base()
        self.fortnox_functions = self._functions_using_base()
        for anchor in anchors + reference_anchors:
            self._uses(anchor)
            self._collect_refs(anchor)
        self._helper_arguments()
        self._pending_callers()
        self._resolve_in_file()
        return self._report()

    def _references(self, targets: set[int], interesting: set[str], bases: bool = True) -> list[int]:
        """Names, other than binding targets, that are interesting or (``bases``) a base-like name
        joined to something. Decided once per distinct name (names recur); only base-like ones need
        a look at their surroundings."""
        code = self.code
        values = code.values
        verdicts: dict[str, bool] = {}  # a name that may be a reference -> always (True) or if joined
        for value in {values[i] for i in self._name_tokens}:
            if norm(value) in interesting:
                verdicts[value] = True
            elif bases and _base_like(value):
                verdicts[value] = False
        return [i for i in self._name_tokens if values[i] in verdicts and i not in targets
                and (verdicts[values[i]] or _joined(code, i))]

    # -- strings that are never URLs ---------------------------------------------------------------
    def _skipped_strings(self) -> set[int]:
        code = self.code
        skip: set[int] = set()
        n = len(code.tokens)
        for i in self._string_tokens:
            prev, nxt = code.value(i - 1), code.value(i + 1)
            if code.op(i + 1) in (":", "=>") and code.value(i + 1) != "::" and (
                    code.value(i - 1) in ("{", ",", "(", "[") or code.newline_before[i]):
                skip.add(i)  # a key, not a value
            elif prev == "[" and nxt == "]" and i >= 2 and (code.kind(i - 2) == "name" or
                                                            code.value(i - 2) in (")", "]")):
                skip.add(i)  # an index: data["Invoices"]
            elif code.language == "python" and _is_docstring(code, i):
                skip.add(i)
            elif code.language == "elixir" and prev in _DOC_ATTRIBUTES:
                skip.add(i)
            elif i >= 2 and code.op(i - 1) in (":", "=>", "=") and code.kind(i - 2) == "str" \
                    and code.value(i - 2).lower().startswith("@url"):
                skip.add(i)  # "@url" in a Fortnox response body: data, not a call
            elif prev in ("import", "from", "require", "require_relative", "include", "use") or \
                    (prev == "(" and code.value(i - 2) in ("require", "import", "require_once", "include")):
                skip.add(i)
            elif code.op(i - 1) in _COMPARISONS or code.value(i - 1) in _COMPARISONS or \
                    (i + 1 < n and code.op(i + 1) in ("==", "===", "!=", "!==")):
                skip.add(i)
        return skip

    # -- anchors: each expression that may build a URL, evaluated once ----------------------------
    def _anchors(self, tokens: list[int], seen: set[tuple[int, int]] | None = None) -> list[_Anchor]:
        seen = set() if seen is None else seen
        found: list[_Anchor] = []
        for i in tokens:
            start, end = self._expand(*self.evaluator.chain_bounds(i))
            if (start, end) in seen:
                continue
            seen.add((start, end))
            found.append(_Anchor(start, end, self.evaluator.chain(start, end)))
        return found

    def _expand(self, start: int, end: int) -> tuple[int, int]:
        """Grow an operand to the format / join call it feeds: sprintf("%s/x", BASE), urljoin(B, "x")."""
        code = self.code
        for _ in range(3):
            opener = code.parent[start]
            if opener < 0 or code.value(opener) != "(":
                break
            call = code.call_at(opener)
            if call is None:
                break
            name = norm(call.name)
            trims = is_trim_call(call.names)
            if name not in _FEEDING_CALLS and call.name not in ("URL", "Uri") and not trims \
                    and not is_env_call(call.names):
                break  # no call of this name feeds a URL: its arguments need no counting
            index = code.argument_index(opener, start)
            args = code.arguments(opener)
            whole = any((code.argument_value(first, last), last) == (start, end) for first, last in args)
            feeds = (name in _FORMAT_CALLS and index == 0) or \
                (name in _JOIN_CALLS and len(args) >= 2) or \
                (call.name == "URL" and len(args) == 2) or \
                (call.name == "Uri" and len(args) == 2) or \
                (name in _SEGMENT_CALLS and len(call.names) > 1) or (trims and index == 0) or \
                (index == len(args) - 1 and index > 0 and is_env_call(call.names))
            if not (whole and feeds):
                break
            start, end = self.evaluator.chain_bounds(call.close)
            start = min(start, call.start)
        return start, end

    def _interesting_bindings(self, anchors: list[_Anchor]) -> set[str]:
        """Names bound to a URL, a base or a resource path: their uses may show the call."""
        names: set[str] = set()
        for anchor in anchors:
            binding = self._binding_for(anchor.start)
            if binding is None:
                continue
            if any(self._classify(v.text).kind in ("absolute", "relative", "base") for v in anchor.values):
                names.add(binding.name)
                if binding.container:
                    names.add(binding.container)
        return names

    # -- bases -------------------------------------------------------------------------------------
    def _bases(self, anchor: _Anchor) -> None:
        for value in anchor.values:
            shape = self._classify(value.text)
            if shape.kind == "base":
                self._base_consumer(anchor, shape.url, value.text)
            elif shape.kind == "other-base":
                binding = self._binding_at(anchor.start)
                if binding is not None and not self._inside_call(binding.target):
                    self.other_bases.setdefault(binding.name, binding.target)
                elif self._configures_client(anchor.start):
                    self.other_clients = True  # another service's client: HTTP calls need a link

    def _base_consumer(self, anchor: _Anchor, url: str, written: str) -> None:
        code = self.code
        binding = self._binding_for(anchor.start)
        if binding is not None and not binding.element:
            target_names = self._target_names(binding.target)
            if binding.name in BASE_KEYS and len(target_names) > 1:  # http.BaseAddress = new Uri(B)
                self._client(norm(target_names[-2]), url, binding.target,
                             self._resolving_base(binding.name, None, written))
                self.linked.update(self._statement_types(binding.target))
                return
            owner = self._initialized_object(binding.target) if binding.name in BASE_KEYS else None
            if owner is not None:  # HttpClient c = new HttpClient { BaseAddress = new Uri(B) }
                self._client(norm(self._target_names(owner)[-1]), url, owner,
                             self._resolving_base(binding.name, None, written))
                self.linked.update(self._statement_types(owner))
                return
            call = code.direct_call(anchor.start) if binding.name not in BASE_KEYS else None
            if call is not None and _constructs_client(call):  # @conn ||= Faraday.new("https://…/3/")
                self._client(binding.name, url, binding.target, self._resolving_base(binding.name, call, written))
                self.linked.update(self._statement_types(binding.target))
                return
            if not (binding.name in BASE_KEYS and self._inside_call(binding.target)):
                self.constant_bases.setdefault(binding.name, (url, binding.target))
                return
        top = self._statement_top(anchor.start)
        lo, hi = code.statement_bounds(top)
        target = self._assignment_target(lo, anchor.start)
        names_here = {norm(code.value(k)) for k in range(lo, hi + 1) if code.kind(k) == "name"}
        call = code.direct_call(anchor.start)
        configures = call is not None and (norm(call.name) in _CLIENT_BASE_CALLS | {"new", "plug"} or
                                           norm(call.name).endswith("client") or  # httpx.AsyncClient(base_url=B)
                                           (norm(call.name) == "url" and "defaultrequest" in names_here) or
                                           (norm(call.name) in ("create", "instance", "extend") and len(call.names) > 1))
        if call is not None and not configures:
            return  # a base passed to format(), a request builder or a log line: not a client's base
        if call is not None and code.op(call.close + 1) in code.member_seps:
            self.chain_bases[call.open] = url  # Http::baseUrl(B)->get("invoices"): later calls of the chain
        function = self.symbols.enclosing(anchor.start, "function")
        if "middleware" in names_here and "baseurl" in names_here:
            self.implicit_base = url  # Tesla: [{Tesla.Middleware.BaseUrl, "..."}] - calls go through Tesla.get
            self.linked.update(names_here)
            return
        if target is None and call is not None:
            target = self._bound_by_with(call)
        key = binding.name if binding is not None else norm(call.name) if call is not None else ""
        resolving = self._resolving_base(key, call, written)
        if target is not None:
            names = self._target_names(target)
            name = norm(names[-1])
            if name in BASE_KEYS and len(names) > 1:
                name = norm(names[-2])
            self._client(name, url, target, resolving)
            self.linked.update(names_here)
        elif function is not None and call is not None and (code.value(lo) == "return" or code.language in (
                "elixir", "ruby", "kotlin")):
            self._client(norm(function.name), url, function.token, resolving)  # def client, do: Req.new(base_url: ...)
            self.linked.update(names_here)
        elif function is not None and call is None and code.value(lo) == "return" and top == lo + 1:
            # func (c Config) APIBase() string { return c.APIHost + "/3" }: APIBase() is a base
            self.constant_bases.setdefault(norm(function.name), (url, function.token))
        elif names_here & (BASE_CALLS | BASE_KEYS) or any("base" in n for n in names_here):
            self.implicit_base = url  # base_uri "…", plug Tesla.Middleware.BaseUrl, "…"
            self.linked.update(names_here)

    def _clients_with_unknown_base(self) -> None:
        """HTTP clients configured from a value this file cannot see: Guzzle base_uri =>
        config('fortnox.base_url'), http.BaseAddress = new Uri(cfg["Fortnox:BaseUrl"])."""
        code = self.code
        for name in BASE_KEYS & set(self.symbols.bindings):
            for binding in self.symbols.bindings[name]:
                values = self.evaluator.expression(binding.value)
                via = _lead_names(values)
                if not via or any(self._classify(v.text).kind == "base" for v in values):
                    continue
                qualified = self._target_names(binding.target)
                if len(qualified) > 1:
                    names = qualified[:-1]  # c.BaseAddress = new Uri(cfg["Fortnox:BaseUrl"])
                elif self._inside_call(binding.target):
                    top = self._statement_top(binding.target)
                    lo, _hi = code.statement_bounds(top)
                    target = self._assignment_target(lo, binding.target)
                    names = self._target_names(target) if target is not None else self._returned_by(binding.target)
                else:
                    names = ()
                if names:
                    client = norm(names[-1])
                    if client and client not in self.client_names:
                        self.pending_clients.setdefault(client, set()).update(via)
                        self.client_links.setdefault(client, set()).update(self._statement_types(binding.target))

    def _returned_by(self, i: int) -> tuple[str, ...]:
        """The function whose value is the client configured at token ``i`` when nothing is
        assigned it, as _base_consumer names one with a base in sight: Elixir's
        def new(opts \\ []) do ... Req.new(base_url: Keyword.fetch!(cfg, :base_url)) end."""
        call = self.code.direct_call(i)
        if self.code.language != "elixir" or call is None or not _constructs_client(call):
            return ()
        function = self.symbols.enclosing(i, "function")
        return (function.name,) if function is not None else ()

    def _base_calls_with_unknown_base(self) -> None:
        """WebClient.builder().baseUrl(baseUrl), resty SetBaseURL(cfg.URL), new RestClient(url): a
        client whose base comes from elsewhere. Named by its variable, or by the factory method
        that returns it (a Spring @Bean)."""
        code = self.code
        for opener, call in self._calls:
            if norm(call.name) not in _CLIENT_BASE_CALLS:
                continue
            args = code.arguments(opener)
            if not args:
                continue
            values = self.evaluator.expression(code.argument_value(*args[0]))  # also RestClient(baseUrl: url)
            via = _lead_names(values)
            if not via or any(self._classify(v.text).kind == "base" for v in values):
                continue
            top = self._statement_top(opener)
            lo, _hi = code.statement_bounds(top)
            target = self._assignment_target(lo, opener)
            if target is not None:
                client = norm(self._target_names(target)[-1])
            elif code.value(lo) == "return" or code.language == "kotlin":
                decl = self.symbols.enclosing(opener, "function")
                client = norm(decl.name) if decl else ""
            else:
                client = ""
            if client and client not in self.client_names:
                self.pending_clients.setdefault(client, set()).update(via)
                self.client_links.setdefault(client, set()).update(self._statement_types(opener))

    def _statement_types(self, i: int) -> set[str]:
        """Capitalised names in the statement that configures a client: AddHttpClient<LedgerClient>,
        Retrofit...create(LedgerApi::class.java). Those types send their requests to that base."""
        code = self.code
        top = i
        for _ in range(12):
            opener = code.parent[top]
            if opener < 0:
                break
            top = opener
        lo, hi = code.statement_bounds(top)
        return {norm(code.value(k)) for k in range(lo, hi + 1)
                if code.kind(k) == "name" and code.value(k)[:1].isupper() and code.value(k) not in _NOT_TABLES}

    def _configures_client(self, start: int) -> bool:
        """The value at ``start`` is the base given to a client: new RestClient(url), baseURL: url."""
        binding = self._binding_for(start)
        if binding is not None and binding.name in BASE_KEYS:
            return True
        call = self.code.direct_call(start)
        return call is not None and norm(call.name) in _CLIENT_BASE_CALLS | {"new", "client", "create"}

    def _client(self, name: str, url: str, token: int, resolving: str = "") -> None:
        """``name`` is a client whose base is ``url``; ``resolving``: the base it resolves request
        paths against, when it does (see _resolving_base)."""
        if name and name not in SELF_NAMES:
            if resolving and name not in self.client_names:
                self.resolving_clients[name] = resolving
            self.client_names.setdefault(name, url)
            self.constant_bases.setdefault(name, (url, token))

    def _resolving_base(self, key: str, call: Call | None, written: str) -> str:
        """The base that a client configured through ``key`` (a normalised option name or factory
        call) or the call ``call`` resolves each request's path against as a URL reference
        (RFC 3986), or "" for a client that appends paths to its base. .NET's BaseAddress
        (new Uri(base, path)), the base_uri of Guzzle and Symfony and Ktor's defaultRequest url
        resolve against the base as written; Faraday first ends it with "/", so only a path with a
        leading slash loses it."""
        language = self.code.language
        if (language == "csharp" and key == "baseaddress") or (language == "kotlin" and key == "url") or \
                (language == "php" and key in ("baseuri", "createforbaseuri")):
            return written.strip()
        if language == "ruby" and call is not None and any(norm(n) == "faraday" for n in call.names):
            return written.strip().rstrip("/") + "/"
        return ""

    def _binding_for(self, start: int) -> Binding | None:
        """The binding whose value is the expression at ``start``, also when a wrapper call
        holds it: url = URI.create("..."), h.BaseAddress = new Uri("...")."""
        binding = self._binding_at(start)
        if binding is None:
            call = self.code.direct_call(start)
            if call is not None and norm(call.name) in PASS_THROUGH and call.start >= 0 and \
                    [a[0] for a in self.code.arguments(call.open)] == [start]:
                outer = self.evaluator.chain_bounds(call.start)[0]
                if self.code.value(outer - 1) in ("new", "await"):
                    outer -= 1
                binding = self._binding_at(outer)
        return binding

    def _outer_table(self, element: int) -> str:
        """The named table around the literal that holds the list element at ``element``, or "":
        RESOURCES in @resources [articles: {"/articles", "Articles"}] (Elixir) or
        EXPORTS = {"vouchers": ("/vouchers", "Vouchers")} (Python). A loop over the table reads
        the paths of its entries."""
        code = self.code
        opener = code.parent[element]
        outer = code.parent[opener] if opener >= 0 else -1
        return self.symbols.containers.get(outer, "") if outer >= 0 else ""

    def _binding_at(self, value_start: int) -> Binding | None:
        return self._by_value.get(value_start)

    def _inside_call(self, i: int) -> bool:
        return self.code.direct_call(i) is not None

    def _statement_top(self, i: int) -> int:
        """Climb out of call arguments and object literals to the statement that holds them."""
        code = self.code
        k = i
        for _ in range(12):
            opener = code.parent[k]
            if opener < 0:
                return k
            if code.value(opener) == "{" and (not code.literal_brace(opener) or opener in self._bodies):
                return k
            k = opener
        return k

    def _assignment_target(self, lo: int, until: int) -> int | None:
        code = self.code
        level = code.parent[lo]
        for k in range(lo, until):
            if code.parent[k] == level and code.op(k) in ("=", ":=") and k > lo:
                j = logical_assignment_target(code, k)
                if code.kind(j) == "name":
                    return j
                return None
        return None

    def _bound_by_with(self, call: Call) -> int | None:
        """The name a Python ``with`` binds a call's value to: ``with httpx.Client(base_url=B) as c:``."""
        code = self.code
        k = call.close + 1
        if code.language == "python" and code.value(k) == "as" and code.kind(k + 1) == "name":
            return k + 1
        return None

    def _initialized_object(self, key: int) -> int | None:
        """The variable or field set to the object whose initializer sets ``key``:
        ``c`` in ``HttpClient c = new HttpClient { BaseAddress = ... }`` (also ``new() { ... }``
        and ``new HttpClient(handler) { ... }``), None anywhere else."""
        code = self.code
        opener = code.parent[key]
        if opener < 0 or code.values[opener] != "{":
            return None
        j = opener - 1
        if code.value(j) == ")" and code.partner[j] >= 0:
            j = code.partner[j] - 1
        if code.kind(j) == "name" and code.value(j) != "new":
            j = code.chain_start(j) - 1
        if code.value(j) != "new":
            return None
        lo, _hi = code.statement_bounds(j)
        return self._assignment_target(lo, j)

    def _target_names(self, target: int) -> tuple[str, ...]:
        start = self.code.chain_start(target)
        return tuple(n for n in self.code.chain_names(start, target) if n.lstrip("$") not in SELF_NAMES) \
            or (self.code.value(target),)

    def _functions_using_base(self) -> dict[str, str]:
        """Functions of this file whose body uses a Fortnox base or client: calling one with a
        resource path calls Fortnox (fortnoxGet('/invoices'), c.get(ctx, "invoices"))."""
        names = set(self.constant_bases) | set(self.client_names)
        # tokens naming a base, found in one pass: function bodies nest, so scanning each body
        # would visit inner tokens again and again
        functions = [d for d in self.symbols.declarations if d.kind == "function"]
        if self.implicit_base or not functions:
            mentions: list[int] = []
        else:  # with no names to look for, only the API host in a string can count
            mentions = self._base_mentions(names)
        using = [decl for decl in functions if self.implicit_base or
                 bisect.bisect_left(mentions, decl.body[0]) < bisect.bisect_right(mentions, decl.body[1])]
        # get() calls do(), which joins the base: get is a Fortnox helper too
        callers = [decl for decl, _callees in self._callers({norm(decl.name) for decl in using})]
        found: dict[str, str] = {}
        for decl in using + callers:
            cls = self.symbols.enclosing(decl.token, "class")
            found[norm(decl.name)] = cls.name if cls else ""
        return found

    def _callers(self, seeds: set[str]) -> list[tuple[Declaration, set[str]]]:
        """The functions of this file that call one of ``seeds`` (normalised function names), or
        call such a caller, and so on: each with the seeds and callers its body calls, in the order
        they were found."""
        if not seeds:
            return []
        positions, called = self._called
        known = set(seeds)
        found: list[tuple[Declaration, set[str]]] = []
        changed = True
        while changed:
            changed = False
            for decl in self.symbols.declarations:
                name = norm(decl.name)
                if decl.kind != "function" or name in known:
                    continue
                lo, hi = decl.body
                first, last = bisect.bisect_left(positions, lo), bisect.bisect_right(positions, hi)
                reached = {callee for callee in called[first:last] if callee in known}
                if reached:
                    known.add(name)
                    found.append((decl, reached))
                    changed = True
        return found

    def _pending_callers(self) -> None:
        """A function that uses a client whose base is set from elsewhere sends its requests there
        (def request(m, path) = connection.run_request(m, path), connection's url read from an
        initializer); one that calls such a function, or a pending helper, joins the same base
        through it: a client's get() and paginate() around the _request() that adds
        settings.FORTNOX_API_URL."""
        if self.pending_clients:
            values = self.code.values
            named = [k for k in self._name_tokens if norm(values[k]) in self.pending_clients]
            for decl in self.symbols.declarations:
                lo, hi = decl.body
                mentions = named[bisect.bisect_left(named, lo):bisect.bisect_right(named, hi)]
                if decl.kind != "function" or not mentions:
                    continue
                via = self.pending_helpers.setdefault(norm(decl.name), set())
                for k in mentions:
                    via.update(self.pending_clients[norm(values[k])])
        for decl, reached in self._callers(set(self.pending_helpers)):
            via = self.pending_helpers.setdefault(norm(decl.name), set())
            for name in reached:
                via.update(self.pending_helpers.get(name, ()))

    def _base_mentions(self, names: set[str]) -> list[int]:
        """The tokens that name a Fortnox base, in order: BASE, or a string with ${BASE} or the
        API host. Each distinct name is normalised once."""
        code = self.code
        values, tokens = code.values, code.tokens
        named = {value for value in {values[k] for k in self._name_tokens} if norm(value) in names} if names else ()
        found = [k for k in self._name_tokens if values[k] in named] if named else []
        for k in self._string_tokens:
            tok = tokens[k]
            if "api.fortnox.se" in tok.value or any(
                    norm(ident) in names for part in tok.parts for ident in _IDENTIFIER.findall(part)):
                found.append(k)
        return sorted(found)

    # -- uses --------------------------------------------------------------------------------------
    def _uses(self, anchor: _Anchor) -> None:
        found = [(value, shape) for value in anchor.values
                 if (shape := self._classify(value.text)).kind in ("absolute", "relative")]
        if not found:
            return
        call = self._call_of(anchor.start, anchor.end)  # the same for every value of the anchor
        sent: str | None = ""  # the method of the request a variable carries it to: asked once, if needed
        for value, shape in found:
            if self.resolving_clients and not shape.lead_unknown:
                shape = self._as_resolved(call, value, shape)
            token = _token_at(value, shape.at)
            if token < 0:
                continue
            key = (token, shape.endpoint)
            candidate = self.candidates.get(key)
            if candidate is None:
                candidate = self.candidates[key] = Candidate(token, shape.endpoint)
            evidence, route = self._evidence(anchor, call, value, shape, candidate)
            if route:
                candidate.route = True
                continue
            method = shape.method or method_for(self.code, anchor.start, anchor.end)
            if method is None:
                if sent == "":
                    sent = self._sent_method(anchor.start)
                method = sent
            candidate.consider(evidence, method)
            if evidence is not None and evidence.rank >= CONFIDENCE_RANK["medium"]:
                self._note_refs(value)

    def _as_resolved(self, call: Call | None, value: Value, shape: Shape) -> Shape:
        """``shape`` with the endpoint a resolving client really requests, when ``call`` is made on
        one: its base without the trailing slash loses its last segment ("invoices" against
        https://api.fortnox.se/3 is /invoices), and a path with a leading slash replaces the base's
        whole path."""
        client = self._client_of(self._call_receivers(call)) if call is not None else None
        if client not in self.resolving_clients:
            return shape
        resolved = resolve_reference(self.resolving_clients[client], value)
        if resolved is None:
            return shape
        real = self._classify(resolved.text)
        if real.kind != "absolute" or real.endpoint == shape.endpoint:
            return shape
        return Shape("relative", real.endpoint, shape.at, shape.method)

    def _call_receivers(self, call: Call) -> list[str]:
        """_receivers of the call, or the client type it is implicitly made on (_implicit_receiver)."""
        receivers = _receivers(call.names)
        if receivers or not self._extensions:
            return receivers
        implicit = self._implicit_receiver(call)
        return [norm(implicit)] if implicit else receivers

    def _client_of(self, receivers: list[str]) -> str | None:
        """The client with a base URL among a call's ``receivers`` (``http`` in http.GetAsync)."""
        return next((r for r in receivers if r in self.client_names), None)

    def _evidence(self, anchor: _Anchor, call: Call | None, value: Value, shape: Shape,
                  candidate: Candidate) -> tuple[Evidence | None, bool]:
        """``call``: the call the anchor is an argument of (_call_of)."""
        code = self.code
        if call is not None and self._is_route(call):
            return None, True
        if shape.kind == "absolute":
            return Evidence("high", _how(value), self._why_absolute(value)), False
        binding = self._binding_at(anchor.start)
        if binding is not None and value.pieces and value.pieces[0].token == candidate.token:
            candidate.binding = binding.name
            candidate.container = binding.container
            if binding.element:
                candidate.outer = self._outer_table(binding.target)
            candidate.member = binding.member
        if shape.lead_unknown:
            lead = value.pieces[0]
            names = [n for n in lead.names if n.lstrip("$@") not in SELF_NAMES]
            candidate.via.update(_via_names(names))
            fortnoxy = [n for n in names if "fortnox" in n.lower()]
            if fortnoxy:
                return Evidence("medium", "fortnox-base",
                                f"joined to {'.'.join(names) or fortnoxy[0]}, a name that says Fortnox"), False
            owner = self._fortnox_owner(anchor.start)
            if lead.member and owner:
                return Evidence("medium", "fortnox-base", f"joined to the base of {owner}"), False
        found = self._call_evidence(call, candidate) if call is not None else None
        if found is None and call is not None and norm(call.name) in _URI_BUILDERS and call.start >= 0:
            outer = code.direct_call(call.start)  # uri -> uri.path("/x").build(id) inside .uri(...)
            if outer is not None and not self._is_route(outer):
                found = self._call_evidence(outer, candidate)
        return found, False

    def _call_of(self, start: int, end: int) -> Call | None:
        """The call the expression is a direct argument of (through object/array literals)."""
        code = self.code
        call = code.direct_call(start) or code.piped_call(end)
        if call is not None:
            return call
        opener = code.parent[start]
        # Ruby and Elixir call without parentheses: get "/invoices", headers
        if (opener < 0 or code.value(opener) != "(") and code.language in ("ruby", "elixir") and start > 0 \
                and not code.newline_before[start] and code.kind(start - 1) == "name" \
                and code.value(start - 1) not in ("return", "when", "do", "else", "if", "unless", "puts"):
            callee_start = code.chain_start(start - 1)
            names = code.chain_names(callee_start, start - 1)
            if names:
                return Call(-1, -1, names, callee_start, False, False)
        return None

    def _is_route(self, call: Call) -> bool:
        """The integration's own web route: app.get('/x', handler), @GetMapping, [HttpGet], Route::get."""
        code = self.code
        name = norm(call.name)
        if call.decorated or call.attribute:
            if code.language in ("java", "kotlin"):
                if name in CLIENT_ANNOTATIONS and call.name.isupper() or name.endswith("exchange") or \
                        name == "requestline":
                    return False
                return not ("FeignClient" in code.text or "RegisterRestClient" in code.text)
            if code.language == "csharp":
                return not (name in CLIENT_ANNOTATIONS and not call.name.lower().startswith("http"))
            return True  # decorators in Python / TypeScript frameworks declare routes
        receivers = [norm(n) for n in call.names[:-1]]
        if receivers and receivers[-1] in self.client_names:
            return False
        if not receivers and self._extensions and self._implicit_receiver(call):
            return False  # get(path) in fun HttpClient.x(): a request on the receiver
        if name in ("handlefunc", "handle", "handler"):
            return True  # Go: http.HandleFunc("/invoices", h), mux.Handle(...)
        if name in ROUTE_CALLS and receivers and not self._receiver_is_call(call):
            last = receivers[-1]
            if last in ROUTE_RECEIVERS or "router" in last or last.endswith("routes") or \
                    (last == "route" and code.language == "php"):
                return True
        if call.open >= 0 and name in ROUTE_CALLS and self._has_handler(call):
            return True
        if code.language == "kotlin" and not receivers and name in ROUTE_CALLS and self._ktor_route(call):
            return True
        if call.open < 0 and (self.server_file or self._block_follows(call)):
            return True
        return False

    def _ktor_route(self, call: Call) -> bool:
        """A Ktor server route: a bare get("/x") { call.respond(...) }, its handler a trailing
        lambda, inside routing { }, route("/api") { } or authenticate { }, or in an extension
        function of Route, Routing or Application (fun Route.invoiceRoutes()). A file that also
        builds a Fortnox client would take it for an HTTP call of that client's."""
        code = self.code
        if call.open < 0 or code.value(call.close + 1) != "{":
            return False
        k = call.start
        for _ in range(12):
            opener = code.parent[k]
            if opener < 0:
                break
            if code.values[opener] == "{":
                j = opener - 1
                if code.value(j) == ")" and 0 <= code.partner[j] < j:
                    j = code.partner[j] - 1  # route("/api") {
                if code.kind(j) == "name" and code.values[j] in _KTOR_ROUTING:
                    return True
            k = opener
        decl = self.symbols.enclosing(call.start, "function")
        return decl is not None and norm(self._extensions.get(decl.token, "")) in _KTOR_ROUTE_TYPES

    def _receiver_is_call(self, call: Call) -> bool:
        """client.R().Get(url): the receiver is a call result, not a router variable."""
        code = self.code
        k = call.open - 2
        return k >= 0 and code.value(k) in (")",) or (k >= 0 and code.op(k) in (".", "?.", "->") and
                                                       code.value(k - 1) == ")")

    def _chain_base(self, call: Call) -> str | None:
        """The base URL set by a call earlier in the same chain: Http::baseUrl(B)->get("invoices")."""
        if not self.chain_bases or call.start < 0:
            return None
        if self._chain_openers is None:  # every base is known before any call is judged (run)
            self._chain_openers = sorted(self.chain_bases)
        openers = self._chain_openers  # by position: a bisection per call, not a pass
        k = bisect.bisect_right(openers, call.start)
        return self.chain_bases[openers[k]] if k < len(openers) and openers[k] < call.open else None

    def _has_handler(self, call: Call) -> bool:
        """A later argument is a function: (req, res) => ..., function (req, res), async (...)."""
        code = self.code
        for first, _last in code.arguments(call.open)[1:]:
            value = code.value(first)
            if value in ("function", "async") or code.op(first + 1) == "=>" or \
                    (value == "(" and code.op(code.partner[first] + 1) == "=>"):
                return True
        return False

    def _block_follows(self, call: Call) -> bool:
        """Sinatra-style routes: get '/x' do ... end."""
        code = self.code
        k = call.start + len(call.names) * 2
        while k < len(code.tokens) and not code.newline_before[k]:
            if code.value(k) == "do":
                return True
            k += 1
        return False

    def _call_evidence(self, call: Call, candidate: Candidate) -> Evidence | None:
        code = self.code
        names = call.names
        shown = ".".join(n for n in names if n)
        fortnoxy = [n for n in names if "fortnox" in n.lower()]
        http = is_http_call(call.name) or bool(call.decorated or call.attribute)
        candidate.http = candidate.http or http
        candidate.callees.update(norm(n) for n in names if n.lstrip("$") not in SELF_NAMES)
        if call.decorated or call.attribute:
            candidate.declarative = True
            if self.mentions_fortnox or self.client_names or self.constant_bases:
                return Evidence("medium", "declarative-client",
                                f"declared by @{call.name} in a client interface of a file that names Fortnox")
            return None
        receivers = _receivers(names)
        implicit = self._implicit_receiver(call) if not receivers and self._extensions else ""
        if implicit:  # get(path) in fun HttpClient.x(): made on the receiver, a client
            shown = f"{implicit}.{shown}"
            candidate.callees.add(norm(implicit))
        client = self._client_of(receivers or ([norm(implicit)] if implicit else []))
        if client is not None:
            url = self.client_names[client]
            if client in self.resolving_clients and not candidate.endpoint.startswith(("/3/", "/api/")):
                # the path was resolved to somewhere outside the API: the base it was resolved against
                return Evidence("high", "client-base", f"requested through {shown}, whose base URL is "
                                f"{self.resolving_clients[client]}, which resolves the path against it as a "
                                "URL (RFC 3986)")
            return Evidence("high", "client-base", f"requested through {shown}, whose base URL is {url}")
        chained = self._chain_base(call)
        if chained is not None:
            return Evidence("high", "client-base", f"requested through {shown}, which sets the base URL {chained}")
        if fortnoxy:
            return Evidence("medium", "fortnox-helper", f"passed to {shown}(), whose name says Fortnox")
        helper = norm(call.name)
        if helper in self.fortnox_functions and (not receivers or receivers[-1] in self.client_names
                                                 or self._receiver_local(names)):
            return Evidence("medium", "fortnox-helper",
                            f"passed to {call.name}(), which sends it to the Fortnox base in this file")
        if call.open >= 0:
            for first, last in code.arguments(call.open):
                if code.kind(first) == "name" and norm(code.value(first)) in self.client_names and (
                        first == last or code.value(first + 1) == "("):  # get(client, "/x"), get!(client(t), url: ..)
                    url = self.client_names[norm(code.value(first))]
                    return Evidence("high", "client-base",
                                    f"requested with client {code.value(first)}, whose base URL is {url}")
        if self.implicit_base and verb_of(call.name) and (not receivers or receivers[-1] in ("class", "tesla")):
            return Evidence("high", "client-base",
                            f"{shown}() in a class whose base URL is {self.implicit_base}")
        if http and self.client_names and not receivers:
            request = self._request_variable(call, candidate)
            if request is not None:
                return request
            if not self.other_clients:
                url = next(iter(self.client_names.values()))
                return Evidence("medium", "client-base", f"an HTTP call in a file whose client's base URL is {url}")
        owner = self._fortnox_owner(call.start if call.start >= 0 else candidate.token)
        if http and owner and not self.other_clients:
            return Evidence("medium", "fortnox-helper", f"{shown}() inside {owner}")
        if http and self.client_names and receivers and receivers[-1] in ("http", "client", "httpclient", "session"):
            url = next(iter(self.client_names.values()))
            return Evidence("medium", "client-base", f"an HTTP call in a file whose client's base URL is {url}")
        return None

    def _receiver_local(self, names: tuple[str, ...]) -> bool:
        """c.get(...) where c is a receiver of this file's own type (Go: func (c *Client) get)."""
        return len(names) == 2 and len(names[0]) <= 2 and self.code.language == "go"

    def _request_variable(self, call: Call, candidate: Candidate) -> Evidence | None:
        """var request = new RestRequest("orders"); ... client.ExecuteAsync(request): the request
        goes where the call that sends it goes."""
        code = self.code
        if call.open < 0:
            return None
        top = self._statement_top(call.start)
        lo, _hi = code.statement_bounds(top)
        target = self._assignment_target(lo, call.start)
        if target is None:
            return None
        name = code.value(target)
        decl = self.symbols.enclosing(call.close, "function")
        end = decl.body[1] if decl else min(len(code.tokens) - 1, call.close + 200)
        for k in range(call.close + 1, min(end, call.close + 400) + 1):
            if code.kind(k) != "name" or code.value(k) != name:
                continue
            sender = code.direct_call(k)
            if sender is None or sender.open == call.open:
                continue
            client = self._client_of(_receivers(sender.names))
            if client is not None:
                url = self.client_names[client]
                shown = ".".join(sender.names)
                candidate.method = candidate.method or method_for(code, k, k)
                return Evidence("high", "client-base", f"sent by {shown}({name}), whose base URL is {url}")
        return None

    def _sent_method(self, start: int) -> str | None:
        """The method of the request that the URL built by the statement holding ``start`` is sent
        with in a later statement of the same function, through the local variable it is bound to:
        ``val url = HttpUrl.Builder()...addPathSegments("3/x").build()`` and then
        ``execute(Request.Builder().url(url).post(body).build())``. A builder chain folds to no
        value, so the variable's uses are no reference anchors that method_for() could ask; the
        first use passed to a call that shows a method tells it."""
        code = self.code
        decl = self.symbols.enclosing(start, "function")
        if decl is None:
            return None  # a field or constant: its uses may be anywhere
        lo, hi = code.statement_bounds(self._statement_top(start))
        target = self._assignment_target(lo, start)
        if target is None:
            return None
        if code.value(target - 1) == ":" and code.kind(target - 2) == "name":
            target -= 2  # val url: HttpUrl = ...: the variable, not its type
        name = code.value(target)
        values, kinds = code.values, code.kinds
        for k in range(hi + 1, min(decl.body[1], hi + _SENT_WINDOW) + 1):
            if values[k] != name or kinds[k] != "name" or code.op(k - 1) in code.member_seps:
                continue  # another name, or a field of something else: other.url
            if code.op(k + 1) == "=":
                return None  # bound anew: later uses carry another URL
            if code.direct_call(k) is not None:
                found = method_for(code, k, k)
                if found:
                    return found
        return None

    def _fortnox_owner(self, i: int) -> str:
        """The enclosing class or function when its name says Fortnox (class FortnoxClient)."""
        for kind in ("class", "function"):
            decl = self.symbols.enclosing(i, kind)
            if decl is not None and "fortnox" in decl.name.lower():
                return decl.name
        return ""

    def _why_absolute(self, value: Value) -> str:
        tokens = {p.token for p in value.pieces if p.token >= 0}
        if len(tokens) == 1 and not value.via and all(p.token >= 0 for p in value.pieces):
            return "the URL or API path is written in full"
        return f"built from parts: {value.text}"

    def _note_refs(self, value: Value) -> None:
        for piece in value.pieces:
            if piece.token < 0 and piece.names and piece.member:
                plain = [n for n in piece.names if n.lstrip("$@") not in SELF_NAMES]
                if plain:
                    self.refs.add(norm(plain[-1]))
                    self.refs.add(norm(plain[0]))

    def _collect_refs(self, anchor: _Anchor) -> None:
        """Fields and tables joined to a base: BASE + self.path, f"{BASE}/{ENDPOINTS[k]}", or a
        loop variable over a table. Their values, wherever set, are Fortnox paths."""
        for value in anchor.values:
            if not value.pieces:
                continue
            lead = value.pieces[0]
            text = value.text
            if text.lstrip().lower().startswith("https://api.fortnox.se"):
                via: set[str] | None = None
            elif lead.token < 0 and lead.names:
                via = _via_names(lead.names)
                in_file = bool(via & self.constant_bases.keys())  # a base of this file: not pending
                fortnox = in_file or "fortnox" in " ".join(via)
                if len(value.pieces) > 1 and not in_file:
                    # api_url() <> path inside def get(path): a helper, if the base is one; also
                    # settings.FORTNOX_API_URL + path, whose base another file defines
                    function = self.symbols.enclosing(anchor.start, "function")
                    if function is not None:
                        self.pending_helpers.setdefault(norm(function.name), set()).update(via)
                if fortnox:
                    via = None
            else:
                continue
            found: set[str] = set()
            for piece in value.pieces[1:]:
                if piece.token < 0 and piece.names:
                    found.update(self._piece_refs(piece.names, piece.member, anchor.start))
            for ref in found:
                if via is None:
                    self.refs.add(ref)
                elif via:
                    self.refs_via.setdefault(ref, set()).update(via)

    def _helper_arguments(self) -> None:
        """Names passed to a Fortnox helper or client: call(path) in a loop over a table,
        fortnox.get(PATHS.invoices) with the table imported from another file."""
        code = self.code
        # what a callee chain says, decided once per chain: a file calls the same few many times
        kinds: dict[tuple[str, ...], bool | None] = {}  # True: Fortnox, False: HTTP, None: neither
        extensions = bool(self._extensions)
        # client.paginate(path, key) with path read from a table of this file whose entries are
        # paths with no base in sight: _helper_tables
        open_tables = {t for c in self.candidates.values() if c.evidence is None and not c.route
                       for t in (c.container, c.outer) if t} if self.symbols.imports else set()
        for opener, call in self._calls:
            # get(path) in fun HttpClient.x(): made on the receiver, which the chain does not name
            implicit = self._implicit_receiver(call) if extensions else ""
            if implicit:
                fortnox: bool | None = norm(implicit) in self.client_names or self._fortnox_call(call)
            else:
                if call.names not in kinds:
                    kinds[call.names] = True if self._fortnox_call(call) else False if is_http_call(call.name) else None
                fortnox = kinds[call.names]
            if fortnox is None:
                if open_tables and len(call.names) > 1 and norm(call.name) not in self._declared_functions:
                    self._helper_tables(opener, call, open_tables)
                continue
            target = self.refs if fortnox else set()
            for first, last in code.arguments(opener):
                first = code.argument_value(first, last)  # the value of path=PATHS.x, not the name
                if code.kind(first) not in ("name", "str") or \
                        code.value(first) in ("new", "await", "function", "async") or \
                        self.evaluator.plain_literal(first, last):
                    continue
                # variants repeat their unknowns: look at each distinct one once
                fields = False
                for names, member in self.evaluator.unknowns(first):
                    refs = self._piece_refs(names, member, first)
                    target.update(refs)
                    fields = fields or (member and bool(refs))
                if fields:
                    self._field_suffixes(first, last)
            if not fortnox and target:
                callees = {norm(n) for n in call.names if n.lstrip("$") not in SELF_NAMES}
                if implicit:
                    callees.add(norm(implicit))
                for ref in target:
                    self.http_refs.setdefault(ref, set()).update(callees)

    def _field_suffixes(self, first: int, last: int) -> None:
        """What the argument from ``first`` to ``last`` writes after each field it names:
        get("/{$this->resource}/{$id}") gives resource "/{}", get('/' . $this->resource) gives "".
        A subclass that only sets the field (protected $resource = 'employees') then requests
        each of these paths (the project step)."""
        for value in self.evaluator.chain(first, last):
            pieces = value.pieces
            for k, piece in enumerate(pieces):
                if piece.token >= 0 or not piece.member:
                    continue
                suffix = "".join([p.text for p in pieces[k + 1:]])
                if _FIELD_SUFFIX.fullmatch(suffix):
                    for ref in self._piece_refs(piece.names, True, first):
                        self.field_suffixes.setdefault(ref, set()).add(suffix)

    def _helper_tables(self, opener: int, call: Call, tables: set[str]) -> None:
        """client.paginate(path, key), neither a Fortnox nor an HTTP call in this file, with an
        argument a variable bound on a line that names one of ``tables`` (path, key =
        EXPORTS[name]; for path, key in EXPORTS.values()): paginate may be a helper that another
        file declares on the Fortnox base, which the project decides (http_refs, under the
        called name alone: the receiver is too common a name to link files)."""
        code = self.code
        for first, last in code.arguments(opener):
            first = code.argument_value(first, last)
            if first != last or code.kind(first) != "name":
                continue  # only a plain variable
            decl = self.symbols.enclosing(first, "function")
            for table in self._loop_tables(norm(code.values[first]), first, decl) & tables:
                self.http_refs.setdefault(table, set()).add(norm(call.name))

    def _piece_refs(self, names: tuple[str, ...], member: bool, at: int) -> set[str]:
        """Tables and fields that an unknown piece of a URL at token ``at`` names: self.path,
        TABLE.key, a loop variable over a table, a parameter typed as a table or a field of one.
        Remembered per enclosing function, the only part of ``at`` a name's answer depends on (its
        loop tables and parameter types are themselves remembered per function): the same pieces
        recur in every variant of a folded value and in every call of a function."""
        plain = [n for n in names if n.lstrip("$@") not in SELF_NAMES]
        if len(plain) > 1 and not member:
            # TABLE.key names its table wherever it is written; only a variable's field
            # (which.path) may need the function, whose parameter types it reads
            table_key = (names, False, -1)
            table = self._refs_memo.get(table_key)
            if table is None:
                table = self._refs_memo[table_key] = self._table_refs(plain)
            if table or not plain[0][:1].islower():
                return table
        decl = self.symbols.enclosing(at, "function") if plain and not member else None
        key = (names, member, decl.token if decl is not None else -1)
        found = self._refs_memo.get(key)
        if found is None:
            found = self._refs_memo[key] = self._piece_refs_uncached(plain, member, at, decl)
        return found

    def _piece_refs_uncached(self, plain: list[str], member: bool, at: int, decl: Declaration | None) -> set[str]:
        if not plain:
            return set()
        if member:
            return {norm(plain[0]), norm(plain[-1])}
        if len(plain) > 1:
            # no TABLE.key (_piece_refs asked): which.path where the function declares which:
            # Lookup is a field of a Lookup, whose entries (enum Lookup { COST_CENTERS("costcenters") })
            # are so many paths
            return self._param_types(plain[0], decl)
        found = self._table_refs(plain)
        found.update(self._loop_tables(norm(plain[-1]), at, decl))
        found.update(self._param_types(plain[-1], decl))
        if not found and decl is not None:
            found = self._passed_refs(plain[-1], decl)
        return found

    def _passed_refs(self, name: str, decl: Declaration) -> set[str]:
        """Tables whose entries the callers in this file pass as the parameter ``name`` of
        ``decl``: for {name, {path, key}} <- @resources, do: path |> stream_pages(key), where
        stream_pages(path, key) requests path. Only a loop variable over a table of this file
        counts (or a parameter its own callers pass one to); an Elixir pipe passes the first
        argument."""
        index = self._parameter_index(decl, name)
        if index < 0 or decl.token in self._passing:
            return set()
        code = self.code
        found: set[str] = set()
        self._passing.add(decl.token)
        try:
            for k in self._calls_by_name.get(norm(decl.name), ()):
                if k == decl.token:
                    continue
                argument = self._argument_at(k + 1, index)
                if argument < 0 or code.kind(argument) != "name" or code.chain_end(argument) != argument:
                    continue  # only a plain variable: a loop variable, or the caller's own parameter
                caller = self.symbols.enclosing(argument, "function")
                tables = {t for t in self._loop_tables(norm(code.values[argument]), argument, caller)
                          if self._iterated(t, caller)}
                if not tables and caller is not None:
                    tables = self._passed_refs(code.values[argument], caller)
                found.update(tables & self._containers)  # tables written here, not any imported name
        finally:
            self._passing.discard(decl.token)
        return found

    def _iterated(self, table: str, decl: Declaration | None) -> bool:
        """The table ``table`` is named in ``decl`` on a line that loops: for, foreach, each,
        forEach, or Elixir's ``<-``. Stricter than _loop_tables, which takes any line that names
        the variable: a value passed on to a helper needs the loop in sight."""
        code = self.code
        table_tokens, tables_on_line = self._table_index()
        lo, hi = decl.body if decl else (0, code.n - 1)
        starts = self.index.starts
        for line, entries in tables_on_line.items():
            if not any(t == table and lo <= k <= hi for t, k in entries):
                continue
            first = bisect.bisect_left(code.offsets, starts[line - 1])
            last = bisect.bisect_left(code.offsets, starts[line]) if line < len(starts) else code.n
            if any(code.values[k] in _LOOP_WORDS or code.ops[k] == "<" and code.value(k + 1) == "-"
                   for k in range(first, last)):
                return True
        return False

    def _parameter_index(self, decl: Declaration, name: str) -> int:
        """Which parameter of ``decl`` is ``name`` (its first token in the parameter list), or -1."""
        code = self.code
        opener = decl.token + 1
        if code.value(opener) != "(" or code.partner[opener] < opener:
            return -1
        return next((k for k, (first, _last) in enumerate(code.arguments(opener)) if code.value(first) == name), -1)

    def _argument_at(self, opener: int, index: int) -> int:
        """The first token of argument ``index`` of the call opening at ``opener``: with an
        Elixir pipe (x |> f(y)), argument 0 is the last token of the value piped in."""
        code = self.code
        call = code.call_at(opener)
        if call is None:
            return -1
        if code.language == "elixir" and call.start >= 3 and code.op(call.start - 2) == "|>":
            if index == 0:
                piped = call.start - 3
                return code.chain_start(piped) if code.kind(piped) == "name" else -1
            index -= 1
        args = code.arguments(opener)
        return code.argument_value(*args[index]) if index < len(args) else -1

    def _fortnox_call(self, call: Call) -> bool:
        """Whether the call goes through a Fortnox client or helper: decided by its name chain alone."""
        names = call.names
        receivers = _receivers(names)
        if receivers and receivers[-1] in self.client_names:
            return True
        if any("fortnox" in n.lower() for n in names):
            return True
        if norm(call.name) in self.fortnox_functions and (not receivers or self._receiver_local(names)):
            return True
        return bool(self.implicit_base and verb_of(call.name) and not receivers)

    def _loop_tables(self, name: str, at: int, decl: Declaration | None) -> set[str]:
        """Tables iterated on the lines where a loop variable ``name`` is bound, in the function
        ``decl`` that holds token ``at``."""
        lo, hi = decl.body if decl else (0, len(self.code.tokens) - 1)
        key = (name, lo)
        found = self._loops.get(key)
        if found is None:
            table_tokens, tables_on_line = self._table_index()
            if bisect.bisect_left(table_tokens, lo) == bisect.bisect_right(table_tokens, hi):
                found = set()  # no table named in this function: where ``name`` occurs cannot matter
            else:
                positions = self._occurrences().get(name, [])
                first = bisect.bisect_left(positions, lo)
                last = bisect.bisect_right(positions, hi)
                lines = {self._line(k) for k in positions[first:last] if k != at}
                found = {t for line in lines for t, k in tables_on_line.get(line, ()) if lo <= k <= hi}
            self._loops[key] = found
        return found

    def _table_index(self) -> tuple[list[int], dict[int, list[tuple[str, int]]]]:
        """The name tokens that name a table, and the tables named on each line: built once per file.
        Most files have no tables, and then no name's occurrences are ever needed."""
        if self._tables is None:
            tables = self._containers | self._imported  # tables from this file or imported
            table_tokens: list[int] = []
            tables_on_line: dict[int, list[tuple[str, int]]] = {}
            if tables:
                values, kinds = self.code.values, self.code.kinds
                written = {value for value in set(values) if norm(value) in tables}
                table_tokens = [k for k, value in enumerate(values) if value in written and kinds[k] == "name"]
                for k in table_tokens:
                    key = norm(values[k])
                    tables_on_line.setdefault(self._line(k), []).append((key, k))
            self._tables = (table_tokens, tables_on_line)
        return self._tables

    def _occurrences(self) -> dict[str, list[int]]:
        """Where each name occurs, normalised: built once per file, when a table is in reach."""
        if self._names is None:
            occurrences: dict[str, list[int]] = {}
            values = self.code.values
            for k in self._name_tokens:
                occurrences.setdefault(norm(values[k]), []).append(k)
            self._names = occurrences
        return self._names

    def _plausible_table(self, name: str) -> bool:
        key = norm(name)
        if key in _PRIMITIVE_TYPES or name in _NOT_TABLES:
            return False
        return key in self._containers or name[:1].isupper()

    def _table_refs(self, names: list[str]) -> set[str]:
        """TABLE.key or Enum.Member used as a path: the table, when it looks like one."""
        qualifier = names[0]
        key = norm(qualifier)
        looks_like_table = qualifier[:1].isupper() and qualifier not in _NOT_TABLES
        if key in self._containers or key in self._imported or looks_like_table:
            return {key, norm(names[-1])}
        return set()

    def _param_types(self, name: str, decl: Declaration | None) -> set[str]:
        """The declared type of parameter ``name`` of the function ``decl``: list(resource:
        FortnoxResource) makes every FortnoxResource member a path that reaches Fortnox."""
        if decl is None:
            return set()
        key = (decl.token, name)
        if key not in self._params:
            self._params[key] = self._declared_types(decl.token, name)
        return self._params[key]

    def _declared_types(self, token: int, name: str) -> set[str]:
        code = self.code
        k = next((j for j in range(token + 1, min(token + 24, len(code.tokens)))
                  if code.value(j) == "(" and code.partner[j] > j), -1)
        if k < 0:
            return set()
        found: set[str] = set()
        for j in range(k + 1, code.partner[k]):
            if code.kind(j) != "name" or code.value(j) != name:
                continue
            if code.value(j + 1) == ":" and code.kind(j + 2) == "name":
                found.add(code.value(j + 2))  # name: Type (TypeScript, Kotlin, Python)
            if code.kind(j - 1) == "name" and code.value(j - 1) not in ("final", "const", "val", "var"):
                found.add(code.value(j - 1))  # Type name (Java, C#)
            if code.language == "go" and code.kind(j + 1) == "name":
                found.add(code.value(j + 1))  # name Type (Go)
        return {norm(t) for t in found if self._plausible_table(t)}

    def _line(self, k: int) -> int:
        """The 1-based line of token ``k``."""
        return bisect.bisect_right(self.index.starts, self.code.offsets[k])

    # -- in-file resolution of what the anchors left open ------------------------------------------
    def _resolve_in_file(self) -> None:
        for candidate in self.candidates.values():
            if candidate.evidence is not None or candidate.route:
                continue
            if candidate.member and candidate.binding in self.refs:
                candidate.evidence = Evidence("medium", "resource-property",
                                              f"field {candidate.binding!r} is joined to a Fortnox base in this file")
            elif candidate.container and candidate.container in self.refs:
                candidate.evidence = Evidence("medium", "route-table",
                                              f"table {candidate.container!r} is joined to a Fortnox base in this file")
            elif candidate.outer and candidate.outer in self.refs:
                candidate.evidence = Evidence("medium", "route-table",
                                              f"table {candidate.outer!r} is joined to a Fortnox base in this file")
            elif candidate.via and self.constant_bases and candidate.via & set(self.constant_bases):
                name = sorted(candidate.via & set(self.constant_bases))[0]
                url = self.constant_bases[name][0]
                candidate.evidence = Evidence("high", "client-base", f"joined to {name} ({url})")

    # -- output ------------------------------------------------------------------------------------
    def _report(self) -> tuple[list[EndpointUse], list[Fact]]:
        uses: list[EndpointUse] = []
        facts: list[Fact] = []
        matches = _memo(_MATCHES, self.catalog)  # endpoint -> its catalog entry: endpoints recur
        for candidate in sorted(self.candidates.values(), key=lambda c: (c.token, c.endpoint)):
            if candidate.route:
                continue
            line, column = self.index.position(self.code.tokens[candidate.token].offset)
            if candidate.evidence is not None:
                endpoint = candidate.endpoint
                if endpoint not in matches:
                    matches[endpoint] = self.catalog.match(endpoint)
                uses.append(_matched_use(matches[endpoint], self.display, line, column, endpoint,
                                         candidate.method, candidate.evidence))
            elif candidate.via or candidate.callees or candidate.binding or candidate.container:
                data = {
                    "endpoint": candidate.endpoint, "method": candidate.method,
                    "via": sorted(candidate.via), "callees": sorted(candidate.callees),
                    "http": candidate.http, "binding": candidate.binding, "container": candidate.container,
                    "member": candidate.member, "declarative": candidate.declarative,
                }
                if candidate.outer:  # only then: the facts of other files stay as they were
                    data["outer"] = candidate.outer
                facts.append(Fact("relative-call", self.display, line, column, data))
        facts.extend(self._base_facts())
        if facts or self.refs or self.refs_via or self.pending_clients or self.http_refs or self.pending_helpers:
            facts.append(self._file_fact())
        return uses, facts

    def _base_facts(self) -> list[Fact]:
        facts = []
        stem = norm(posixpath.basename(self.display).rsplit(".", 1)[0])
        for name, (url, token) in sorted(self.constant_bases.items()):
            line, column = self.index.position(self.code.tokens[token].offset)
            # also under "section + key", as configuration readers name it: fortnox.base_url
            container = self._container_of(name, token)
            for alias in dict.fromkeys([name, container + name if container else "", stem + name]):
                if alias:
                    facts.append(Fact("base-url", self.display, line, column, {
                        "name": alias, "written": self.code.value(token), "url": url, "fortnox": True,
                        "client": name in self.client_names, "prefix": base_prefix(url)}))
        if self.implicit_base:
            facts.append(Fact("base-url", self.display, 1, 1, {
                "name": "", "written": "", "url": self.implicit_base, "fortnox": True, "client": True,
                "prefix": base_prefix(self.implicit_base)}))
        for name, token in sorted(self.other_bases.items()):
            container = self._container_of(name, token)
            # config = {fortnox: {apiUrl}, shop: {apiUrl}}: the shared name is Fortnox's, but the
            # section still tells the shop's apart
            aliases = [container + name] if name in self.constant_bases else [name, container + name]
            line, column = self.index.position(self.code.tokens[token].offset)
            for alias in dict.fromkeys(a for a in aliases if a and a not in self.constant_bases):
                facts.append(Fact("base-url", self.display, line, column, {
                    "name": alias, "written": self.code.value(token), "url": "", "fortnox": False,
                    "client": False, "prefix": ""}))
        return facts

    def _container_of(self, name: str, token: int) -> str:
        """The table or section that the binding of ``name`` at ``token`` is in, or ""."""
        return next((b.container for b in self.symbols.bindings.get(name, ()) if b.target == token), "")

    def _file_fact(self) -> Fact:
        has_base = bool(self.constant_bases or self.implicit_base)
        helpers = sorted(set(self.fortnox_functions) | {norm(c) for c in self.fortnox_functions.values() if c}
                         | set(self.client_names)) if has_base else []
        folder, name = posixpath.split(self.display)
        data: dict[str, object] = {
            "stem": norm(name.rsplit(".", 1)[0]), "dir": folder,
            "helpers": helpers, "refs": sorted(self.refs), "linked": sorted(self.linked) if has_base else [],
            "refs_via": {ref: sorted(via) for ref, via in sorted(self.refs_via.items())},
            "clients": {name: sorted(via) for name, via in sorted(self.pending_clients.items())},
            "client_links": {name: sorted(t) for name, t in sorted(self.client_links.items())},
            "http_refs": {ref: sorted(c) for ref, c in sorted(self.http_refs.items())},
            "pending_helpers": {name: sorted(via) for name, via in sorted(self.pending_helpers.items())},
            "imports": [[n, s] for n, s in sorted(set(self.symbols.imports))],
            "types": sorted({norm(d.name) for d in self.symbols.declarations if d.kind == "class"}),
            "has_base": has_base,
        }
        # the next two only when there are some: the facts of other files stay as they were
        if self.field_suffixes:
            data["field_suffixes"] = {ref: sorted(sfx) for ref, sfx in sorted(self.field_suffixes.items())}
        supers = sorted({norm(b) for d in self.symbols.declarations if d.kind == "class" for b in d.bases})
        if supers:
            data["supers"] = supers
        return Fact("fortnox-file", self.display, 1, 1, data)


# -- helpers ---------------------------------------------------------------------------------------
def make_use(catalog: Catalog, display: str, line: int, column: int, endpoint: str, method: str | None,
             evidence: Evidence) -> EndpointUse:
    return _matched_use(catalog.match(endpoint), display, line, column, endpoint, method, evidence)


def _matched_use(match: Endpoint | None, display: str, line: int, column: int, endpoint: str,
                 method: str | None, evidence: Evidence) -> EndpointUse:
    """make_use with the catalog's match for ``endpoint`` already found."""
    confidence = evidence.confidence
    why = evidence.why
    if match is not None and CONFIDENCE_RANK[match.confidence] < CONFIDENCE_RANK[confidence]:
        confidence = match.confidence
        if confidence == "low":
            why = ""  # the catalog's own guess is the reason; missing-scope quotes its note
    return EndpointUse(
        path=display, line=line, column=column, endpoint=endpoint,
        template=match.path if match else None, resource=match.resource if match else None,
        scope=match.scope if match else None, method=method, how=evidence.how,
        confidence=confidence, why=why,
    )


def _how(value: Value) -> str:
    tokens = {p.token for p in value.pieces if p.token >= 0}
    if len(tokens) == 1 and not value.via and value.how == "literal":
        text = value.text.lstrip()
        return "url" if text.lower().startswith(("http:", "https:")) else "path"
    return value.how if value.how != "literal" else "constant"


def _receivers(names: tuple[str, ...]) -> list[str]:
    """What a call's name chain calls it on, normalised, without self/this: ["http"] for
    this.http.GetAsync."""
    return [norm(n) for n in names[:-1] if n.lstrip("$") not in SELF_NAMES]


def _token_at(value: Value, offset: int) -> int:
    """The string token that holds the character at ``offset`` of the folded text."""
    position = 0
    for piece in value.pieces:
        end = position + len(piece.text)
        if position <= offset < end or (offset == end and piece is value.pieces[-1]):
            if piece.token >= 0:
                return piece.token
            break
        position = end
    tokens = [p.token for p in value.pieces if p.token >= 0]
    return tokens[0] if tokens else -1


# Capitalised names that are library objects, not the integration's tables of paths
_NOT_TABLES = frozenset({"Object", "Math", "JSON", "String", "Array", "Promise", "Number", "Date", "Map", "Set",
                         "Uri", "URI", "URL", "Path", "Environment", "System", "Encoding", "Convert", "Console",
                         "Integer", "Long", "Boolean", "Optional", "Collections", "List", "Arrays", "Kernel",
                         "File", "Dir", "Time", "Enum", "Keyword", "Application", "Req", "Tesla", "HTTPoison"})
# Calls _expand grows an argument to, by their normalised name (URL and Uri by their written one)
_FORMAT_CALLS = frozenset({"format", "sprintf", "vsprintf", "formatted", "fmt"})  # the format string
_JOIN_CALLS = frozenset({"urljoin", "join", "joinpath", "combine", "resolve", "joinurl"})  # any part
_SEGMENT_CALLS = frozenset({"appendpathsegment", "appendpathsegments", "appendpath"})  # on a receiver
_FEEDING_CALLS = _FORMAT_CALLS | _JOIN_CALLS | _SEGMENT_CALLS
# Ktor server: the blocks that hold routes, and the types whose extension functions declare them
_KTOR_ROUTING = frozenset({"routing", "route", "authenticate"})
_KTOR_ROUTE_TYPES = frozenset({"route", "routing", "application"})
_SENT_WINDOW = 400  # tokens after a URL variable's statement in which _sent_method looks for its uses
_URL_TYPES = frozenset({"uri", "url", "addressable", "string", "pathname"})


def _via_names(names: Iterable[str]) -> set[str]:
    """The names a value is read through (config.shop.apiUrl: config, shop, apiurl), and its last
    two joined (shopapiurl): a file that sets two services' apiUrl in one object says which is
    which by the section, which the last name alone loses."""
    plain = [n for n in names if n.lstrip("$@") not in SELF_NAMES]
    found = {norm(n) for n in plain}
    if len(plain) > 1:
        found.add(norm(plain[-2]) + norm(plain[-1]))
    return found


def _lead_names(values: list[Value]) -> set[str]:
    """_via_names of the unknown lead of each of ``values``."""
    return {name for value in values for piece in value.pieces[:1] if piece.token < 0
            for name in _via_names(piece.names)}


def _constructs_client(call: Call) -> bool:
    """``X.new(url)`` of a class that is not a URL type: Faraday.new("https://…"), Excon.new(url)."""
    return norm(call.name) == "new" and len(call.names) > 1 and norm(call.names[-2]) not in _URL_TYPES


_LOOP_WORDS = frozenset({"for", "foreach", "each", "forEach", "for_each", "map"})
_URI_BUILDERS = frozenset({"path", "uri", "url", "pathsegment", "build", "queryparam", "replacepath", "fromuristring",
                           "fromhttpurl", "resolve", "addpathsegment", "addpathsegments", "newbuilder"})
# Calls whose first argument is a client's base URL
_CLIENT_BASE_CALLS = frozenset({"baseurl", "setbaseurl", "sethosturl", "baseuri", "restclient", "withbaseurl",
                                "setbaseuri", "baseaddress", "createforbaseuri"})  # the last: Symfony HttpClient
_PRIMITIVE_TYPES = frozenset({"string", "str", "int", "integer", "long", "bool", "boolean", "any", "object", "error",
                              "context", "number", "dict", "list", "map", "float", "double", "byte", "bytes",
                              "char", "void", "unknown", "record", "array", "interface", "uint", "int64"})
_BASE_WORDS = ("url", "uri", "base", "host", "fortnox", "endpoint", "api", "root")


def _base_like(name: str) -> bool:
    """A name with a base word in it: BASE_URL, apiUrl, fortnoxHost."""
    lowered = name.lower()
    return any(word in lowered for word in _BASE_WORDS)


def _joined(code: Code, i: int) -> bool:
    """The chain starting at name ``i`` is joined to something: BASE_URL + path, $this->apiUrl . $endpoint."""
    return code.op(code.chain_end(i) + 1) in code.concat_ops


def _is_docstring(code: Code, i: int) -> bool:
    """A Python string that is a statement on its own: a docstring or a bare comment string."""
    if code.parent[i] != -1:
        return False
    n = len(code.tokens)
    if i + 1 < n and not code.newline_before[i + 1]:
        return False
    if i == 0:
        return True
    if not code.newline_before[i]:
        return False
    prev = code.tokens[i - 1]
    return prev.kind != "str" and (prev.value == ":" or prev.kind in ("name", "num") or prev.value in (")", "]", "}"))


def _is_server_file(code: Code) -> bool:
    """Router definitions: Phoenix, Rails routes, Sinatra apps."""
    text = code.text
    return "Phoenix.Router" in text or "routes.draw" in text or "Sinatra::" in text or \
        ":router" in text and code.language == "elixir"
