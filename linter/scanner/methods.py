"""The HTTP method a call uses, where the code shows it: the function name (requests.post,
PostAsync, postForObject), a method argument ("POST", HttpMethod.Post, :post, {method: "PUT"}),
a builder further along the statement (.POST(body)), or the call a URL variable is passed to."""

from __future__ import annotations

from functools import lru_cache

from linter.scanner.symbols import norm
from linter.scanner.syntax import Code

_VERBS = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE", "del": "DELETE"}
_SUFFIXES = ("async", "asjson", "fromjson", "json", "forobject", "forentity", "forlocation", "request", "raw",
             "bang", "string", "stream", "bytearray", "bytes")
_PREFIXES = ("http", "do", "send", "make", "perform", "api", "raw", "async")
_METHOD_KEYS = {"method", "verb", "httpmethod", "requestmethod", "type"}
HTTP_CALLS = frozenset({
    "request", "fetch", "send", "sendasync", "execute", "executeasync", "exchange", "call", "ajax", "uri",
    "url", "newrequest", "newrequestwithcontext", "restrequest", "httprequestmessage", "retrieve",
    "invoke", "api", "apicall", "dorequest", "makerequest", "httprequest", "fetchjson", "requestjson",
    "perform", "req", "open", "curlinit", "curlsetopt", "resource", "endpoint", "do", "dowithcontext",
})


# Calls that send GET unless told otherwise: fetch(url), urlopen(url), file_get_contents(url)
_DEFAULT_GET = frozenset({"fetch", "urlopen", "filegetcontents", "wpremoteget", "getjson", "axios", "ky"})


@lru_cache(maxsize=1 << 14)  # asked of every callee in a file
def verb_of(name: str) -> str | None:
    """GET for get, getAsync, GetAsync, get_json, httpGet, doGet, getForObject; None otherwise."""
    name = name.lstrip("@")
    n = name.lower().strip("_!?")
    if n.upper() in ("GET", "POST", "PUT", "PATCH", "DELETE") and name.isupper():
        return n.upper()
    for _ in range(3):  # GetFromJsonAsync -> getfromjson -> get
        for suffix in _SUFFIXES:
            if n.endswith(suffix) and len(n) > len(suffix):
                n = n[:-len(suffix)].rstrip("_")
                break
        else:
            break
        if n in _VERBS:
            break
    for prefix in _PREFIXES:
        if n.startswith(prefix) and n[len(prefix):].lstrip("_") in _VERBS:
            n = n[len(prefix):].lstrip("_")
            break
    if n not in _VERBS and "_" in n:
        n = n.rsplit("_", 1)[1]  # wp_remote_post, http_get, api_delete
    return _VERBS.get(n)


@lru_cache(maxsize=1 << 14)
def is_http_call(name: str) -> bool:
    """Whether a callee's name says it makes an HTTP request."""
    n = norm(name)
    return bool(verb_of(name)) or n in HTTP_CALLS or "request" in n or "fetch" in n


def method_in_range(code: Code, lo: int, hi: int) -> str | None:
    """A method named among the tokens lo..hi: "POST", HttpMethod.Post, :post, method: "put"."""
    tokens = code.tokens
    for k in range(max(0, lo), min(hi + 1, len(tokens))):
        tok = tokens[k]
        if tok.kind == "str" and tok.value.upper() in ("GET", "POST", "PUT", "PATCH", "DELETE") \
                and (tok.value.isupper() or _after_method_key(code, k)):
            return tok.value.upper()
        if tok.kind == "name":
            prev = code.value(k - 1)
            if prev in (".", ":") and norm(code.value(k - 2)) in ("httpmethod", "method", "methods", "requestmethod",
                                                                  "httpverb", "http"):
                verb = _VERBS.get(tok.value.lower().removeprefix("method"))  # HttpMethod.Post, http.MethodPut
                if verb:
                    return verb
            if prev == ":" and code.tokens[k - 1].end == tok.offset and k >= 2 and \
                    code.tokens[k - 2].end < code.tokens[k - 1].offset and tok.value in _VERBS:
                return _VERBS[tok.value]  # a Ruby/Elixir atom :post
            if _after_method_key(code, k) and tok.value.lower() in _VERBS:
                return _VERBS[tok.value.lower()]
    return None


