"""What a dbt build must redo: a version for every dbt node, from its definition and inputs.

A node's **version** is a digest of its own definition (the node as parsed, minus parse
times, and the macros it calls) and of the versions of what it reads: the raw datasets'
data versions for sources, the upstream nodes' versions otherwise. A node is current when
the build file holds the version it would have now, so a build selects exactly the nodes
whose version changed: what lies downstream of a changed source, of a changed model or
seed, or of a macro, plus every node never built (or whose relation went missing).

Unit tests read fixtures, not data: their version follows the code of the model they
test, never its rows, so a new FX file does not re-run them.

Pure (a manifest in, sets and digests out): no dbt, Dagster or DuckDB import.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Set
from dataclasses import dataclass
from graphlib import TopologicalSorter
from typing import Any

RELATION_TYPES = frozenset({"model", "seed", "snapshot"})
# Fields that change with every parse without changing what the node builds.
VOLATILE = frozenset({"created_at", "root_path", "compiled", "compiled_code", "extra_ctes"})
UNBUILT = "unbuilt"


def _digest(*parts: object) -> str:
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


@dataclass(frozen=True)
class Node:
    unique_id: str
    resource_type: str
    parents: tuple[str, ...]
    definition: str
    relation: str | None
    selector: str


def _macro_digests(manifest: Mapping[str, Any]) -> dict[str, str]:
    """Each macro's SQL with the SQL of every macro it calls, recursively."""
    macros = manifest.get("macros", {})
    done: dict[str, str] = {}

    def digest(uid: str, path: frozenset[str]) -> str:
        if uid in done:
            return done[uid]
        macro = macros.get(uid) or {}
        called = [m for m in (macro.get("depends_on") or {}).get("macros", []) if m not in path]
        value = _digest(macro.get("macro_sql"), [digest(m, path | {uid}) for m in sorted(called)])
        done[uid] = value
        return value

    return {uid: digest(uid, frozenset()) for uid in macros}


def _selector(props: Mapping[str, Any]) -> str:
    """A dbt selector for exactly this node (fqn alone would also pick a model's unit tests)."""
    return f"fqn:{'.'.join(props['fqn'])},resource_type:{props['resource_type']}"


def nodes(manifest: Mapping[str, Any], engine: str = "") -> dict[str, Node]:
    """Every buildable node and test of the manifest, with its definition digest.

    `engine` (library versions) goes into every definition: dbt's own materialisations
    live in the adapter, not in the project.
    """
    macros = _macro_digests(manifest)
    found: dict[str, Node] = {}
    entries = [*manifest.get("nodes", {}).items(), *manifest.get("unit_tests", {}).items()]
    for uid, props in entries:
        kind = props.get("resource_type")
        if kind not in RELATION_TYPES and kind not in ("test", "unit_test"):
            continue
        depends = props.get("depends_on") or {}
        own = {k: v for k, v in props.items() if k not in VOLATILE}
        called = [macros.get(m, m) for m in sorted(depends.get("macros", []))]
        relation = f"{props['schema']}.{props.get('alias') or props['name']}"
        # An ephemeral model is inlined into its readers: no relation of its own.
        materialized = (props.get("config") or {}).get("materialized")
        builds_relation = kind in RELATION_TYPES and materialized != "ephemeral"
        found[uid] = Node(
            unique_id=uid,
            resource_type=kind,
            parents=tuple(sorted(depends.get("nodes", []))),
            definition=_digest(engine, own, called),
            relation=relation if builds_relation else None,
            selector=_selector(props),
        )
    return found


def source_keys(manifest: Mapping[str, Any]) -> dict[str, str]:
    """Source unique_id -> the Dagster asset key (user string) of the raw table behind it."""
    keys = {}
    for uid, source in manifest.get("sources", {}).items():
        meta = (source.get("config") or {}).get("meta") or source.get("meta") or {}
        key = (meta.get("dagster") or {}).get("asset_key")
        keys[uid] = "/".join(key) if key else f"{source['source_name']}/{source['name']}"
    return keys


@dataclass(frozen=True)
class Plan:
    """The nodes to build now and the version each node holds once the build succeeds."""

    build: frozenset[str]
    versions: dict[str, str]
    full: bool

    def relations(self, graph: Mapping[str, Node]) -> dict[str, str]:
        """schema.relation -> version, for the relations dbt builds."""
        return {
            graph[uid].relation: version
            for uid, version in self.versions.items()
            if uid in graph and graph[uid].relation and version != UNBUILT
        }


def plan(
    graph: Mapping[str, Node],
    sources: Mapping[str, str],
    raw_versions: Mapping[str, str],
    built: Mapping[str, str],
    *,
    scope: Set[str] | None = None,
    present: Set[str] | None = None,
    force: bool = False,
) -> Plan:
    """Which nodes to build, given the versions the build file holds (`built`).

    `scope`: the nodes this run may build (a subset run); the others keep what they hold,
    and their children read that. `present`: relations found in the build file (a node
    whose relation is gone is rebuilt). `force`: build every node in scope.
    """
    effective: dict[str, str] = {}
    build: set[str] = set()
    for uid in _static_order(graph):
        if uid not in graph:
            # A source: what the raw table holds now. Anything else (an ephemeral or a
            # disabled node) only contributes its name.
            effective[uid] = raw_versions.get(sources.get(uid, ""), uid)
            continue
        node = graph[uid]
        reads = node.parents
        inputs: list[str] = []
        if node.resource_type == "unit_test":
            # Fixtures, not rows: the code of the tested model and of the relations it reads
            # (dbt takes the fixtures' column types from them), not their versions.
            reads = ()
            for tested in (p for p in node.parents if p in graph):
                code = [tested, *(p for p in graph[tested].parents if p in graph)]
                inputs += [graph[p].definition for p in code]
        version = _digest(node.definition, inputs, [effective[p] for p in reads])
        in_scope = scope is None or uid in scope
        missing = node.relation is not None and present is not None and node.relation not in present
        if in_scope and (force or missing or built.get(uid) != version):
            build.add(uid)
            effective[uid] = version
        else:
            effective[uid] = built.get(uid, UNBUILT)
    everything = scope is None or set(graph) <= set(scope)
    full = everything and build == set(graph)
    return Plan(build=frozenset(build), versions=effective, full=full)


def _static_order(graph: Mapping[str, Node]) -> list[str]:
    """Every node and every source it reads, parents first."""
    return list(TopologicalSorter({uid: n.parents for uid, n in graph.items()}).static_order())


def topological(graph: Mapping[str, Node]) -> list[str]:
    """The nodes of the graph, parents first."""
    return [uid for uid in _static_order(graph) if uid in graph]


def selectors(graph: Mapping[str, Node], uids: Set[str]) -> list[str]:
    return sorted(graph[uid].selector for uid in uids)
