"""Benchmark: `domain.validation.validate` on long chains (target: 10,000 nodes under 1 s).

Builds Start → email → N condition nodes (each an 'opened' condition on that email, both
branches to the next node) → End, and Start → N email nodes → End (simple placeholders,
then `{% if %}` blocks in every body), then prints the seconds `parse_document` +
`validate` take for each size (best of --repeat runs, template caches cleared each run).

Usage: .venv/bin/python bench/validate_scale.py [--sizes 2500 5000 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time

from fluenzr_desktop.domain import templating
from fluenzr_desktop.domain.validation import validate
from fluenzr_desktop.domain.workflow import parse_document


def _edge(source: str, target: str, port: str | None) -> dict:
    return (
        {"from": source, "to": target}
        if port is None
        else {"from": source, "port": port, "to": target}
    )


def condition_chain(count: int) -> dict:
    """Start → e0 → c1 … cN (opened e0, yes and no to the next) → End."""
    nodes = [
        {"id": "start", "type": "start"},
        {"id": "e0", "type": "email", "subject": "Hi {{ firstName }}", "body": "Hello"},
    ]
    edges = [{"from": "start", "to": "e0"}]
    previous, ports = "e0", (None,)
    for index in range(1, count + 1):
        node_id = f"c{index}"
        nodes.append(
            {"id": node_id, "type": "condition", "condition": {"kind": "opened", "node": "e0"}}
        )
        edges += [_edge(previous, node_id, port) for port in ports]
        previous, ports = node_id, ("yes", "no")
    nodes.append({"id": "end", "type": "end"})
    edges += [_edge(previous, "end", port) for port in ports]
    return {"version": 1, "nodes": nodes, "edges": edges}


def email_chain(count: int, guarded: bool = False) -> dict:
    """Start → e1 … eN (each its own subject and body) → End.

    `guarded`: bodies use an `{% if %}` block, so each one is parsed and tried once.
    """
    nodes = [{"id": "start", "type": "start"}]
    edges = []
    previous = "start"
    for index in range(1, count + 1):
        node_id = f"e{index}"
        nodes.append(
            {
                "id": node_id,
                "type": "email",
                "subject": f"Step {index} for {{{{ company }}}}",
                "body": (
                    f"Hi {{% if firstName %}}{{{{ firstName }}}}{{% endif %}}, step {index}."
                    if guarded
                    else f"Hi {{{{ firstName | default('there') }}}}, step {index}."
                ),
            }
        )
        edges.append({"from": previous, "to": node_id})
        previous = node_id
    nodes.append({"id": "end", "type": "end"})
    edges.append({"from": previous, "to": "end"})
    return {"version": 1, "nodes": nodes, "edges": edges}


def _clear_template_caches() -> None:
    """Validation caches template checks per text: each run starts cold."""
    for function in (
        templating._simple_placeholders,
        templating._analysis,
        templating.render_limit_problem,
        templating.required_variables,
        templating._compiled,
    ):
        cache_clear = getattr(function, "cache_clear", None)
        if cache_clear is not None:
            cache_clear()


def timed(document: dict, repeat: int) -> tuple[float, int]:
    best, problems = float("inf"), 0
    for _ in range(repeat):
        _clear_template_caches()
        started = time.perf_counter()
        problems = len(validate(parse_document(document)))
        best = min(best, time.perf_counter() - started)
    return best, problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    builds = (
        ("conditions", condition_chain),
        ("emails", email_chain),
        ("emails+if", lambda count: email_chain(count, guarded=True)),
    )
    for label, build in builds:
        for size in args.sizes:
            seconds, problems = timed(build(size), args.repeat)
            print(f"{label:>10} {size:>6} nodes: {seconds:7.3f} s ({problems} problems)")


if __name__ == "__main__":
    main()