def _after_method_key(code: Code, k: int) -> bool:
    """Token k is the value of a ``method:`` / ``method =`` / ``'method' =>`` key."""
    j = k - 1
    while j >= 0 and code.kind(j) == "punct" and code.value(j) in (":", "=", ">"):
        j -= 1
    if j == k - 1:
        return False
    if code.kind(j) == "punct" and code.value(j) in (".",):
        return False
    return norm(code.value(j)) in _METHOD_KEYS


def method_for(code: Code, start: int, end: int) -> str | None:
    """The method of the request the expression start..end is the URL of."""
    lo, hi = code.statement_bounds(start)
    calls = []
    call = code.direct_call(start) or code.piped_call(end)
    if call is not None:
        calls.append(call)
        outer = code.direct_call(call.start) if call.start >= 0 else None
        if outer is not None:
            calls.append(outer)  # fetch(new URL(path, base), {method: "PUT"})
    for call in calls:
        for name in reversed(call.names):
            verb = verb_of(name)
            if verb:
                return verb
        found = method_in_range(code, call.open + 1, call.close - 1)
        if found:
            return found
        block = call.close + 1  # a Kotlin trailing lambda: request(url) { method = HttpMethod.Delete }
        if code.language == "kotlin" and code.value(block) == "{" and code.partner[block] > block:
            found = method_in_range(code, block + 1, code.partner[block] - 1)
            if found:
                return found
        # builder calls after the URL: HttpRequest.newBuilder(uri).POST(body), Request.Builder().url(u).post(b)
        after = _builder_verb(code, call.close + 1)
        if after:
            return after
        before = _names_before(code, call.start, lo)
        if before:
            return before
        if norm(call.name) in _DEFAULT_GET:
            return "GET"
    for k in range(start, min(end, start + 40)):  # "url".WithOAuthBearerToken(t).PutAsync()
        if code.value(k) in (".", "?.") and code.kind(k + 1) == "name" and code.value(k + 2) == "(":
            verb = verb_of(code.value(k + 1))
            if verb:
                return verb
    found = _builder_verb(code, end + 1, hi)
    if found:
        return found
    return _names_before(code, start, lo)


def _builder_verb(code: Code, k: int, limit: int | None = None) -> str | None:
    n = len(code.tokens)
    stop = min(n, k + 60, (limit + 1) if limit is not None else n)
    while k < stop:
        if code.value(k) in (";",) or (code.newline_before[k] and code.ops[k] not in (".", "?.") and k > 0
                                        and code.value(k - 1) not in (",", "(", ".")):
            return None
        if code.value(k) in (".", "?.") and code.kind(k + 1) == "name" and code.value(k + 2) == "(":
            name = code.value(k + 1)
            verb = verb_of(name)
            if verb:
                return verb
            if norm(name) == "method":
                return method_in_range(code, k + 2, code.partner[k + 2] if code.partner[k + 2] > 0 else k + 3)
            if code.partner[k + 2] > 0:
                k = code.partner[k + 2] + 1
                continue
        if code.value(k) in ("(", "[", "{") and code.partner[k] > k:
            k = code.partner[k] + 1
            continue
        if code.value(k) in (")", "]", "}"):
            return None
        k += 1
    return None


def _names_before(code: Code, start: int, lo: int | None = None) -> str | None:
    """Net::HTTP::Post.new(uri), http.NewRequest("POST", ...) before the URL on its statement."""
    floor = max(0, start - 10, lo or 0)
    for k in range(start - 1, floor - 1, -1):
        tok = code.tokens[k]
        if tok.kind == "punct" and tok.value in (";", "{", "}"):
            return None
        if tok.kind == "str" and tok.value in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            return tok.value
        if tok.kind == "name":
            verb = verb_of(tok.value)
            if verb and (tok.value[:1].isupper() or code.value(k + 1) in ("(", "!") or
                         (code.language in ("ruby", "elixir") and k == start - 1)):  # get "/x" (no parentheses)
                return verb
    return None
