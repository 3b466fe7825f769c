"""Personalisation of subjects and bodies with a sandboxed Jinja2 environment.

Guarantees callers rely on:
- contact values are passed as data, never parsed as templates: a company named
  ``{{ 7*7 }}`` renders literally;
- templates cannot reach Python internals (Jinja2's immutable sandbox);
- an empty contact value counts as missing, so ``default(...)`` fallbacks apply to it;
- a template cannot exhaust the machine: every way it has to make text, numbers or work
  grow is bounded (below), and going past a bound is a ``TemplateLimitError`` (a
  ``TemplateError``) with one line naming the limit, never a MemoryError, a RecursionError
  or a hung engine.

How the bounds hold (Jinja2's sandbox alone bounds none of them):
- *Values.* Every operation a template can use to build a value goes through a check:
  the intercepted operators ``*``, ``**``, ``%`` and ``+`` (``call_binop``), every call
  (``call``: string methods, macros, globals), every filter (each one is wrapped),
  ``str.format`` (our formatter), ``~`` and the output a macro or a block collects (our
  code generator) and every printed value (``finalize``). The operations whose result can
  be far larger than their inputs (repetition, padding widths, ``replace``, ``join``,
  ``expandtabs``, ``translate``, ``indent``, ``batch``, ``tojson``, powers…) are refused
  *before* they run when the result would pass ``MAX_VALUE_SIZE`` characters (or
  ``MAX_NUMBER_BITS`` bits, or a width/precision of ``MAX_FORMAT_WIDTH``); every other
  result is measured after it runs. A value's size is measured with a walk that stops as
  soon as it passes the limit, so lists that share one big string many times are caught.
- *Work.* Each render carries a budget (a context variable): one step per loop iteration
  (our code generator routes every ``{% for %}`` through a counting generator), per call,
  filter, operator and printed value. Past ``MAX_RENDER_STEPS`` steps, or
  ``RENDER_TIME_LIMIT`` seconds of ``time.perf_counter()``, the render stops. ``range()``
  gives at most ``MAX_RANGE_ITEMS`` items. Steps make the usual refusals deterministic;
  the time limit catches a template whose steps are each expensive.
- *Output.* A render streams its output and stops once it passes ``MAX_BODY_BYTES``;
  ``render_body`` refuses a body over that many UTF-8 bytes and ``render_subject`` a
  subject longer than ``MAX_SUBJECT_LENGTH`` characters once its whitespace is collapsed
  (what is sent: ``domain.subjects.clean_subject``).
- *Nesting.* Before Jinja2's recursive parser and code generator see a template, its
  tokens are scanned (brackets and blocks at most ``MAX_NESTING`` deep) and, once parsed,
  its syntax tree is measured without recursion (with its numbers, and the filters it
  names); a RecursionError that still happens is reported as "nested too deeply".

Validation (`render_limit_error`) renders each distinct subject and body once with sample
values under these limits, except the templates that surely stay small (plain text with
`{{ name }}` placeholders, or `if` blocks printing values through size-keeping filters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError

from .errors import TemplateError
from .problems import english
from .template_sandbox import _HTML_ENV, _TEXT_ENV
from .template_sizes import (  # the limits are part of this module's public face
    _BUDGET,
    _LONG_NUMBER,
    _NESTED,
    _NESTED_EXPRESSION,
    _NESTED_LIMIT,
    _RENDERED_TOO_LARGE,
    _SUBJECT_TOO_LONG,
    _TOO_DEEP_CALLS,
    _TOO_MUCH_MEMORY,
    MAX_BODY_BYTES,
    MAX_NESTING,
    MAX_NUMBER_BITS,
    MAX_SUBJECT_LENGTH,
    MAX_SYNTAX_DEPTH,
    SAMPLE_VALUE,
    TemplateLimitError,
    _Budget,
)
from .template_sizes import MAX_FORMAT_WIDTH as MAX_FORMAT_WIDTH
from .template_sizes import MAX_RANGE_ITEMS as MAX_RANGE_ITEMS
from .template_sizes import MAX_RENDER_STEPS as MAX_RENDER_STEPS
from .template_sizes import MAX_VALUE_SIZE as MAX_VALUE_SIZE
from .template_sizes import RENDER_TIME_LIMIT as RENDER_TIME_LIMIT

# Variables every contact may have, under the names founders know from lemlist.
STANDARD_VARIABLES: tuple[str, ...] = (
    "firstName",
    "lastName",
    "email",
    "company",
    "title",
    "phone",
    "signature",
)

# Contact attribute (store/CSV name) → template variable name.
FIELD_VARIABLES: dict[str, str] = {
    "email": "email",
    "first_name": "firstName",
    "last_name": "lastName",
    "company": "company",
    "title": "title",
    "phone": "phone",
}

_FALLBACK_FILTERS = frozenset({"default", "d"})
_NOT_IDENTIFIER = re.compile(r"\W+")
_HTML_TAG = re.compile(r"<(html|body|p|div|br|a|span|table|strong|em|b|i|ul|ol|li|h[1-6])\b", re.I)


def identifier_for(column: str) -> str:
    """The template variable name of a custom field: its column name with non-word runs as `_`."""
    name = _NOT_IDENTIFIER.sub("_", column.strip()).strip("_")
    if not name:
        return ""
    return name if not name[0].isdigit() else f"_{name}"


def looks_like_html(text: str) -> bool:
    """Whether a body is HTML (then contact values are escaped) rather than plain text."""
    return bool(_HTML_TAG.search(text))


# ---------------------------------------------------------------------------------------------
# Parsing: nesting is measured before Jinja2's recursive parser and code generator run

_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
_BLOCK_STATEMENTS = frozenset(
    {"if", "for", "macro", "call", "filter", "block", "with", "autoescape", "trans"}
)


def _nesting_error(source: str) -> str | None:
    """`line N: nested too deeply …` when brackets or blocks nest past MAX_NESTING, else None.

    Reads Jinja2's token stream (a loop over regular expressions, no recursion); lexing
    errors are raised as TemplateSyntaxError, like the parser would.
    """
    if sum(map(source.count, "([{")) <= MAX_NESTING:
        return None  # not even that many brackets (`{%` included): no need to read tokens
    brackets = blocks = 0
    first_name: str | None = None
    in_block = assigns = False
    for lineno, kind, value in _TEXT_ENV.lex(source):
        if kind == "operator":
            if value in _OPENING:
                brackets += 1
                if brackets > MAX_NESTING:
                    return f"line {lineno}: {_NESTED}"
            elif value in _CLOSING:
                brackets = max(brackets - 1, 0)
            elif value == "=" and in_block:
                assigns = True
        elif kind == "block_begin":
            in_block, first_name, assigns, brackets = True, None, False, 0
        elif kind == "name" and in_block and first_name is None:
            first_name = value
            if value in _BLOCK_STATEMENTS:
                blocks += 1
            elif value.startswith("end"):
                blocks = max(blocks - 1, 0)
        elif kind == "block_end":
            if first_name == "set" and not assigns:  # {% set x %}…{% endset %}
                blocks += 1
            in_block = False
        elif kind in ("variable_begin", "variable_end"):
            brackets = 0
        if blocks > MAX_NESTING:
            return f"line {lineno}: {_NESTED}"
    return None


def _tree_error(template: nodes.Template) -> str | None:
    """`line N: …` when the syntax tree is deeper than MAX_SYNTAX_DEPTH, holds a huge number
    or names a filter or test that does not exist.

    A walk without recursion: Jinja2's own walks recurse once per level. Jinja2's compiler
    refuses an unknown filter or test, except under an `if` (it may test that the filter
    exists): those are left to the compiler.
    """
    stack: list[tuple[nodes.Node, int, bool]] = [(template, 0, False)]
    while stack:
        node, depth, conditional = stack.pop()
        if depth > MAX_SYNTAX_DEPTH:
            return f"line {node.lineno}: {_NESTED_EXPRESSION}"
        value = node.value if isinstance(node, nodes.Const) else None
        if isinstance(value, int) and value.bit_length() > MAX_NUMBER_BITS:
            return f"line {node.lineno}: {_LONG_NUMBER}"
        if isinstance(node, nodes.Filter | nodes.Test) and not conditional:
            is_filter = isinstance(node, nodes.Filter)
            if node.name not in (_TEXT_ENV.filters if is_filter else _TEXT_ENV.tests):
                kind = "filter" if is_filter else "test"
                return f"line {node.lineno}: No {kind} named {node.name!r}."
        conditional = conditional or isinstance(node, nodes.If | nodes.CondExpr)
        stack.extend((child, depth + 1, conditional) for child in node.iter_child_nodes())
    return None


@lru_cache(maxsize=1024)
def _analysis(source: str) -> nodes.Template | str:
    """The parsed template, or the one-line reason it cannot be used (cached per text)."""
    try:
        problem = _nesting_error(source)
        if problem is not None:
            return problem
        template = _TEXT_ENV.parse(source)
    except TemplateSyntaxError as error:
        return f"line {error.lineno}: {error.message}"
    except (RecursionError, MemoryError):
        return _NESTED
    except ValueError:  # Python refuses int() of over 4,300 digits
        return _LONG_NUMBER
    return _tree_error(template) or template


def _parse(source: str) -> nodes.Template:
    """The syntax tree of a template, or TemplateError (syntax, nesting) naming the line."""
    analysed = _analysis(source)
    if isinstance(analysed, str):
        raise TemplateError(analysed)
    return analysed


# Plain text with `{{ name }}` / `{{ name | default('text') }}` placeholders: the templates
# nearly every campaign uses. Recognising them needs no parse (validation stays fast).
_TAG_START = re.compile(r"\{[{%#]")
_SIMPLE_PLACEHOLDER = re.compile(
    r"""\{\{[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*"""
    r"""(?:\|[ \t]*(?:default|d)[ \t]*\([ \t]*('[^'\\{}\n]*'|"[^"\\{}\n]*")[ \t]*\)[ \t]*)?\}\}"""
)
_JINJA_WORDS = frozenset(
    {"and", "or", "not", "in", "is", "if", "else", "elif", "true", "false", "none", "True",
     "False", "None", "for", "recursive", "import", "from", "with", "without", "context",
     "as", "set", "block", "macro", "call", "filter", "raw", "loop"}
)  # fmt: skip


@lru_cache(maxsize=4096)
def _simple_placeholders(source: str) -> tuple[str, ...] | None:
    """The default texts ('' when none) of a simple template's placeholders, else None."""
    defaults: list[str] = []
    position = 0
    while (tag := _TAG_START.search(source, position)) is not None:
        placeholder = _SIMPLE_PLACEHOLDER.match(source, tag.start())
        if placeholder is None or placeholder.group(1) in _JINJA_WORDS:
            return None
        defaults.append((placeholder.group(2) or "''")[1:-1])
        position = placeholder.end()
    return tuple(defaults)


def template_error(source: str) -> str | None:
    """None when the template compiles, else a one-line message naming the line."""
    if _simple_placeholders(source) is not None:
        return None
    analysed = _analysis(source)
    return analysed if isinstance(analysed, str) else None


@lru_cache(maxsize=512)
def _compiled(source: str, html: bool):
    _parse(source)  # syntax and nesting first: Jinja2's compiler recurses
    try:
        return (_HTML_ENV if html else _TEXT_ENV).from_string(source)
    except TemplateSyntaxError as error:
        raise TemplateError(f"line {error.lineno}: {error.message}") from None
    except TemplateLimitError:
        raise
    except (RecursionError, MemoryError, SyntaxError):
        # Python's own compiler limits (e.g. 20 nested loops) are nesting too.
        raise TemplateError(_NESTED) from None


def _render(source: str, variables: Mapping[str, str], html: bool | None, what: str) -> str:
    as_html = looks_like_html(source) if html is None else html
    template = _compiled(source, as_html)
    budget = _Budget()
    token = _BUDGET.set(budget)
    try:
        chunks: list[str] = []
        size = 0
        for chunk in template.generate(dict(variables)):
            size += len(chunk)
            if size > MAX_BODY_BYTES:  # characters ≤ bytes: stop before it grows further
                raise TemplateLimitError(*_RENDERED_TOO_LARGE)
            chunks.append(chunk)
        text = "".join(chunks)
    except TemplateLimitError as error:
        raise TemplateLimitError(error.code, error.params, what) from None
    except SecurityError as error:
        raise TemplateError(f"not allowed in a template: {error}") from None
    except JinjaTemplateError as error:
        raise TemplateError(
            str(error).splitlines()[0] if str(error) else "template error"
        ) from None
    except MemoryError:
        raise TemplateLimitError(*_TOO_MUCH_MEMORY, what) from None
    except RecursionError:
        raise TemplateLimitError(*_TOO_DEEP_CALLS, what) from None
    except Exception as error:  # whatever a template does wrong is its own error
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise TemplateError(f"template failed: {first_line}") from None
    finally:
        _BUDGET.reset(token)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BODY_BYTES:
        raise TemplateLimitError(*_RENDERED_TOO_LARGE, what)
    return text


def render(source: str, variables: Mapping[str, str], *, html: bool | None = None) -> str:
    """Render one template for one contact; raises TemplateError with a one-line reason.

    Any render stops past MAX_BODY_BYTES of output and every other limit of this module;
    `render_subject` and `render_body` add the limit of their field.
    """
    return _render(source, variables, html, "template")


def render_subject(source: str, variables: Mapping[str, str]) -> str:
    """Render a subject (plain text): refused past MAX_SUBJECT_LENGTH characters as sent.

    The length counted is the subject once its whitespace runs are collapsed to one
    space (`domain.subjects.clean_subject`, what goes in the one header line).
    """
    text = _render(source, variables, False, "subject")
    if len(" ".join(text.split())) > MAX_SUBJECT_LENGTH:
        raise TemplateLimitError(*_SUBJECT_TOO_LONG, "subject")
    return text


def render_body(source: str, variables: Mapping[str, str]) -> str:
    """Render a body (HTML when it looks like HTML): refused past MAX_BODY_BYTES."""
    return _render(source, variables, None, "body")


def _simply_bounded(source: str, what: str) -> bool:
    """Whether a simple template surely renders within its field's limit for SAMPLE_VALUE."""
    defaults = _simple_placeholders(source)
    if defaults is None:
        return False
    # An HTML body escapes a default text: `<` becomes `&lt;` (up to 6 characters for 1).
    grown = sum(max(len(SAMPLE_VALUE), 6 * len(text.encode())) for text in defaults)
    if what == "subject":
        return len(source) + grown <= MAX_SUBJECT_LENGTH
    return len(source.encode("utf-8", "surrogatepass")) + grown <= MAX_BODY_BYTES


# Filters whose result is no longer than their value (or than a fallback they print).
_SIZE_KEEPING_FILTERS = frozenset(
    {"default", "d", "upper", "lower", "title", "capitalize", "trim", "striptags", "e",
     "escape", "string", "first", "last", "length", "count", "wordcount", "int", "float"}
)  # fmt: skip
# Longest text an escaped character becomes (`"` → `&#34;`).
_ESCAPE_GROWTH = 6


def _printed_bound(node: nodes.Node) -> int | None:
    """Most characters this expression prints with SAMPLE_VALUE for every variable.

    None when it may do more than print a value once (calls, operators, loops…): then only
    a trial render tells. The tree is at most MAX_SYNTAX_DEPTH deep (_analysis).
    """
    if isinstance(node, nodes.Name):
        return len(SAMPLE_VALUE)
    if isinstance(node, nodes.Const):
        return _ESCAPE_GROWTH * len(str(node.value))
    if isinstance(node, nodes.Filter) and node.name in _SIZE_KEEPING_FILTERS:
        if node.node is None or node.kwargs or node.dyn_args or node.dyn_kwargs:
            return None
        parts = [_printed_bound(part) for part in (node.node, *node.args)]
        return None if None in parts else max(parts)  # type: ignore[type-var]
    if isinstance(node, nodes.CondExpr):
        parts = [_printed_bound(part) for part in (node.expr1, node.expr2) if part is not None]
        tested = _printed_bound(node.test)
        return None if None in parts or tested is None else max(parts, default=0)  # type: ignore[type-var]
    if isinstance(node, nodes.And | nodes.Or):
        parts = [_printed_bound(node.left), _printed_bound(node.right)]
        return None if None in parts else max(parts)  # type: ignore[type-var]
    if isinstance(node, nodes.Not | nodes.Test | nodes.Compare):
        children = list(node.iter_child_nodes())
        for child in children:
            if isinstance(child, nodes.Operand):
                child = child.expr
            if _printed_bound(child) is None:
                return None
        return len("False")
    if isinstance(node, nodes.Concat):
        parts = [_printed_bound(part) for part in node.nodes]
        return None if None in parts else sum(parts)  # type: ignore[arg-type]
    return None


def _rendered_bound(template: nodes.Template) -> int | None:
    """Most characters a template without loops or calls renders with SAMPLE_VALUE, else None.

    Such a template runs each of its outputs at most once, so the sum bounds the render.
    """
    total = 0
    stack: list[nodes.Node] = list(template.body)
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData):
                    total += len(child.data)
                elif (bound := _printed_bound(child)) is None:
                    return None
                else:
                    total += bound
        elif isinstance(node, nodes.If):
            for test in (node.test, *(branch.test for branch in node.elif_)):
                if _printed_bound(test) is None:
                    return None
            stack += node.body + node.else_
            for branch in node.elif_:
                stack += branch.body
        else:
            return None
    return total


def render_limit_error(source: str, what: str = "body") -> str | None:
    """A one-line problem when this subject or body passes a limit of this module, else None.

    The English sentence of `render_limit_problem` (which validation calls).
    """
    found = render_limit_problem(source, what)
    return None if found is None else english(*found)


@lru_cache(maxsize=4096)
def render_limit_problem(source: str, what: str = "body") -> tuple[str, dict[str, Any]] | None:
    """(problem code, params) when this subject or body passes a limit of this module, else None.

    Validation calls it before a campaign is activated: the template is rendered once with
    SAMPLE_VALUE for every variable it names (so the branches guarded by a variable run),
    under every limit. Only limits are reported: a template that fails for other reasons
    with made-up values (`{{ firstName + 1 }}`) may well work with real ones, and a
    template that does not compile is `template_error`'s to report. Cached per text.
    """
    if what not in ("subject", "body"):
        raise ValueError(f"what must be 'subject' or 'body', not {what!r}")
    if _simply_bounded(source, what) or template_error(source) is not None:
        return None
    bound = _rendered_bound(_parse(source))
    limit = MAX_SUBJECT_LENGTH if what == "subject" else MAX_BODY_BYTES // 4  # 4 bytes a char
    if bound is not None and bound <= limit:
        return None
    try:
        variables = {name: SAMPLE_VALUE for name in referenced_variables(source)}
        if what == "subject":
            render_subject(source, variables)
        else:
            render_body(source, variables)
    except TemplateLimitError as error:
        return error.code, {"what": error.what, **error.params}
    except TemplateError as error:
        # Nesting found while compiling is a limit too; other failures are not ours to judge.
        if str(error) == _NESTED:
            code, params = _NESTED_LIMIT
            return code, {"what": what, **params}
        return None
    return None


def contact_variables(
    *,
    email: str = "",
    first_name: str | None = None,
    last_name: str | None = None,
    company: str | None = None,
    title: str | None = None,
    phone: str | None = None,
    custom_fields: Mapping[str, object] | None = None,
    signature: str | None = None,
) -> dict[str, str]:
    """Template variables for one contact; empty values are left out so fallbacks apply."""
    standard = {
        "email": email,
        "firstName": first_name,
        "lastName": last_name,
        "company": company,
        "title": title,
        "phone": phone,
        "signature": signature,
    }
    variables: dict[str, str] = {}
    for column, value in (custom_fields or {}).items():
        text = "" if value is None else str(value)
        if not text.strip():
            continue
        variables[column] = text
        alias = identifier_for(column)
        if alias and alias not in STANDARD_VARIABLES:
            variables.setdefault(alias, text)
    for name, value in standard.items():
        if value is not None and str(value).strip():
            variables[name] = str(value)
    return variables


def _guarded_names(template: nodes.Template) -> set[int]:
    """ids of Name nodes whose absence is handled in the template (fallback or test)."""
    guarded: set[int] = set()
    for filter_node in template.find_all(nodes.Filter):
        if filter_node.name in _FALLBACK_FILTERS and isinstance(filter_node.node, nodes.Name):
            guarded.add(id(filter_node.node))
    for test_node in template.find_all(nodes.Test):
        for name in test_node.find_all(nodes.Name):
            guarded.add(id(name))
        if isinstance(test_node.node, nodes.Name):
            guarded.add(id(test_node.node))
    for if_node in template.find_all((nodes.If, nodes.CondExpr)):
        tested = {name.name for name in if_node.test.find_all(nodes.Name)}
        if isinstance(if_node.test, nodes.Name):
            tested.add(if_node.test.name)
            guarded.add(id(if_node.test))
        for name in if_node.test.find_all(nodes.Name):
            guarded.add(id(name))
        # `{% if company %}at {{ company }}{% endif %}` prints company only when present.
        guarded_body = if_node.body if isinstance(if_node, nodes.If) else [if_node.expr1]
        for statement in guarded_body:
            for name in statement.find_all(nodes.Name):
                if name.name in tested:
                    guarded.add(id(name))
            if isinstance(statement, nodes.Name) and statement.name in tested:
                guarded.add(id(statement))
    return guarded


def _undeclared(source: str) -> set[str] | None:
    """Names a template reads from its context, or None when it does not compile."""
    try:
        return meta.find_undeclared_variables(_parse(source))
    except (TemplateError, TemplateSyntaxError):  # e.g. an unknown filter under an `if`
        return None


def referenced_variables(source: str) -> frozenset[str]:
    """Every contact variable a template names, guarded or not (Jinja2's own globals aside)."""
    undeclared = _undeclared(source)
    return frozenset() if undeclared is None else frozenset(undeclared - set(_TEXT_ENV.globals))


@lru_cache(maxsize=512)
def required_variables(source: str) -> frozenset[str]:
    """Variables a template prints without a fallback or an `if` guard."""
    names = _undeclared(source)
    if names is None:
        return frozenset()
    template = _parse(source)
    undeclared = names - set(_TEXT_ENV.globals)
    guarded = _guarded_names(template)
    required: set[str] = set()
    for name in template.find_all(nodes.Name):
        if name.ctx == "load" and name.name in undeclared and id(name) not in guarded:
            required.add(name.name)
    return frozenset(required)


def missing_variables(sources: Iterable[str], variables: Mapping[str, str]) -> list[str]:
    """Pre-flight: variables the templates need that this contact lacks, sorted."""
    needed: set[str] = set()
    for source in sources:
        needed |= required_variables(source)
    return sorted(name for name in needed if name not in variables)
