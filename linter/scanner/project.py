"""Resolve, across the files of one project, the calls no single file could settle.

Each file's scan leaves facts behind (see detect.py): ``base-url`` for every name bound to a
Fortnox base URL (a constant, a configured HTTP client, a config key), ``fortnox-file`` with the
file's helpers, imports and the fields it joins to a base, and ``relative-call`` for every
resource path whose base was not in sight. This step matches them up. It is a pure function of
the per-file scans, so cached scans resolve exactly like fresh ones.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field

from linter.catalog import CONFIDENCE_RANK, Catalog
from linter.scanner.detect import Evidence, make_use
from linter.scanner.symbols import norm as _norm
from linter.scanner.uses import EndpointUse, Fact, FileScan

# Names too common to link files on their own: they need an import or a shared folder too.
GENERIC = frozenset({
    "api", "client", "http", "httpclient", "session", "request", "req", "conn", "connection", "instance",
    "axios", "service", "base", "baseurl", "baseuri", "url", "apiurl", "host", "endpoint", "uri", "root",
    "get", "post", "put", "patch", "delete", "fetch", "send", "call", "execute", "do", "dorequest",
    "makerequest", "apicall", "config", "settings", "env", "environ", "process", "os", "self", "this",
    "options", "opts", "params", "data", "path", "resource", "init", "constructor", "new", "create",
    "run", "main", "index", "handler", "handle", "default", "app", "module", "exports", "util", "utils",
    "helpers", "lib", "common", "apibase", "apibaseurl", "baseaddress", "rooturl", "serverurl",
})


@dataclass
class _FileInfo:
    display: str
    stem: str = ""
    folder: str = ""
    helpers: set[str] = field(default_factory=set)
    refs: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)
    imports: list[tuple[str, str]] = field(default_factory=list)
    has_base: bool = False
    clients: dict[str, list[str]] = field(default_factory=dict)  # client -> names its base is read from
    client_links: dict[str, list[str]] = field(default_factory=dict)  # client -> types registered with it
    http_refs: dict[str, list[str]] = field(default_factory=dict)  # table passed to an HTTP call -> callees
    types: set[str] = field(default_factory=set)
    pending_helpers: dict[str, list[str]] = field(default_factory=dict)  # function -> base names it joins
    supers: set[str] = field(default_factory=set)  # superclasses of the classes declared here
    field_suffixes: dict[str, list[str]] = field(default_factory=dict)  # field -> paths written after it


@dataclass
class _Project:
    files: dict[str, _FileInfo] = field(default_factory=dict)
    bases: dict[str, list[Fact]] = field(default_factory=dict)  # Fortnox base names
    others: dict[str, list[Fact]] = field(default_factory=dict)  # other services' base names
    helpers: dict[str, set[str]] = field(default_factory=dict)  # helper name -> files declaring it
    refs: set[str] = field(default_factory=set)
    refs_via: list[dict[str, list[str]]] = field(default_factory=list)
    linked: set[str] = field(default_factory=set)
    fortnox_types: set[str] = field(default_factory=set)  # classes whose HTTP client has a Fortnox base
    fortnox_clients: dict[str, str] = field(default_factory=dict)  # client configured elsewhere -> file
    base_stems: set[str] = field(default_factory=set)
    base_folders: set[str] = field(default_factory=set)
    type_files: dict[str, set[str]] = field(default_factory=dict)  # class name -> files declaring it
    field_suffixes: dict[str, set[str]] = field(default_factory=dict)  # of the fields in refs


def resolve(scans: Iterable[FileScan], catalog: Catalog) -> list[EndpointUse]:
    """Endpoint uses that only the whole project shows, at the files that make the calls."""
    scans = list(scans)
    project = _collect(scans)
    known = {(u.path, u.line, u.column, u.endpoint) for s in scans for u in s.uses}
    uses: list[EndpointUse] = []
    for scan in scans:
        for fact in scan.facts:
            if fact.kind != "relative-call":
                continue
            evidence = _evidence(fact, project)
            if evidence is None:
                continue
            key = (fact.path, fact.line, fact.column, fact.data.get("endpoint", ""))
            if key in known:
                continue
            known.add(key)
            uses.append(make_use(catalog, fact.path, fact.line, fact.column, fact.data["endpoint"],
                                 fact.data.get("method"), evidence))
            for endpoint in _field_paths(fact, project, catalog):
                key = (fact.path, fact.line, fact.column, endpoint)
                if key not in known:
                    known.add(key)
                    uses.append(make_use(catalog, fact.path, fact.line, fact.column, endpoint, None, evidence))
    return sorted(uses)


def _field_paths(fact: Fact, project: _Project, catalog: Catalog) -> list[str]:
    """The other paths a resource field's value stands for: protected $resource = 'employees' in
    a subclass, whose parent requests "/{$this->resource}/{$id}" too (/3/employees/{})."""
    data = fact.data
    binding = data.get("binding", "")
    if not data.get("member") or binding not in project.field_suffixes:
        return []
    endpoint = data.get("endpoint", "").rstrip("/")
    found = [endpoint + suffix for suffix in sorted(project.field_suffixes[binding]) if suffix]
    return [path for path in found if catalog.match(path) is not None]


def _collect(scans: list[FileScan]) -> _Project:
    project = _Project()
    for scan in scans:
        for fact in scan.facts:
            data = fact.data
            if fact.kind == "base-url":
                name = data.get("name", "")
                if data.get("fortnox"):
                    project.bases.setdefault(name, []).append(fact)
                else:
                    project.others.setdefault(name, []).append(fact)
            elif fact.kind == "fortnox-file":
                info = _FileInfo(fact.path, data.get("stem", ""), data.get("dir", ""),
                                 set(data.get("helpers", ())), set(data.get("refs", ())),
                                 set(data.get("linked", ())), [tuple(i) for i in data.get("imports", ())],
                                 bool(data.get("has_base")), dict(data.get("clients") or {}),
                                 dict(data.get("client_links") or {}), dict(data.get("http_refs") or {}),
                                 set(data.get("types") or ()), dict(data.get("pending_helpers") or {}),
                                 set(data.get("supers") or ()), dict(data.get("field_suffixes") or {}))
                project.files[fact.path] = info
                for cls in info.types:
                    project.type_files.setdefault(cls, set()).add(fact.path)
                project.refs |= info.refs
                project.refs_via.append(data.get("refs_via") or {})
                project.linked |= info.linked
    base_files = {f.path for facts in project.bases.values() for f in facts}
    for path in base_files:
        folder, name = posixpath.split(path)
        info = project.files.get(path)
        project.base_stems.add(info.stem if info else _stem(name))
        project.base_stems.add(_stem(posixpath.basename(folder)))
        project.base_folders.add(folder)
        if info is not None:
            for helper in info.helpers:
                project.helpers.setdefault(helper, set()).add(path)
    project.base_stems.discard("")
    for info in project.files.values():  # def get(path), do: HTTPoison.get!(api_url() <> path), api_url elsewhere
        for helper, via in info.pending_helpers.items():
            if _fortnox_base_among(via, project):
                project.helpers.setdefault(helper, set()).add(info.display)
                for cls in info.types:
                    project.helpers.setdefault(cls, set()).add(info.display)
    for info in project.files.values():  # AddHttpClient<LedgerClient>(c => c.BaseAddress = cfg["Fortnox:BaseUrl"])
        for client, via in info.clients.items():
            if _fortnox_base_among(via, project):
                project.fortnox_types.update(info.client_links.get(client, ()))
                project.fortnox_clients.setdefault(client, info.display)
    for info in project.files.values():  # tables passed to such classes' HTTP calls, or to helpers
        if info.types & project.fortnox_types:
            project.refs.update(info.http_refs)
            continue
        for ref, callees in info.http_refs.items():
            for callee in callees:
                owners = project.helpers.get(callee) or (
                    {project.fortnox_clients[callee]} if callee in project.fortnox_clients else set())
                if owners and (callee not in GENERIC or _linked(info, callee, owners, project)):
                    project.refs.add(ref)
    for refs_via in project.refs_via:  # BASE_URL + self.path where BASE_URL is a base elsewhere
        for ref, via in refs_via.items():
            if _fortnox_base_among(via, project):
                project.refs.add(ref)
    for info in project.files.values():
        for ref, suffixes in info.field_suffixes.items():
            if ref in project.refs:
                project.field_suffixes.setdefault(ref, set()).update(suffixes)
    return project


def _evidence(fact: Fact, project: _Project) -> Evidence | None:
    data = fact.data
    info = project.files.get(fact.path) or _FileInfo(fact.path, folder=posixpath.dirname(fact.path))
    found: list[Evidence] = []
    vias = data.get("via", ())
    if not _another_service(vias, project):
        found += [e for e in (_via_base(name, fact, info, project) for name in vias) if e is not None]
    callees = list(data.get("callees", ()))
    for name in callees:
        owners = project.helpers.get(name)
        if not owners or fact.path in owners and not data.get("http"):
            continue
        linked = _linked(info, name, owners, project)
        if name in GENERIC and not linked:
            continue
        if name in GENERIC and not data.get("http"):
            continue
        owner = sorted(owners)[0]
        found.append(Evidence("medium", "cross-file-helper",
                              f"{name} is defined in {owner}, which sets the Fortnox base URL"))
    if data.get("http") and callees:
        receiver = callees[0]
        for local, stem in info.imports:
            if local and _norm(local) == receiver and (stem in project.base_stems or "fortnox" in stem):
                found.append(Evidence("medium", "cross-file-helper",
                                      f"{local} is imported from {stem}, which sets the Fortnox base URL"))
    for name in callees:
        client_via = info.clients.get(name, ())
        if _another_service(client_via, project):
            continue
        for via in client_via:
            evidence = _via_base(via, fact, info, project)
            if evidence is not None:
                found.append(Evidence(evidence.confidence, "cross-file-base",
                                      f"through client {name}, configured from {evidence.why}"))
    for name in callees:
        owner = project.fortnox_clients.get(name)
        if owner and owner != fact.path and (name not in GENERIC or _linked(info, name, {owner}, project)):
            found.append(Evidence("medium", "cross-file-base",
                                  f"through {name}, configured in {owner} with the Fortnox base URL"))
    if data.get("http") and info.types & project.fortnox_types:
        owner = sorted(info.types & project.fortnox_types)[0]
        found.append(Evidence("medium", "cross-file-base",
                              f"an HTTP call in {owner}, whose client is configured with the Fortnox base URL"))
    binding, container = data.get("binding", ""), data.get("container", "")
    if data.get("member") and binding and binding in project.refs:
        found.append(Evidence("medium", "resource-property",
                              f"field {binding!r} is joined to the Fortnox base URL in a shared helper"))
    if container and container in project.refs | project.linked:
        found.append(Evidence("medium", "route-table",
                              f"table {container!r} is joined to the Fortnox base URL elsewhere"))
    outer = data.get("outer", "")  # the table around a nested literal: @resources [a: {"/a", "A"}]
    if outer and outer in project.refs | project.linked:
        found.append(Evidence("medium", "route-table",
                              f"table {outer!r} is joined to the Fortnox base URL elsewhere"))
    if data.get("declarative") and (info.types | {container}) & (project.linked | project.fortnox_types):
        kind = sorted(info.types & (project.linked | project.fortnox_types)) or [container]
        found.append(Evidence("medium", "declarative-client",
                              f"{kind[0]} is built on the Fortnox base URL in another file"))
    if not found:
        return None
    return max(found, key=lambda e: CONFIDENCE_RANK[e.confidence])


def _fortnox_base_among(via: Iterable[str], project: _Project) -> bool:
    """Whether the names a value is read through name a Fortnox base of the project, and only
    Fortnox's."""
    return not _another_service(via, project) and any(
        name in project.bases and name not in project.others for name in via)


def _another_service(via: Iterable[str], project: _Project) -> bool:
    """The names include one that only another service's base has (config.shop.apiUrl read as
    shopapiurl, when config.fortnox.apiUrl is Fortnox's): then a shared last name proves nothing."""
    return any(name in project.others and name not in project.bases for name in via)


def _via_base(name: str, fact: Fact, info: _FileInfo, project: _Project) -> Evidence | None:
    bases = project.bases.get(name)
    if not bases:
        return None
    base = bases[0]
    where = f"{base.path}:{base.line}"
    url = base.data.get("url", "")
    if name in project.others:
        other = project.others[name][0]
        return Evidence("low", "cross-file-base",
                        f"{base.data.get('written') or name} is the Fortnox base {url} in {where}, "
                        f"but the same name is another service's URL in {other.path}:{other.line}")
    imported = any(_norm(local) == name for local, _stem in info.imports) or \
        any(stem == _stem(posixpath.basename(base.path).rsplit(".", 1)[0]) for _l, stem in info.imports)
    same_folder = posixpath.dirname(fact.path) == posixpath.dirname(base.path)
    written = base.data.get("written") or name
    if "fortnox" in name or imported:
        return Evidence("high", "cross-file-base", f"{written} is the Fortnox base {url} ({where})")
    if name in GENERIC and not same_folder:
        return Evidence("low", "cross-file-base",
                        f"{written} is the Fortnox base {url} in {where}; the name is common, so this is a guess")
    return Evidence("medium", "cross-file-base", f"{written} is the Fortnox base {url} ({where})")


def _linked(info: _FileInfo, name: str, owners: set[str], project: _Project, depth: int = 0) -> bool:
    """Whether the file ``info`` reaches one of ``owners``: it sits beside one, imports it, or
    declares a subclass of a class whose file does ($this->client->get() in a subclass, the client
    held and imported by the parent class in another file)."""
    for owner in owners:
        if posixpath.dirname(owner) == info.folder:
            return True
        owner_stem = _stem(posixpath.basename(owner).rsplit(".", 1)[0])
        owner_dir = _stem(posixpath.basename(posixpath.dirname(owner)))
        if any(stem in (owner_stem, owner_dir) for _local, stem in info.imports):
            return True
    if depth < 4:  # a few levels of inheritance; a cycle of classes ends here too
        for parent in sorted({path for cls in info.supers for path in project.type_files.get(cls, ())}):
            if parent != info.display and _linked(project.files[parent], name, owners, project, depth + 1):
                return True
    return False


def _stem(name: str) -> str:
    return _norm(name)
